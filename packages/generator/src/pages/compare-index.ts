import { pairCount, pairSlug } from '@statusbook/core/model';
import { indexOf } from '../protocol-index.js';
import { to } from '../targets.js';
import { classSections } from './classes.js';
import { linkTo, protocolCrumbs, type PageModule } from './types.js';

/** The comparisons of one protocol: curated pairs first, then a way to reach every pair. */
export const compareIndexPage: PageModule<'compare-index'> = {
  target: (page) => to.compareIndex(page.locale, page.protocol.id),

  title: (page, env) => env.translator.plain('compareIndex.title', { protocol: page.protocol.name }),

  description: (page, env) =>
    env.translator.plain('compareIndex.intro', { count: env.pairs === 'all' ? pairCount(page.protocol) : page.protocol.curated.length, protocol: page.protocol.name }),

  view(page, env) {
    const { protocol, locale } = page;
    const { translator: tr, fragments } = env;
    const { byCode } = indexOf(protocol);
    const self = to.compareIndex(locale, protocol.id);
    return {
      title: tr.t('compareIndex.title', { protocol: protocol.name }),
      intro: tr.t('compareIndex.intro', { count: env.pairs === 'all' ? pairCount(protocol) : protocol.curated.length, protocol: protocol.name }),
      curatedHeading: tr.t('compareIndex.curated'),
      curated: protocol.curated.map((n) => {
        const low = fragments.get(protocol, byCode.get(n.low)!);
        const high = fragments.get(protocol, byCode.get(n.high)!);
        return {
          heading: linkTo(env, self, to.compare(locale, protocol.id, pairSlug(n.low, n.high)), tr.t('compare.vs', { low: low.labelRendered, high: high.labelRendered })),
          difference: tr.render(tr.content.pairText(protocol, n, 'difference')),
        };
      }),
      allHeading: tr.t('compareIndex.all'),
      allIntro: tr.t('compareIndex.allIntro'),
      // With only curated comparisons there is no "every pair" section.
      classes:
        env.pairs === 'all'
          ? classSections(protocol, env, (c) => {
              const f = fragments.get(protocol, c);
              return { target: f.target, label: f.label };
            })
          : [],
    };
  },

  frontMatter: (page) => ({ kind: 'compare-index', protocol: page.protocol.id }),
  breadcrumbs: (page, env) => protocolCrumbs(page.locale, page.protocol, env),
};
