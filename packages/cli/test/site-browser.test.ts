// The HTML site as a reader uses it, in headless Chromium (one browser, pages reused):
// keyboard navigation (heading anchors, previous/next, class jump links), the theme switch
// (remembered, set before the first paint), the language choice at `/`, axe-core in light
// and dark at 1280 and 390 px in en, vi and ja, no word broken inside a code name at 320 px,
// and the Nu HTML Checker on the same pages.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nuErrors, repoRoot, statusbook } from './helpers.js';

// Browser globals used by functions that run in the page (this package has no DOM types).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare const localStorage: any;
declare const navigator: any;
declare function getComputedStyle(element: unknown, pseudo?: string): any;
declare const MutationObserver: any;
declare const NodeFilter: any;

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.STATUSBOOK_CHROMIUM ?? '/usr/bin/chromium';
// The output sits inside the temporary folder, so its state folder (beside it) goes with it.
const work = mkdtempSync(join(tmpdir(), 'statusbook-site-'));
const out = join(work, 'out');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const LOCALES = ['en', 'vi', 'ja'] as const;

/** The pages checked in every locale: home, protocol index, code, comparison. */
const PAGES = {
  home: (l: string) => `/${l}/`,
  index: (l: string) => `/${l}/sip/`,
  code: (l: string) => `/${l}/sip/437/`,
  compare: (l: string) => `/${l}/sip/compare/200-vs-437/`,
};

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  const run = statusbook(['build', '--locale', 'en,vi,ja', '--format', 'html', '--protocol', 'sip', '--out', out], repoRoot);
  expect(run.code, run.stderr).toBe(0);
  // A static host: output/html at the root, folders by their index.html.
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const base = join(out, 'html', path);
    const file = path.endsWith('/') ? join(base, 'index.html') : base;
    if (!file.startsWith(join(out, 'html')) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    const type = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript', svg: 'image/svg+xml' }[file.split('.').pop() ?? ''];
    response.writeHead(200, { 'content-type': type ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Presses Tab until the focused element matches `selector`; returns how many presses it took. */
async function tabTo(page: Page, selector: string, limit = 80): Promise<number> {
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return n;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('keyboard navigation', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  test('a heading anchor is reached with Tab, shows when focused, and Enter goes to it and copies its link', async () => {
    await page.goto(`${origin}${PAGES.code('en')}`);
    const anchor = 'a.anchor[href="#when-you-see-it"]';
    expect(await page.locator(anchor).evaluate((a) => getComputedStyle(a).opacity)).toBe('0');
    await tabTo(page, anchor);
    expect(await page.locator(anchor).evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    // Its name says where it goes: "Link to section" and the heading.
    expect(await page.locator(anchor).evaluate((a) => a.getAttribute('aria-labelledby'))).toBe('anchor-label when-you-see-it');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-copied]').textContent)).toBe('Link copied');
    expect(new URL(page.url()).hash).toBe('#when-you-see-it');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${origin}/en/sip/437/#when-you-see-it`);
  });

  test('every section heading of a page has its anchor', async () => {
    for (const path of [PAGES.code('ja'), PAGES.compare('vi'), PAGES.index('en'), PAGES.home('en')]) {
      await page.goto(`${origin}${path}`);
      const missing = await page.evaluate(() =>
        [...document.querySelectorAll('main h2, main h3')].filter((h: any) => !h.id || h.nextElementSibling?.getAttribute('href') !== `#${h.id}`).map((h: any) => h.outerHTML),
      );
      expect(missing, path).toEqual([]);
    }
  });

  test('previous and next codes are links in the tab order, in the protocol order', async () => {
    await page.goto(`${origin}${PAGES.code('en')}`);
    await tabTo(page, 'a[rel="prev"]');
    expect(await page.evaluate(() => document.activeElement.textContent)).toContain('436 Bad Identity Info');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement.getAttribute('rel'))).toBe('next');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}/en/sip/438/`);
    // The first code has no previous one, the last no next one.
    await page.goto(`${origin}/en/sip/100/`);
    expect(await page.locator('a[rel="prev"]').count()).toBe(0);
    expect(await page.locator('a[rel="next"]').textContent()).toContain('180');
  });

  test('the class jump links of an index page go to each class', async () => {
    await page.goto(`${origin}${PAGES.index('en')}`);
    await tabTo(page, '.jump a[href="#class-5xx"]');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#class-5xx');
    const top = await page.locator('#class-5xx').evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
  });

  test('"Compare with" lists the other codes by class, collapsed, and a summary opens its class', async () => {
    await page.goto(`${origin}${PAGES.code('en')}`);
    const groups = page.locator('details.class-links');
    expect(await groups.evaluateAll((ds) => ds.map((d) => [d.querySelector('summary').textContent, d.open]))).toEqual([
      ['4xx Request Failure (43)', false],
      ['1xx Provisional (6)', false],
      ['2xx Success (2)', false],
      ['3xx Redirection (5)', false],
      ['5xx Server Failure (9)', false],
      ['6xx Global Failure (6)', false],
    ]);
    // 200 OK is among the commonly confused codes, shown in the open; 2xx holds the others.
    expect(await page.locator('.heading:has(#compare-curated) + .links a', { hasText: '200 OK' }).isVisible()).toBe(true);
    const link = page.locator('#compare-2xx a').first();
    expect(await link.isVisible()).toBe(false);
    await tabTo(page, '#compare-2xx summary');
    await page.keyboard.press('Enter');
    expect(await link.isVisible()).toBe(true);
    expect(await link.textContent()).toBe('202 Accepted');
    expect(await link.getAttribute('href')).toBe('../compare/202-vs-437/');
  });
});

describe('theme switch', () => {
  test('the choice is remembered across a reload and set before the page is painted; auto follows the system', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    // Before any script of the page: the theme attribute at the moment <body> is created,
    // which is before anything of the page can be painted.
    await context.addInitScript(() => {
      new MutationObserver((_records: unknown, observer: any) => {
        if (!document.body) return;
        window.themeAtBody = document.documentElement.getAttribute('data-theme');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto(`${origin}${PAGES.compare('en')}`);
    expect(await page.evaluate(() => window.themeAtBody)).toBeNull();
    expect(await background()).toBe('rgb(255, 255, 255)');
    // Without the script the switch would do nothing: it is hidden until the script shows it.
    const select = page.getByLabel('Theme');
    expect(await select.inputValue()).toBe('auto');
    await select.selectOption('dark');
    expect(await background()).toBe('rgb(13, 17, 23)');

    await page.reload();
    expect(await page.evaluate(() => window.themeAtBody)).toBe('dark');
    expect(await background()).toBe('rgb(13, 17, 23)');
    expect(await select.inputValue()).toBe('dark');
    // Another page of the site, in another locale: the same choice.
    await page.goto(`${origin}${PAGES.index('ja')}`);
    expect(await page.evaluate(() => window.themeAtBody)).toBe('dark');
    await page.getByLabel('テーマ').selectOption('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.getByLabel('テーマ').selectOption('auto');
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.reload();
    expect(await page.evaluate(() => [window.themeAtBody, localStorage.getItem('statusbook.theme')])).toEqual([null, null]);
    await context.close();
  });
});

describe('language choice at /', () => {
  test("the first visit follows the browser's preferred language, once", async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForURL(`${origin}/vi/`);
    expect(await page.locator('h1').textContent()).toBe('Statusbook');
    // Back at / later: the list, not a second redirect.
    await page.goto(`${origin}/`);
    expect(page.url()).toBe(`${origin}/`);
    expect(await page.locator('.choose a').evaluateAll((as) => as.map((a) => [a.textContent, a.closest('[lang]').lang]))).toEqual([
      ['English', 'en'],
      ['日本語', 'ja'],
      ['Tiếng Việt', 'vi'],
    ]);
    await context.close();
  });

  test('a language picked in the switcher is remembered and / goes to it', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${origin}${PAGES.code('vi')}`);
    await page.locator('.languages a[hreflang="ja"]').click();
    await page.waitForURL(`${origin}/ja/sip/437/`);
    await page.goto(`${origin}/`);
    await page.waitForURL(`${origin}/ja/`);
    // Picked on / itself, too.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${origin}/`);
    await page.waitForURL(`${origin}/vi/`);
    await page.goto(`${origin}/`);
    await page.locator('.choose a[hreflang="en"]').click();
    await page.waitForURL(`${origin}/en/`);
    await page.goto(`${origin}/`);
    await page.waitForURL(`${origin}/en/`);
    await context.close();
  });

  test('a browser language the site lacks stays on the list; without JavaScript the list works', async () => {
    for (const options of [{ locale: 'fr-FR' }, { locale: 'ja-JP', javaScriptEnabled: false }]) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      expect(page.url()).toBe(`${origin}/`);
      await page.locator('.choose a', { hasText: '日本語' }).click();
      await page.waitForURL(`${origin}/ja/`);
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      await context.close();
    }
  });
});

