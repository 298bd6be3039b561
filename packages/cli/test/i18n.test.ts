import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { sourceHash } from '@statusbook/core';
import { makeProject, repoRoot, statusbook, TRANSLATED } from './helpers.js';

/** The base fixture with a Vietnamese translation of everything, its sources recorded by sync. */
function translatedProject(): string {
  const dir = makeProject('translated');
  cpSync(join(repoRoot, 'locales/vi/ui.json'), join(dir, 'locales/vi/ui.json'));
  const sync = statusbook(['i18n', 'sync'], dir);
  expect(sync.code).toBe(0);
  return dir;
}

type Counts = { total: number; translated: number; missing: number; stale: number };

/** The content fields' counts of each locale (`i18n status` counts UI strings beside them). */
function status(dir: string): Record<string, Counts> {
  const run = statusbook(['i18n', 'status', '--json'], dir);
  expect(run.code).toBe(0);
  return Object.fromEntries(Object.entries(JSON.parse(run.stdout) as Record<string, { content: Counts }>).map(([l, c]) => [l, c.content]));
}

function editYaml(path: string, edit: (data: Record<string, unknown>) => void): void {
  const data = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(data);
  writeFileSync(path, stringify(data));
}

test('the eight bundled translations are complete and current', () => {
  const counts = status(repoRoot);
  expect(Object.keys(counts)).toEqual(TRANSLATED);
  for (const c of Object.values(counts)) {
    expect(c.total).toBeGreaterThan(900);
    expect(c).toEqual({ total: c.total, translated: c.total, missing: 0, stale: 0 });
  }
});

test('i18n sync records the English each field was translated from', () => {
  const dir = translatedProject();
  expect(status(dir)).toEqual({ vi: { total: 25, translated: 25, missing: 0, stale: 0 } });
  const file = parse(readFileSync(join(dir, 'locales/vi/content/sip/codes/437.yaml'), 'utf8')) as Record<string, { text: string; source: string }>;
  expect(file.summary?.source).toMatch(/^[0-9a-f]{8}$/);
  const table = statusbook(['i18n', 'status'], dir);
  expect(table.stdout).toMatch(/vi {6}25\/25 {4}(\d+)\/\1 +\d+ +\d+ +0 +0 +100%/);
});

test('i18n sync keeps a source hash that YAML would read as a number (511e7097), and status and build agree it is current', () => {
  const dir = translatedProject();
  // An English text whose hash is digits with one `e`: unquoted, YAML reads it as a float.
  let english = '';
  for (let i = 0; !/^\d+e\d+$/.test(sourceHash(english)); i++) english = `Send ACK for the 2xx of an INVITE, then go on (${i}).`;
  const code = join(dir, 'content/sip/codes/200.yaml');
  writeFileSync(code, readFileSync(code, 'utf8').replace(/^howToFix: .*$/m, `howToFix: ${english}`));
  const vi = join(dir, 'locales/vi/content/sip/codes/200.yaml');
  writeFileSync(vi, readFileSync(vi, 'utf8').replace(/^howToFix:\n {2}text: (.*)\n {2}source: .*$/m, `howToFix:\n  text: $1\n  source: ${sourceHash(english)}`));
  expect(readFileSync(vi, 'utf8')).toContain(`  source: ${sourceHash(english)}\n`);
  expect(status(dir).vi).toMatchObject({ translated: 25, stale: 0 });

  const sync = statusbook(['i18n', 'sync'], dir);
  expect(sync.code, sync.stderr).toBe(0);
  // Written as a string now (quoted), never as .inf or a float.
  expect(readFileSync(vi, 'utf8')).toContain(`  source: "${sourceHash(english)}"\n`);
  expect(status(dir).vi).toMatchObject({ translated: 25, stale: 0 });
  const build = statusbook(['build', '--format', 'md', '--locale', 'vi'], dir);
  expect(build.code, build.stderr).toBe(0);
  expect(build.stderr).not.toContain('translation/stale');
  rmSync(dir, { recursive: true, force: true });
});

