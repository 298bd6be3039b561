// Site files (a large site's sitemaps are tens of MB) are handed out a few pieces per batch,
// so the build's writer keeps up and little of them waits in memory; together the batches
// give every site file once, in order.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '@statusbook/core';
import { createSite } from '@statusbook/generator';
import { expect, test } from 'vitest';
import { writeSynthetic } from '../../../scripts/synthetic.mjs';
import { Renderer, type BatchResult } from '../src/engine/render-task.js';

test('site files come a few per batch, each batch going on where the last stopped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-site-batches-'));
  writeSynthetic(dir, 70, ['en']);
  const { protocols } = await loadContent(join(dir, 'content'));
  const setup = {
    protocols,
    translations: new Map(),
    templatesDir: join(dir, 'templates'),
    localesDir: join(dir, 'locales'),
    locales: ['en'],
    formats: ['html'] as const,
    baseUrl: 'https://docs.example.org/',
    pairs: 'all' as const,
    redirects: 'all' as const,
  };
  const expected = [...(await createSite(setup)).files()];
  // 2,485 reversed pairs and 2,555 sitemap URLs: more pieces than two batches hold.
  expect(expected.length).toBeGreaterThan(6);

  const renderer = await Renderer.create(setup);
  const got: BatchResult[][] = [];
  for (let id = 0; id < 20 && !got.at(-1)?.at(-1)?.siteFilesDone; id++) {
    const results: BatchResult[] = [];
    renderer.run({ id, render: [], siteFiles: 3 }, (r) => results.push(r));
    got.push(results);
  }
  for (const results of got) expect(results.filter((r) => r.files.length > 0).length).toBeLessThanOrEqual(3);
  expect(got.slice(0, -1).every((results) => results.at(-1)?.siteFilesDone === false)).toBe(true);
  expect(got.at(-1)!.at(-1)!.siteFilesDone).toBe(true);
  const files = got.flat().flatMap((r) => r.files);
  expect(files.map((f) => f.path)).toEqual(expected.map((f) => f.path));
  expect(files.map((f) => f.contents).join('')).toBe(expected.map((f) => f.contents).join(''));
}, 60_000);
