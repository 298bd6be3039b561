import { pairCount } from '@statusbook/core/model';
import { Rendered } from '../i18n.js';
import { collator } from '../locale-info.js';
import { to } from '../targets.js';
import type { PageModule } from './types.js';

/** The home page of one locale: the protocols, with counts and entry points. */
export const homePage: PageModule<'home'> = {
  target: (page) => to.home(page.locale),

  title: (_page, env) => env.translator.plain('site.name'),

  description: (_page, env) => env.translator.plain('site.tagline'),

  view(page, env) {
    const { translator: tr, format } = env;
    return {
      title: tr.t('site.name'),
      tagline: tr.t('site.tagline'),
      // Protocols in the reader's alphabetical order.
      protocols: [...page.protocols].sort((a, b) => collator(page.locale).compare(a.name, b.name)).map((p) => ({
        heading: tr.t('home.protocolHeading', { protocol: p.name, title: p.title }),
        description: tr.render(tr.content.protocolDescription(p)),
        stats: tr.t('home.stats', {
          codes: new Rendered(tr.t('home.codeCount', { count: p.codes.length, protocol: p.name })),
          pairs: new Rendered(tr.t('home.pairCount', { count: env.pairs === 'all' ? pairCount(p) : p.curated.length })),
        }),
        index: to.protocol(page.locale, p.id),
        compare: to.compareIndex(page.locale, p.id),
        indexLabel: tr.t('home.browse', { protocol: new Rendered(format.text(p.name)) }),
        compareLabel: tr.t('home.compare', { protocol: new Rendered(format.text(p.name)) }),
      })),
      // The Downloads page is written by `statusbook bundle`, beside this page.
      downloads: env.downloads && format.id === 'html' ? tr.t('downloads.homeLink') : undefined,
    };
  },

  frontMatter: () => ({ kind: 'home' }),
  breadcrumbs: () => [],
};
