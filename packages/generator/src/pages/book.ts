import { findPair } from '@statusbook/core/model';
import { factKeys, rowLabel } from '../fragments.js';
import { equivalentSentences } from './equivalents.js';
import { languageName } from '../locale-info.js';
import { to } from '../targets.js';
import { differIn } from './compare.js';
import { classSections } from './classes.js';
import { protocolExtras } from './protocol-extras.js';
import { protocolCrumbs, type PageModule } from './types.js';

/**
 * The print book of one protocol: introduction, every code with its facts, then the curated
 * comparisons. (Every derived pair would make thousands of pages; those stay on the web.)
 */
export const bookPage: PageModule<'book'> = {
  target: (page) => to.book(page.locale, page.protocol.id),

  title: (page, env) => env.translator.plain('book.title', { protocol: page.protocol.name }),

  view(page, env) {
    const { protocol } = page;
    const { translator: tr, format, fragments } = env;
    const keys = factKeys(protocol);
    const classes = classSections(protocol, env, (c) => {
      const f = fragments.get(protocol, c);
      const facts = keys.filter((key) => f.facts.has(key)).map((key) => ({ label: rowLabel(protocol, key, tr, format), value: f.facts.get(key) }));
      return { f, anchor: `code-${c.code}`, facts, equivalents: equivalentSentences(undefined, c, env) };
    });
    const comparisons = protocol.curated.map((n) => {
      const pair = findPair(protocol, n.low, n.high)!;
      const low = fragments.get(protocol, pair.low);
      const high = fragments.get(protocol, pair.high);
      const glance = keys.map((key) => ({ label: rowLabel(protocol, key, tr, format), low: low.facts.get(key), high: high.facts.get(key), differs: low.facts.get(key) !== high.facts.get(key) }));
      return {
        anchor: `compare-${pair.slug}`,
        title: tr.t('compare.vs', { low: low.labelRendered, high: high.labelRendered }),
        glance,
        low,
        high,
        differIn: differIn(glance, env),
        difference: tr.render(tr.content.pairText(protocol, n, 'difference')),
        whenToUse: tr.render(tr.content.pairText(protocol, n, 'whenToUse')),
        scenario: tr.render(tr.content.pairText(protocol, n, 'scenario')),
      };
    });
    return {
      title: tr.t('book.title', { protocol: protocol.name }),
      subtitle: format.text(protocol.title),
      language: format.text(languageName(page.locale)),
      protocolName: format.text(protocol.name),
      description: tr.render(tr.content.protocolDescription(protocol)),
      classes,
      ...protocolExtras(protocol, env),
      comparisons,
    };
  },

  frontMatter: () => ({}),
  breadcrumbs: (page, env) => protocolCrumbs(page.locale, page.protocol, env),
};
