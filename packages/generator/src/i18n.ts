import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import type { CodeClass, CodeTextField, CuratedNotes, PairTextField, Protocol, StatusCode, Text } from '@statusbook/core';
import type { FormatRenderer } from './types.js';

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

/** The content text of one locale: translated where a translation exists, else the source. */
export interface ContentText {
  protocolDescription(protocol: Protocol): Text;
  className(protocol: Protocol, cls: CodeClass): Text;
  classDescription(protocol: Protocol, cls: CodeClass): Text;
  code(code: StatusCode, field: CodeTextField): Text;
  /** A gloss of the reason phrase; none in the source language, where the phrase is its own gloss. */
  reasonGloss(code: StatusCode): Text | undefined;
  pairText(protocol: Protocol, notes: CuratedNotes, field: PairTextField): Text;
}

/** The source language's content: the English text of content/. */
export const sourceContent: ContentText = {
  protocolDescription: (protocol) => protocol.description,
  className: (_protocol, cls) => cls.name,
  classDescription: (_protocol, cls) => cls.description,
  code: (code, field) => code.text[field],
  reasonGloss: () => undefined,
  pairText: (_protocol, notes, field) => notes.text[field],
};

/** Translates keys for one locale into text escaped for one format. */
export interface Translator {
  readonly locale: string;
  /** Content text in this locale. */
  readonly content: ContentText;
  /** A whole localized sentence; placeholder values are escaped or kept as rendered. */
  t(key: string, args?: Readonly<Record<string, Arg>>): string;
  /** The same sentence as plain, unescaped text (for front matter and other data). */
  plain(key: string, args?: Readonly<Record<string, string | number>>): string;
  /** A localized list ("a, b and c") of already rendered items. */
  list(items: readonly string[]): string;
}

/** Loads `locales/<locale>/ui.json` for every locale into a fresh i18next instance, English as fallback. */
export async function createI18n(localesDir: string, locales: readonly string[]): Promise<(locale: string) => TFunction> {
  const all = [...new Set(['en', ...locales])];
  const resources: Record<string, { translation: Record<string, unknown> }> = {};
  await Promise.all(
    all.map(async (locale) => {
      const file = join(localesDir, locale, 'ui.json');
      resources[locale] = { translation: JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> };
    }),
  );
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: all,
    initAsync: false,
    showSupportNotice: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  return (locale) => instance.getFixedT(locale);
}

// Placeholders travel through translation and escaping as private-use characters, which no
// format escapes, and are replaced by their rendered values at the end.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = /\uE000(\d+)\uE001/g;

/** A translator for one locale and format, caching sentences without placeholders. */
export function createTranslator(t: TFunction, locale: string, format: FormatRenderer, content: ContentText = sourceContent): Translator {
  const cache = new Map<string, string>();
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return {
    locale,
    content,
    t(key, args) {
      if (!args) {
        let hit = cache.get(key);
        if (hit === undefined) {
          hit = format.text(t(key) as string);
          cache.set(key, hit);
        }
        return hit;
      }
      const slots: string[] = [];
      const options: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(args)) {
        if (name === 'count' && typeof value === 'number') {
          options.count = value;
          continue;
        }
        slots.push(value instanceof Rendered ? value.value : format.text(String(value)));
        options[name] = `${OPEN}${slots.length - 1}${CLOSE}`;
      }
      const sentence = format.text(t(key, options) as string);
      return sentence.replace(SLOT, (_, i: string) => slots[Number(i)]!);
    },
    plain: (key, args) => t(key, args ?? {}) as string,
    list(items) {
      return listFormat
        .formatToParts(items.map((_, i) => `${OPEN}${i}${CLOSE}`))
        .map((part) => (part.type === 'literal' ? format.text(part.value) : part.value))
        .join('')
        .replace(SLOT, (_, i: string) => items[Number(i)]!);
    },
  };
}
