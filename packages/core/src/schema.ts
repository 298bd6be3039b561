import { isMap, isScalar, isSeq, type LineCounter, type Node, type Scalar } from 'yaml';
import { characterOffset, describeCharacter, escapeControls, forbiddenCharacter, printable, type TextKind } from './characters.js';
import { MAX_LINE_LENGTH, MAX_TEXT_LENGTH } from './limits.js';
import { suggest } from './suggest.js';
import { parseText } from './text.js';
import type { Diagnostic, Severity, Text } from './types.js';

/** Where diagnostics of one file go, with what turns offsets into line:column. */
export class FileContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
    /** The file's text, to find a character inside a value. */
    readonly source: string,
  ) {}

  /** The line and column (from 1) of an offset in the file. */
  position(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  report(
    offset: number,
    severity: Severity,
    ruleId: string,
    message: string,
    extra: { expected?: string; actual?: string; hint?: string } = {},
  ): void {
    const { line, col } = this.lines.linePos(offset);
    this.diagnostics.push({ file: this.file, line, column: col, severity, ruleId, message, ...extra });
  }

  error(offset: number, ruleId: string, message: string, extra?: { expected?: string; actual?: string; hint?: string }): void {
    this.report(offset, 'error', ruleId, message, extra);
  }
}

/**
 * Checks a YAML node and returns its normalized value, or undefined after reporting why not.
 * `path` names the value in messages (`references[0].rfc`).
 */
export type Check<T> = (node: Node | null, ctx: FileContext, path: string) => T | undefined;

export function offsetOf(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

/** Describes what a YAML node holds, for "found ..." in messages. */
export function describeNode(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing';
    if (typeof v === 'string') return v.trim() === '' ? 'an empty string' : `the string ${escapeControls(JSON.stringify(clip(v)))}`;
    if (typeof v === 'number') return `the number ${v}`;
    if (typeof v === 'boolean') return `${v}`;
  }
  return 'a value of another kind';
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function mismatch(node: Node | null, ctx: FileContext, path: string, expected: string, hint?: string): undefined {
  const actual = describeNode(node);
  ctx.error(offsetOf(node), 'schema/type', `'${path}' must be ${expected}, found ${actual}`, {
    expected,
    actual,
    ...(hint === undefined ? {} : { hint }),
  });
  return undefined;
}

const LIMITS: Readonly<Record<TextKind, { max: number; expected: string }>> = {
  line: { max: MAX_LINE_LENGTH, expected: 'one line of text without control characters' },
  text: { max: MAX_TEXT_LENGTH, expected: 'text without control characters other than line feeds and tabs' },
};

/**
 * Whether a string value is short enough for its kind of field and holds only characters
 * that field allows (see docs/content-format.md); reports why not.
 */
export function allowedText(node: Scalar, value: string, ctx: FileContext, path: string, kind: TextKind): boolean {
  const { max, expected } = LIMITS[kind];
  if (value.length > max) {
    const n = (x: number) => x.toLocaleString('en-US');
    ctx.error(offsetOf(node), 'schema/too-long', `'${path}' has ${n(value.length)} characters, more than the limit of ${n(max)}`, {
      expected: `at most ${n(max)} characters`,
      actual: `${n(value.length)} characters`,
    });
    return false;
  }
  const at = forbiddenCharacter(value, kind);
  if (at < 0) return true;
  const found = describeCharacter(value.charCodeAt(at));
  ctx.error(characterOffset(ctx.source, node, value[at]!), 'schema/character', `'${path}' must be ${expected}, found ${found}`, {
    expected,
    actual: found,
    ...(kind === 'line' && value[at] === '\n' ? { hint: 'write the value on one line, or as a folded scalar (>-)' } : {}),
  });
  return false;
}

/** A non-empty single-line string, optionally matching a pattern. */
export function string(opts: { pattern?: RegExp; describe?: string } = {}): Check<string> {
  const expected = opts.describe ?? 'a non-empty string';
  return (node, ctx, path) => {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      return mismatch(node, ctx, path, expected);
    }
    if (!allowedText(node, node.value, ctx, path, 'line')) return undefined;
    if (opts.pattern && !opts.pattern.test(node.value)) return mismatch(node, ctx, path, expected);
    return node.value;
  };
}

/** English text: a non-empty string of inline Markdown; `line` for one-line text such as a class name. */
export function text(kind: TextKind = 'text'): Check<Text> {
  return (node, ctx, path) => {
    if (!isScalar(node) || typeof node.value !== 'string') {
      return mismatch(node, ctx, path, 'text (a string of inline Markdown)');
    }
    if (node.value.trim() === '') {
      ctx.error(offsetOf(node), 'schema/empty-text', `'${path}' must not be empty: write the text or remove the field if it is optional`, {
        expected: 'text (a string of inline Markdown)',
        actual: 'an empty string',
      });
      return undefined;
    }
    if (!allowedText(node, node.value, ctx, path, kind)) return undefined;
    const parsed = parseText(node.value);
    if (parsed.blockFound) {
      ctx.report(offsetOf(node), 'warning', 'schema/inline-text', `'${path}' should be inline Markdown, found ${parsed.blockFound}; it is shown as plain text`, {
        expected: 'one paragraph of inline Markdown',
        actual: parsed.blockFound,
      });
    }
    return parsed.text;
  };
}

export function integer(opts: { min?: number; max?: number; describe?: string } = {}): Check<number> {
  const expected = opts.describe ?? 'a whole number';
  return (node, ctx, path) => {
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value)) {
      return mismatch(node, ctx, path, expected);
    }
    if ((opts.min !== undefined && node.value < opts.min) || (opts.max !== undefined && node.value > opts.max)) {
      return mismatch(node, ctx, path, expected);
    }
    return node.value;
  };
}

