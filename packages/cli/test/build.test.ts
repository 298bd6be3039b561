import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeProject, snapshotTree, statusbook } from './helpers.js';

describe('statusbook build', () => {
  const project = makeProject();
  const out = join(project, 'output');
  const run = statusbook(['build'], project);
  const read = (path: string) => readFileSync(join(out, path), 'utf8');

  test('succeeds and says how many pages it wrote, per format and locale', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✔ 25 pages in output \(\d+\.\d\d s\)\n/);
    expect(run.stdout).toContain('  html  en 9\n');
    expect(run.stdout).toContain('  files: 25 written, 0 unchanged, 0 removed, 7 other; 0 warnings\n');
  });

  test('writes every page kind at its documented path, in every format', () => {
    expect(Object.keys(snapshotTree(out)).sort()).toEqual([
      '.statusbook/check-cache.json',
      '.statusbook/files',
      '.statusbook/manifest.json',
      'html/404.html',
      'html/_redirects',
      'html/assets/print.css',
      'html/assets/site.css',
      'html/en/index.html',
      'html/en/sip/180/index.html',
      'html/en/sip/200/index.html',
      'html/en/sip/437/index.html',
      'html/en/sip/compare/180-vs-200/index.html',
      'html/en/sip/compare/180-vs-437/index.html',
      'html/en/sip/compare/200-vs-437/index.html',
      'html/en/sip/compare/index.html',
      'html/en/sip/index.html',
      'html/index.html',
      'html/sitemap-1.xml',
      'html/sitemap.xml',
      'md/en/index.md',
      'md/en/sip/180.md',
      'md/en/sip/200.md',
      'md/en/sip/437.md',
      'md/en/sip/compare/180-vs-200.md',
      'md/en/sip/compare/180-vs-437.md',
      'md/en/sip/compare/200-vs-437.md',
      'md/en/sip/compare/index.md',
      'md/en/sip/index.md',
      'print/en/sip.html',
      'print/en/sip/180.html',
      'print/en/sip/200.html',
      'print/en/sip/437.html',
      'print/en/sip/compare/180-vs-200.html',
      'print/en/sip/compare/180-vs-437.html',
      'print/en/sip/compare/200-vs-437.html',
    ]);
  });

  test('a code page shows the current reason phrase, the former one and the facts', () => {
    const page = read('md/en/sip/437.md');
    expect(page).toContain('# SIP 437 Unsupported Credential');
    expect(page).toContain('Formerly “Unsupported Certificate” (renamed by RFC 8224).');
    expect(page).toContain('| Sent by | user agent server (UAS) and proxy |');
    expect(page).toContain('- [200 OK](compare/200-vs-437.md)');
  });

  test('a compare page puts the lower code first, links both codes and adds the curated notes', () => {
    const page = read('html/en/sip/compare/200-vs-437/index.html');
    expect(page).toContain('<h1>SIP 200 OK vs 437 Unsupported Credential</h1>');
    expect(page).toContain('<th scope="col">200 OK</th>');
    expect(page).toContain('<li>200 is in class 2xx, while 437 is in class 4xx.</li>');
    expect(page).toContain('<p class="summary">One rejects the request over its identity credential; the other accepts it.</p>');
    expect(page).toContain('<link rel="canonical" href="/en/sip/compare/200-vs-437/">');
  });

  test('the reversed order only redirects to the canonical page: a rule in _redirects, no page of its own', () => {
    expect(read('html/_redirects')).toContain('/en/sip/compare/437-vs-200/ /en/sip/compare/200-vs-437/ 301\n');
    expect(existsSync(join(out, 'html/en/sip/compare/437-vs-200'))).toBe(false);
    expect(existsSync(join(out, 'md/en/sip/compare/437-vs-200.md'))).toBe(false);
  });

  test('a template with a syntax error stops the build with its file and line, and writes nothing', () => {
    const broken = makeProject();
    const file = join(broken, 'templates/pages/compare.html.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{{', '{{#if summary}}{{'));
    const result = statusbook(['build'], broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/templates\/pages\/compare\.html\.hbs: Parse error on line \d+:/);
    expect(existsSync(join(broken, 'output'))).toBe(false);
  });

  test('--redirect-pages (or redirectPages: true) also writes a redirect page per reversed pair', () => {
    const again = makeProject();
    writeFileSync(join(again, 'statusbook.config.yaml'), 'redirectPages: true\n');
    const withPages = statusbook(['build', '--format', 'html'], again);
    expect(withPages.stdout).toContain('  html  en 12\n');
    const page = readFileSync(join(again, 'output/html/en/sip/compare/437-vs-200/index.html'), 'utf8');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=../200-vs-437/">');
    expect(page).toContain('<link rel="canonical" href="/en/sip/compare/200-vs-437/">');
    expect(page).not.toContain('Unsupported Credential');
    const flag = makeProject();
    expect(statusbook(['build', '--format', 'html', '--redirect-pages'], flag).code).toBe(0);
    expect(existsSync(join(flag, 'output/html/en/sip/compare/437-vs-180/index.html'))).toBe(true);
  });

  test('the sitemap lists every page but the redirects', () => {
    const sitemap = read('html/sitemap-1.xml');
    expect(sitemap.match(/<loc>/g)).toHaveLength(9);
    expect(sitemap).toContain('<loc>/en/sip/compare/200-vs-437/</loc>');
    expect(sitemap).not.toContain('437-vs-200');
  });

  test('the same input gives the same bytes', () => {
    const first = snapshotTree(out);
    expect(statusbook(['build'], project).code).toBe(0);
    expect(snapshotTree(out)).toEqual(first);
  });

  test('a build that changes anything replaces the previous output entirely', () => {
    writeFileSync(join(out, 'stale.txt'), 'left over');
    // A file added by hand stops the build (output-safety.test.ts); moved away, it is not brought back.
    expect(statusbook(['build', '--clean'], project).code).toBe(2);
    rmSync(join(out, 'stale.txt'));
    expect(statusbook(['build', '--clean'], project).code).toBe(0);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(existsSync(join(out, 'md/en/sip/437.md'))).toBe(true);
  });

  test('--out, --format and --locale choose what is built and where', () => {
    expect(statusbook(['build', '--out', 'site', '--format', 'md', '--locale', 'en'], project).code).toBe(0);
    const files = Object.keys(snapshotTree(join(project, 'site'))).filter((p) => !p.startsWith('.statusbook/'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((p) => p.startsWith('md/en/'))).toBe(true);
  });

  test('--out refuses a folder with files statusbook did not make', () => {
    const mine = join(project, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'keep me');
    const run = statusbook(['build', '--out', 'mine'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mine is a folder statusbook did not make');
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  test('an unknown locale or format is a usage error', () => {
    const locale = statusbook(['build', '--locale', 'xx'], project);
    expect(locale.code).toBe(2);
    expect(locale.stderr).toContain("unknown locale 'xx'");
    expect(statusbook(['build', '--format', 'pdf'], project).code).toBe(2);
  });
});
