// Site files of a large site: _redirects comes in pieces (no build holds all of it at once),
// which together are the whole list; sitemaps hold at most 10,000 URLs each.
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
  const site = await createSite({ protocols, templatesDir: join(dir, 'templates'), localesDir: join(dir, 'locales'), locales: ['en'], formats: ['html'] });
  const files = [...site.files()];

  const pieces = files.filter((f) => f.path === 'html/_redirects');
  expect(pieces.length).toBeGreaterThan(1);
  expect(pieces.map((p) => p.append ?? false)).toEqual([false, ...pieces.slice(1).map(() => true)]);
  const lines = pieces.map((p) => p.contents).join('').split('\n');
  expect(lines.pop()).toBe('');
  expect(lines).toHaveLength((210 * 209) / 2);
  expect(new Set(lines).size).toBe(lines.length);
  expect(lines).toContain(`/en/syn/compare/${codes[9]}-vs-${codes[2]}/ /en/syn/compare/${codes[2]}-vs-${codes[9]}/ 301`);

  const sitemaps = files.filter((f) => /^html\/sitemap-\d+\.xml$/.test(f.path));
  const urls = sitemaps.map((f) => f.contents.match(/<loc>/g)?.length ?? 0);
  expect(Math.max(...urls)).toBeLessThanOrEqual(10_000);
  // Every comparison, code and index page of the one locale.
  expect(urls.reduce((a, b) => a + b, 0)).toBe((210 * 209) / 2 + 210 + 3);
  const index = files.find((f) => f.path === 'html/sitemap.xml')!.contents;
  for (const f of sitemaps) expect(index).toContain(`<loc>/${f.path.slice('html/'.length)}</loc>`);
}, 60_000);
