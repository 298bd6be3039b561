import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeProject, snapshotTree, statusbook } from './helpers.js';
import { writeSynthetic } from '../../../scripts/synthetic.mjs';

describe('statusbook build', () => {
  const project = makeProject();
  const out = join(project, 'output');
  const run = statusbook(['build'], project);
  const read = (path: string) => readFileSync(join(out, path), 'utf8');

  test('succeeds and says how many pages it wrote, per format and locale', () => {
    expect(run.stderr).toBe(
      'note: no sitemap: a sitemap lists absolute URLs; set --base-url https://... (or baseUrl in statusbook.config.yaml)\n' +
        'note: embed cards and the snippets on code pages link root-relative (/en/...): to embed them on other sites, set --base-url https://... (or baseUrl in statusbook.config.yaml)\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✔ 41 pages in output \(\d+\.\d\d s\)\n/);
    expect(run.stdout).toContain('  html  en 10\n');
    expect(run.stdout).toContain('  json  en 8\n');
    // A card and a badge per code, a card for the one curated pair.
    expect(run.stdout).toContain('  embed en 7\n');
    // Other: the HTML site's 404, index, redirects, headers, stylesheets, scripts, icon and manifest; json's index, schemas and headers.
    expect(run.stdout).toContain('  files: 41 written, 0 unchanged, 0 removed, 19 other; 0 warnings\n');
  });

  test('writes every page kind at its documented path, in every format', () => {
    expect(Object.keys(snapshotTree(out)).sort()).toEqual([
      '.statusbook/check-cache.json',
      '.statusbook/files',
      '.statusbook/manifest.json',
      'embed/en/sip/180.html',
      'embed/en/sip/180.svg',
      'embed/en/sip/200.html',
      'embed/en/sip/200.svg',
      'embed/en/sip/437.html',
      'embed/en/sip/437.svg',
      'embed/en/sip/compare/200-vs-437.html',
      'html/404.html',
      'html/_headers',
      'html/_redirects',
      'html/assets/favicon.svg',
      'html/assets/print.css',
      'html/assets/search.css',
      'html/assets/search.js',
      'html/assets/site.css',
      'html/assets/site.js',
      'html/assets/site.webmanifest',
      'html/assets/theme.js',
      'html/en/index.html',
      'html/en/search.json',
      'html/en/sip/180/index.html',
      'html/en/sip/200/index.html',
      'html/en/sip/437/index.html',
      'html/en/sip/compare/180-vs-200/index.html',
      'html/en/sip/compare/180-vs-437/index.html',
      'html/en/sip/compare/200-vs-437/index.html',
      'html/en/sip/compare/index.html',
      'html/en/sip/index.html',
      'html/index.html',
      'json/_headers',
      'json/en/sip/180.json',
      'json/en/sip/200.json',
      'json/en/sip/437.json',
      'json/en/sip/compare/180-vs-200.json',
      'json/en/sip/compare/180-vs-437.json',
      'json/en/sip/compare/200-vs-437.json',
      'json/en/sip/compare/index.json',
      'json/en/sip/index.json',
      'json/index.json',
      'json/schema/code.json',
      'json/schema/compare-index.json',
      'json/schema/compare.json',
      'json/schema/index.json',
      'json/schema/protocol.json',
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
    expect(page).toContain('| Sent by | user agent server (UAS) or proxy |');
    expect(page).toContain('- [200 OK](compare/200-vs-437.md)');
  });

  test('a compare page puts the lower code first, links both codes and adds the curated notes', () => {
    const page = read('html/en/sip/compare/200-vs-437/index.html');
    expect(page).toContain('<h1>SIP 200 OK vs 437 Unsupported Credential</h1>');
    expect(page).toContain('<th scope="col"><a href="../../200/">200 OK</a></th>');
    // Key differences points at the table's differing rows instead of restating them.
    expect(page).toContain('<tr class="differs"><th scope="row">Class</th><td data-label="200 OK">2xx Success</td>');
    expect(page).toMatch(/<h2 id="key-differences">Key differences<\/h2>.*<\/div>\n<p>Of the facts above, “Class”, .* differ\.<\/p>/);
    expect(page).not.toContain('is in class');
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
    expect(withPages.stdout).toContain('  html  en 13\n');
    const page = readFileSync(join(again, 'output/html/en/sip/compare/437-vs-200/index.html'), 'utf8');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=../200-vs-437/">');
    expect(page).toContain('<link rel="canonical" href="/en/sip/compare/200-vs-437/">');
    expect(page).not.toContain('Unsupported Credential');
    const flag = makeProject();
    expect(statusbook(['build', '--format', 'html', '--redirect-pages'], flag).code).toBe(0);
    expect(existsSync(join(flag, 'output/html/en/sip/compare/437-vs-180/index.html'))).toBe(true);
  });

  test('without a base URL there is no sitemap, and the build says so once; with one, the sitemap lists every page but the redirects', () => {
    const html = makeProject();
    const bare = statusbook(['build', '--format', 'html'], html);
    expect(bare.stderr.match(/note: no sitemap: a sitemap lists absolute URLs/g)).toHaveLength(1);
    expect(existsSync(join(html, 'output/html/sitemap.xml'))).toBe(false);
    expect(statusbook(['build', '--format', 'html', '--base-url', 'https://docs.example.org/sip-docs/'], html).code).toBe(0);
    const sitemap = readFileSync(join(html, 'output/html/sitemap-1.xml'), 'utf8');
    expect(sitemap.match(/<loc>/g)).toHaveLength(9);
    expect(sitemap).toContain('<loc>https://docs.example.org/sip-docs/en/sip/compare/200-vs-437/</loc>');
    expect(sitemap).not.toContain('437-vs-200');
    expect(readFileSync(join(html, 'output/html/sitemap.xml'), 'utf8')).toContain('<loc>https://docs.example.org/sip-docs/sitemap-1.xml</loc>');
  });

  test('--base-url must be an absolute http(s) URL, before anything is built', () => {
    const html = makeProject();
    for (const bad of ['/docs/', 'docs.example.org', 'ftp://docs.example.org/', 'https://docs.example.org/?x=1']) {
      const run = statusbook(['build', '--base-url', bad], html);
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toContain('expected an absolute http(s) URL');
    }
    expect(readdirSync(html).sort()).toEqual(['content', 'locales', 'templates']);
    writeFileSync(join(html, 'statusbook.config.yaml'), 'baseUrl: /docs/\n');
    const config = statusbook(['build'], html);
    expect(config.code).toBe(1);
    expect(config.stderr).toContain('statusbook.config.yaml:1:10');
  });

  test('html/_redirects holds every reversed pair only when the rules fit every host (1,000), or with --redirects all', () => {
    // 3 codes: 3 rules, written.
    expect(read('html/_redirects').trim().split('\n')).toHaveLength(3);
    // 50 codes: 1,225 reversed pairs, more than GitLab Pages takes.
    const many = mkdtempSync(join(tmpdir(), 'statusbook-redirects-'));
    writeSynthetic(many, 50, ['en']);
    const auto = statusbook(['build', '--format', 'html'], many);
    expect(auto.code).toBe(0);
    expect(auto.stderr).toContain('note: no html/_redirects: its 1,225 rules are more than every host accepts (1,000)');
    expect(existsSync(join(many, 'output/html/_redirects'))).toBe(false);
    expect(statusbook(['build', '--format', 'html', '--redirects', 'all'], many).code).toBe(0);
    expect(readFileSync(join(many, 'output/html/_redirects'), 'utf8').trim().split('\n')).toHaveLength(1225);
    expect(statusbook(['build', '--format', 'html', '--redirects', 'none'], many).code).toBe(0);
    expect(existsSync(join(many, 'output/html/_redirects'))).toBe(false);
    expect(statusbook(['build', '--redirects', 'some'], many).code).toBe(2);
  });

  test('the same input gives the same bytes', () => {
    const first = snapshotTree(out);
    expect(statusbook(['build'], project).code).toBe(0);
    expect(snapshotTree(out)).toEqual(first);
  });

  test('--clean renders everything again and keeps only what it was asked for; a file added by hand stops it', () => {
    writeFileSync(join(out, 'stale.txt'), 'left over');
    const refused = statusbook(['build', '--clean'], project);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('holds a file statusbook did not write (stale.txt)');
    rmSync(join(out, 'stale.txt'));
    expect(statusbook(['build', '--clean', '--format', 'md'], project).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.statusbook', 'md']);
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
    expect(run.stderr).toContain('is a folder statusbook did not make');
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  test('an unknown locale or format is a usage error', () => {
    const locale = statusbook(['build', '--locale', 'xx'], project);
    expect(locale.code).toBe(2);
    expect(locale.stderr).toContain("unknown locale 'xx'");
    expect(statusbook(['build', '--format', 'pdf'], project).code).toBe(2);
  });
});
