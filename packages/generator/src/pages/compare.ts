import type { Contrast, Pair } from '@statusbook/core';
import { factKeys, type CodeFragments } from '../fragments.js';
import { Rendered } from '../i18n.js';
import type { PageModule, RenderEnv } from './types.js';

/** The comparison page of a pair of codes, canonical order (lower code first). */
export const comparePage: PageModule<'compare'> = {
  target: (page) => ({ kind: 'compare', locale: page.locale, protocol: page.protocol.id, slug: page.pair.slug }),

  view(page, env) {
    const { protocol, pair } = page;
    const { translator: tr, fragments, format } = env;
    const low = fragments.get(protocol, pair.low);
    const high = fragments.get(protocol, pair.high);
    const contrasts = pair.contrasts.map((c) => phrase(c, pair, low, high, env));
    return {
      title: tr.t('compare.heading', {
        protocol: protocol.name,
        low: low.code,
        lowReason: new Rendered(low.reason),
        high: high.code,
        highReason: new Rendered(high.reason),
      }),
      low,
      high,
      sides: [low, high],
      glance: factKeys(protocol).map((key) => ({ label: tr.t(`fact.${key}`), low: low.facts[key], high: high.facts[key] })),
      contrasts,
      notes:
        pair.kind === 'curated'
          ? {
              difference: format.inline(pair.notes.text.difference),
              whenToUse: format.inline(pair.notes.text.whenToUse),
              scenario: format.inline(pair.notes.text.scenario),
            }
          : undefined,
    };
  },

  frontMatter: (page, env) => ({
    title: env.translator.plain('compare.heading', {
      protocol: page.protocol.name,
      low: page.pair.low.code,
      lowReason: page.pair.low.reason,
      high: page.pair.high.code,
      highReason: page.pair.high.reason,
    }),
    protocol: page.protocol.id,
    codes: [page.pair.low.code, page.pair.high.code],
    locale: page.locale,
  }),
};

/** One contrast as a whole localized sentence. */
function phrase(c: Contrast, pair: Pair, low: CodeFragments, high: CodeFragments, env: RenderEnv): string {
  const { translator: tr, format } = env;
  const names = (values: readonly string[]) => new Rendered(tr.list(values.map((v) => format.text(v))));
  const codes = { low: pair.low.code, high: pair.high.code };
  switch (c.kind) {
    case 'class':
      return tr.t('contrast.class', { ...codes, lowClass: c.low, highClass: c.high });
    case 'finality':
      return tr.t('contrast.finality', { final: c.finalCode, provisional: c.provisionalCode });
    case 'senders':
      return tr.t('contrast.senders', {
        ...codes,
        lowSenders: new Rendered(tr.list(c.low.map((s) => tr.t(`sender.${s}`)))),
        highSenders: new Rendered(tr.list(c.high.map((s) => tr.t(`sender.${s}`)))),
      });
    case 'retry':
      return tr.t('contrast.retry', { ...codes, lowRetry: new Rendered(low.facts.retry ?? ''), highRetry: new Rendered(high.facts.retry ?? '') });
    case 'headers':
      if (c.onlyLow.length > 0 && c.onlyHigh.length > 0) {
        return tr.t('contrast.headersBoth', { ...codes, lowHeaders: names(c.onlyLow), highHeaders: names(c.onlyHigh) });
      }
      return c.onlyLow.length > 0
        ? tr.t('contrast.headersLow', { ...codes, lowHeaders: names(c.onlyLow) })
        : tr.t('contrast.headersHigh', { ...codes, highHeaders: names(c.onlyHigh) });
    case 'methods':
      return tr.t('contrast.methods', {
        ...codes,
        lowMethods: new Rendered(low.facts.methods ?? ''),
        highMethods: new Rendered(high.facts.methods ?? ''),
      });
    case 'cacheable':
      return tr.t('contrast.cacheable', { cacheable: c.cacheableCode, other: c.otherCode });
    case 'status':
      return tr.t('contrast.status', { ...codes, lowStatus: new Rendered(tr.t(`status.${c.low}`)), highStatus: new Rendered(tr.t(`status.${c.high}`)) });
    case 'spec':
      return tr.t('contrast.spec', { ...codes, lowRfc: c.low, highRfc: c.high });
  }
}
