import i18next, { type TFunction } from 'i18next';
import {
  pairSlug,
  type CodeClass,
  type CodeTextField,
  type CuratedNotes,
  type GroupingValue,
  type LocaleTranslation,
  type NumberRange,
  type PairTextField,
  type Protocol,
  type StatusCode,
  type Text,
  type TranslatedText,
} from '@statusbook/core/model';
import type { FormatRenderer } from './types.js';
import { PLACEHOLDER, uiArgs, type ArgsOf } from './ui-args.js';
import { LocaleFilesError, readUiStrings } from './ui-strings.js';

/** A value for a sentence placeholder: plain text (escaped for the format) or already rendered. */
export type Arg = string | number | Rendered;

/** Output already escaped or rendered for the page's format. */
export class Rendered {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
  toHTML(): string {
    return this.value;
  }
}

/** The language content/ is written in. */
export const SOURCE_LOCALE = 'en';

/**
 * A content text as one locale shows it: `source` in the source language, else
 * `translated`, `stale` (translated from an older English) or `fallback` (the English,
 * because there is no translation).
 */
export interface Localized {
  readonly text: Text;
  readonly state: 'source' | 'translated' | 'stale' | 'fallback';
}

/** The content text of one locale: translated where a translation exists, else the source. */
export interface ContentText {
  protocolDescription(protocol: Protocol): Localized;
  className(protocol: Protocol, cls: CodeClass): Localized;
  classDescription(protocol: Protocol, cls: CodeClass): Localized;
  /** The name of the protocol's grouping ("Category"); call only for a protocol that has one. */
  groupingName(protocol: Protocol): Localized;
  groupingValue(protocol: Protocol, value: GroupingValue, field: 'name' | 'description'): Localized;
  rangeText(protocol: Protocol, range: NumberRange, field: 'name' | 'description'): Localized;
  code(code: StatusCode, field: CodeTextField): Localized;
  /** A gloss of the reason phrase; none in the source language, where the phrase is its own gloss. */
  reasonGloss(code: StatusCode): Localized | undefined;
  pairText(protocol: Protocol, notes: CuratedNotes, field: PairTextField): Localized;
}

const source = (text: Text): Localized => ({ text, state: 'source' });

/** The source language's content: the English text of content/. */
export const sourceContent: ContentText = {
  protocolDescription: (protocol) => source(protocol.description),
  className: (_protocol, cls) => source(cls.name),
  classDescription: (_protocol, cls) => source(cls.description),
  groupingName: (protocol) => source(protocol.grouping!.name),
  groupingValue: (_protocol, value, field) => source(value[field]),
  rangeText: (_protocol, range, field) => source(range[field]),
  code: (code, field) => source(code.text[field]),
  reasonGloss: () => undefined,
  pairText: (_protocol, notes, field) => source(notes.text[field]),
};

/** One locale's content: each field translated where it can be, else the English, marked as a fallback. */
export function translatedContent(translation: LocaleTranslation): ContentText {
  const pick = (t: TranslatedText | undefined, english: Text): Localized =>
    t ? { text: t.text, state: t.state } : { text: english, state: 'fallback' };
  const of = (protocol: Protocol) => translation.protocols.get(protocol.id);
  const byCode = (code: StatusCode) => translation.protocols.get(code.protocol)?.codes.get(code.code);
  return {
    protocolDescription: (protocol) => pick(of(protocol)?.description, protocol.description),
    className: (protocol, cls) => pick(of(protocol)?.classes.get(cls.id)?.name, cls.name),
    classDescription: (protocol, cls) => pick(of(protocol)?.classes.get(cls.id)?.description, cls.description),
    groupingName: (protocol) => pick(of(protocol)?.grouping?.name, protocol.grouping!.name),
    groupingValue: (protocol, value, field) => pick(of(protocol)?.grouping?.values.get(value.digit)?.[field], value[field]),
    rangeText: (protocol, range, field) => pick(of(protocol)?.ranges?.get(rangeKey(range))?.[field], range[field]),
    code: (code, field) => pick(byCode(code)?.[field], code.text[field]),
    reasonGloss: (code) => {
      const gloss = byCode(code)?.reason;
      return gloss ? { text: gloss.text, state: gloss.state } : undefined;
    },
    pairText: (protocol, notes, field) => pick(of(protocol)?.pairs.get(pairSlug(notes.low, notes.high))?.[field], notes.text[field]),
  };
}

/** How a translation names a number range: `3000-3999`. */
export function rangeKey(range: NumberRange): string {
  return `${range.range[0]}-${range.range[1]}`;
}

