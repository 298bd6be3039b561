import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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
    `--pdf needs Chromium, and none was found (looked for ${candidates.join(', ')}).\n` +
      'Install it with `apt-get install -y chromium fonts-noto-cjk` (Debian, Ubuntu), or set STATUSBOOK_CHROMIUM to its path.',
  );
}

/** Prints each print-ready HTML book to a PDF next to the others, with stable bytes. */
export async function printPdfs(executablePath: string, jobs: readonly { html: string; pdf: string }[]): Promise<void> {
  // Loaded only for --pdf: playwright is large.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
  try {
    const page = await browser.newPage();
    for (const job of jobs) {
      await page.goto(pathToFileURL(job.html).href, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready');
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
      await mkdir(dirname(job.pdf), { recursive: true });
      await writeFile(job.pdf, stabilize(Buffer.from(pdf)));
    }
  } finally {
    await browser.close();
  }
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
