// EPUB books from the bundled content, checked with epubcheck (Debian 4.2.6) as a publisher
// would: 0 errors and 0 warnings for en, vi and ja, each protocol; the reading order and the
// metadata an e-reader shows; the same bytes twice; right-to-left page progression; markup
// in the content (fixtures/wiki-hostile) kept as text.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '@statusbook/core';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { epub, epubBook } from '../src/bundle/epub.js';
import { buildBundledContent, type BuiltContent } from './bundle-books.js';
import { makeProject, repoRoot, statusbook } from './helpers.js';

let built: BuiltContent;
beforeAll(async () => {
  built = await buildBundledContent(['print']);
});
afterAll(() => built?.remove());

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('the epub kind on the bundled content', () => {
  test.each(['en', 'vi', 'ja'])('%s: one book per protocol, each passing epubcheck with no error or warning', async (locale) => {
    const job = built.job(locale);
    const files = await epub.make(job);
    expect(files.map((f) => f.path)).toEqual(built.content.protocols.map((p) => `${locale}/statusbook-${locale}-${p.id}.epub`));
    expect(files.map((f) => f.protocol).sort()).toEqual(['dns', 'grpc', 'http', 'sip', 'smtp', 'websocket']);
    for (const file of files) {
      const check = spawnSync('java', ['-jar', '/usr/share/java/epubcheck.jar', join(job.staging, file.path)], { encoding: 'utf8' });
      const report = check.stdout + check.stderr;
      expect(report, file.path).not.toMatch(/^(ERROR|WARNING|FATAL)/m);
      expect(check.status, report).toBe(0);
    }
  });

  test('ja SIP: language, stable identifier, date, codes in class order, curated comparisons, a nav with every code', async () => {
    const job = built.job('ja');
    await epub.make(job);
    const book = unzipSync(readFileSync(join(job.staging, 'ja/statusbook-ja-sip.epub')));
    expect(Object.keys(book)[0]).toBe('mimetype');
    const opf = strFromU8(book['EPUB/package.opf']!);
    expect(opf).toContain('<dc:language>ja</dc:language>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-11-30T00:00:00Z</meta>');
    expect(opf).toMatch(/<dc:identifier id="book-id">urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/);
    expect(opf).toContain('<dc:title>SIP ステータスコード</dc:title>');
    expect(opf).not.toContain('page-progression-direction');
    // The chapters in spine order hold the codes in class order, then the curated pairs.
    const sip = built.content.protocols.find((p) => p.id === 'sip')!;
    const chapters = Object.keys(book).filter((p) => /chapter-\d+\.xhtml$/.test(p)).sort();
    const text = chapters.map((p) => strFromU8(book[p]!)).join('\n');
    const order = [...text.matchAll(/<article class="entry" id="code-(\d+)">/g)].map((m) => Number(m[1]));
    expect(order).toEqual(sip.classes.flatMap((c) => sip.codes.filter((code) => code.code >= c.range[0] && code.code <= c.range[1]).map((code) => code.code)));
    const pairs = [...text.matchAll(/id="compare-(\d+-vs-\d+)"/g)].map((m) => m[1]);
    expect(pairs).toEqual(sip.curated.map((n) => `${n.low}-vs-${n.high}`));
    expect(text).toContain('（サポートされていない認証情報）');
    const nav = strFromU8(book['EPUB/nav.xhtml']!);
    expect(nav).toContain('epub:type="toc"');
    for (const code of order) expect(nav).toMatch(new RegExp(`href="chapter-\\d+\\.xhtml#code-${code}"`));
  });

  test('the same output gives the same bytes, and the identifier stays', async () => {
    const [a, b] = [built.job('vi'), built.job('vi')];
    await epub.make(a);
    await epub.make(b);
    expect(sha256(join(a.staging, 'vi/statusbook-vi-sip.epub'))).toBe(sha256(join(b.staging, 'vi/statusbook-vi-sip.epub')));
  });

  test('a right-to-left locale pages right to left, and markup in the text stays text', () => {
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><title>x</title></head><body><main>
<header class="cover"><h1>&lt;script&gt;alert(1)&lt;/script&gt; رموز</h1></header>
<nav class="toc"><h2>المحتويات</h2><ol><li><a href="#class-1xx">1xx</a><span class="toc-page">3</span></li></ol></nav>
<section class="chapter" id="class-1xx"><h2>1xx</h2><p>a &amp; b &lt;img src=x onerror=alert(1)&gt; \u0001</p></section></main></body></html>`;
    const book = unzipSync(epubBook(html, { locale: 'ar', protocol: 'sip', date: '2026-11-30', version: '0.1.0' }));
    expect(strFromU8(book['EPUB/package.opf']!)).toContain('<spine page-progression-direction="rtl">');
    const chapter = strFromU8(book['EPUB/chapter-01.xhtml']!);
    expect(chapter).toContain('dir="rtl"');
    expect(chapter).toContain('a &amp; b &lt;img src=x onerror=alert(1)&gt; \uFFFD');
    expect(strFromU8(book['EPUB/title.xhtml']!)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const nav = strFromU8(book['EPUB/nav.xhtml']!);
    expect(nav).toContain('<a href="chapter-01.xhtml#class-1xx">1xx</a>');
    expect(nav).not.toContain('toc-page');
  });
});

test('markup in every field of the content comes out of the book as text, and epubcheck passes it', async () => {
  const dir = makeProject('translated');
  try {
    cpSync(fileURLToPath(new URL('./fixtures/wiki-hostile/', import.meta.url)), dir, { recursive: true });
    cpSync(join(repoRoot, 'locales/vi/ui.json'), join(dir, 'locales/vi/ui.json'));
    const run = statusbook(['build', '--format', 'print', '--locale', 'en,vi'], dir);
    expect(run.code, run.stderr).toBe(0);
    const job = { ...built.job('en'), output: join(dir, 'output'), content: await loadContent(join(dir, 'content')) };
    const [file] = await epub.make(job);
    const path = join(job.staging, file!.path);
    const check = spawnSync('java', ['-jar', '/usr/share/java/epubcheck.jar', path], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).not.toMatch(/^(ERROR|WARNING|FATAL)/m);
    const book = unzipSync(readFileSync(path));
    const text = Object.entries(book).filter(([p]) => p.endsWith('.xhtml')).map(([, data]) => strFromU8(data)).join('\n');
    expect(text).toContain('SUMMARY {{Hostile}}');
    expect(text).toContain('&lt;span style=x&gt;s&lt;/span&gt; &lt;html&gt;&lt;b&gt;h&lt;/b&gt;&lt;/html&gt;');
    expect(text).not.toMatch(/<(span style|html><b|b>h|ref>|php>)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
