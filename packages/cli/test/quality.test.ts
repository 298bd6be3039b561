// Checks the real build with the tools a publisher would use: the Nu HTML Checker, axe-core
// in headless Chromium (light and dark), markdownlint, and pdftotext on a Japanese PDF book.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from 'markdownlint/promise';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseJsonc } from './jsonc.js';
import { nuErrors, repoRoot, statusbook } from './helpers.js';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.STATUSBOOK_CHROMIUM ?? '/usr/bin/chromium';
// Outputs sit inside one temporary folder, so their state folders (beside them) go with it.
const work = mkdtempSync(join(tmpdir(), 'statusbook-quality-'));
const out = join(work, 'out');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  const run = statusbook(['build', '--locale', 'en', '--redirect-pages', '--redirects', 'all', '--base-url', 'https://docs.example.org/', '--out', out], repoRoot);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}, 300_000);

const PAGES = {
  home: 'html/en/index.html',
  protocolIndex: 'html/en/sip/index.html',
  compareIndex: 'html/en/sip/compare/index.html',
  code: 'html/en/sip/437/index.html',
  compare: 'html/en/sip/compare/200-vs-437/index.html',
  httpCompare: 'html/en/http/compare/301-vs-308/index.html',
  redirect: 'html/en/sip/compare/437-vs-200/index.html',
  notFound: 'html/404.html',
  book: 'print/en/sip.html',
  printCode: 'print/en/http/413.html',
};

test('the Nu HTML Checker reports no errors on every kind of page and the print book', () => {
  expect(nuErrors(Object.values(PAGES).map((p) => join(out, p)))).toEqual([]);
}, 120_000);

describe('axe-core in headless Chromium', () => {
  let browser: Browser;
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });
  afterAll(async () => browser?.close());

  test('on a host that serves 404.html for missing paths, a reversed comparison URL lands on the canonical page', async () => {
    // A host like GitHub Pages: files as they are, folders by their index.html, 404.html otherwise.
    const server = createServer((request, response) => {
      const path = join(out, 'html', decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
      const file = path.endsWith('/') ? join(path, 'index.html') : path;
      const found = existsSync(file) && statSync(file).isFile();
      // This build has the redirect pages; the host is meant to be one without them.
      const isRedirectPage = /\/(\d+)-vs-(\d+)\//.test(path) && Number(/(\d+)-vs/.exec(path)![1]) > Number(/vs-(\d+)/.exec(path)![1]);
      response.writeHead(found && !isRedirectPage ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(readFileSync(found && !isRedirectPage ? file : join(out, 'html/404.html')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/en/sip/compare/437-vs-200/`);
      await page.waitForURL(`http://127.0.0.1:${port}/en/sip/compare/200-vs-437/`);
      expect(await page.locator('h1').textContent()).toBe('SIP 200 OK vs 437 Unsupported Credential');
      // Other missing paths stay on the 404 page.
      const missing = await page.goto(`http://127.0.0.1:${port}/en/sip/compare/200-vs-999/`);
      expect(missing?.status()).toBe(404);
      expect(page.url()).toBe(`http://127.0.0.1:${port}/en/sip/compare/200-vs-999/`);
      await page.close();
    } finally {
      server.close();
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const name of ['code', 'compare', 'protocolIndex'] as const) {
      test(`${name} page has no violations in ${colorScheme} mode`, async () => {
        const page = await browser.newPage({ colorScheme });
        await page.goto(`file://${join(out, PAGES[name])}`);
        await page.addScriptTag({ content: axeSource });
        const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
          violations: { id: string; nodes: { html: string }[] }[];
        };
        await page.close();
        expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
      });
    }
  }
});

test('markdownlint passes on the generated Markdown: every index and code page, a sample of compare pages', async () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(path);
    }
  };
  walk(join(out, 'md'));
  expect(files.length).toBeGreaterThan(1000);
  // Compare pages share one template: every 7th (by name) keeps the run short.
  const sample = files.sort().filter((f, i) => !f.includes('/compare/') || f.endsWith('index.md') || i % 7 === 0);
  const config = parseJsonc(readFileSync(join(repoRoot, '.markdownlint.jsonc'), 'utf8')) as Record<string, unknown>;
  const results = await lint({ files: sample, config });
  const problems = Object.entries(results).flatMap(([file, errors]) =>
    errors.map((e) => `${file.slice(out.length + 1)}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.errorDetail ?? ''}`),
  );
  expect(problems.slice(0, 20)).toEqual([]);
}, 120_000);

test('a --pdf build for ja prints a book whose text has the Japanese headings', () => {
  const pdfOut = join(work, 'pdf-out');
  const run = statusbook(['build', '--locale', 'ja', '--format', 'print', '--pdf', '--out', pdfOut], repoRoot);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const text = execFileSync('pdftotext', ['-layout', join(pdfOut, 'pdf/ja/sip.pdf'), '-'], { encoding: 'utf8' });
  const ui = JSON.parse(readFileSync(join(repoRoot, 'locales/ja/ui.json'), 'utf8')) as { book: { contents: string; comparisons: string }; code: { description: string } };
  for (const heading of [ui.book.contents, ui.book.comparisons, ui.code.description]) expect(text).toContain(heading);
}, 300_000);
