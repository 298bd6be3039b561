// Every UI string a template or page module asks for exists in every locale's ui.json, and
// every translated sentence keeps the placeholders of the English one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { PENDING_TRANSLATION } from './pending-translation.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const locales = readdirSync(join(repo, 'locales')).filter((l) => !l.startsWith('.'));
const strings = Object.fromEntries(locales.map((l) => [l, flatten(JSON.parse(readFileSync(join(repo, 'locales', l, 'ui.json'), 'utf8')))]));

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
  }
  return out;
}

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f));
}

/** Keys used literally in templates ({{t "a.b"}}) and code (tr.t('a.b'), tr.plain('a.b')). */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const f of files(join(repo, 'templates'), '.hbs')) {
    for (const m of readFileSync(f, 'utf8').matchAll(/[{(]t "([^"]+)"/g)) keys.add(m[1]!);
  }
  for (const f of files(join(repo, 'packages/generator/src'), '.ts')) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\.(?:t|plain)\('([^'$]+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

// A key pending translation falls back to English in the other locales (i18next's fallbackLng).
const has = (table: Record<string, string>, key: string) => key in table || `${key}_other` in table || PENDING_TRANSLATION.has(key);

test('every key used by templates and pages exists in every locale', () => {
  const used = usedKeys();
  expect(used.size).toBeGreaterThan(40);
  for (const locale of locales) {
    expect([...used].filter((k) => !has(strings[locale]!, k)), locale).toEqual([]);
  }
});

test('a key pending translation is missing from some locale (the list only shrinks)', () => {
  for (const key of PENDING_TRANSLATION) {
    expect(strings.en![key], key).toBeDefined();
    expect(locales.some((l) => l !== 'en' && strings[l]![key] === undefined), `${key} is translated everywhere: remove it from PENDING_TRANSLATION`).toBe(true);
  }
});

test('every locale has every English key, and keeps its placeholders', () => {
  const en = strings.en!;
  for (const locale of locales.filter((l) => l !== 'en')) {
    const table = strings[locale]!;
    for (const [key, value] of Object.entries(en)) {
      if (PENDING_TRANSLATION.has(key)) continue;
      const base = key.replace(/_(one|other)$/, '');
      const translated = table[key] ?? table[`${base}_other`];
      expect(translated, `${locale}: ${key}`).toBeDefined();
      const names = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
      // A form for exactly zero, one or two may say the number in words ("رمز حالة واحد",
      // "Nenhuma comparação"): it may leave out {{count}}, and only that.
      const inWords = (n: readonly (string | undefined)[]) => (/_(zero|one|two)$/.test(key) ? n.filter((x) => x !== 'count') : n);
      expect(inWords(names(translated!)), `${locale}: ${key}`).toEqual(inWords(names(value)));
    }
    // Every plural form the locale wrote, of a key English has, keeps the other placeholders too.
    for (const [key, value] of Object.entries(table)) {
      const m = /^(.*)_(zero|one|two|few|many)$/.exec(key);
      const english = m ? (en[`${m[1]}_other`] ?? en[m[1]!]) : undefined;
      if (english === undefined) continue;
      const names = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((x) => x[1]).filter((x) => x !== 'count').sort();
      // A zero form has nothing to list, so it may leave out any placeholder; it adds none.
      if (m![2] === 'zero') expect(names(english).filter((x) => names(value).includes(x)), `${locale}: ${key}`).toEqual(names(value));
      else expect(names(value), `${locale}: ${key}`).toEqual(names(english));
    }
  }
});
