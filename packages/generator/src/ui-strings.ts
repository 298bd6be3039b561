// Locale folders and their ui.json, checked before anything renders: the folder name must be
// a BCP 47 tag, the file JSON holding strings (nested objects of strings), each placeholder
// one of the arguments the code passes for that key. Problems are positioned diagnostics,
// on the main thread (`validate`, `build`) and in render workers alike.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '@statusbook/core/model';
import { JsonSyntaxError, lineColumn, parseJson, sourceOffset, type JsonNode } from './json-source.js';
import { PLACEHOLDER_FORMATS, uiArgs } from './ui-args.js';

/** The language content/ is written in, whose UI strings every build needs. */
const SOURCE_LOCALE = 'en';

/** A locale's UI strings by flat key (`code.title`), own entries only. */
export type UiStrings = ReadonlyMap<string, string>;

/** Raised when locale folders or UI strings have errors; carries them as diagnostics. */
export class LocaleFilesError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    super(first ? `${first.file}:${first.line}:${first.column}: ${first.message}${diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : ''}` : 'locale files have errors');
    this.name = 'LocaleFilesError';
  }
}

const error = (file: string, at: { line: number; column: number }, ruleId: string, message: string, hint?: string): Diagnostic => ({
  file,
  ...at,
  severity: 'error',
  ruleId,
  message,
  ...(hint ? { hint } : {}),
});

/** A diagnostic when a folder name is not a BCP 47 language tag (pages, URLs and `Intl` all use it). */
export function checkLocaleName(locale: string, localesDir: string): Diagnostic | undefined {
  if (isLanguageTag(locale)) return undefined;
  const fixed = locale.replace(/_/g, '-');
  return error(
    join(localesDir, locale),
    { line: 1, column: 1 },
    'locale/tag',
    `the locale folder '${locale}' is not named by a BCP 47 language tag; expected a tag such as 'en', 'pt-BR' or 'zh-Hant'`,
    isLanguageTag(fixed) ? `rename it to '${fixed}'` : 'rename the folder to the language tag of its locale',
  );
}

function isLanguageTag(name: string): boolean {
  try {
    return /^[A-Za-z0-9-]+$/.test(name) && Intl.getCanonicalLocales(name).length === 1;
  } catch {
    return false;
  }
}

/**
 * Parses and checks one ui.json: strings and objects of strings only, keys once each, and
 * placeholders that name the arguments the code passes (`english`: the English strings,
 * named in messages about a translation).
 */
export function checkUiStrings(file: string, text: string, english?: UiStrings): { strings: Map<string, string>; diagnostics: Diagnostic[] } {
  const strings = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return { strings, diagnostics: [error(file, lineColumn(text, e.offset), 'ui/syntax', `invalid JSON: ${e.message}`)] };
  }
  const at = (offset: number) => lineColumn(text, offset);
  if (root.kind !== 'object') {
    diagnostics.push(error(file, at(root.offset), 'ui/type', `ui.json must hold an object of UI strings, found ${describe(root)}`));
    return { strings, diagnostics };
  }
  const firstAt = new Map<string, number>();
  const walk = (node: JsonNode & { kind: 'object' }, prefix: string) => {
    for (const { key: name, keyOffset, value } of node.entries) {
      const key = prefix + name;
      if (name === '' || name.startsWith('.') || name.endsWith('.') || name.includes('..')) {
        diagnostics.push(error(file, at(keyOffset), 'ui/key', `'${key}' is not a key: expected names such as "title", nested or joined by dots ("code.title")`));
        continue;
      }
      if (value.kind === 'object') {
        walk(value, `${key}.`);
        continue;
      }
      if (value.kind !== 'string') {
        diagnostics.push(error(file, at(value.offset), 'ui/type', `'${key}' must be a string or an object of strings, found ${describe(value)}`));
        continue;
      }
      const first = firstAt.get(key);
      if (first !== undefined) {
        const { line, column } = at(first);
        diagnostics.push(error(file, at(keyOffset), 'ui/duplicate-key', `'${key}' is defined twice, first at ${line}:${column}; expected each key once`));
        continue;
      }
      firstAt.set(key, keyOffset);
      strings.set(key, value.value);
      diagnostics.push(...checkPlaceholders(file, text, key, value, english));
    }
  };
  walk(root, '');
  return { strings, diagnostics };
}

