import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isMap, isScalar, type Node, type Scalar } from 'yaml';
import { printable, type TextKind } from './characters.js';
import { compareStrings, sortDiagnostics } from './diagnostics.js';
import { pairSlug } from './derive-pairs.js';
import { allowedText, offsetOf, type FileContext } from './schema.js';
import { readSource, textOf } from './source-file.js';
import { suggest } from './suggest.js';
import { parseText } from './text.js';
import { displayReason } from './names.js';
import type { CodeTextField, Diagnostic, PairTextField, Protocol, Text } from './types.js';
import { parseYaml } from './yaml-file.js';
import { cached, type CheckCache } from './check-cache.js';

/** A translated field: its text and whether it still matches the English it was made from. */
export interface TranslatedText {
  readonly text: Text;
  /** `stale` when the English changed since (or no source was recorded). */
  readonly state: 'translated' | 'stale';
}

/** The translatable fields of a code: its text fields and a gloss of the reason phrase. */
export type CodeTranslationField = CodeTextField | 'reason';

export const CODE_TRANSLATION_FIELDS: readonly CodeTranslationField[] = ['reason', 'summary', 'description', 'whenYouSeeIt', 'howToFix'];
export const PAIR_TRANSLATION_FIELDS: readonly PairTextField[] = ['difference', 'whenToUse', 'scenario'];
export const CLASS_TRANSLATION_FIELDS = ['name', 'description'] as const;

/** A translated name and description (a class, a grouping value, a number range). */
export type NamedTranslation = Partial<Record<'name' | 'description', TranslatedText>>;

export interface ProtocolTranslation {
  readonly description?: TranslatedText;
  readonly classes: ReadonlyMap<string, NamedTranslation>;
  /** The grouping's name and its values by digit. */
  readonly grouping?: { readonly name?: TranslatedText; readonly values: ReadonlyMap<number, NamedTranslation> };
  /** Number ranges by `low-high`. */
  readonly ranges?: ReadonlyMap<string, NamedTranslation>;
  readonly codes: ReadonlyMap<number, Partial<Record<CodeTranslationField, TranslatedText>>>;
  /** By canonical slug, `401-vs-407`. */
  readonly pairs: ReadonlyMap<string, Partial<Record<PairTextField, TranslatedText>>>;
}

export interface LocaleTranslation {
  readonly locale: string;
  readonly protocols: ReadonlyMap<string, ProtocolTranslation>;
}

/** Where a translated field's English comes from, as `source` hashes are made of it. */
export function sourceHash(english: string): string {
  return createHash('sha256').update(english.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 8);
}

/** One translatable field of the content, with its English text. */
export interface SourceField {
  readonly protocol: string;
  /** File under locales/<locale>/content/<protocol>/. */
  readonly file: 'protocol.yaml' | 'pairs.yaml' | `codes/${number}.yaml`;
  /** Path of the field inside that file. */
  readonly path: readonly string[];
  readonly english: string;
}

/** Every translatable field of the content, in a stable order. */
export function* sourceFields(protocols: readonly Protocol[]): Generator<SourceField> {
  for (const p of protocols) {
    yield { protocol: p.id, file: 'protocol.yaml', path: ['description'], english: p.description.source };
    for (const cls of p.classes) {
      yield { protocol: p.id, file: 'protocol.yaml', path: ['classes', cls.id, 'name'], english: cls.name.source };
      yield { protocol: p.id, file: 'protocol.yaml', path: ['classes', cls.id, 'description'], english: cls.description.source };
    }
    if (p.grouping) {
      yield { protocol: p.id, file: 'protocol.yaml', path: ['grouping', 'name'], english: p.grouping.name.source };
      for (const v of p.grouping.values) {
        for (const key of CLASS_TRANSLATION_FIELDS) yield { protocol: p.id, file: 'protocol.yaml', path: ['grouping', 'values', String(v.digit), key], english: v[key].source };
      }
    }
    for (const r of p.ranges) {
      for (const key of CLASS_TRANSLATION_FIELDS) yield { protocol: p.id, file: 'protocol.yaml', path: ['ranges', `${r.range[0]}-${r.range[1]}`, key], english: r[key].source };
    }
    for (const code of p.codes) {
      for (const field of CODE_TRANSLATION_FIELDS) {
        // A code with two names (DNS 16 BADVERS / BADSIG) gets one gloss for both.
        const english = field === 'reason' ? displayReason(code) : code.text[field].source;
        yield { protocol: p.id, file: `codes/${code.code}.yaml`, path: [field], english };
      }
    }
    for (const notes of p.curated) {
      for (const field of PAIR_TRANSLATION_FIELDS) {
        yield { protocol: p.id, file: 'pairs.yaml', path: [pairSlug(notes.low, notes.high), field], english: notes.text[field].source };
      }
    }
  }
}

