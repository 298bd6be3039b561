import { to } from '../targets.js';
import { protocolCrumbs, type PageModule } from './types.js';

/** The reversed order of a pair (`437-vs-200`): a small page that sends readers to the canonical one. */
export const redirectPage: PageModule<'redirect'> = {
  layout: false,
  target: (page) => to.redirect(page.locale, page.protocol.id, `${page.pair.high.code}-vs-${page.pair.low.code}`),

  title: (page, env) => env.translator.plain('redirect.title', { protocol: page.protocol.name, low: page.pair.low.code, high: page.pair.high.code }),

  view(page, env) {
    const { translator: tr } = env;
    const canonical = to.compare(page.locale, page.protocol.id, page.pair.slug);
    return {
      title: tr.t('redirect.title', { protocol: page.protocol.name, low: page.pair.low.code, high: page.pair.high.code }),
      lang: page.locale,
      canonical,
      message: tr.t('redirect.message'),
    };
  },

  frontMatter: () => ({}),
  breadcrumbs: (page, env) => protocolCrumbs(page.locale, page.protocol, env),
};
