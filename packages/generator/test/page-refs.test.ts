// The page list: its count (used for progress and to choose how a rebuild writes) must be
// the number of pages listed, for every choice of formats, pairs and redirect pages; which
// pages a rebuild keeps must follow each page's units.
import { loadContent } from '@statusbook/core';
import { expect, test } from 'vitest';
import { pageRefCount, pageRefs, pageUnits, unitHashes, unitsPass } from '../src/page-refs.js';
import type { Format } from '../src/types.js';

const { protocols } = await loadContent(new URL('../../../content/', import.meta.url).pathname);

test.each([
  [['html'], 'all', false],
  [['html'], 'all', true],
  [['md', 'html', 'print'], 'all', false],
  [['md', 'html', 'print'], 'curated', true],
  [['print'], 'curated', false],
] as const)('%j, %s pairs, redirect pages %s: the count is the length of the list', (formats, pairs, redirectPages) => {
  const listed = [...pageRefs(protocols, ['en', 'ja'], formats as readonly Format[], pairs, redirectPages)];
  expect(pageRefCount(protocols, ['en', 'ja'], formats as readonly Format[], pairs, redirectPages)).toBe(listed.length);
  expect(listed.some((r) => r.kind === 'redirect')).toBe(redirectPages && formats.includes('html'));
});

test('unitsPass answers as testing each of a page\'s units, for every page, whichever units fail', () => {
  const locales = ['en', 'vi', 'ja'];
  const formats: readonly Format[] = ['md', 'html', 'print'];
  const refs = [...pageRefs(protocols, locales, formats, 'all', true)];
  const units = [...unitHashes(protocols, locales, new Map(), { global: 'g', 'templates:md': 't', 'templates:html': 't', 'templates:print': 't', 'ui:en': 'u', 'ui:vi': 'u', 'ui:ja': 'u' }).keys()];
  // Some units that are in no build (a pair that is not curated) fail too.
  const extra = refs.filter((r) => r.kind === 'compare').slice(0, 40).map((r) => `pair:${r.protocol}:${r.a}-vs-${r.b}:${r.locale}`);
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (const share of [0, 0.002, 0.02, 0.2]) {
    const failing = new Set([...units, ...extra].filter(() => random() < share));
    const test = (unit: string) => !failing.has(unit);
    const pass = unitsPass(protocols, test);
    const got = refs.map((ref) => pass(ref));
    expect(got).toEqual(refs.map((ref) => pageUnits(ref, protocols).every(test)));
    if (share > 0) expect(got.filter((ok) => !ok).length).toBeGreaterThan(0);
  }
});
