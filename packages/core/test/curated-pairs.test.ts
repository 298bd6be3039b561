// The curated "commonly confused" pairs: enough of them, and the ones engineers ask about.
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { loadContent } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const { protocols, diagnostics } = await loadContent(`${repo}content`);
const curated = (id: string) => protocols.find((p) => p.id === id)!.curated.map((n) => `${n.low}/${n.high}`);

test('each protocol has at least 70 curated pairs, and the content loads cleanly', () => {
  expect(diagnostics).toEqual([]);
  expect(curated('sip').length).toBeGreaterThanOrEqual(70);
  expect(curated('http').length).toBeGreaterThanOrEqual(70);
});

test('the pairs engineers confuse most are curated', () => {
  expect(curated('sip')).toEqual(expect.arrayContaining(['404/480', '603/608', '403/404', '408/504', '480/486', '420/580', '200/487']));
  expect(curated('http')).toEqual(expect.arrayContaining(['303/307', '403/451', '400/422', '429/503', '502/504', '401/404', '415/422']));
});

test('an unsupported precondition tag is 420, not 580 (RFC 3261 §8.2.2.3, RFC 3312 §8)', () => {
  const note = protocols.find((p) => p.id === 'sip')!.curated.find((n) => n.low === 420 && n.high === 580)!;
  expect(note.text.difference.source).toMatch(/`420 Bad Extension` from a UAS that does not support the extension/);
  expect(note.text.difference.source).toMatch(/`580 Precondition Failure` from one that supports it but cannot meet/);
});
