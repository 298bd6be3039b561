import { to } from '../targets.js';
import { protocolCrumbs, type PageModule } from './types.js';

/** The index of one protocol: its codes grouped by class, deprecated ones marked. */
export const protocolPage: PageModule<'protocol'> = {
  target: (page) => to.protocol(page.locale, page.protocol.id),

  title: (page, env) => env.translator.plain('protocol.title', { protocol: page.protocol.name }),

  view(page, env) {
    const { protocol, locale } = page;
    const { translator: tr, format, fragments } = env;
    return {
      title: tr.t('protocol.title', { protocol: protocol.name }),
      description: format.inline(tr.content.protocolDescription(protocol)),
      registry: { label: format.text(protocol.registry.name), url: format.url(protocol.registry.url) },
      registryLabel: tr.t('protocol.registry'),
      compare: to.compareIndex(locale, protocol.id),
      compareLabel: tr.t('home.compare', { protocol: protocol.name }),
      classes: protocol.classes.map((cls) => ({
        id: cls.id,
        heading: tr.t('classLabel', { id: cls.id, name: format.inline(tr.content.className(protocol, cls)) }),
        description: format.inline(tr.content.classDescription(protocol, cls)),
        codes: protocol.codes
          .filter((c) => c.classId === cls.id)
          .map((c) => {
            const f = fragments.get(protocol, c);
            return { target: f.target, label: f.label, gloss: f.gloss, summary: f.summary, badges: f.badges };
          }),
      })),
    };
  },

  frontMatter: (page) => ({ kind: 'protocol', protocol: page.protocol.id }),
  breadcrumbs: (page, env) => protocolCrumbs(page.locale, page.protocol, env).slice(0, 1),
};
