// The strings of document references, groupings, ranges and equivalents (issue 22) count for
// translation coverage only where the content has them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { loadContent } from '@statusbook/core';
import { uiKeyUsed } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const shapes = fileURLToPath(new URL('../../core/test/fixtures/shapes/content/', import.meta.url));
/** ui.json as flat keys (`equivalent.maps-to`). */
function flat(obj: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] => (typeof v === 'string' ? [[prefix + k, v]] : flat(v as Record<string, unknown>, `${prefix}${k}.`)));
}
const english = new Map(flat(JSON.parse(readFileSync(`${repo}locales/en/ui.json`, 'utf8')) as Record<string, unknown>));
const KEYS = ['document', 'documentSection', 'contrast.definedIn', 'groupingLabel', 'contrast.grouping', 'rangeLabel', 'protocol.ranges', 'equivalent.heading', 'equivalent.maps-to'];

test('the bundled SIP and HTTP use only the equivalents among them; a protocol with all four shapes uses all', async () => {
  const bundled = (await loadContent(`${repo}content`)).protocols.filter((p) => p.id === 'sip' || p.id === 'http');
  // SIP codes link the HTTP code whose meaning they reuse; HTTP shows gRPC's mappings reversed.
  expect(KEYS.filter((k) => uiKeyUsed(k, bundled, english))).toEqual(['equivalent.heading', 'equivalent.maps-to']);
  const { protocols } = await loadContent(shapes);
  expect(KEYS.filter((k) => uiKeyUsed(k, protocols, english))).toEqual(KEYS);
  // SIP alone has an equivalent only through the reverse of another protocol's link.
  expect(uiKeyUsed('equivalent.maps-from', protocols.filter((p) => p.id === 'sip'), english)).toBe(true);
  expect(uiKeyUsed('groupingLabel', protocols.filter((p) => p.id === 'sip'), english)).toBe(false);
});