/** Translates keys for one locale into text escaped for one format. */
export interface Translator {
  readonly locale: string;
  /** Content text in this locale. */
  readonly content: ContentText;
  /**
   * A whole localized sentence; placeholder values are escaped or kept as rendered. A key
   * whose sentence takes arguments (`UI_ARGS`) needs exactly those; others take none.
   */
  t<K extends string>(key: K, ...args: ArgsOf<K, Arg>): string;
  /** Content text as a paragraph: a fallback is marked as English and noted, a stale translation noted. */
  render(text: Localized): string;
  /** Content text as a short label (class names, table cells): marked as English when it falls back, no note. */
  renderLabel(text: Localized): string;
  /** The same sentence as plain, unescaped text (for front matter and other data). */
  plain<K extends string>(key: K, ...args: ArgsOf<K, string | number>): string;
  /**
   * The first of `keys` that has a string in this locale or English, each tried first with
   * `_<context>` (i18next's context: `act.never_command` before `act.never`); undefined
   * when none has. For sentences chosen by a protocol's declaration (fact ids, exchange).
   */
  pick(keys: readonly string[], options?: { readonly context?: string; readonly count?: number }): string | undefined;
  /**
   * A sentence by a key found with `pick`: its arguments are not known to the type checker,
   * so every placeholder the key may use is passed; one missing throws.
   */
  sentence(key: string, args?: Readonly<Record<string, Arg>>): string;
  /** The same as plain text. */
  plainSentence(key: string, args?: Readonly<Record<string, string | number>>): string;
  /** A number as this locale writes it, plain text. */
  number(value: number): string;
  /** A localized list ("a, b and c") of already rendered items. */
  list(items: readonly string[]): string;
  /** A localized list of alternatives ("a, b or c") of already rendered items. */
  orList(items: readonly string[]): string;
}

/**
 * The ICU objects of one locale, made on first use and shared by its translators (one per
 * format): making one takes milliseconds, the first of a process over 15 ms.
 */
class LocaleIntl {
  private pluralRules?: Intl.PluralRules;
  private numberFormat?: Intl.NumberFormat;
  private listFormat?: Intl.ListFormat;
  private orListFormat?: Intl.ListFormat;
  /** Plural forms by count: ICU is asked once per count. */
  private readonly pluralForms = new Map<number, string>();

  constructor(private readonly locale: string) {}

  plural(count: number): string {
    let form = this.pluralForms.get(count);
    if (form === undefined) this.pluralForms.set(count, (form = (this.pluralRules ??= new Intl.PluralRules(this.locale)).select(count)));
    return form;
  }

  /** A number as this locale writes it (one-byte text when it can be, see `compact`). */
  number(value: number): string {
    return compact(this.numbers.format(value));
  }

  private get numbers(): Intl.NumberFormat {
    return (this.numberFormat ??= new Intl.NumberFormat(this.locale));
  }

  get list(): Intl.ListFormat {
    return (this.listFormat ??= new Intl.ListFormat(this.locale, { style: 'long', type: 'conjunction' }));
  }

  get orList(): Intl.ListFormat {
    return (this.orListFormat ??= new Intl.ListFormat(this.locale, { style: 'long', type: 'disjunction' }));
  }

  /** Makes every object now, rather than on first use. */
  prepare(): void {
    this.plural(1);
    void this.numbers;
    void this.list;
    void this.orList;
  }
}

const intlByLocale = new Map<string, LocaleIntl>();

function localeIntl(locale: string): LocaleIntl {
  let intl = intlByLocale.get(locale);
  if (!intl) intlByLocale.set(locale, (intl = new LocaleIntl(locale)));
  return intl;
}

/**
 * Makes a locale's ICU objects ahead of its pages (a worker does it while the content
 * loads): the first of a process takes ICU's own start-up, ~30 ms.
 */
export function prepareLocaleIntl(locale: string): void {
  localeIntl(locale).prepare();
}

/**
 * Loads `locales/<locale>/ui.json` for every locale into a fresh i18next instance, English
 * as fallback. The files are checked first (`LocaleFilesError` with positioned diagnostics);
 * keys are flat and looked up as own properties only: no key, with or without dots, resolves
 * through `Object.prototype` (`sender.constructor` is a missing key, not `function Object()`).
 */
