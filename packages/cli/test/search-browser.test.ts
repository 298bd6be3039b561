// Search and the compare picker as a reader uses them, in headless Chromium, on a build of
// the bundled content served over HTTP: en, vi and ja; keyboard only; axe on an open search;
// and the pages without JavaScript.
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, statusbook } from './helpers.js';

// Browser globals used by functions that run in the page (this package has no DOM types).
declare const document: { activeElement: { id: string; textContent: string | null } | null };

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.STATUSBOOK_CHROMIUM ?? '/usr/bin/chromium';
const tmp = mkdtempSync(join(tmpdir(), 'statusbook-search-'));
const out = join(tmp, 'output');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript', json: 'application/json' };

let server: Server;
let origin = '';
let browser: Browser;

beforeAll(async () => {
  const run = statusbook(['build', '--format', 'html', '--out', out], repoRoot);
  expect(run.code, run.stderr).toBe(0);
  const root = realpathSync(join(out, 'html'));
  // A static host: output/html at the root, folders served by their index.html.
  server = createServer((request, response) => {
    const rel = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    const base = join(root, rel);
    const file = existsSync(base) && statSync(base).isDirectory() ? join(base, 'index.html') : base;
    const ok = file.startsWith(root) && existsSync(file) && statSync(file).isFile();
    response.writeHead(ok ? 200 : 404, { 'content-type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream' });
    response.end(ok ? readFileSync(file) : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Opens a page, or fails on a script error. */
async function open(path: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('close', () => expect(errors).toEqual([]));
  await page.goto(`${origin}${path}`);
  return page;
}

/** Types a query into the search box (focused with "/") and returns the results as shown. */
async function searchFor(page: Page, query: string): Promise<{ code: string; reason: string; gloss: string }[]> {
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  await page.keyboard.type(query);
  const results = page.locator('#search-results a');
  await results.first().waitFor();
  return results.evaluateAll((links) =>
    links.map((a) => ({
      code: a.querySelector('.search-code')?.textContent ?? '',
      reason: a.querySelector('.search-reason')?.textContent ?? '',
      gloss: a.querySelector('.search-gloss')?.textContent ?? '',
    })),
  );
}

describe.each(['en', 'vi', 'ja'])('search, %s', (locale) => {
  test('a code typed puts that code first, with its reason phrase and gloss', async () => {
    const page = await open(`/${locale}/`);
    const results = await searchFor(page, '437');
    expect(results[0]!.code).toBe('SIP 437');
    expect(results[0]!.reason).toBe('Unsupported Credential');
    if (locale !== 'en') expect(results[0]!.gloss).not.toBe('');
    await page.context().close();
  });

  test('Enter opens the first result; arrows move through the results and Enter opens one', async () => {
    const page = await open(`/${locale}/http/`);
    await searchFor(page, '404');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}/${locale}/http/404/`);

    await searchFor(page, '48');
    const expected = await page.locator('#search-results a').nth(1).getAttribute('href');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await page.locator('#search-results a').nth(1).textContent());
    await page.keyboard.press('Enter');
    await page.waitForURL(expected!);
    await page.context().close();
  });

  test('no axe violations with the search open', async () => {
    const page = await open(`/${locale}/sip/437/`);
    await searchFor(page, locale === 'ja' ? '認証' : locale === 'vi' ? 'xac thuc' : 'auth');
    expect(await page.locator('#search-results').isVisible()).toBe(true);
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: { id: string; nodes: { html: string }[] }[] };
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    await page.context().close();
  });

  test('the compare picker goes to the canonical comparison page, from either order', async () => {
    // A code page: 437 with 200, lower code first in the URL.
    const page = await open(`/${locale}/sip/437/`);
    await page.locator('#picker-b').focus();
    await page.locator('#picker-b').selectOption('200');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}/${locale}/sip/compare/200-vs-437/`);
    expect(await page.locator('h1').textContent()).toContain('437');
    // The index: both orders give the same page; the same code twice is refused with a message.
    for (const [a, b] of [
      ['437', '200'],
      ['200', '437'],
    ]) {
      await page.goto(`${origin}/${locale}/sip/`);
      await page.locator('#picker-a').selectOption(a!);
      await page.locator('#picker-b').selectOption(b!);
      await page.locator('#picker-b').press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${origin}/${locale}/sip/compare/200-vs-437/`);
    }
    await page.goto(`${origin}/${locale}/sip/`);
    await page.locator('#picker-a').selectOption('486');
    await page.locator('#picker-b').selectOption('486');
    await page.locator('.picker button').click();
    await expect.poll(() => page.locator('.picker-status').textContent()).not.toBe('');
    expect(page.url()).toBe(`${origin}/${locale}/sip/`);
    await page.context().close();
  });

  test('without JavaScript the page reads as before: content shown, no search box or picker', async () => {
    const page = await open(`/${locale}/sip/437/`, false);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    expect(await page.locator('main').innerText()).toContain('437');
    expect(await page.locator('form.search').isVisible()).toBe(false);
    expect(await page.locator('form.picker').isVisible()).toBe(false);
    await page.context().close();
  });
});

test('vi: letters without diacritics find the text with them ("xac thuc" finds "xác thực")', async () => {
  const page = await open('/vi/');
  const results = await searchFor(page, 'xac thuc');
  const codes = results.map((r) => r.code);
  expect(codes).toEqual(expect.arrayContaining(['HTTP 401', 'SIP 401', 'HTTP 407', 'SIP 407']));
  // The codes whose name says it come before those whose summary does.
  const named = results.filter((r) => r.gloss.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase().includes('xac thuc'));
  expect(results.slice(0, named.length)).toEqual(named);
  await page.context().close();
});

test('ja: a word written without spaces is found inside longer text ("認証" finds 401 and 407)', async () => {
  const page = await open('/ja/');
  const results = await searchFor(page, '認証');
  expect(results.map((r) => r.code)).toEqual(expect.arrayContaining(['HTTP 401', 'SIP 401', 'HTTP 407', 'SIP 407']));
  const named = results.filter((r) => r.gloss.includes('認証'));
  expect(named.map((r) => r.code)).toEqual(expect.arrayContaining(['HTTP 401', 'SIP 401', 'HTTP 407', 'SIP 407']));
  expect(results.slice(0, named.length)).toEqual(named);
  await page.context().close();
});

test('en: words match at their start, in any order ("proxy auth" finds 407)', async () => {
  const page = await open('/en/');
  const results = await searchFor(page, 'required auth proxy');
  expect(results.slice(0, 2).map((r) => r.code).sort()).toEqual(['HTTP 407', 'SIP 407']);
  await page.context().close();
});

test('opened from a file: no search box (the index cannot be fetched), and the picker opens the index.html of the page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const root = realpathSync(join(out, 'html'));
  await page.goto(`file://${root}/en/sip/437/index.html`);
  await page.locator('form.picker').waitFor();
  expect(await page.locator('form.search').isVisible()).toBe(false);
  await page.locator('#picker-b').selectOption('200');
  await page.locator('.picker button').click();
  await page.waitForURL(`file://${root}/en/sip/compare/200-vs-437/index.html`);
  expect(await page.locator('h1').textContent()).toContain('200');
  await context.close();
});
