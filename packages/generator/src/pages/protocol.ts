import { to } from '../targets.js';
import { Rendered } from '../i18n.js';
import { plainText } from './badge-text.js';
import { classSections } from './classes.js';
import { protocolExtras } from './protocol-extras.js';
import { comparePicker } from './compare-picker.js';
import { linkTo, protocolCrumbs, type PageModule } from './types.js';

/** The index of one protocol: its codes grouped by class, deprecated ones marked. */
export const protocolPage: PageModule<'protocol'> = {
  target: (page) => to.protocol(page.locale, page.protocol.id),

  title: (page, env) => env.translator.plain('protocol.title', { protocol: page.protocol.name }),

  description: (page, env) => plainText(env.translator.content.protocolDescription(page.protocol).text),

  view(page, env) {
    const { protocol, locale } = page;
    const { translator: tr, format, fragments } = env;
    const self = to.protocol(locale, protocol.id);
    return {
      title: tr.t('protocol.title', { protocol: protocol.name }),
      description: tr.render(tr.content.protocolDescription(protocol)),
      registry: tr.t('protocol.registry', { registry: new Rendered(format.link(protocol.registry.url, format.text(protocol.registry.name))) }),
      compare: to.compareIndex(locale, protocol.id),
      compareLabel: tr.t('home.compare', { protocol: protocol.name }),
      classes: classSections(protocol, env, (c) => {
        const f = fragments.get(protocol, c);
        const code = new Rendered(linkTo(env, self, f.target, f.label));
        return {
          heading: f.indexGloss ? tr.t('index.glossed', { code, gloss: new Rendered(f.indexGloss) }) : code.value,
          summary: f.summary,
          badges: f.badges,
        };
      }),
      ...protocolExtras(protocol, env),
    };
  },

  views: {
    html: (page, env) => ({ ...protocolPage.view(page, env), picker: comparePicker(page.locale, page.protocol, undefined, env) }),
  },

  frontMatter: (page) => ({ kind: 'protocol', protocol: page.protocol.id }),
  breadcrumbs: (page, env) => protocolCrumbs(page.locale, page.protocol, env).slice(0, 1),
};