/** Loads `locales/<locale>/content/` of each locale, checked against the content it translates. */
export async function loadTranslations(
  localesDir: string,
  locales: readonly string[],
  protocols: readonly Protocol[],
  options: { cache?: CheckCache } = {},
): Promise<{ translations: Map<string, LocaleTranslation>; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const translations = new Map<string, LocaleTranslation>();
  const loaded = await Promise.all(
    locales.map(async (locale) => {
      const found: Diagnostic[] = [];
      const byProtocol = new Map<string, ProtocolTranslation>();
      for (const protocol of protocols) {
        byProtocol.set(protocol.id, await loadProtocolTranslation(join(localesDir, locale, 'content', protocol.id), protocol, found, options.cache));
      }
      return { locale, byProtocol, found };
    }),
  );
  for (const { locale, byProtocol, found } of loaded) {
    translations.set(locale, { locale, protocols: byProtocol });
    diagnostics.push(...found);
  }
  return { translations, diagnostics: sortDiagnostics(diagnostics) };
}

async function loadProtocolTranslation(dir: string, protocol: Protocol, diagnostics: Diagnostic[], cache: CheckCache | undefined): Promise<ProtocolTranslation> {
  const classes = new Map<string, Partial<Record<'name' | 'description', TranslatedText>>>();
  const codes = new Map<number, Partial<Record<CodeTranslationField, TranslatedText>>>();
  const pairs = new Map<string, Partial<Record<PairTextField, TranslatedText>>>();
  const groupingValues = new Map<number, NamedTranslation>();
  const ranges = new Map<string, NamedTranslation>();
  let groupingName: TranslatedText | undefined;
  let description: TranslatedText | undefined;

  // What protocol.yaml's check depends on: its text and the English of the protocol and its classes.
  const protocolPath = join(dir, 'protocol.yaml');
  const protocolSource = textOf(await readSource(protocolPath), diagnostics);
  if (protocolSource !== undefined) {
    const english = JSON.stringify([protocol.description.source, protocol.classes.map((c) => [c.id, c.name.source, c.description.source]), protocol.grouping ?? null, protocol.ranges]);
    const result = cached(cache, ['translation-protocol', protocolPath, protocolSource, english], () => {
      const file = parseYaml(protocolPath, protocolSource);
      let found: TranslatedText | undefined;
      const byClass: [string, Partial<Record<'name' | 'description', TranslatedText>>][] = [];
      const keys = ['description', 'classes', ...(protocol.grouping ? ['grouping'] : []), ...(protocol.ranges.length > 0 ? ['ranges'] : [])];
      const root = file.ok ? mapping(file.doc.contents, file.ctx, 'the file', keys) : undefined;
      const extra = root && file.ok ? groupingAndRanges(root, protocol, file.ctx) : { values: [], ranges: [] };
      if (root) {
        const d = root.get('description');
        if (d) found = field(d, protocol.description.source, file.ctx, 'description', 'text');
        const classNode = root.get('classes');
        const ids = protocol.classes.map((c) => c.id);
        const byId = classNode ? mapping(classNode, file.ctx, 'classes', ids, 'translation/unknown-class') : undefined;
        for (const [id, node] of byId ?? []) {
          const cls = protocol.classes.find((c) => c.id === id)!;
          const fields = mapping(node, file.ctx, `classes.${id}`, CLASS_TRANSLATION_FIELDS);
          const out: Partial<Record<'name' | 'description', TranslatedText>> = {};
          for (const [name, value] of fields ?? []) {
            const key = name as 'name' | 'description';
            const t = field(value, cls[key].source, file.ctx, `classes.${id}.${key}`, key === 'name' ? 'line' : 'text');
            if (t) out[key] = t;
          }
          byClass.push([id, out]);
        }
      }
      return { ...(found ? { description: found } : {}), classes: byClass, ...extra, diagnostics: file.ctx.diagnostics };
    });
    description = result.description;
    for (const [id, out] of result.classes) classes.set(id, out);
    if (result.groupingName) groupingName = result.groupingName;
    for (const [digit, out] of result.values) groupingValues.set(digit, out);
    for (const [key, out] of result.ranges) ranges.set(key, out);
    diagnostics.push(...result.diagnostics);
  }

  const known = new Map(protocol.codes.map((c) => [c.code, c]));
  // Read every file at once (the disk works in parallel), then check them in order.
  const paths = await listYaml(join(dir, 'codes'));
  const sources = await Promise.all(paths.map((path) => readSource(path)));
  for (const [i, path] of paths.entries()) {
    const source = textOf(sources[i], diagnostics);
    if (source === undefined) continue;
    const code = known.get(Number(/^(\d+)\.ya?ml$/.exec(basename(path))?.[1]));
    // What a translation file's check depends on: its name and text, and the English it translates.
    const english = code ? JSON.stringify([displayReason(code), ...CODE_TRANSLATION_FIELDS.slice(1).map((k) => code.text[k as CodeTextField].source)]) : '';
    const result = cached(cache, ['translation', protocol.name, path, source, english], () => {
      const file = parseYaml(path, source);
      if (!file.ok) return { diagnostics: file.ctx.diagnostics };
      if (!code) {
        file.ctx.report(0, 'warning', 'translation/unknown-code', `translates code '${basename(path)}', which ${protocol.name} does not have`, {
          expected: `a file named after a code of content/${protocol.id}/codes/`,
          actual: basename(path),
        });
        return { diagnostics: file.ctx.diagnostics };
      }
      const fields = mapping(file.doc.contents, file.ctx, 'the file', CODE_TRANSLATION_FIELDS);
      const out: Partial<Record<CodeTranslationField, TranslatedText>> = {};
      for (const [name, value] of fields ?? []) {
        const key = name as CodeTranslationField;
        const t = key === 'reason' ? field(value, displayReason(code), file.ctx, key, 'line') : field(value, code.text[key].source, file.ctx, key, 'text');
        if (t) out[key] = t;
      }
      return { fields: out, diagnostics: file.ctx.diagnostics };
    });
    if (code && result.fields) codes.set(code.code, result.fields);
    diagnostics.push(...result.diagnostics);
  }

  // What pairs.yaml's check depends on: its text and the English of the curated pairs.
  const pairsPath = join(dir, 'pairs.yaml');
  const pairsSource = textOf(await readSource(pairsPath), diagnostics);
  if (pairsSource !== undefined) {
    const curated = new Map(protocol.curated.map((n) => [pairSlug(n.low, n.high), n]));
    const english = JSON.stringify([...curated].map(([slug, n]) => [slug, ...PAIR_TRANSLATION_FIELDS.map((k) => n.text[k].source)]));
    const result = cached(cache, ['translation-pairs', pairsPath, pairsSource, english], () => {
      const file = parseYaml(pairsPath, pairsSource);
      const bySlugOut: [string, Partial<Record<PairTextField, TranslatedText>>][] = [];
      const bySlug = file.ok ? mapping(file.doc.contents, file.ctx, 'the file', [...curated.keys()], 'translation/unknown-pair') : undefined;
      for (const [slug, node] of bySlug ?? []) {
        const notes = curated.get(slug)!;
        const fields = mapping(node, file.ctx, slug, PAIR_TRANSLATION_FIELDS);
        const out: Partial<Record<PairTextField, TranslatedText>> = {};
        for (const [name, value] of fields ?? []) {
          const key = name as PairTextField;
          const t = field(value, notes.text[key].source, file.ctx, `${slug}.${key}`, 'text');
          if (t) out[key] = t;
        }
        bySlugOut.push([slug, out]);
      }
      return { pairs: bySlugOut, diagnostics: file.ctx.diagnostics };
    });
    for (const [slug, out] of result.pairs) pairs.set(slug, out);
    diagnostics.push(...result.diagnostics);
  }

  const grouping = protocol.grouping ? { grouping: { ...(groupingName ? { name: groupingName } : {}), values: groupingValues } } : {};
  return { ...(description ? { description } : {}), classes, ...grouping, ranges, codes, pairs };
}

