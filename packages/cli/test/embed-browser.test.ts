// Embeds as another site uses them, in headless Chromium: a host page on another origin
// embeds a card by iframe and by the pasted fragment, and a badge, each exactly as the code
// page's "Embed" section gives them, in light and dark; in en, vi and ja.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, statusbook } from './helpers.js';

// Browser globals used by functions that run in the page (this package has no DOM types).
declare const document: { documentElement: { scrollHeight: number } };
declare function getComputedStyle(element: unknown): { backgroundColor: string; color: string; fontStyle: string; borderStyle: string };

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.STATUSBOOK_CHROMIUM ?? '/usr/bin/chromium';
// The output sits inside the temporary folder, so its state folder (beside it) goes with it.
const work = mkdtempSync(join(tmpdir(), 'statusbook-embed-'));
const out = join(work, 'out');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A server on 127.0.0.1 that serves `files(path)` and records every path asked for. */
async function serve(files: (path: string) => { type: string; body: string | Buffer } | undefined): Promise<{ server: Server; origin: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    asked.push(path);
    const file = files(path);
    response.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain' });
    response.end(file?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', svg: 'image/svg+xml', css: 'text/css' };

/** The published site: output/html at the root and output/embed at /embed/, beside it. */
function published(path: string): { type: string; body: Buffer } | undefined {
  const rel = normalize(path).replace(/^\/+/, '');
  const base = rel.startsWith('embed/') ? join(out, rel) : join(out, 'html', rel);
  const file = base.endsWith('/') || (existsSync(base) && statSync(base).isDirectory()) ? join(base, 'index.html') : base;
  if (!file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return { type: TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream', body: readFileSync(file) };
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The three snippets of a code page's "Embed" section, as a user copies them. */
function snippets(locale: string): { iframe: string; fragment: string; badge: string } {
  const page = readFileSync(join(out, 'html', locale, 'sip', '437', 'index.html'), 'utf8');
  const section = /<section class="embed"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
  const [iframe = '', fragment = '', badge = ''] = [...section.matchAll(/<pre><code>([\s\S]*?)<\/code><\/pre>/g)].map((m) => unescape(m[1]!));
  return { iframe, fragment, badge };
}

/** A page of another site, with styles of its own on the elements a card uses. */
const hostPage = (s: { iframe: string; fragment: string; badge: string }) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="color-scheme" content="light dark">
<title>A page of another site</title>
<style>
p { color: #8b0000; font: italic 22px/1.2 serif; margin: 3rem; }
a { color: #8b0000; }
article { border: 6px dashed #8b0000; padding: 0; }
@media (prefers-color-scheme: dark) { body { background: #000; color: #fff; } p, a { color: #ffb3b3; } }
</style>
</head>
<body>
<main>
<h1>Status codes we see</h1>
<h2>Framed</h2>
${s.iframe}
<h2>Pasted</h2>
${s.fragment}
<h2>Badge</h2>
<p>${s.badge}</p>
</main>
</body>
</html>
`;

let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
let host: Awaited<ReturnType<typeof serve>>;
let hostHtml: Record<string, string> = {};

beforeAll(async () => {
  site = await serve(published);
  host = await serve((path) => (hostHtml[path] === undefined ? undefined : { type: TYPES.html!, body: hostHtml[path]! }));
  const run = statusbook(['build', '--format', 'html,embed', '--protocol', 'sip', '--base-url', `${site.origin}/`, '--out', out], repoRoot);
  expect(run.code, run.stderr).toBe(0);
  hostHtml = Object.fromEntries(['en', 'vi', 'ja'].map((l) => [`/${l}.html`, hostPage(snippets(l))]));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  site?.server.close();
  host?.server.close();
  rmSync(work, { recursive: true, force: true });
});

/** The gloss a locale gives SIP 437 (English has none: the reason phrase is the name). */
function gloss(locale: string): string | undefined {
  if (locale === 'en') return undefined;
  const file = parseYaml(readFileSync(join(repoRoot, 'locales', locale, 'content/sip/codes/437.yaml'), 'utf8')) as { reason: { text: string } };
  return file.reason.text;
}

async function expectCard(card: Locator, locale: string, background: string): Promise<string> {
  await expect.poll(() => card.isVisible()).toBe(true);
  const box = (await card.boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  expect(box.height).toBeGreaterThan(120);
  expect(await card.getAttribute('lang')).toBe(locale);
  expect(await card.locator('.sb-card-name').innerText()).toContain('437 Unsupported Credential');
  const expected = gloss(locale);
  if (expected) expect(await card.locator('.sb-card-gloss').innerText()).toBe(expected);
  expect((await card.locator('.sb-card-summary').innerText()).length).toBeGreaterThan(40);
  // The card's own colors for the scheme, and the host's styles for p, a and article do not reach it.
  const style = await card.evaluate((el) => {
    const summary = getComputedStyle(el.querySelector('.sb-card-summary')!);
    const own = getComputedStyle(el);
    return { background: own.backgroundColor, color: own.color, summary: summary.color, font: summary.fontStyle, border: own.borderStyle };
  });
  expect(style).toEqual({ background, color: style.color, summary: style.color, font: 'normal', border: 'solid' });
  return (await card.locator('.sb-card-more a').getAttribute('href'))!;
}

async function axe(page: Page, frames: readonly Frame[]): Promise<string[]> {
  for (const frame of frames) {
    await frame.addScriptTag({ content: axeSource });
    // The card's frame is of another origin, which axe leaves out unless told to test it.
    await frame.evaluate('axe.configure({ allowedOrigins: ["<unsafe_all_origins>"] })');
  }
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: { id: string; nodes: { html: string }[] }[] };
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('embeds on another site, in headless Chromium', () => {
  for (const locale of ['en', 'vi', 'ja']) {
    for (const [colorScheme, background] of [
      ['light', 'rgb(255, 255, 255)'],
      ['dark', 'rgb(27, 31, 36)'],
    ] as const) {
      test(`${locale}, ${colorScheme}: the framed and the pasted card show the code, the badge loads, nothing is fetched elsewhere, no axe violations`, async () => {
        const page = await browser.newPage({ colorScheme });
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url()));
        try {
          await page.goto(`${host.origin}/${locale}.html`);
          const iframe = page.locator('iframe');
          const frame = (await (await iframe.elementHandle())!.contentFrame())!;
          await frame.waitForLoadState();
          expect(frame.url()).toBe(`${site.origin}/embed/${locale}/sip/437.html`);

          const framed = await expectCard(page.frameLocator('iframe').locator('.sb-card'), locale, background);
          const pasted = await expectCard(page.locator('main > .sb-card'), locale, background);
          // The iframe is tall enough for its card: no scrollbar, nothing cut off.
          const height = Number(await iframe.getAttribute('height'));
          expect(await frame.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(height);

          const badge = page.locator('main img');
          await expect.poll(() => badge.evaluate((img) => {
            const loaded = img as unknown as { complete: boolean; naturalWidth: number };
            return loaded.complete ? loaded.naturalWidth : 0;
          })).toBeGreaterThan(100);
          expect(await badge.getAttribute('alt')).toContain('SIP 437 Unsupported Credential');
          if (gloss(locale)) expect(await badge.getAttribute('alt')).toContain(gloss(locale));

          // Both cards link back to the code's page, which exists.
          expect(framed).toBe(`${site.origin}/${locale}/sip/437/`);
          expect(pasted).toBe(framed);
          expect(published(new URL(framed).pathname)).toBeDefined();
          expect(await axe(page, [page.mainFrame(), frame])).toEqual([]);

          // Everything came from the host or the published site: no fonts, images or styles from elsewhere.
          expect(requests.filter((url) => !url.startsWith(`${host.origin}/`) && !url.startsWith(`${site.origin}/`))).toEqual([]);
          expect(new Set(requests.map((url) => new URL(url).pathname))).toEqual(
            new Set([`/${locale}.html`, `/embed/${locale}/sip/437.html`, `/embed/${locale}/sip/437.svg`]),
          );

          // The framed card's link opens the full page in the window, not in the frame.
          await frame.locator('.sb-card-more a').click();
          await page.waitForURL(framed);
          expect(await page.locator('h1').innerText()).toMatch(/^SIP 437 Unsupported Credential/);
        } finally {
          await page.close();
        }
      });
    }
  }
});
