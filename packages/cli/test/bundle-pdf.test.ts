// PDF books from the bundled content, read with poppler as a reader's viewer would: the
// contents list every code with the page on which pdftotext finds its heading, the cover
// shows the version and the content's date, pdfinfo shows the title, author and paper (A4
// or letter), and the same output gives the same bytes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BundleJob } from '../src/bundle/kind.js';
import { pdf } from '../src/bundle/pdf.js';
import { buildBundledContent, type BuiltContent } from './bundle-books.js';
import { repoRoot, statusbook } from './helpers.js';

let built: BuiltContent;
beforeAll(async () => {
  built = await buildBundledContent(['print']);
});
afterAll(() => built?.remove());

function poppler(tool: string, args: readonly string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** The text of each page, laid out (pdftotext ends each page with a form feed). */
function pages(file: string): string[] {
  return poppler('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
}

/**
 * Each code of the contents with the page number printed next to it, and the page on which
 * its heading first appears after the contents.
 */
function contentsAndHeadings(file: string): { code: string; listed: number; found: number }[] {
  const text = pages(file);
  const entries: { code: string; listed: number }[] = [];
  let first = Infinity;
  for (let i = 1; i < Math.min(text.length, first - 1); i++) {
    for (const line of text[i]!.split('\n')) {
      const m = /^\s*(\d{1,4}) (.+?)\s{2,}(\d+)\s*$/.exec(line);
      // Codes come first; a comparison's title after them starts with a code listed already.
      if (m && !entries.some((e) => e.code === m[1])) {
        entries.push({ code: m[1]!, listed: Number(m[3]) });
        first = Math.min(first, Number(m[3]));
      }
    }
  }
  const headings = headingCodes(file);
  return entries.map(({ code, listed }) => ({ code, listed, found: headings.findIndex((codes, i) => i >= first - 1 && codes.has(code)) + 1 }));
}

/**
 * The codes that start a 12 pt line (an entry's heading) on each page, from the words and
 * boxes pdftotext reads: body text is 10.5 pt, summaries 11.5 pt, chapter headings 14 pt. Reading the size,
 * not the text, tells a heading from a sentence that happens to start with the same words.
 */
function headingCodes(file: string): Set<string>[] {
  return poppler('pdftotext', ['-bbox', file, '-'])
    .split('<page ')
    .slice(1)
    .map((page) => {
      const codes = new Set<string>();
      for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(\d{1,4})<\/word>/g)) {
        // At the page's 18 mm margin, as tall as 12 pt type (11.5 pt summaries are 15.7).
        const height = Number(m[3]) - Number(m[2]);
        if (Number(m[1]) < 55 && height > 16 && height < 17.5) codes.add(m[4]!);
      }
      return codes;
    });
}

async function make(job: BundleJob): Promise<string[]> {
  const files = await pdf.make(job);
  expect(files.map((f) => f.path)).toEqual(built.content.protocols.map((p) => `${job.locale}/statusbook-${job.locale}-${p.id}.pdf`));
  return files.map((f) => join(job.staging, f.path));
}

describe('the pdf kind on the bundled content', () => {
  test.each([
    ['ja', 'a4'],
    ['vi', 'a4'],
    ['en', 'letter'],
  ] as const)('%s on %s: contents with the page of every heading, cover, metadata, paper', async (locale, paper) => {
    const job = built.job(locale, { paper });
    const files = await make(job);
    for (const [i, file] of files.entries()) {
      const protocol = built.content.protocols[i]!;
      const listed = contentsAndHeadings(file);
      expect(listed.map((e) => Number(e.code))).toEqual(protocol.classes.flatMap((c) => protocol.codes.filter((code) => code.code >= c.range[0] && code.code <= c.range[1]).map((code) => code.code)));
      for (const entry of listed) expect(entry.listed, `${file}: ${entry.code}`).toBe(entry.found);

      const info = poppler('pdfinfo', [file]);
      expect(info).toMatch(/^Author: +Statusbook$/m);
      expect(info).toMatch(/^Creator: +statusbook 0\.1\.0$/m);
      expect(info).toMatch(paper === 'a4' ? /^Page size: +594\.96 x 841\.92 pts \(A4\)$/m : /^Page size: +612 x 792 pts \(letter\)$/m);
      expect(readFileSync(file).toString('latin1')).toContain(`/Lang (${locale})`);
      const cover = pages(file)[0]!;
      expect(cover).toMatch(/0\.1\.0/);
      expect(cover).toMatch(/2026-11-30/);
      expect(cover).toContain(protocol.name);
    }
    if (locale === 'ja') {
      const sip = files.find((f) => f.endsWith(`-sip.pdf`))!;
      expect(poppler('pdfinfo', [sip])).toMatch(/^Title: +SIP ステータスコード · Statusbook$/m);
      expect(pages(sip)[0]).toContain('日本語');
      // Bookmarks as before.
      expect(readFileSync(sip).toString('latin1')).toMatch(/\/Outlines \d+ 0 R/);
    }
  });

  test('the same output gives the same bytes', async () => {
    const http = { ...built.content, protocols: built.content.protocols.filter((p) => p.id === 'http') };
    const [a, b] = [built.job('en'), built.job('en')].map((job) => ({ ...job, content: http }));
    const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(hash((await pdf.make(a!)).map((f) => join(a!.staging, f.path))[0]!)).toBe(hash((await pdf.make(b!)).map((f) => join(b!.staging, f.path))[0]!));
  });
});

describe('statusbook build --pdf --paper', () => {
  test('letter prints the books on US letter, with the version on the cover', () => {
    const out = join(built.dir, 'letter');
    const run = statusbook(['build', '--out', out, '--locale', 'en', '--protocol', 'http', '--format', 'print', '--pairs', 'curated', '--pdf', '--paper', 'letter'], repoRoot);
    expect(run.code, run.stderr).toBe(0);
    const file = join(out, 'pdf/en/http.pdf');
    expect(poppler('pdfinfo', [file])).toMatch(/^Page size: +612 x 792 pts \(letter\)$/m);
    expect(pages(file)[0]).toMatch(/Statusbook version +\d+\.\d+\.\d+/);
    expect(contentsAndHeadings(file).every((e) => e.listed === e.found)).toBe(true);
  });

  test('another size, or --paper without --pdf, is a usage error', () => {
    const b5 = statusbook(['build', '--format', 'print', '--pdf', '--paper', 'b5'], repoRoot);
    expect(b5.code).toBe(2);
    expect(b5.stderr).toContain('--paper b5: expected a4 or letter');
    const alone = statusbook(['build', '--format', 'print', '--paper', 'letter'], repoRoot);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--paper sets the paper of the PDFs: add --pdf');
  });
});
