import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BuildError } from './errors.js';

/** Where Chromium is looked for, in order; STATUSBOOK_CHROMIUM overrides. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags for a headless Chromium on a machine without network, sandbox or GPU. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** What a printed book says about itself: on its cover and in its metadata. */
export interface PrintOptions {
  readonly paper: Paper;
  /** statusbook's version, on the cover and as the PDF's creator. */
  readonly version: string;
  /** The content's date (YYYY-MM-DD), on the cover. */
  readonly date: string;
}

/** The PDF's Author: the books are statusbook's, whoever builds them. */
const AUTHOR = 'Statusbook';

/** How many times a book is printed at most while its contents' page numbers settle. */
const MAX_PASSES = 6;

/** The Chromium executable to use; a BuildError that says how to install it when there is none. */
export async function findChromium(env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const candidates = env.STATUSBOOK_CHROMIUM ? [env.STATUSBOOK_CHROMIUM] : CANDIDATES;
  for (const path of candidates) {
    try {
      await access(path);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new BuildError(
    `PDFs need Chromium, and none was found (looked for ${candidates.join(', ')}).\n` +
      'Install it with `apt-get install -y chromium fonts-noto-cjk` (Debian, Ubuntu), or set STATUSBOOK_CHROMIUM to its path.',
  );
}

/**
 * Prints each print-ready HTML book to a PDF with stable bytes: the cover gets the version and
 * date, and the contents the page of each entry. Chromium cannot number pages in the contents
 * (no target-counter()), so a book is printed, the page of each entry read back from the PDF's
 * named destinations, and printed again with the numbers until they no longer change and two
 * printings in a row give the same bytes.
 */
export async function printPdfs(executablePath: string, jobs: readonly { html: string; pdf: string }[], options: PrintOptions): Promise<void> {
  // Loaded only for PDFs: playwright is large.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
  try {
    const page = await browser.newPage();
    for (const job of jobs) {
      await page.goto(pathToFileURL(job.html).href, { waitUntil: 'load' });
      await page.addStyleTag({ content: `@page { size: ${options.paper === 'letter' ? 'letter' : 'A4'}; }` });
      // textContent only: nothing here becomes markup.
      await page.evaluate(call(FILL_EDITION, { version: options.version, date: options.date }));
      await page.evaluate('document.fonts.ready');
      // Room for three digits first, so that filling the numbers in moves nothing.
      let numbers = await page.evaluate<Record<string, string>>(call(PLACEHOLDERS));
      let pdf: Buffer;
      let previous: Buffer | undefined;
      for (let pass = 1; ; pass++) {
        await page.evaluate(call(FILL_PAGES, numbers));
        pdf = stabilize(Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true })));
        const found = Object.fromEntries([...destinationPages(pdf)].filter(([id]) => id in numbers).map(([id, n]) => [id, String(n)]));
        // Done when the numbers are right and the bytes repeat: on a loaded machine a first
        // printing can come out different (fonts Chromium loads while it lays out), and a book
        // must be the same bytes every time.
        if (sameRecord(found, numbers) && previous?.equals(pdf)) break;
        if (pass === MAX_PASSES) throw new BuildError(`${job.html}: the page numbers of its contents did not settle after ${MAX_PASSES} printings`);
        if (!sameRecord(found, numbers)) numbers = found;
        previous = pdf;
      }
      await mkdir(dirname(job.pdf), { recursive: true });
      // Written beside and renamed: a killed run never leaves half a PDF under its name.
      await writeFile(`${job.pdf}.partial`, withAuthor(pdf, AUTHOR, `statusbook ${options.version}`));
      await rename(`${job.pdf}.partial`, job.pdf);
    }
  } finally {
    await browser.close();
  }
}

