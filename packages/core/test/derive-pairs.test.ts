import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { derivePairs, findPair, loadContent, pairCount, pairSlug } from '../src/index.js';

const contentDir = fileURLToPath(new URL('../../../content/', import.meta.url));
const { protocols } = await loadContent(contentDir);
const sip = protocols.find((p) => p.id === 'sip')!;

describe('pairs', () => {
  test('every pair of codes exists once, lower code first', () => {
    const pairs = [...derivePairs(sip)];
    const n = sip.codes.length;
    expect(pairs).toHaveLength((n * (n - 1)) / 2);
    expect(pairCount(sip)).toBe(pairs.length);
    expect(new Set(pairs.map((p) => p.slug)).size).toBe(pairs.length);
    for (const pair of pairs) {
      expect(pair.low.code).toBeLessThan(pair.high.code);
      expect(pair.slug).toBe(`${pair.low.code}-vs-${pair.high.code}`);
    }
  });

  test('the slug and the pair are canonical whichever order the codes come in', () => {
    expect(pairSlug(437, 200)).toBe('200-vs-437');
    expect(pairSlug(200, 437)).toBe('200-vs-437');
    const pair = findPair(sip, 437, 200)!;
    expect([pair.low.code, pair.high.code]).toEqual([200, 437]);
    expect(findPair(sip, 437, 437)).toBeUndefined();
    expect(findPair(sip, 437, 999)).toBeUndefined();
  });

  test('curated pairs carry their notes; others are derived', () => {
    const curated = findPair(sip, 407, 401)!;
    expect(curated.kind).toBe('curated');
    if (curated.kind === 'curated') expect(curated.notes.text.difference.source).toMatch(/Proxy-Authenticate|proxy/i);
    expect(findPair(sip, 182, 505)!.kind).toBe('derived');
  });

  test('contrasts are computed from the facts', () => {
    const ringingVsOk = findPair(sip, 180, 200)!;
    expect(ringingVsOk.contrasts).toContainEqual({ kind: 'finality', finalCode: 200, provisionalCode: 180 });
    expect(ringingVsOk.contrasts).toContainEqual({ kind: 'class', low: '1xx', high: '2xx' });

    const auth = findPair(sip, 401, 407)!;
    const headers = auth.contrasts.find((c) => c.kind === 'tokens' && c.fact === 'headers');
    expect(headers).toBeDefined();
    if (headers?.kind === 'tokens') {
      expect(headers.onlyLow).toContain('WWW-Authenticate');
      expect(headers.onlyHigh).toContain('Proxy-Authenticate');
    }
    expect(auth.contrasts.some((c) => c.kind === 'finality')).toBe(false);
  });
});
