import { compareStrings } from './diagnostics.js';
import type { Diagnostic, Equivalent, EquivalentRelation, Protocol, StatusCode } from './types.js';

/** An equivalent as written in a code file, with where it was written. */
export interface WrittenEquivalent {
  readonly protocol: string;
  readonly code: number;
  readonly relation: EquivalentRelation;
  readonly line: number;
  readonly column: number;
}

/** The relation as seen from the other code: a gateway mapping this code to that one maps that one from this. */
const REVERSE: Readonly<Record<EquivalentRelation, EquivalentRelation>> = {
  'same-meaning': 'same-meaning',
  'maps-to': 'maps-from',
  'maps-from': 'maps-to',
};

/** What links the code files of every loaded protocol wrote, and which codes have a file (loaded or not). */
export interface EquivalentInput {
  readonly written: ReadonlyMap<StatusCode, readonly WrittenEquivalent[]>;
  /** Protocol folders, loaded or not, with the codes that have a file. */
  readonly known: ReadonlyMap<string, ReadonlySet<number>>;
}

/**
 * The protocols with every code's equivalents: those written in its file, checked against the
 * other protocols' codes, and the reverse of those written on the other code. Problems become
 * diagnostics at the entry that wrote them.
 */
export function linkEquivalents(protocols: readonly Protocol[], input: EquivalentInput, diagnostics: Diagnostic[]): Protocol[] {
  const byKey = new Map<string, Equivalent[]>();
  // A link may go both ways (gRPC 14 maps to HTTP 503, and HTTP 503 maps to gRPC 14): one
  // entry per other code and relation. Whether it was already there.
  const add = (protocol: string, code: number, eq: Equivalent): boolean => {
    const key = `${protocol}/${code}`;
    const list = byKey.get(key) ?? [];
    if (list.some((e) => e.protocol === eq.protocol && e.code === eq.code && e.relation === eq.relation)) return false;
    list.push(eq);
    byKey.set(key, list);
    return true;
  };
  const loaded = new Map(protocols.map((p) => [p.id, new Set(p.codes.map((c) => c.code))]));
  const error = (file: string, at: WrittenEquivalent, ruleId: string, message: string, expected: string, actual: string) =>
    diagnostics.push({ file, line: at.line, column: at.column, severity: 'error', ruleId, message, expected, actual });
  // Written links first, so a link written on both sides is shown as written.
  const derived: [string, number, Equivalent][] = [];
  for (const p of protocols) {
    for (const code of p.codes) {
      for (const w of input.written.get(code) ?? []) {
        const target = `${w.protocol} ${w.code}`;
        if (w.protocol === p.id) {
          error(code.file, w, 'equivalent/same-protocol', `equivalent ${target} is a code of this protocol`, 'a code of another protocol (curated pairs compare codes of one protocol)', target);
          continue;
        }
        const codes = input.known.get(w.protocol);
        if (!codes) {
          const ids = [...input.known.keys()].filter((id) => id !== p.id);
          error(code.file, w, 'equivalent/unknown-protocol', `equivalent names protocol '${w.protocol}', which has no folder in content/`, ids.length > 0 ? `one of ${ids.map((id) => `'${id}'`).join(', ')}` : 'a protocol folder of content/ other than this one', `'${w.protocol}'`);
          continue;
        }
        if (!codes.has(w.code)) {
          error(code.file, w, 'equivalent/unknown-code', `equivalent names ${target}, which has no file in content/${w.protocol}/codes/`, `a code defined in content/${w.protocol}/codes/<code>.yaml`, String(w.code));
          continue;
        }
        // The other protocol or code has errors of its own (reported): the link is left out.
        if (!loaded.get(w.protocol)?.has(w.code)) continue;
        if (!add(p.id, code.code, { protocol: w.protocol, code: w.code, relation: w.relation, derived: false })) {
          // Listed twice in this file (the reverse of a link written on the other code is added later).
          error(code.file, w, 'equivalent/duplicate', `equivalent ${target} ${w.relation} is listed twice`, 'each code of another protocol once per relation', `${target} ${w.relation}`);
          continue;
        }
        derived.push([w.protocol, w.code, { protocol: p.id, code: code.code, relation: REVERSE[w.relation], derived: true }]);
      }
    }
  }
  // The reverse of each link, unless the other code wrote it too.
  for (const [protocol, code, eq] of derived) add(protocol, code, eq);
  const RELATIONS = ['same-meaning', 'maps-to', 'maps-from'];
  const order = (a: Equivalent, b: Equivalent) => compareStrings(a.protocol, b.protocol) || a.code - b.code || RELATIONS.indexOf(a.relation) - RELATIONS.indexOf(b.relation);
  return protocols.map((p) => ({
    ...p,
    codes: p.codes.map((c) => {
      const list = byKey.get(`${p.id}/${c.code}`);
      return list ? { ...c, equivalents: list.sort(order) } : c;
    }),
  }));
}
