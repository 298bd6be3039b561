// Right-to-left locales, proven with a small synthetic Arabic locale: every HTML format says
// dir="rtl", code tokens and filled-in values stay left to right inside Arabic text, the
// layout is mirrored in Chromium, and Markdown says its direction where the profile allows.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { textDirection } from '@statusbook/core';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { makeProject, statusbook } from './helpers.js';

// Runs in the page (the test's tsconfig has no DOM library).
declare function getComputedStyle(element: unknown): { direction: string; unicodeBidi: string };

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The base fixture with `ar`: a few UI strings and one code's reason and summary. */
function arabicProject(): string {
  const dir = makeProject();
  temps.push(dir);
  mkdirSync(join(dir, 'locales/ar/content/sip/codes'), { recursive: true });
  writeFileSync(
    join(dir, 'locales/ar/ui.json'),
    JSON.stringify({
      site: { name: 'Statusbook', tagline: 'رموز حالة البروتوكولات، مشروحة ومقارنة.' },
      nav: { home: 'الرئيسية', skip: 'انتقل إلى المحتوى', language: 'اللغة', breadcrumbs: 'مسار التنقل' },
      protocol: { title: 'رموز حالة {{protocol}}' },
      code: { title: '{{protocol}} {{label}}', description: 'ما يعنيه', whenYouSeeIt: 'متى تراه', howToFix: 'ما العمل' },
    }),
  );
  writeFileSync(
    join(dir, 'locales/ar/content/sip/codes/437.yaml'),
    'reason: بيانات اعتماد غير مدعومة\nsummary: لا يقبل المُتحقِّق بيانات الاعتماد التي يشير إليها حقل الترويسة `Identity`.\n',
  );
  expect(statusbook(['i18n', 'sync', '--locale', 'ar'], dir).code).toBe(0);
  return dir;
}

test('textDirection: right to left for Arabic, Hebrew and Persian, left to right for the others', () => {
  expect(['ar', 'he', 'fa', 'ar-EG', 'en', 'vi', 'ja', 'zh-Hans', 'ko'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
});

describe('an Arabic locale', () => {
  const dir = arabicProject();
  const build = statusbook(['build', '--format', 'html,print,embed,md'], dir);
  const read = (path: string) => readFileSync(join(dir, 'output', path), 'utf8');

  test('html, print and embed cards say dir="rtl"; English pages say nothing new', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(read('html/ar/sip/437/index.html')).toContain('<html lang="ar" dir="rtl">');
    expect(read('print/ar/sip.html')).toContain('<html lang="ar" dir="rtl">');
    expect(read('embed/ar/sip/437.html')).toContain('<article class="sb-card" lang="ar" dir="rtl">');
    const en = read('html/en/sip/437/index.html');
    expect(en).toContain('<html lang="en" dir="ltr">');
    expect(en).not.toContain('<bdi>');
    expect(en).toContain('<code>Identity</code>');
  });

  test('code tokens and filled-in values are isolated left to right inside the Arabic text', () => {
    const page = read('html/ar/sip/437/index.html');
    expect(page).toContain('لا يقبل المُتحقِّق بيانات الاعتماد التي يشير إليها حقل الترويسة <code dir="ltr">Identity</code>.');
    // The protocol and the code's label, side by side, are one isolate: "SIP 437 ..." in that order.
    expect(page).toMatch(/<h1[^>]*><bdi>SIP 437 Unsupported Credential<\/bdi>/);
    // English shown as a fallback keeps its own direction.
    expect(page).toContain('<span lang="en" dir="ltr">');
    expect(read('print/ar/sip.html')).toContain('<code dir="ltr">Identity</code>');
    expect(read('embed/ar/sip/437.html')).toContain('<code dir="ltr">Identity</code>');
  });

  test('Markdown front matter says dir: rtl (plain, and the profiles whose front matter is free-form)', () => {
    expect(read('md/ar/sip/437.md')).toMatch(/^---\ntitle: [^\n]+\nlocale: ar\ndir: rtl\n/);
    expect(read('md/en/sip/437.md')).not.toContain('dir:');
    const hugo = statusbook(['build', '--format', 'md', '--md-profile', 'hugo', '--locale', 'ar'], dir);
    expect(hugo.code, hugo.stderr).toBe(0);
    expect(read('hugo/content/ar/sip/437.md')).toMatch(/\ndir: rtl\n---/);
  });

  test('in Chromium the layout is mirrored: breadcrumbs run right to left, the code token stays left to right', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.STATUSBOOK_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const seen: Record<string, { crumbs: number; brand: number; code?: string }> = {};
      for (const locale of ['en', 'ar']) {
        const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
        await page.goto(`file://${join(dir, `output/html/${locale}/sip/437/index.html`)}`);
        const crumbs = await page.locator('.breadcrumbs li').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
        const brand = (await page.locator('.brand').boundingBox())!;
        const code = await page.locator('p.summary code').first().evaluate((e) => `${getComputedStyle(e).direction} ${getComputedStyle(e).unicodeBidi}`);
        // The page's screenshot, to look at: STATUSBOOK_SCREENSHOTS=<folder>.
        if (process.env.STATUSBOOK_SCREENSHOTS) await page.screenshot({ path: join(process.env.STATUSBOOK_SCREENSHOTS, `rtl-${locale}.png`) });
        // Where the first breadcrumb is against the second, and the site name against the middle of the page.
        seen[locale] = { crumbs: Math.sign(crumbs[1]! - crumbs[0]!), brand: Math.sign(brand.x + brand.width / 2 - 450), code };
        await page.close();
      }
      expect(seen).toEqual({ en: { crumbs: 1, brand: -1, code: 'ltr normal' }, ar: { crumbs: -1, brand: 1, code: 'ltr isolate' } });
    } finally {
      await browser.close();
    }
  });
});
