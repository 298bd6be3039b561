// A locale translated below minTranslated is built but not advertised: no page, sitemap or
// language list points readers or search engines to it until it is translated enough.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { makeProject, repoRoot, statusbook } from './helpers.js';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** vi translated in full; ko, a synthetic locale, with a few UI strings and one code's reason. */
function project(): string {
  const dir = makeProject('translated');
  temps.push(dir);
  cpSync(join(repoRoot, 'locales/vi/ui.json'), join(dir, 'locales/vi/ui.json'));
  expect(statusbook(['i18n', 'sync'], dir).code).toBe(0);
  mkdirSync(join(dir, 'locales/ko/content/sip/codes'), { recursive: true });
  writeFileSync(join(dir, 'locales/ko/ui.json'), JSON.stringify({ nav: { home: '홈', language: '언어' }, site: { name: 'Statusbook' } }));
  writeFileSync(join(dir, 'locales/ko/content/sip/codes/437.yaml'), 'reason: 지원되지 않는 자격 증명\n');
  return dir;
}

const read = (dir: string, path: string) => readFileSync(join(dir, 'output', path), 'utf8');

describe('a locale below minTranslated (default 90%)', () => {
  const dir = project();
  const build = statusbook(['build', '--format', 'html,md', '--base-url', 'https://docs.example.org/'], dir);

  test('is built, and the build says once that it is not advertised', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(join(dir, 'output/html/ko/sip/437/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'output/md/ko/sip/437.md'))).toBe(true);
    const notes = build.stderr.split('\n').filter((l) => l.startsWith('note: ko'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^note: ko is \d+(\.\d)?% translated \(below minTranslated 90%\): built, not advertised$/);
    expect(build.stderr).not.toContain('note: vi');
  });

  test('no page links to it: no hreflang, not in the language switcher, not in the front matter', () => {
    const en = read(dir, 'html/en/sip/437/index.html');
    expect(en).toContain('hreflang="vi"');
    expect(en).not.toContain('hreflang="ko"');
    expect(en).not.toContain('/ko/');
    expect(read(dir, 'html/vi/sip/437/index.html')).not.toContain('/ko/');
    expect(read(dir, 'md/en/sip/437.md')).toMatch(/alternates:\n {2}vi: [^\n]+\n---/);
  });

  test('the sitemaps and the 404 page do not list it; its redirect rules stay', () => {
    expect(read(dir, 'html/sitemap-1.xml')).toContain('/vi/sip/437/');
    expect(read(dir, 'html/sitemap-1.xml')).not.toContain('/ko/');
    expect(read(dir, 'html/404.html')).toContain('/vi/');
    expect(read(dir, 'html/404.html')).not.toContain('/ko/');
    expect(read(dir, 'html/_redirects')).toContain('/ko/sip/compare/437-vs-200/ /ko/sip/compare/200-vs-437/ 301');
  });

  test('lowering minTranslated in statusbook.config.yaml advertises it on the next build', () => {
    writeFileSync(join(dir, 'statusbook.config.yaml'), 'minTranslated: 0\n');
    const again = statusbook(['build', '--format', 'html,md', '--base-url', 'https://docs.example.org/'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('not advertised');
    expect(read(dir, 'html/en/sip/437/index.html')).toContain('<link rel="alternate" hreflang="ko" href="https://docs.example.org/ko/sip/437/">');
    expect(read(dir, 'html/sitemap-1.xml')).toContain('/ko/sip/437/');
  });

  test('a minTranslated that is not a percentage is a config error with its position', () => {
    writeFileSync(join(dir, 'statusbook.config.yaml'), 'minTranslated: 150\n');
    const bad = statusbook(['build', '--format', 'html'], dir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/statusbook\.config\.yaml:1:16 {2}error {2}.*minTranslated.*/);
  });
});
