// The page list: its count (used for progress and to choose how a rebuild writes) must be
// the number of pages listed, for every choice of formats, pairs and redirect pages; which
// pages a rebuild keeps must follow each page's units.
import { loadContent } from '@statusbook/core';
import { expect, test } from 'vitest';
import { pageRefCount, pageRefs, pageUnits, refPath, unitHashes, unitsPass } from '../src/page-refs.js';
import type { Format } from '../src/types.js';

const { protocols } = await loadContent(new URL('../../../content/', import.meta.url).pathname);

test.each([
  [['html'], 'all', false],
  [['html'], 'all', true],
  [['md', 'html', 'print'], 'all', false],
  [['md', 'html', 'print'], 'curated', true],
  [['print'], 'curated', false],
  [['embed'], 'all', false],
  [['html', 'embed'], 'all', true],
  [['md', 'embed'], 'curated', false],
] as const)('%j, %s pairs, redirect pages %s: the count is the length of the list', (formats, pairs, redirectPages) => {
  const listed = [...pageRefs(protocols, ['en', 'ja'], formats as readonly Format[], pairs, redirectPages)];
  expect(pageRefCount(protocols, ['en', 'ja'], formats as readonly Format[], pairs, redirectPages)).toBe(listed.length);
  expect(listed.some((r) => r.kind === 'redirect')).toBe(redirectPages && formats.includes('html'));
});

test.each(['plain', 'hugo', 'docusaurus', 'starlight', 'mkdocs'] as const)('md under the %s profile: the count is the length of the list; only the tool\'s files are added', (profile) => {
  const formats: readonly Format[] = ['md', 'html'];
  const listed = [...pageRefs(protocols, ['en', 'ja'], formats, 'curated', false, profile)];
  expect(pageRefCount(protocols, ['en', 'ja'], formats, 'curated', false, profile)).toBe(listed.length);
  const plain = [...pageRefs(protocols, ['en', 'ja'], formats, 'curated', false)];
  const extra = listed.filter((r) => !plain.some((q) => q.kind === r.kind && q.locale === r.locale && q.format === r.format && q.protocol === r.protocol && q.code === r.code && q.a === r.a));
  const expected = { plain: [], hugo: [], starlight: [], docusaurus: ['category', 'compare-category'], mkdocs: ['nav'] }[profile];
  expect([...new Set(extra.map((r) => r.kind))].sort()).toEqual(expected);
  expect(extra.every((r) => r.format === 'md')).toBe(true);
  expect(extra.map((r) => refPath(r, profile))).toEqual(
    profile === 'mkdocs'
      ? ['mkdocs/en/nav.yml', 'mkdocs/ja/nav.yml']
      : profile === 'docusaurus'
        ? ['en', 'ja'].flatMap((l) => protocols.flatMap((p) => {
            const root = l === 'en' ? 'docusaurus/docs' : `docusaurus/i18n/${l}/docusaurus-plugin-content-docs/current`;
            return [`${root}/${p.id}/_category_.json`, `${root}/${p.id}/compare/_category_.json`];
          }))
        : [],
  );
  // A folder's category shows the protocol's title, the nav every protocol's titles.
  for (const r of extra) expect(pageUnits(r, protocols).filter((u) => u.startsWith('protocol:'))).toEqual(r.kind === 'nav' ? protocols.map((p) => `protocol:${p.id}:${r.locale}`) : [`protocol:${r.protocol}:${r.locale}`]);
});

test('unitsPass answers as testing each of a page\'s units, for every page, whichever units fail', () => {
  const locales = ['en', 'vi', 'ja'];
  const formats: readonly Format[] = ['md', 'html', 'print', 'embed'];
  const refs = [...pageRefs(protocols, locales, formats, 'all', true)];
  const units = [...unitHashes(protocols, locales, new Map(), { global: 'g', 'templates:md': 't', 'templates:html': 't', 'templates:print': 't', 'templates:embed': 't', 'ui:en': 'u', 'ui:vi': 'u', 'ui:ja': 'u' }).keys()];
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

test('embed has a card per code and per curated pair and a badge per code, whatever the pair selection', () => {
  for (const pairs of ['all', 'curated'] as const) {
    const refs = [...pageRefs(protocols, ['en'], ['embed'], pairs)];
    for (const p of protocols) {
      const mine = refs.filter((r) => r.protocol === p.id);
      expect(mine.filter((r) => r.kind === 'code')).toHaveLength(p.codes.length);
      expect(mine.filter((r) => r.kind === 'badge')).toHaveLength(p.codes.length);
      expect(mine.filter((r) => r.kind === 'compare').map((r) => `${r.a}-vs-${r.b}`)).toEqual(p.curated.map((n) => `${n.low}-vs-${n.high}`));
    }
  }
});

/** The embed files a change makes a rebuild write again: those with a unit whose hash changed. */
function changedEmbeds(changed: typeof protocols): string[] {
  const extra = { global: 'g', 'templates:embed': 't', 'ui:en': 'u' };
  const before = unitHashes(protocols, ['en'], new Map(), extra);
  const after = unitHashes(changed, ['en'], new Map(), extra);
  return [...pageRefs(changed, ['en'], ['embed'], 'all')]
    .filter((ref) => pageUnits(ref, changed).some((u) => before.get(u) !== after.get(u)))
    .map((ref) => refPath(ref));
}

const withCode = (code: number, change: (c: (typeof protocols)[number]['codes'][number]) => object) =>
  protocols.map((p) => (p.id !== 'sip' ? p : { ...p, codes: p.codes.map((c) => (c.code === code ? { ...c, ...change(c) } : c)) }));

test("a code's edit rewrites exactly its card, its badge and the cards of its curated pairs", () => {
  const sip = protocols.find((p) => p.id === 'sip')!;
  const pairsOf437 = sip.curated.filter((n) => n.low === 437 || n.high === 437).map((n) => `embed/en/sip/compare/${n.low}-vs-${n.high}.html`);
  expect(pairsOf437.length).toBeGreaterThan(0);
  const expected = ['embed/en/sip/437.html', 'embed/en/sip/437.svg', ...pairsOf437].sort();
  // A new summary, and a renamed reason phrase: no other code's card or badge shows either.
  expect(changedEmbeds(withCode(437, (c) => ({ text: { ...c.text, summary: { source: 'New summary.', nodes: [{ type: 'text', value: 'New summary.' }] } } }))).sort()).toEqual(expected);
  expect(changedEmbeds(withCode(437, () => ({ reason: 'Unsupported Thing' }))).sort()).toEqual(expected);
  // Text no card shows rewrites nothing.
  expect(changedEmbeds(withCode(437, (c) => ({ text: { ...c.text, howToFix: { source: 'Retry.', nodes: [{ type: 'text', value: 'Retry.' }] } } })))).toEqual([]);
});

test("a curated pair's scenario rewrites no card; its difference rewrites its card only", () => {
  const sip = protocols.find((p) => p.id === 'sip')!;
  const pair = sip.curated[0]!;
  const withNote = (field: 'scenario' | 'difference') =>
    protocols.map((p) => (p.id !== 'sip' ? p : { ...p, curated: p.curated.map((n) => (n === pair ? { ...n, text: { ...n.text, [field]: { source: 'New.', nodes: [{ type: 'text', value: 'New.' }] } } } : n)) }));
  expect(changedEmbeds(withNote('scenario'))).toEqual([]);
  expect(changedEmbeds(withNote('difference'))).toEqual([`embed/en/sip/compare/${pair.low}-vs-${pair.high}.html`]);
});
