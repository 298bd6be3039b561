import type { CuratedNotes, Protocol, StatusCode } from '@statusbook/core/model';

/** Lookups over one protocol that pages need again and again, computed once. */
export interface ProtocolIndex {
  readonly byCode: ReadonlyMap<number, StatusCode>;
  /** Position of each code in `protocol.codes`. */
  readonly position: ReadonlyMap<number, number>;
  /** Curated notes that involve each code. */
  readonly curatedOf: ReadonlyMap<number, readonly CuratedNotes[]>;
}

const cache = new WeakMap<Protocol, ProtocolIndex>();

/** The lookups of a protocol, built on first use. */
export function indexOf(protocol: Protocol): ProtocolIndex {
  let index = cache.get(protocol);
  if (!index) {
    const curatedOf = new Map<number, CuratedNotes[]>();
    for (const notes of protocol.curated) {
      for (const code of [notes.low, notes.high]) curatedOf.set(code, [...(curatedOf.get(code) ?? []), notes]);
    }
    index = {
      byCode: new Map(protocol.codes.map((c) => [c.code, c])),
      position: new Map(protocol.codes.map((c, i) => [c.code, i])),
      curatedOf,
    };
    cache.set(protocol, index);
  }
  return index;
}