export async function createI18n(localesDir: string, locales: readonly string[]): Promise<(locale: string) => TFunction> {
  const all = [...new Set([SOURCE_LOCALE, ...locales])];
  const { strings, diagnostics } = await readUiStrings(localesDir, all);
  if (diagnostics.some((d) => d.severity === 'error')) throw new LocaleFilesError(diagnostics);
  const resources = Object.fromEntries(all.map((locale) => [locale, { translation: Object.fromEntries(strings.get(locale) ?? []) }]));
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: SOURCE_LOCALE,
    fallbackLng: SOURCE_LOCALE,
    supportedLngs: all,
    initAsync: false,
    showSupportNotice: false,
    returnNull: false,
    // Keys are flat (`code.title`): no nesting to walk, no namespace prefix to read, and no
    // fallback to a deep search, which follows prototypes.
    keySeparator: false,
    nsSeparator: false,
    ignoreJSONStructure: false,
    interpolation: { escapeValue: false },
  });
  return (locale) => instance.getFixedT(locale);
}

/** What i18next returns for a key that no locale has (a string no ui.json can hold). */
const MISSING = '\u0000missing\u0000';

// List items travel through Intl.ListFormat as private-use characters, which no format
// escapes, and are replaced by their rendered values at the end.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = /\uE000(\d+)\uE001/g;

/** A sentence compiled once: literal parts already escaped for the format, and its placeholders. */
interface Compiled {
  readonly literals: readonly string[];
  readonly slots: readonly { readonly name: string; readonly format?: string }[];
}

/**
 * A translator for one locale and format. i18next resolves each key (fallback language,
 * plural form) once; the sentence is then compiled, so a page only fills in placeholders.
 */
export function createTranslator(t: TFunction, locale: string, format: FormatRenderer, content: ContentText = sourceContent): Translator {
  const compiled = { text: new Map<string, Compiled>(), plain: new Map<string, Compiled>() };
  const lists = new Map<string, string>();
  const intl = localeIntl(locale);

  const identity = (x: string) => x;
  const compile = (key: string, count: number | undefined, escape: (s: string) => string): Compiled => {
    const cache = escape === identity ? compiled.plain : compiled.text;
    // i18next takes a key's `_zero` form for a count of 0 in any language (pt-BR says "0
    // comparação" by its plural rules, "nenhuma comparação" when a `_zero` form is given).
    const cacheKey = count === undefined ? key : `${key}\u0000${count === 0 ? 'zero' : intl.plural(count)}`;
    let hit = cache.get(cacheKey);
    if (!hit) {
      const raw = (count === undefined ? t(key, { skipInterpolation: true }) : t(key, { count, skipInterpolation: true })) as string;
      const literals: string[] = [];
      const slots: { name: string; format?: string }[] = [];
      let last = 0;
      const allowed = uiArgs(key);
      for (const m of raw.matchAll(PLACEHOLDER)) {
        // ui.json is checked when it is loaded; this guards strings that came another way.
        if (!allowed.includes(m[1]!)) throw new Error(`UI string '${key}' (${locale}) has the placeholder ${m[0]}, which is not one of its arguments (${allowed.join(', ') || 'none'})`);
        literals.push(escape(raw.slice(last, m.index)));
        slots.push(m[2] ? { name: m[1]!, format: m[2] } : { name: m[1]! });
        last = m.index + m[0].length;
      }
      literals.push(escape(raw.slice(last)));
      hit = { literals, slots };
      cache.set(cacheKey, hit);
    }
    return hit;
  };

  /**
   * Fills a sentence's placeholders. With `isolate` (right-to-left HTML), each run of values
   * that only spaces separate is isolated as one: "{{protocol}} {{label}}" stays "SIP 437
   * Unsupported Credential" in Arabic text, where two isolates would be laid out right to left.
   */
  const fill = (key: string, c: Compiled, args: Readonly<Record<string, unknown>>, value: (v: unknown, format?: string) => string, isolate?: (rendered: string) => string): string => {
    let out = c.literals[0]!;
    let run = '';
    for (let i = 0; i < c.slots.length; i++) {
      const slot = c.slots[i]!;
      // Own arguments only: `{{constructor}}` must not find Object's.
      if (!Object.hasOwn(args, slot.name)) throw new Error(`UI string '${key}' needs {{${slot.name}}}, which was not passed`);
      const after = c.literals[i + 1]!;
      if (!isolate) {
        out += value(args[slot.name], slot.format) + after;
        continue;
      }
      run += value(args[slot.name], slot.format);
      if (i + 1 < c.slots.length && /^[ \u00a0]+$/.test(after)) {
        run += after;
        continue;
      }
      out += isolate(run) + after;
      run = '';
    }
    return out;
  };

  const found = new Map<string, boolean>();
  const exists = (key: string, count: number | undefined): boolean => {
    const cacheKey = count === undefined ? key : `${key}\u0000${count === 0 ? 'zero' : intl.plural(count)}`;
    let hit = found.get(cacheKey);
    if (hit === undefined) {
      const options = { skipInterpolation: true, defaultValue: MISSING, ...(count === undefined ? {} : { count }) };
      hit = (t(key, options) as string) !== MISSING;
      found.set(cacheKey, hit);
    }
    return hit;
  };

  const plainValue = (v: unknown, fmt?: string): string => (typeof v === 'number' && fmt === 'number' ? intl.number(v) : v === undefined ? '' : String(v));

  return {
    locale,
    content,
    t(key: string, args?: Readonly<Record<string, Arg>>) {
      const count = typeof args?.count === 'number' ? args.count : undefined;
      const c = compile(key, count, format.text);
      if (c.slots.length === 0) return c.literals[0]!;
      return fill(key, c, args ?? {}, (v, fmt) => (v instanceof Rendered ? v.value : format.text(plainValue(v, fmt))), format.isolate);
    },
    render(text) {
      const inline = format.inline(text.text);
      if (text.state === 'fallback') return `${format.lang(SOURCE_LOCALE, inline)} ${format.note(this.t('i18n.fallback'))}`;
      if (text.state === 'stale') return `${inline} ${format.note(this.t('i18n.stale'))}`;
      return inline;
    },
    renderLabel(text) {
      const inline = format.inlineCell(text.text);
      return text.state === 'fallback' ? format.lang(SOURCE_LOCALE, inline) : inline;
    },
    plain(key: string, args?: Readonly<Record<string, string | number>>) {
      const count = typeof args?.count === 'number' ? args.count : undefined;
      return fill(key, compile(key, count, identity), args ?? {}, plainValue);
    },
    pick(keys, options = {}) {
      for (const key of keys) {
        if (options.context !== undefined && exists(`${key}_${options.context}`, options.count)) return `${key}_${options.context}`;
        if (exists(key, options.count)) return key;
      }
      return undefined;
    },
    sentence(key, args) {
      return (this.t as (key: string, args?: Readonly<Record<string, Arg>>) => string)(key, args);
    },
    plainSentence(key, args) {
      return (this.plain as (key: string, args?: Readonly<Record<string, string | number>>) => string)(key, args);
    },
    number(value) {
      return intl.number(value);
    },
    list(items) {
      const key = items.join('\u0002');
      let hit = lists.get(key);
      if (hit === undefined) {
        hit = formatList(items, intl.list);
        lists.set(key, hit);
      }
      return hit;
    },
    orList(items) {
      const key = `or\u0002${items.join('\u0002')}`;
      let hit = lists.get(key);
      if (hit === undefined) {
        hit = formatList(items, intl.orList);
        lists.set(key, hit);
      }
      return hit;
    },
  };

  function formatList(items: readonly string[], list: Intl.ListFormat): string {
    const parts = list.formatToParts(items.map((_, i) => `${OPEN}${i}${CLOSE}`));
    const item = (part: (typeof parts)[number] | undefined) => (part?.type === 'element' ? items[Number(part.value.slice(1, -1))] : undefined);
    return compact(
      parts
        .map((part, i) => (part.type === 'literal' ? format.text(spacedWord(part.value, item(parts[i - 1]), item(parts[i + 1]))) : part.value))
        .join('')
        .replace(SLOT, (_, i: string) => items[Number(i)]!),
    );
  }
}

