// Lists and numbers come from ICU in each locale's own words and digits. The translator also
// copies ICU's Latin-1 results into one-byte strings (see `compact` in i18n.ts); the text
// must come out exactly as ICU wrote it, accents included.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { md } from '../src/formats/md.js';
import { createI18n, createTranslator } from '../src/i18n.js';

const locales = fileURLToPath(new URL('../../../locales', import.meta.url));
const fixedT = await createI18n(locales, ['en', 'vi', 'ja']);
const translator = (locale: string) => createTranslator(fixedT(locale), locale, md);

describe('lists and numbers in each locale', () => {
  it('joins items with the locale’s own words, keeping accented items as they are', () => {
    expect(translator('en').list(['Via', 'Contact', 'Café-Señal'])).toBe('Via, Contact, and Café-Señal');
    expect(translator('vi').list(['Via', 'Contact', 'Cấu hình'])).toBe('Via, Contact và Cấu hình');
    expect(translator('ja').list(['Via', 'Contact', 'Date'])).toBe('Via、Contact、Date');
    expect(translator('en').list(['Via', 'To'])).toBe('Via and To');
  });

  it('writes numbers with the locale’s separators', () => {
    expect(translator('en').number(12345.5)).toBe('12,345.5');
    expect(translator('vi').number(12345.5)).toBe('12.345,5');
    expect(translator('ja').number(12345)).toBe('12,345');
  });
});
