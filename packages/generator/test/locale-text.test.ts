// Lists and numbers come from ICU in each locale's own words and digits. The translator also
// copies ICU's Latin-1 results into one-byte strings (see `compact` in i18n.ts); the text
// must come out exactly as ICU wrote it, accents included.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { html } from '../src/formats/html.js';
import { md } from '../src/formats/md.js';
import { createI18n, createTranslator, Rendered } from '../src/i18n.js';

const locales = fileURLToPath(new URL('../../../locales', import.meta.url));
const fixedT = await createI18n(locales, ['en', 'vi', 'ja', 'zh-Hans', 'pt-BR', 'ar']);
const translator = (locale: string) => createTranslator(fixedT(locale), locale, md);

describe('lists and numbers in each locale', () => {
  it('joins items with the locale’s own words, keeping accented items as they are', () => {
    expect(translator('en').list(['Via', 'Contact', 'Café-Señal'])).toBe('Via, Contact, and Café-Señal');
    expect(translator('vi').list(['Via', 'Contact', 'Cấu hình'])).toBe('Via, Contact và Cấu hình');
    expect(translator('ja').list(['Via', 'Contact', 'Date'])).toBe('Via、Contact、Date');
    expect(translator('en').list(['Via', 'To'])).toBe('Via and To');
  });

  it('sets a Chinese or Japanese list word off from Latin items and code by a space, not from CJK items', () => {
    // ICU gives `Alert-Info`和`RSeq`; the zh-Hans and ja texts space Latin from CJK (latin-cjk).
    expect(translator('ja').list(['`Via`', '`Contact`', '`Date`'])).toBe('`Via`、`Contact`、`Date`');
    expect(translator('ja').orList(['`INVITE`', '`BYE`', '`ACK`'])).toBe('`INVITE`、`BYE`、または `ACK`');
    expect(translator('ja').orList(['プロキシ', 'レジストラ'])).toBe('プロキシまたはレジストラ');
    const zh = createTranslator(fixedT('zh-Hans'), 'zh-Hans', md);
    expect(zh.list(['`Alert-Info`', '`RSeq`'])).toBe('`Alert-Info` 和 `RSeq`');
    expect(zh.list(['代理', '网关'])).toBe('代理和网关');
    expect(zh.list(['用户代理服务器（UAS）', '代理'])).toBe('用户代理服务器（UAS）和代理');
    expect(zh.orList(['`INVITE`', '`BYE`', '`ACK`'])).toBe('`INVITE`、`BYE` 或 `ACK`');
    const htmlZh = createTranslator(fixedT('zh-Hans'), 'zh-Hans', html);
    expect(htmlZh.list(['<code>Alert-Info</code>', '<code>RSeq</code>'])).toBe('<code>Alert-Info</code> 和 <code>RSeq</code>');
  });

  it('takes a `_zero` form for a count of 0 where the locale has one, the plural rules elsewhere', () => {
    const pt = createTranslator(fixedT('pt-BR'), 'pt-BR', md);
    // CLDR puts 0 in pt's `one` category: without its own form, 0 would read "0 comparação".
    expect(new Intl.PluralRules('pt-BR').select(0)).toBe('one');
    expect(pt.t('home.pairCount', { count: 0 })).toBe('Nenhuma comparação.');
    expect(pt.t('home.pairCount', { count: 1 })).toBe('1 comparação.');
    expect(pt.t('home.pairCount', { count: 0 })).toBe('Nenhuma comparação.');
    expect(pt.t('home.pairCount', { count: 1_000_000 })).toBe('1.000.000 comparações.');
    expect(translator('en').t('home.pairCount', { count: 0 })).toBe('0 comparisons.');
  });

  it('in right-to-left HTML, values that only spaces separate are one isolate, so they keep their order', () => {
    const ar = createTranslator(fixedT('ar'), 'ar', html.rtl!);
    // Two isolates side by side would be laid out right to left: "437 Unsupported Credential SIP".
    expect(ar.t('code.title', { protocol: 'SIP', label: new Rendered('437 Unsupported Credential') })).toBe('<bdi>SIP 437 Unsupported Credential</bdi>');
    // Values with Arabic words between them are isolated each.
    expect(ar.t('compare.title', { protocol: 'SIP', low: new Rendered('200 OK'), high: new Rendered('437') })).toBe('<bdi>SIP 200 OK</bdi> مقابل <bdi>437</bdi>');
    // Left-to-right HTML has no isolates at all.
    expect(translator('en').t('code.title', { protocol: 'SIP', label: new Rendered('437 Unsupported Credential') })).toBe('SIP 437 Unsupported Credential');
  });

  it('writes numbers with the locale’s separators', () => {
    expect(translator('en').number(12345.5)).toBe('12,345.5');
    expect(translator('vi').number(12345.5)).toBe('12.345,5');
    expect(translator('ja').number(12345)).toBe('12,345');
  });
});