/** Problems with the placeholders of one string: malformed, unknown format, or not an argument of its key. */
function checkPlaceholders(file: string, text: string, key: string, node: JsonNode & { kind: 'string' }, english?: UiStrings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const value = node.value;
  const allowed = uiArgs(key);
  const at = (index: number) => lineColumn(text, sourceOffset(node, index));
  const list = (names: readonly string[]) => names.map((n) => `{{${n}}}`).join(', ');
  for (let open = value.indexOf('{{'); open !== -1; open = value.indexOf('{{', open + 2)) {
    const m = /^\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/.exec(value.slice(open));
    if (!m) {
      const shown = value.slice(open, value.indexOf('}}', open) === -1 ? open + 12 : value.indexOf('}}', open) + 2);
      out.push(error(file, at(open), 'ui/placeholder', `'${shown}' in '${key}' is not a placeholder: expected {{name}} or {{name, number}}`));
      continue;
    }
    const [whole, name = '', format] = m;
    if (!allowed.includes(name)) {
      const expected = allowed.length === 0 ? 'this string takes no placeholders' : `expected one of ${list(allowed)} (what the code passes)`;
      const used = english?.get(key) ?? english?.get(`${key.replace(/_(zero|one|two|few|many|other)$/, '')}_other`);
      const englishNames = used === undefined ? [] : [...used.matchAll(/\{\{\s*(\w+)/g)].map((u) => u[1]!);
      const hint = used === undefined ? undefined : englishNames.length === 0 ? 'the English string has no placeholders' : `the English string uses ${list(englishNames)}`;
      out.push(error(file, at(open), 'ui/placeholder', `unknown placeholder ${whole} in '${key}': ${expected}, found {{${name}}}`, hint));
    } else if (format !== undefined && !PLACEHOLDER_FORMATS.includes(format)) {
      out.push(error(file, at(open), 'ui/placeholder', `unknown format '${format}' in ${whole} of '${key}': expected {{${name}}} or {{${name}, number}}`));
    }
    open += whole.length - 2;
  }
  return out;
}

function describe(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string "${node.value}"`;
    case 'number':
      return `the number ${node.raw}`;
    case 'boolean':
      return node.raw;
    case 'null':
      return 'null';
  }
}

/** Reads and checks the ui.json of each locale (English first, whose strings translations are compared with). */
export async function readUiStrings(localesDir: string, locales: readonly string[]): Promise<{ strings: Map<string, UiStrings>; diagnostics: Diagnostic[] }> {
  const ordered = [...new Set([SOURCE_LOCALE, ...locales])];
  const texts = await Promise.all(ordered.map((locale) => readFile(join(localesDir, locale, 'ui.json'), 'utf8').catch(() => undefined)));
  const strings = new Map<string, UiStrings>();
  const diagnostics: Diagnostic[] = [];
  ordered.forEach((locale, i) => {
    const file = join(localesDir, locale, 'ui.json');
    const named = checkLocaleName(locale, localesDir);
    if (named) {
      diagnostics.push(named);
      return;
    }
    const text = texts[i];
    if (text === undefined) {
      diagnostics.push(error(file, { line: 1, column: 1 }, 'locale/missing', `no ${file}: expected the UI strings of '${locale}'${locale === SOURCE_LOCALE ? ' (English is every locale\'s fallback)' : ''}`));
      return;
    }
    const checked = checkUiStrings(file, text, locale === SOURCE_LOCALE ? undefined : strings.get(SOURCE_LOCALE));
    strings.set(locale, checked.strings);
    diagnostics.push(...checked.diagnostics);
  });
  return { strings, diagnostics };
}

/** Every locale folder (a folder of `localesDir` with a ui.json), English first. */
export async function localeFolders(localesDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(localesDir);
  } catch {
    return [];
  }
  const found = await Promise.all(names.map((name) => stat(join(localesDir, name, 'ui.json')).then(() => name, () => undefined)));
  const locales = found.filter((n): n is string => n !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...locales.filter((l) => l === SOURCE_LOCALE), ...locales.filter((l) => l !== SOURCE_LOCALE)];
}

/** Checks every locale folder and its ui.json (what `validate` and `build` report before rendering). */
export async function checkLocaleFiles(localesDir: string): Promise<Diagnostic[]> {
  return (await readUiStrings(localesDir, await localeFolders(localesDir))).diagnostics;
}