describe('a missing translation falls back to English, visibly', () => {
  const dir = translatedProject();
  editYaml(join(dir, 'locales/vi/content/sip/codes/437.yaml'), (data) => delete data.summary);
  const build = statusbook(['build', '--locale', 'vi'], dir);

  test('status counts it as missing', () => {
    expect(status(dir).vi).toEqual({ total: 25, translated: 24, missing: 1, stale: 0 });
  });

  test('HTML marks the English paragraph with lang="en" and a notice', () => {
    expect(build.code).toBe(0);
    const page = readFileSync(join(dir, 'output/html/vi/sip/437/index.html'), 'utf8');
    expect(page).toContain(
      '<p class="summary"><span lang="en">The verifier does not accept the credential behind the <code>Identity</code> header field.</span> <small class="i18n-note">(Chưa được dịch; đang hiển thị bản tiếng Anh.)</small></p>',
    );
    // The rest of the page stays Vietnamese.
    expect(page).toContain('Thông tin xác thực mà trường header <code>Identity</code> tham chiếu tới');
  });

  test('Markdown and print carry the same notice', () => {
    const md = readFileSync(join(dir, 'output/md/vi/sip/437.md'), 'utf8');
    expect(md).toContain('The verifier does not accept the credential behind the `Identity` header field. _(Chưa được dịch; đang hiển thị bản tiếng Anh.)_');
    const print = readFileSync(join(dir, 'output/print/vi/sip/437.html'), 'utf8');
    expect(print).toContain('<span lang="en">The verifier does not accept');
  });

  test('sync adds the missing field back as an empty skeleton', () => {
    expect(statusbook(['i18n', 'sync'], dir).code).toBe(0);
    const file = parse(readFileSync(join(dir, 'locales/vi/content/sip/codes/437.yaml'), 'utf8')) as Record<string, unknown>;
    expect(file.summary).toEqual({ text: '' });
    expect(status(dir).vi?.missing).toBe(1);
  });
});

describe('a changed English text makes its translation stale', () => {
  const dir = translatedProject();
  editYaml(join(dir, 'content/sip/codes/437.yaml'), (data) => {
    data.description = 'The credential referenced by the `Identity` header field was fetched, but the verifier does not trust it.';
  });

  test('status reports it stale', () => {
    expect(status(dir).vi).toEqual({ total: 25, translated: 24, missing: 0, stale: 1 });
  });

  test('the build warns with the position, and the page says the translation may be out of date', () => {
    const build = statusbook(['build', '--locale', 'vi', '--format', 'html'], dir);
    expect(build.code).toBe(0);
    expect(build.stderr).toMatch(/locales\/vi\/content\/sip\/codes\/437\.yaml:\d+:\d+ {2}warning {2}'description' was translated from an older English text {2}translation\/stale/);
    const page = readFileSync(join(dir, 'output/html/vi/sip/437/index.html'), 'utf8');
    expect(page).toContain('<small class="i18n-note">(Bản dịch này có thể đã cũ.)</small>');
  });

  test('--strict turns the stale warning into a failed build', () => {
    expect(statusbook(['build', '--locale', 'vi', '--strict'], dir).code).toBe(1);
  });

  test('marking the field reviewed and syncing makes it current again', () => {
    editYaml(join(dir, 'locales/vi/content/sip/codes/437.yaml'), (data) => {
      (data.description as Record<string, unknown>).reviewed = true;
    });
    expect(statusbook(['i18n', 'sync'], dir).code).toBe(0);
    expect(status(dir).vi?.stale).toBe(0);
  });
});

describe('adding a locale is adding a folder', () => {
  const dir = makeProject();
  // Advertised however little it translates (the default minTranslated, 90, would keep it unlisted).
  writeFileSync(join(dir, 'statusbook.config.yaml'), 'minTranslated: 0\n');
  // A right-to-left locale with a few of its own UI strings; the rest comes from English.
  mkdirSync(join(dir, 'locales/ar'), { recursive: true });
  writeFileSync(join(dir, 'locales/ar/ui.json'), JSON.stringify({ nav: { home: 'الرئيسية', skip: 'انتقل إلى المحتوى' }, site: { name: 'Statusbook' } }));
  const build = statusbook(['build', '--format', 'html'], dir);

  test('the new locale is built, right to left, and linked from the others', () => {
    expect(build.code).toBe(0);
    const page = readFileSync(join(dir, 'output/html/ar/sip/437/index.html'), 'utf8');
    expect(page).toContain('<html lang="ar" dir="rtl">');
    const english = readFileSync(join(dir, 'output/html/en/sip/437/index.html'), 'utf8');
    expect(english).toContain('<link rel="alternate" hreflang="ar" href="/ar/sip/437/">');
    expect(readFileSync(join(dir, 'output/html/_redirects'), 'utf8')).toContain('/ar/sip/compare/437-vs-200/ /ar/sip/compare/200-vs-437/ 301');
    expect(status(dir).ar?.missing).toBe(25);
  });

  test('the layout is mirrored: the site name sits on the right, the language list on the left', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.STATUSBOOK_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const positions: Record<string, number> = {};
      for (const locale of ['en', 'ar']) {
        const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
        await page.goto(`file://${join(dir, `output/html/${locale}/sip/437/index.html`)}`);
        const brand = await page.locator('.brand').boundingBox();
        const languages = await page.locator('.languages').boundingBox();
        positions[locale] = Math.sign(brand!.x - languages!.x);
        await page.close();
      }
      expect(positions).toEqual({ en: -1, ar: 1 });
    } finally {
      await browser.close();
    }
  });

  test('removing the folder removes the locale', () => {
    rmSync(join(dir, 'locales/ar'), { recursive: true });
    expect(statusbook(['build', '--locale', 'ar'], dir).code).toBe(2);
  });
});
