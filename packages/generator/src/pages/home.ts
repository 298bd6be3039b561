import { pairCount } from '@statusbook/core';
import { Rendered } from '../i18n.js';
import { to } from '../targets.js';
import type { PageModule } from './types.js';

/** The home page of one locale: the protocols, with counts and entry points. */
export const homePage: PageModule<'home'> = {
  target: (page) => to.home(page.locale),

  title: (_page, env) => env.translator.plain('site.name'),

  view(page, env) {
    const { translator: tr, format } = env;
    return {
      title: tr.t('site.name'),
      tagline: tr.t('site.tagline'),
      protocols: page.protocols.map((p) => ({
        heading: tr.t('home.protocolHeading', { protocol: p.name, title: p.title }),
        description: format.inline(tr.content.protocolDescription(p)),
        codes: tr.t('home.codeCount', { count: p.codes.length, protocol: p.name }),
        pairs: tr.t('home.pairCount', { count: pairCount(p) }),
        index: to.protocol(page.locale, p.id),
        compare: to.compareIndex(page.locale, p.id),
        indexLabel: tr.t('home.browse', { protocol: new Rendered(format.text(p.name)) }),
        compareLabel: tr.t('home.compare', { protocol: new Rendered(format.text(p.name)) }),
      })),
    };
  },

  frontMatter: () => ({ kind: 'home' }),
  breadcrumbs: () => [],
};