// Scripts run in the page (the CLI is compiled without the DOM's types).
const FILL_EDITION = `(edition) => {
  for (const [key, value] of Object.entries(edition)) {
    const row = document.querySelector('[data-edition="' + key + '"]');
    if (!row) continue;
    row.querySelector('dd').textContent = value;
    row.removeAttribute('hidden');
  }
}`;
const PLACEHOLDERS = `() => Object.fromEntries([...document.querySelectorAll('[data-page-of]')].map((e) => [e.getAttribute('data-page-of'), '000']))`;
const FILL_PAGES = `(numbers) => {
  for (const e of document.querySelectorAll('[data-page-of]')) e.textContent = numbers[e.getAttribute('data-page-of')] ?? '';
}`;

/** A call of one of the scripts above with a JSON argument, as page.evaluate takes it. */
function call(script: string, arg?: unknown): string {
  return `(${script})(${arg === undefined ? '' : JSON.stringify(arg)})`;
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((k) => a[k] === b[k]);
}

/**
 * The 1-based page of each named destination of a Chromium PDF (Skia writes the catalog's
 * /Dests and the page tree as plain objects): `code-437` -> 57.
 */
export function destinationPages(pdf: Buffer): Map<string, number> {
  const text = pdf.toString('latin1');
  const kids = new Map<string, string[]>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\s*<<\/Type \/Pages\s[^]*?\/Kids \[([^\]]*)\]/g)) {
    kids.set(m[1]!, [...m[2]!.matchAll(/(\d+) 0 R/g)].map((r) => r[1]!));
  }
  const root = /\/Type \/Catalog\s[^]*?\/Pages (\d+) 0 R/.exec(text)?.[1];
  const order = new Map<string, number>();
  const walk = (node: string) => {
    const children = kids.get(node);
    if (!children) order.set(node, order.size + 1);
    else for (const child of children) walk(child);
  };
  if (root) walk(root);
  const dests = new Map<string, number>();
  for (const m of text.matchAll(/\/([A-Za-z0-9._#-]+) \[(\d+) 0 R \/XYZ /g)) {
    const page = order.get(m[2]!);
    if (page !== undefined) dests.set(m[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), page);
  }
  return dests;
}

/**
 * Chromium stamps each PDF with the time it was made. The stamps are replaced by a fixed
 * date of the same length, so byte offsets stay valid and the same book gives the same bytes.
 */
export function stabilize(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g, (_m, key: string, digits: string, zone: string) => {
    return `/${key} (D:${'20000101000000'.slice(0, digits.length)}${zone.replace(/[0-9]/g, '0')})`;
  });
  return Buffer.from(fixed, 'latin1');
}

/**
 * Chromium takes a PDF's title from <title> and its language from <html lang>, but writes no
 * author, and its browser's user agent as the creator. The creator entry is replaced by an
 * author and statusbook's name, padded with spaces to the same length, so offsets stay valid.
 */
export function withAuthor(pdf: Buffer, author: string, creator: string): Buffer {
  const text = pdf.toString('latin1');
  const match = /\/Creator \((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)/.exec(text);
  if (!match) return pdf;
  const entry = `/Author ${pdfString(author)} /Creator ${pdfString(creator)}`;
  if (entry.length > match[0].length) return pdf;
  return Buffer.from(text.slice(0, match.index) + entry.padEnd(match[0].length, ' ') + text.slice(match.index + match[0].length), 'latin1');
}

/** A PDF text string: literal when ASCII, else UTF-16BE in hex. */
function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  return `<FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}

/**
 * The content's date (YYYY-MM-DD), for covers and bundle metadata: SOURCE_DATE_EPOCH when
 * set (the reproducible-builds convention), else the newest commit touching content/ or
 * locales/, else the newest modification time of their files. Never the clock: the same
 * content gives the same bytes on another day.
 */
export function contentDate(root: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  try {
    const date = execFileSync('git', ['log', '-1', '--format=%cs', '--', 'content', 'locales'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  } catch {
    // not a git repository, or no git
  }
  let newest = 0;
  for (const dir of ['content', 'locales']) {
    for (const name of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
      const stat = statSync(join(root, dir, name));
      if (stat.isFile() && stat.mtimeMs > newest) newest = stat.mtimeMs;
    }
  }
  return new Date(newest).toISOString().slice(0, 10);
}