/** The translated grouping (`grouping: { name, values: { <digit>: { name, description } } }`) and ranges (`ranges: { <low>-<high>: ... }`). */
function groupingAndRanges(
  root: Map<string, Node>,
  protocol: Protocol,
  ctx: FileContext,
): { groupingName?: TranslatedText; values: [number, NamedTranslation][]; ranges: [string, NamedTranslation][] } {
  const named = (node: Node, path: string, english: { name: Text; description: Text }): NamedTranslation => {
    const out: NamedTranslation = {};
    for (const [name, value] of mapping(node, ctx, path, CLASS_TRANSLATION_FIELDS) ?? []) {
      const key = name as 'name' | 'description';
      const t = field(value, english[key].source, ctx, `${path}.${key}`, key === 'name' ? 'line' : 'text');
      if (t) out[key] = t;
    }
    return out;
  };
  let groupingName: TranslatedText | undefined;
  const values: [number, NamedTranslation][] = [];
  const g = protocol.grouping;
  const groupingNode = root.get('grouping');
  if (g && groupingNode) {
    const fields = mapping(groupingNode, ctx, 'grouping', ['name', 'values']);
    const name = fields?.get('name');
    if (name) groupingName = field(name, g.name.source, ctx, 'grouping.name', 'line');
    const valuesNode = fields?.get('values');
    const digits = g.values.map((v) => String(v.digit));
    for (const [digit, node] of (valuesNode ? mapping(valuesNode, ctx, 'grouping.values', digits, 'translation/unknown-value') : undefined) ?? []) {
      values.push([Number(digit), named(node, `grouping.values.${digit}`, g.values.find((v) => String(v.digit) === digit)!)]);
    }
  }
  const ranges: [string, NamedTranslation][] = [];
  const rangesNode = root.get('ranges');
  const byKey = new Map(protocol.ranges.map((r) => [`${r.range[0]}-${r.range[1]}`, r]));
  for (const [key, node] of (rangesNode ? mapping(rangesNode, ctx, 'ranges', [...byKey.keys()], 'translation/unknown-range') : undefined) ?? []) {
    ranges.push([key, named(node, `ranges.${key}`, byKey.get(key)!)]);
  }
  return { ...(groupingName ? { groupingName } : {}), values, ranges };
}

