import type { Scalar } from 'yaml';

/** Single-line fields (reason phrases, names, titles, glosses) and text fields (summaries, descriptions...). */
export type TextKind = 'line' | 'text';

// Any C0 or C1 control, DEL, U+2028/2029 or a lone surrogate; text fields allow tab and
// line feed. One search per string: a field is checked once, at load.
/* eslint-disable no-control-regex -- matching control characters is the point */
const NOT_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_IN_LINE_ALL = new RegExp(NOT_IN_LINE.source, 'g');
/* eslint-enable no-control-regex */

/** Index of the first character a field of this kind may not hold, or -1. */
export function forbiddenCharacter(value: string, kind: TextKind): number {
  return value.search(kind === 'line' ? NOT_IN_LINE : NOT_IN_TEXT);
}

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'null',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0x85: 'next line',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
};

/** Names one UTF-16 code unit for a message: `U+000C (form feed)`, `a lone surrogate U+D800`. */
export function describeCharacter(unit: number): string {
  const code = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  if (unit >= 0xd800 && unit <= 0xdfff) return `a lone surrogate ${code}`;
  const name = NAMES[unit];
  return name === undefined ? code : `${code} (${name})`;
}

/** Text for a message printed on a terminal: control characters escaped as `\\u001b`. */
export function escapeControls(text: string): string {
  return text.replace(NOT_IN_LINE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A name or key as a message may show it: control characters escaped, long ones clipped. */
export function printable(name: string): string {
  return escapeControls(name.length > 60 ? `${name.slice(0, 57)}...` : name);
}

// A double-quoted scalar's escapes (YAML 1.2, 5.7), each read whole so `\\f` is not `\f`.
const ESCAPE = /\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[\s\S])/g;
const ESCAPED: Readonly<Record<string, string>> = {
  '0': '\u0000', a: '\u0007', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\u001b', N: '\u0085', L: '\u2028', P: '\u2029',
};

/**
 * Where the first `unit` of a scalar's value is written in the file: the character itself,
 * or in a double-quoted scalar the escape that makes it. The scalar's start when not found.
 */
export function characterOffset(source: string, node: Scalar, unit: string): number {
  const [start, end] = node.range ?? [0, 0];
  // A block scalar's header line (`|`, `>-`) is not its value.
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  const from = block ? source.indexOf('\n', start) + 1 || start : start;
  const raw = source.indexOf(unit, from);
  let found = raw >= 0 && raw < end ? raw : -1;
  if (node.type === 'QUOTE_DOUBLE') {
    for (const m of source.slice(from, end).matchAll(ESCAPE)) {
      if (found >= 0 && from + m.index > found) break;
      const e = m[1]!;
      const code = e.length > 1 ? Number.parseInt(e.slice(1), 16) : undefined;
      // Only an escape of one code unit can make `unit`; `\U0001F600` makes two.
      const value = code === undefined ? ESCAPED[e] : code <= 0xffff ? String.fromCharCode(code) : undefined;
      if (value === unit) {
        found = from + m.index;
        break;
      }
    }
  }
  return found >= 0 ? found : start;
}
