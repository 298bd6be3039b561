// Site files of a large site: _redirects comes in pieces (no build holds all of it at once),
// which together are the whole list; sitemaps hold at most 10,000 URLs each and come in
// pieces too.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '@statusbook/core';
import { expect, test } from 'vitest';
import { writeSynthetic } from '../../../scripts/synthetic.mjs';
import { createSite } from '../src/site.js';

test('a site with 21,945 reversed pairs lists each once in _redirects, in pieces, and splits its sitemaps', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-site-files-'));
  const codes = writeSynthetic(dir, 210, ['en']);
  const { protocols } = await loadContent(join(dir, 'content'));
  const site = await createSite({ protocols, templatesDir: join(dir, 'templates'), localesDir: join(dir, 'locales'), locales: ['en'], formats: ['html'], baseUrl: 'https://docs.example.org/', redirects: 'all' });
  const files = [...site.files()];

  const pieces = files.filter((f) => f.path === 'html/_redirects');
  expect(pieces.length).toBeGreaterThan(1);
  expect(pieces.map((p) => p.append ?? false)).toEqual([false, ...pieces.slice(1).map(() => true)]);
  const lines = pieces.map((p) => p.contents).join('').split('\n');
  expect(lines.pop()).toBe('');
  expect(lines).toHaveLength((210 * 209) / 2);
  expect(new Set(lines).size).toBe(lines.length);
  expect(lines).toContain(`/en/syn/compare/${codes[9]}-vs-${codes[2]}/ /en/syn/compare/${codes[2]}-vs-${codes[9]}/ 301`);
  // Without `all`, a list this long is not written: no host but Netlify takes it.
  const auto = await createSite({ protocols, templatesDir: join(dir, 'templates'), localesDir: join(dir, 'locales'), locales: ['en'], formats: ['html'] });
  expect([...auto.files()].map((f) => f.path).filter((p) => p.includes('_redirects') || p.includes('sitemap'))).toEqual([]);

  // Sitemap files come in pieces of at most 1,000 URLs, each file's first piece naming it.
  const sitemapPieces = files.filter((f) => /^html\/sitemap-\d+\.xml$/.test(f.path));
  expect(Math.max(...sitemapPieces.map((f) => f.contents.match(/<loc>/g)?.length ?? 0))).toBeLessThanOrEqual(1_000);
  const sitemaps = new Map<string, string>();
  for (const f of sitemapPieces) {
    expect(sitemaps.has(f.path)).toBe(f.append ?? false);
    sitemaps.set(f.path, (sitemaps.get(f.path) ?? '') + f.contents);
  }
  expect(sitemaps.size).toBeGreaterThan(1);
  for (const contents of sitemaps.values()) {
    expect(contents).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset [^>]*>\n( {2}<url>\n[\s\S]*? {2}<\/url>\n)+<\/urlset>\n$/);
  }
  const urls = [...sitemaps.values()].map((contents) => contents.match(/<loc>/g)?.length ?? 0);
  expect(Math.max(...urls)).toBeLessThanOrEqual(10_000);
  // Every comparison, code and index page of the one locale.
  expect(urls.reduce((a, b) => a + b, 0)).toBe((210 * 209) / 2 + 210 + 3);
  const index = files.find((f) => f.path === 'html/sitemap.xml')!.contents;
  for (const path of sitemaps.keys()) expect(index).toContain(`<loc>https://docs.example.org/${path.slice('html/'.length)}</loc>`);
}, 60_000);