// Kana and kanji (not CJK punctuation), and the edge of an item's visible text: markup
// (tags, code backticks, emphasis) removed.
const CJK_LETTER = /[\u3041-\u3096\u30A1-\u30FA\u30FC\u4E00-\u9FFF]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;
const visible = (rendered: string) => rendered.replace(/<[^>]*>/g, '').replace(/[`'*_]/g, '');

/**
 * A list word such as Chinese 和 or Japanese と, set off by a space from Latin text or
 * digits beside it (`Alert-Info` 和 `RSeq`), as the zh-Hans and ja texts write them
 * (their glossaries' latin-cjk spacing); between CJK items it stays unspaced.
 */
function spacedWord(word: string, before: string | undefined, after: string | undefined): string {
  const lead = CJK_LETTER.test(word.slice(0, 1)) && before !== undefined && LATIN_OR_DIGIT.test(visible(before).slice(-1));
  const trail = CJK_LETTER.test(word.slice(-1)) && after !== undefined && LATIN_OR_DIGIT.test(visible(after).slice(0, 1));
  return `${lead ? ' ' : ''}${word}${trail ? ' ' : ''}`;
}

const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/**
 * ICU's text (list words, numbers) as a one-byte string when it can be one. V8 makes ICU's
 * results two-byte strings even when every character is Latin-1, and a page with one
 * two-byte piece is flattened into a two-byte string: twice the bytes to copy, post to the
 * writer and convert to UTF-8 (every English Markdown and print page had one).
 */
function compact(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}