export function boolean(): Check<boolean> {
  return (node, ctx, path) => {
    if (!isScalar(node) || typeof node.value !== 'boolean') return mismatch(node, ctx, path, 'true or false');
    return node.value;
  };
}

/** One of a fixed set of strings. */
export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  const expected = `one of ${values.map((v) => `'${v}'`).join(', ')}`;
  return (node, ctx, path) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !(values as readonly string[]).includes(node.value)) {
      const found = isScalar(node) && typeof node.value === 'string' ? suggest(node.value, values) : undefined;
      return mismatch(node, ctx, path, expected, found && `did you mean '${found}'?`);
    }
    return node.value as T;
  };
}

/** A list whose items all pass `item`; items that fail are reported and dropped. */
export function list<T>(item: Check<T>, opts: { min?: number; max?: number } = {}): Check<T[]> {
  const min = opts.min ?? 0;
  const max = opts.max ?? Infinity;
  const expected =
    min === max ? `a list of exactly ${min}` : min > 0 ? `a list of at least ${min}` : 'a list';
  return (node, ctx, path) => {
    if (!isSeq(node) || node.items.length < min || node.items.length > max) {
      const found = isSeq(node) ? `a list of ${node.items.length}` : undefined;
      if (found === undefined) return mismatch(node, ctx, path, expected);
      ctx.error(offsetOf(node), 'schema/type', `'${path}' must be ${expected}, found ${found}`, { expected, actual: found });
      return undefined;
    }
    const out: T[] = [];
    let failed = false;
    node.items.forEach((child, i) => {
      const value = item(child as Node | null, ctx, `${path}[${i}]`);
      if (value === undefined) failed = true;
      else out.push(value);
    });
    return failed ? undefined : out;
  };
}

/**
 * A mapping of names to values (`vocabularies:`), as [name, value] pairs in file order:
 * names must pass `key` and appear once; values must pass `value`.
 */
export function entries<T>(key: Check<string>, value: Check<T>): Check<[string, T][]> {
  return (node, ctx, path) => {
    if (!isMap(node)) return mismatch(node, ctx, path, 'a mapping of names to values');
    const out: [string, T][] = [];
    let failed = false;
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const name = key(keyNode, ctx, `${path} key`);
      if (name === undefined) {
        failed = true;
        continue;
      }
      if (out.some(([n]) => n === name)) {
        ctx.error(offsetOf(keyNode), 'schema/duplicate-key', `'${path}.${name}' is given twice`, { expected: 'each name once', actual: `'${name}'` });
        failed = true;
        continue;
      }
      const checked = value(pair.value as Node | null, ctx, `${path}.${name}`);
      if (checked === undefined) failed = true;
      else out.push([name, checked]);
    }
    return failed ? undefined : out;
  };
}

export interface Field<T> {
  readonly check: Check<T>;
  readonly optional?: boolean;
}

type Fields = Record<string, Field<unknown>>;

type ObjectValue<F extends Fields> = {
  [K in keyof F as F[K]['optional'] extends true ? never : K]: F[K] extends Field<infer T> ? T : never;
} & {
  [K in keyof F as F[K]['optional'] extends true ? K : never]?: F[K] extends Field<infer T> ? T : never;
};

export function required<T>(check: Check<T>): Field<T> {
  return { check };
}

export function optional<T>(check: Check<T>): Field<T> & { optional: true } {
  return { check, optional: true };
}

/**
 * A mapping with known fields: reports missing, unknown (with "did you mean") and invalid
 * fields; with `others: 'ignore'`, fields it does not know are left out unchecked.
 */
export function object<F extends Fields>(fields: F, opts: { others?: 'report' | 'ignore' } = {}): Check<ObjectValue<F>> {
  // A Map, not the object: a key such as `constructor` or `__proto__` must not find Object.prototype's.
  const byName = new Map<string, Field<unknown>>(Object.entries(fields));
  const names = [...byName.keys()];
  return (node, ctx, path) => {
    const prefix = path === '' ? '' : `${path}.`;
    if (!isMap(node)) return mismatch(node, ctx, path === '' ? 'the file' : path, 'a mapping of fields');
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    // A misspelt field is reported once, as unknown with a suggestion, not again as missing.
    const suggested = new Set<string>();
    let failed = false;
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : '';
      const field = byName.get(name);
      if (!field && opts.others === 'ignore') continue;
      if (!field) {
        const close = suggest(name, names);
        if (close) suggested.add(close);
        ctx.error(offsetOf(key), 'schema/unknown-field', `unknown field '${prefix}${printable(name)}'${close ? `: did you mean '${close}'?` : ''}`, {
          expected: `one of ${names.map((n) => `'${n}'`).join(', ')}`,
          actual: `'${printable(name)}'`,
        });
        failed = true;
        continue;
      }
      seen.add(name);
      const value = field.check(pair.value as Node | null, ctx, `${prefix}${name}`);
      if (value === undefined) failed = true;
      else out[name] = value;
    }
    for (const name of names) {
      if (seen.has(name) || suggested.has(name) || byName.get(name)!.optional) continue;
      ctx.error(offsetOf(node), 'schema/required', `missing required field '${prefix}${name}'`, {
        expected: `a field '${name}'`,
        actual: 'no such field',
      });
      failed = true;
    }
    return failed ? undefined : (out as ObjectValue<F>);
  };
}
