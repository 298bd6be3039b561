import { Rendered } from '../i18n.js';
import { collator } from '../locale-info.js';
import { to } from '../targets.js';
import type { PageModule } from './types.js';

/** A git wiki's `_Sidebar`: the locale's home, and each protocol's index and comparisons. */
export const sidebarPage: PageModule<'sidebar'> = {
  target: (page) => to.localeFile('sidebar', page.locale),
  title: (_page, env) => env.translator.plain('wiki.contents'),
  view(page, env) {
    const { translator: tr, format } = env;
    return {
      title: tr.t('wiki.contents'),
      home: to.home(page.locale),
      homeLabel: tr.t('nav.home'),
      protocols: [...page.protocols].sort((a, b) => collator(page.locale).compare(a.name, b.name)).map((p) => ({
        index: to.protocol(page.locale, p.id),
        compare: to.compareIndex(page.locale, p.id),
        indexLabel: tr.t('protocol.title', { protocol: p.name }),
        compareLabel: tr.t('home.compare', { protocol: new Rendered(format.text(p.name)) }),
      })),
    };
  },
  frontMatter: () => ({}),
  breadcrumbs: () => [],
  layout: false,
};

/** A git wiki's `_Footer`: where the facts come from, and that the pages are generated. */
export const footerPage: PageModule<'footer'> = {
  target: (page) => to.localeFile('footer', page.locale),
  title: (_page, env) => env.translator.plain('site.name'),
  view(_page, env) {
    const { translator: tr } = env;
    return { title: tr.t('site.name'), sources: tr.t('footer.sources'), generated: tr.t('wiki.generated') };
  },
  frontMatter: () => ({}),
  breadcrumbs: () => [],
  layout: false,
};