test('axe-core finds no violations in light and dark, at 1280 and 390 px, in en, vi and ja', async () => {
  const page = await browser.newPage();
  const failures: string[] = [];
  for (const locale of LOCALES) {
    for (const [kind, path] of Object.entries(PAGES)) {
      await page.goto(`${origin}${path(locale)}`);
      await page.addScriptTag({ content: axeSource });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: { id: string; nodes: { html: string }[] }[] };
          for (const v of result.violations) failures.push(`${locale} ${kind} ${width}px ${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
        }
      }
    }
  }
  await page.close();
  expect(failures).toEqual([]);
}, 240_000);

test('at 320 px no word of a code name is broken across lines, comparison tables stack, nothing scrolls sideways', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
  const broken: string[] = [];
  for (const locale of LOCALES) {
    for (const path of [PAGES.code(locale), PAGES.compare(locale), PAGES.index(locale), `/${locale}/sip/compare/`]) {
      await page.goto(`${origin}${path}`);
      // Each Latin word of the elements that show code names: one line box per word.
      const found = (await page.evaluate(() => {
        const elements = document.querySelectorAll('h1, .glance thead th, .glance td, th[scope="row"], td, .links a, .codes dt, .pager a, summary');
        const out: string[] = [];
        for (const element of elements) {
          // Not shown (the stacked table's header row is only for screen readers).
          let shown = true;
          for (let e = element; e && shown; e = e.parentElement) shown = e.getBoundingClientRect().width > 1;
          if (!shown) continue;
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of node.data.matchAll(/[\p{Script=Latin}\p{N}\p{M}]+/gu)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const tops = new Set([...range.getClientRects()].filter((r: any) => r.width > 0).map((r: any) => Math.round(r.top)));
              if (tops.size > 1) out.push(`${m[0]} in ${element.textContent.trim().slice(0, 60)}`);
            }
          }
        }
        return out;
      })) as string[];
      broken.push(...found.map((f) => `${path}: ${f}`));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) broken.push(`${path}: the page is ${width} px wide`);
    }
  }
  expect(broken).toEqual([]);
  for (const locale of LOCALES) {
    await page.goto(`${origin}${PAGES.compare(locale)}`);
    expect(await page.locator('.glance td').first().evaluate((td) => getComputedStyle(td).display)).toBe('block');
    // Each value is labelled with its code once the header row is out of sight.
    expect(await page.locator('.glance td').first().evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"200 OK"');
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await page.locator('.glance td').first().evaluate((td) => getComputedStyle(td).display)).toBe('table-cell');
  await page.close();
}, 120_000);

test('the Nu HTML Checker reports no errors on the root, home, index, code and compare pages in en, vi and ja', () => {
  expect(nuErrors([join(out, 'html/index.html'), ...LOCALES.flatMap((l) => [...Object.values(PAGES).map((p) => p(l)), `/${l}/sip/compare/`].map((p) => join(out, 'html', p, 'index.html')))])).toEqual([]);
}, 120_000);
