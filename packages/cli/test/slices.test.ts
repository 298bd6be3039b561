// Builds add to the output, they do not wipe it: each build owns the (format, locale) slices it
// was asked for; only --clean and --prune remove others.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeSynthetic } from '../../../scripts/synthetic.mjs';
import { snapshotTree, statusbook } from './helpers.js';

const bin = new URL('../bin/statusbook.js', import.meta.url).pathname;

function ok(dir: string, ...args: string[]): { written: number; kept: number; pdfs: number; stages: { pdf: number } } {
  const run = statusbook(['build', '--json', ...args], dir);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { written: number; kept: number; pdfs: number; stages: { pdf: number } };
}

/** The files of `after` that `before` has too, with their hashes: what a build kept. */
function common(before: Record<string, string>, after: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(before).filter((p) => !p.startsWith('.statusbook/')).map((p) => [p, after[p] ?? 'missing']));
}

function pages(snapshot: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot).filter(([p]) => !p.startsWith('.statusbook/')));
}

describe("the README's commands, one after another", () => {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-slices-'));
  writeSynthetic(dir, 6);
  const out = join(dir, 'output');

  test('npm run docs, then a Japanese print build with PDFs, then statusbook dev: every format and locale stays, byte for byte', async () => {
    ok(dir);
    const all = pages(snapshotTree(out));
    expect(Object.keys(all).some((p) => p.startsWith('md/vi/'))).toBe(true);

    const print = ok(dir, '--locale', 'ja', '--format', 'print', '--pdf');
    const withPdf = pages(snapshotTree(out));
    expect(common(all, withPdf)).toEqual(all);
    expect(Object.keys(withPdf).filter((p) => !(p in all))).toEqual(['pdf/ja/syn.pdf']);
    expect(print.kept).toBeGreaterThan(0);
    // The summary counts the PDFs and the time they took.
    expect(print.pdfs).toBe(1);
    expect(print.stages.pdf).toBeGreaterThan(0);

    const child = spawn(process.execPath, [bin, 'dev', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    try {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const deadline = Date.now() + 30_000;
      while (!stdout.includes('Serving') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(stdout).toContain('Serving');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
    }
    expect(pages(snapshotTree(out))).toEqual(withPdf);
  }, 90_000);

  test('a locale built on its own links to the languages the output already holds', () => {
    const html = readFileSync(join(out, 'html/ja/syn/index.html'), 'utf8');
    ok(dir, '--locale', 'ja', '--format', 'html', '--clean');
    // --clean keeps only the Japanese HTML: its pages link to no other language.
    expect(readFileSync(join(out, 'html/ja/syn/index.html'), 'utf8')).not.toContain('hreflang="vi"');
    expect(readdirSync(join(out, 'html'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()).toEqual(['assets', 'ja']);
    // Vietnamese built beside it links to Japanese, and the build says the Japanese pages lag behind.
    const vi = statusbook(['build', '--locale', 'vi', '--format', 'html'], dir);
    expect(vi.code).toBe(0);
    expect(readFileSync(join(out, 'html/vi/syn/index.html'), 'utf8')).toContain('hreflang="ja"');
    expect(vi.stderr).toContain('note: html/ja was built when the output had other languages or formats');
    // Every format again: the Japanese pages link to every language and to their md and json forms, as before.
    ok(dir);
    expect(readFileSync(join(out, 'html/ja/syn/index.html'), 'utf8')).toBe(html);
  });

  test('--prune drops the formats and locales the configuration no longer has', () => {
    ok(dir);
    writeFileSync(join(dir, 'statusbook.config.yaml'), 'formats: [md, html]\nlocales: [en, ja]\n');
    ok(dir);
    expect(readdirSync(out).filter((n) => !n.startsWith('.')).sort()).toEqual(['embed', 'html', 'json', 'md', 'print']);
    ok(dir, '--prune');
    expect(readdirSync(out).filter((n) => !n.startsWith('.')).sort()).toEqual(['html', 'md']);
    expect(readdirSync(join(out, 'md')).sort()).toEqual(['en', 'ja']);
  });
});

describe('the forms of a page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-forms-'));
  writeSynthetic(dir, 4);

  test('a format whose pages do not link to the other forms is not out of date when one is built beside it', () => {
    ok(dir, '--locale', 'en', '--format', 'print');
    const md = statusbook(['build', '--locale', 'en', '--format', 'md'], dir);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stderr).not.toContain('note: print/en');
    expect(ok(dir, '--locale', 'en', '--format', 'md,print').written).toBe(0);
  });

  test('HTML code pages show the embed snippets once the output holds the cards, after the build says they lag', () => {
    const page = join(dir, 'output/html/en/syn/100/index.html');
    ok(dir, '--locale', 'en', '--format', 'html');
    expect(readFileSync(page, 'utf8')).not.toContain('class="embed"');
    const embed = statusbook(['build', '--locale', 'en', '--format', 'embed'], dir);
    expect(embed.code, embed.stderr).toBe(0);
    expect(embed.stderr).toContain('note: html/en was built when the output had other languages or formats');
    expect(readFileSync(page, 'utf8')).not.toContain('class="embed"');
    ok(dir, '--locale', 'en', '--format', 'html');
    expect(readFileSync(page, 'utf8')).toContain('class="embed"');
    // Nothing lags now: building both again writes nothing.
    expect(ok(dir, '--locale', 'en', '--format', 'html,embed').written).toBe(0);
  });
});