/**
 * A mapping's entries, keeping only allowed keys; others get a warning (an error for
 * misspelt field names, which would otherwise silently fall back to English).
 */
function mapping(
  node: Node | null | undefined,
  ctx: FileContext,
  path: string,
  allowed: readonly string[],
  unknownRule = 'schema/unknown-field',
): Map<string, Node> | undefined {
  if (!isMap(node)) {
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) return new Map();
    ctx.error(offsetOf(node), 'schema/type', `'${path}' must be a mapping`, { expected: 'a mapping', actual: 'another kind of value' });
    return undefined;
  }
  const out = new Map<string, Node>();
  for (const pair of node.items) {
    const key = pair.key as Node | null;
    const name = isScalar(key) ? String(key.value) : '';
    if (!allowed.includes(name)) {
      const close = suggest(name, allowed);
      const unknownField = unknownRule === 'schema/unknown-field';
      ctx.report(offsetOf(key), unknownField ? 'error' : 'warning', unknownRule, `unknown ${unknownField ? 'field' : 'entry'} '${printable(name)}'${close ? `: did you mean '${close}'?` : ''}`, {
        expected: allowed.length <= 8 ? `one of ${allowed.join(', ')}` : `an entry of the source content`,
        actual: `'${printable(name)}'`,
      });
      continue;
    }
    out.set(name, pair.value as Node);
  }
  return out;
}

