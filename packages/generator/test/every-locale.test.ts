// The localization checks, run for every bundled locale (the nine of locales/), not only vi:
// a field without a translation falls back to English, marked and noted in the reader's
// language; a stale one is noted; every plural form the locale's rules need exists; the
// page's direction is the locale's; and the whole page is in the locale, headings included.
import { readFileSync } from 'node:fs';
import { loadContent, loadTranslations, type LocaleTranslation, type Protocol, type StatusCode } from '@statusbook/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createSite, translatedContent, type Page } from '../src/index.js';
import { localeFolders } from '../src/plan.js';
import { repo } from './bundled-site.js';
import { PENDING_TRANSLATION } from './pending-translation.js';

const locales = (await localeFolders(`${repo}locales`)).filter((l) => l !== 'en');
let protocols: readonly Protocol[];
let translations: ReadonlyMap<string, LocaleTranslation>;
let code437: StatusCode;

beforeAll(async () => {
  protocols = (await loadContent(`${repo}content`)).protocols.filter((p) => p.id === 'sip');
  ({ translations } = await loadTranslations(`${repo}locales`, locales, protocols));
  code437 = protocols[0]!.codes.find((c) => c.code === 437)!;
});

/** The locale's translation with SIP 437's summary removed and its description made stale. */
function damaged(translation: LocaleTranslation): LocaleTranslation {
  const sip = translation.protocols.get('sip')!;
  const codes = new Map(sip.codes);
  const { summary: _gone, ...fields } = codes.get(437)!;
  codes.set(437, { ...fields, description: { ...fields.description!, state: 'stale' } });
  return { ...translation, protocols: new Map([...translation.protocols, ['sip', { ...sip, codes }]]) };
}

/** SIP 437's HTML page in `locale`, from its damaged translation. */
async function page437(locale: string): Promise<string> {
  const site = await createSite({
    protocols,
    templatesDir: `${repo}templates`,
    localesDir: `${repo}locales`,
    locales: ['en', locale],
    formats: ['html'],
    pairs: 'curated',
    content: (l) => translatedContent(l === locale ? damaged(translations.get(locale)!) : { locale: l, protocols: new Map() }),
  });
  const find = (p: Page) => p.kind === 'code' && p.locale === locale && p.code.code === 437;
  return site.render([...site.pages()].find(find)!).contents;
}

const ui = (locale: string) => JSON.parse(readFileSync(`${repo}locales/${locale}/ui.json`, 'utf8')) as Record<string, Record<string, string>>;

test('there are eight translated locales', () => {
  expect(locales).toEqual(['ar', 'de', 'es', 'ja', 'ko', 'pt-BR', 'vi', 'zh-Hans']);
});

describe.each(locales)('%s', (locale) => {
  test('a missing field falls back to English, marked lang="en" and noted in the locale’s words; a stale one is noted', async () => {
    const html = await page437(locale);
    const strings = ui(locale);
    const note = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    // The English summary, marked as English, with the locale's own notice after it.
    expect(html).toContain('lang="en"');
    expect(html).toContain(code437.text.summary.source.split('`')[0]!.slice(0, 40));
    expect(html).toContain(note(strings.i18n!.fallback!));
    expect(strings.i18n!.fallback).not.toBe(ui('en').i18n!.fallback);
    expect(html).toContain(note(strings.i18n!.stale!));
    // The rest of the page is the locale's: its heading and the gloss of the reason phrase.
    expect(html).toContain(`<html lang="${locale}"`);
    expect(html).toContain(note(strings.code!.whenYouSeeIt!));
    expect(html).toContain(translations.get(locale)!.protocols.get('sip')!.codes.get(437)!.reason!.text.source);
  });

  test('the page runs in the locale’s direction', async () => {
    const html = await page437(locale);
    expect(html).toContain(`dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`);
  });

  test('every plural form the locale’s rules have is written, for every plural sentence', () => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const flat = Object.entries(ui(locale)).flatMap(([group, keys]) => (typeof keys === 'object' ? Object.keys(keys).map((k) => `${group}.${k}`) : [group]));
    const plural = new Set(Object.entries(ui('en')).flatMap(([group, keys]) => Object.keys(keys).filter((k) => k.endsWith('_other')).map((k) => `${group}.${k.slice(0, -'_other'.length)}`)));
    expect(plural.size).toBeGreaterThan(3);
    for (const key of plural) {
      if (PENDING_TRANSLATION.has(`${key}_other`)) continue;
      for (const category of categories) expect(flat, `${locale}: ${key}_${category}`).toContain(`${key}_${category}`);
    }
  });
});
