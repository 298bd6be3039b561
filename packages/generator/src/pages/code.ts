import { pairSlug } from '@statusbook/core';
import { factKeys } from '../fragments.js';
import { Rendered } from '../i18n.js';
import type { PageModule } from './types.js';

/** The page of one status code. */
export const codePage: PageModule<'code'> = {
  target: (page) => ({ kind: 'code', locale: page.locale, protocol: page.protocol.id, code: page.code.code }),

  view(page, env) {
    const { protocol, code } = page;
    const { translator: tr, fragments } = env;
    const f = fragments.get(protocol, code);
    const curated = protocol.curated.filter((n) => n.low === code.code || n.high === code.code).map((n) => (n.low === code.code ? n.high : n.low));
    const sameClass = protocol.codes.filter((c) => c.classId === code.classId && c.code !== code.code && !curated.includes(c.code)).map((c) => c.code);
    const compareWith = [...curated, ...sameClass].map((other) => {
      const o = fragments.get(protocol, protocol.codes.find((c) => c.code === other)!);
      return {
        target: { kind: 'compare', locale: page.locale, protocol: protocol.id, slug: pairSlug(code.code, other) },
        label: tr.t('compare.title', { protocol: protocol.name, low: code.code, high: new Rendered(o.label) }),
      };
    });
    return {
      title: tr.t('code.title', { protocol: protocol.name, code: code.code, reason: new Rendered(f.reason) }),
      f,
      facts: factKeys(protocol).map((key) => ({ label: tr.t(`fact.${key}`), value: f.facts[key] })),
      compareWith,
    };
  },

  frontMatter: (page, env) => ({
    title: env.translator.plain('code.title', { protocol: page.protocol.name, code: page.code.code, reason: page.code.reason }),
    protocol: page.protocol.id,
    code: page.code.code,
    locale: page.locale,
  }),
};