/**
 * One translated field: a plain string, or `{ text, source, reviewed }`. Empty text is a
 * missing field. `kind` says which characters it may hold, as for the English.
 */
function field(node: Node, english: string, ctx: FileContext, path: string, kind: TextKind): TranslatedText | undefined {
  let text: string | undefined;
  let textNode: Scalar | undefined;
  let source: string | undefined;
  if (isScalar(node) && typeof node.value === 'string') {
    text = node.value;
    textNode = node;
  } else if (isMap(node)) {
    const entries = mapping(node, ctx, path, ['text', 'source', 'reviewed']);
    const t = entries?.get('text');
    const s = entries?.get('source');
    if (t !== undefined) {
      if (isScalar(t) && typeof t.value === 'string') {
        text = t.value;
        textNode = t;
      } else if (!(isScalar(t) && t.value === null)) ctx.error(offsetOf(t), 'schema/type', `'${path}.text' must be a string`, { expected: 'a string' });
    }
    // A hash of digits with one `e` reads as a number in YAML (22e53585 is Infinity): the
    // hash is what was written.
    if (s !== undefined && isScalar(s)) source = typeof s.value === 'string' ? s.value : (s.source ?? String(s.value ?? ''));
  } else if (!(isScalar(node) && node.value === null)) {
    ctx.error(offsetOf(node), 'schema/type', `'${path}' must be a string or a mapping with 'text' and 'source'`, { expected: 'text' });
    return undefined;
  }
  if (text === undefined || textNode === undefined || text.trim() === '') return undefined;
  if (!allowedText(textNode, text, ctx, textNode === node ? path : `${path}.text`, kind)) return undefined;
  const parsed = parseText(text);
  if (parsed.blockFound) {
    ctx.report(offsetOf(node), 'warning', 'schema/inline-text', `'${path}' should be inline Markdown, found ${parsed.blockFound}; it is shown as plain text`);
  }
  const current = sourceHash(english);
  if (source !== current) {
    ctx.report(
      offsetOf(node),
      'warning',
      'translation/stale',
      source ? `'${path}' was translated from an older English text` : `'${path}' does not record the English it was translated from`,
      { expected: `source: ${current}`, actual: source ? `source: ${source}` : 'no source', hint: 'update the translation, mark it reviewed: true, then run statusbook i18n sync' },
    );
    return { text: parsed.text, state: 'stale' };
  }
  return { text: parsed.text, state: 'translated' };
}

async function listYaml(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((n) => /\.ya?ml$/.test(n))
      .sort(compareStrings)
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

/** The translation of one source field, if the locale has it. */
export function translatedField(translation: LocaleTranslation, field: SourceField): TranslatedText | undefined {
  const p = translation.protocols.get(field.protocol);
  if (!p) return undefined;
  const [first, second, third] = field.path;
  if (field.file === 'protocol.yaml') {
    if (first === 'description') return p.description;
    if (first === 'grouping') return second === 'name' ? p.grouping?.name : p.grouping?.values.get(Number(third))?.[field.path[3] as 'name' | 'description'];
    if (first === 'ranges') return p.ranges?.get(second!)?.[third as 'name' | 'description'];
    return p.classes.get(second!)?.[third as 'name' | 'description'];
  }
  if (field.file === 'pairs.yaml') return p.pairs.get(first!)?.[second as PairTextField];
  const code = Number(/(\d+)/.exec(field.file)?.[1]);
  return p.codes.get(code)?.[first as CodeTranslationField];
}

export interface TranslationCounts {
  readonly total: number;
  readonly translated: number;
  readonly missing: number;
  readonly stale: number;
}

/** How much of the content a locale translates: every field is translated, stale or missing. */
export function translationStatus(protocols: readonly Protocol[], translation: LocaleTranslation): TranslationCounts {
  let total = 0;
  let translated = 0;
  let stale = 0;
  for (const f of sourceFields(protocols)) {
    total++;
    const t = translatedField(translation, f);
    if (t?.state === 'translated') translated++;
    else if (t?.state === 'stale') stale++;
  }
  return { total, translated, missing: total - translated - stale, stale };
}
