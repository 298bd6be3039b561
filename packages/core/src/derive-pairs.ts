import { compareCodes } from './compare-codes.js';
import type { CuratedNotes, Pair, Protocol, StatusCode } from './types.js';

/** The canonical URL segment of a pair: lower code first, whatever order it is given in. */
export function pairSlug(a: number, b: number): string {
  return a < b ? `${a}-vs-${b}` : `${b}-vs-${a}`;
}

/** Every pair of codes of a protocol, in canonical order (lower code first), lazily. */
export function* derivePairs(protocol: Protocol): Generator<Pair> {
  const { codes } = protocol;
  const notes = curatedBySlug(protocol);
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      yield makePair(protocol, codes[i]!, codes[j]!, notes);
    }
  }
}

/** Number of pairs `derivePairs` yields. */
export function pairCount(protocol: Protocol): number {
  const n = protocol.codes.length;
  return (n * (n - 1)) / 2;
}

/** The pair of two codes of a protocol, in canonical order; undefined if either code is unknown or both are the same. */
export function findPair(protocol: Protocol, a: number, b: number): Pair | undefined {
  if (a === b) return undefined;
  const x = protocol.codes.find((c) => c.code === a);
  const y = protocol.codes.find((c) => c.code === b);
  if (!x || !y) return undefined;
  const notes = curatedBySlug(protocol);
  return x.code < y.code ? makePair(protocol, x, y, notes) : makePair(protocol, y, x, notes);
}

const curatedCache = new WeakMap<Protocol, ReadonlyMap<string, CuratedNotes>>();

/** A protocol's curated notes by slug, built once per protocol (findPair runs once per page). */
function curatedBySlug(protocol: Protocol): ReadonlyMap<string, CuratedNotes> {
  let map = curatedCache.get(protocol);
  if (!map) {
    map = new Map(protocol.curated.map((n) => [pairSlug(n.low, n.high), n]));
    curatedCache.set(protocol, map);
  }
  return map;
}

function makePair(protocol: Protocol, low: StatusCode, high: StatusCode, curated: ReadonlyMap<string, CuratedNotes>): Pair {
  const slug = pairSlug(low.code, high.code);
  const base = { protocol: protocol.id, low, high, slug, contrasts: compareCodes(low, high, protocol.grouping) };
  const notes = curated.get(slug);
  return notes ? { ...base, kind: 'curated', notes } : { ...base, kind: 'derived' };
}
