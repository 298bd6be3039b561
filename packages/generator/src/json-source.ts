// A JSON parser (RFC 8259, strict) that keeps where each value and key starts, so a
// problem in ui.json can be reported at its line and column. JSON.parse gives neither
// positions for values nor the same message on every Node version.

/** A parsed value and the offset of its first character. */
export type JsonNode =
  | { readonly kind: 'object'; readonly offset: number; readonly entries: readonly JsonEntry[] }
  | { readonly kind: 'array'; readonly offset: number }
  | { readonly kind: 'string'; readonly offset: number; readonly value: string; readonly raw: string }
  | { readonly kind: 'number' | 'boolean' | 'null'; readonly offset: number; readonly raw: string };

export interface JsonEntry {
  readonly key: string;
  readonly keyOffset: number;
  readonly value: JsonNode;
}

/** Raised on the first syntax error, at its offset. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses a whole JSON text (a leading byte order mark is allowed); throws `JsonSyntaxError`. */
export function parseJson(text: string): JsonNode {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const found = (): string => {
    if (i >= text.length) return 'the end of the file';
    const c = text[i]!;
    if (c === '\n' || c === '\r') return 'a line break';
    return /[\x21-\x7e]/.test(c) ? `'${c}'` : `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  };
  const fail = (expected: string, at = i): never => {
    i = at;
    throw new JsonSyntaxError(at, `expected ${expected}, found ${found()}`);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };

  const string = (): JsonNode & { kind: 'string' } => {
    const offset = i++;
    let value = '';
    let from = i;
    for (;;) {
      if (i >= text.length) fail("'\"' to end the string");
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail("a character or '\"' (a control character in a string must be written as an escape such as \\n)");
      if (c !== 0x5c) {
        i++;
        continue;
      }
      value += text.slice(from, i);
      const e = text[i + 1];
      if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('four hex digits after \\u', i + 2);
        value += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
        value += ESCAPES[e]!;
        i += 2;
      } else fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)', i + 1);
      from = i;
    }
    value += text.slice(from, i);
    i++;
    return { kind: 'string', offset, value, raw: text.slice(offset + 1, i - 1) };
  };

  const value = (): JsonNode => {
    space();
    const offset = i;
    const c = text[i];
    if (c === '"') return string();
    if (c === '{') {
      i++;
      const entries: JsonEntry[] = [];
      space();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', offset, entries };
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail(entries.length === 0 ? "a key in double quotes or '}'" : "a key in double quotes (JSON has no comma before '}')");
        const key = string();
        space();
        if (text[i] !== ':') fail(`':' after the key "${key.value}"`);
        i++;
        entries.push({ key: key.value, keyOffset: key.offset, value: value() });
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return { kind: 'object', offset, entries };
        } else fail("',' or '}' after a value");
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', offset };
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return { kind: 'array', offset };
        } else fail("',' or ']' after a value");
      }
    }
    for (const [pattern, kind] of [
      [NUMBER, 'number'],
      [LITERAL, 'literal'],
    ] as const) {
      pattern.lastIndex = i;
      const m = pattern.exec(text);
      if (m) {
        i += m[0].length;
        return { kind: kind === 'number' ? 'number' : m[0] === 'null' ? 'null' : 'boolean', offset, raw: m[0] };
      }
    }
    return fail('a value (a string, number, object, array, true, false or null)');
  };

  const root = value();
  space();
  if (i < text.length) fail('the end of the file after the top-level value');
  return root;
}

/** The 1-based line and column of an offset (columns count UTF-16 code units, as the yaml library's do). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** The offset in the file of character `index` of a string's value (escapes are longer in the file). */
export function sourceOffset(node: JsonNode & { kind: 'string' }, index: number): number {
  let at = 0;
  for (let n = 0; n < index && at < node.raw.length; n++) at += node.raw[at] !== '\\' ? 1 : node.raw[at + 1] === 'u' ? 6 : 2;
  return node.offset + 1 + at;
}
