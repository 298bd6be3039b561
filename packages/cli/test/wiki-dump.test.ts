import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContent, loadTranslations } from '@statusbook/core';
import { createSite, translatedContent } from '@statusbook/generator';
import { pageRefs } from '@statusbook/generator/plan';
import { readDump } from '../src/publish/mediawiki.js';
import { repoRoot, statusbook } from './helpers.js';

// The import dump holds every page of a locale: 19 MB for the bundled content in English,
// hundreds of MB for a large protocol (every comparison). The build writes it in pieces as
// its pages are made, and a rebuild that changes one code makes the same bytes as a new build.

describe('the MediaWiki import dump, written in pieces', () => {
  let dir: string;
  const out = (name: string) => join(dir, name);
  const dump = (name: string, locale: string) => readFileSync(join(out(name), 'mediawiki', locale, 'import.xml'), 'utf8');
  const build = (name: string) => {
    const run = statusbook(['build', '--format', 'mediawiki', '--locale', 'en,ja', '--out', out(name), '--json'], dir);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { total: number; written: number; unchanged: number; pages: Record<string, Record<string, number>> };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'statusbook-dump-'));
    for (const part of ['content', 'locales', 'templates']) cpSync(join(repoRoot, part), join(dir, part), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a new build: one dump per locale with every page and category, counted as one file', () => {
    const report = build('a');
    // Pieces of the dump are not files of their own: every page of the build is written once.
    expect(report.written).toBe(report.total);
    expect(report.pages.mediawiki).toEqual({ en: expect.any(Number), ja: expect.any(Number) });
    for (const locale of ['en', 'ja']) {
      const xml = dump('a', locale);
      expect(xml.endsWith('  </page>\n</mediawiki>\n')).toBe(true);
      expect(xml.match(/<mediawiki /g)).toHaveLength(1);
      const titles = readDump(xml).map((p) => p.title);
      const wikiFiles = readdirSync(join(out('a'), 'mediawiki', locale), { recursive: true }).filter((f) => String(f).endsWith('.wiki'));
      expect(titles.filter((t) => !t.startsWith('Category:'))).toHaveLength(wikiFiles.length);
      expect(titles).toContain('Category:SIP 4xx');
      expect(new Set(titles).size).toBe(titles.length);
    }
    expect(Buffer.byteLength(dump('a', 'en'))).toBeGreaterThan(10_000_000);
  });

  test('a rebuild after one code changed writes the same dump as a new build of the changed content', () => {
    const file = join(dir, 'content/sip/codes/437.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/howToFix: >-\n/, 'howToFix: >-\n  Publish the chain first (edited).\n'));
    const rebuilt = build('a');
    expect(rebuilt.written).toBeLessThan(rebuilt.total / 10);
    const fresh = build('b');
    expect(fresh.written).toBe(fresh.total);
    for (const locale of ['en', 'ja']) expect(dump('a', locale) === dump('b', locale), locale).toBe(true);
    expect(dump('a', 'en')).toContain('Publish the chain first (edited).');
  });
});

test('the generator gives a dump in pieces small enough to die young, whose text is the whole dump', async () => {
  const { protocols } = await loadContent(join(repoRoot, 'content'));
  const { translations } = await loadTranslations(join(repoRoot, 'locales'), ['ja'], protocols);
  const site = await createSite({
    protocols,
    templatesDir: join(repoRoot, 'templates'),
    localesDir: join(repoRoot, 'locales'),
    locales: ['ja'],
    formats: ['mediawiki'],
    pairs: 'curated',
    content: () => translatedContent(translations.get('ja')!),
  });
  const ref = [...pageRefs(protocols, ['ja'], ['mediawiki'], 'curated')].find((r) => r.kind === 'dump')!;
  const pieces = [...site.renderPieces(ref)];
  expect(pieces.length).toBeGreaterThan(5);
  expect(pieces.every((p) => p.path === 'mediawiki/ja/import.xml')).toBe(true);
  expect(pieces.map((p) => p.append ?? false)).toEqual([false, ...pieces.slice(1).map(() => true)]);
  // Under V8's large-object size, as sitemap pieces: a piece is one page past 48 Ki characters at most.
  expect(Math.max(...pieces.map((p) => p.contents.length))).toBeLessThan(128 * 1024);
  expect(pieces.map((p) => p.contents).join('')).toBe(site.renderRef(ref).contents);
});
