import { displayReason, pairSlug, type Protocol, type StatusCode } from '@statusbook/core/model';
import { factKeys, rowLabel } from '../fragments.js';
import { equivalentSentences } from './equivalents.js';
import { indexOf } from '../protocol-index.js';
import { to } from '../targets.js';
import { plainText } from './badge-text.js';
import { codeCardView, embedSection } from './cards.js';
import { comparePicker } from './compare-picker.js';
import { Rendered } from '../i18n.js';
import { classSections } from './classes.js';
import { protocolCrumbs, type PageModule, type RenderEnv } from './types.js';

/** The page of one status code. */
export const codePage: PageModule<'code'> = {
  target: (page) => to.code(page.locale, page.protocol.id, page.code.code),

  title: (page, env) => env.translator.plain('code.title', { protocol: page.protocol.name, label: `${page.code.code} ${displayReason(page.code)}` }),

  description: (page, env) => plainText(env.translator.content.code(page.code, 'summary').text),

  view(page, env) {
    const { protocol, code } = page;
    const { translator: tr, fragments, format } = env;
    const f = fragments.get(protocol, code);
    return {
      title: tr.t('code.title', { protocol: protocol.name, label: f.labelRendered }),
      f,
      // A code whose digit the protocol's grouping does not name has no grouping row.
      facts: factKeys(protocol).filter((key) => f.facts.has(key)).map((key) => ({ label: rowLabel(protocol, key, tr, format), value: f.facts.get(key) })),
      equivalents: equivalentSentences(to.code(page.locale, protocol.id, code.code), code, env),
      compareGroups: compareGroups(page.locale, protocol, code, env),
      // Wiki categories: the protocol's (its index page's title) and the class's.
      protocolIndex: to.protocol(page.locale, protocol.id),
      classId: code.classId,
    };
  },

  views: {
    // The HTML page shows the snippets to embed it, when the output holds the embeds.
    html(page, env) {
      return {
        ...codePage.view(page, env),
        ...compareByClass(page.locale, page.protocol, page.code, env),
        pager: pager(page.locale, page.protocol, page.code, env),
        embed: env.forms.includes('embed') ? embedSection(page, env) : undefined,
        picker: comparePicker(page.locale, page.protocol, page.code, env),
      };
    },
    embed: codeCardView,
  },

  frontMatter: (page) => ({ kind: 'code', protocol: page.protocol.id, code: page.code.code }),
  breadcrumbs: (page, env) => protocolCrumbs(page.locale, page.protocol, env),
};

/** The codes curated with this one, the others, and a link to the comparison with one of them. */
function compareLinks(locale: string, protocol: Protocol, code: StatusCode, env: RenderEnv) {
  const curated = new Set((indexOf(protocol).curatedOf.get(code.code) ?? []).map((n) => (n.low === code.code ? n.high : n.low)));
  const link = (other: StatusCode) => ({
    target: to.compare(locale, protocol.id, pairSlug(code.code, other.code)),
    label: env.fragments.label(protocol, other).label,
  });
  return { curated, link, others: protocol.codes.filter((c) => c.code !== code.code) };
}

/** "Compare with" links: curated pairs first, then the rest of its class, then every other code. */
function compareGroups(locale: string, protocol: Protocol, code: StatusCode, env: RenderEnv) {
  const { translator: tr } = env;
  const { curated, link, others } = compareLinks(locale, protocol, code, env);
  const groups = [
    { heading: tr.t('code.compareCurated'), links: others.filter((c) => curated.has(c.code)).map(link) },
    { heading: tr.t('code.compareClass'), links: others.filter((c) => !curated.has(c.code) && c.classId === code.classId).map(link) },
    { heading: tr.t('code.compareOther'), links: others.filter((c) => !curated.has(c.code) && c.classId !== code.classId).map(link) },
  ];
  return groups.filter((g, i) => g.links.length > 0 && (i === 0 || env.pairs === 'all'));
}

/**
 * The HTML page's "Compare with": curated pairs in the open, then every other code in a
 * collapsed list per class (`<details>`), the code's own class first.
 */
function compareByClass(locale: string, protocol: Protocol, code: StatusCode, env: RenderEnv) {
  const { translator: tr } = env;
  const { curated, link, others } = compareLinks(locale, protocol, code, env);
  const classes =
    env.pairs === 'all'
      ? classSections(protocol, env, (c) => c)
          .sort((a, b) => Number(b.id === code.classId) - Number(a.id === code.classId))
          .map((cls) => ({ ...cls, links: cls.codes.filter((c) => c.code !== code.code && !curated.has(c.code)).map(link) }))
          .filter((cls) => cls.links.length > 0)
          .map((cls) => ({ id: cls.id, summary: tr.t('code.compareInClass', { class: new Rendered(cls.heading), count: cls.links.length }), links: cls.links }))
      : [];
  return { compareCurated: others.filter((c) => curated.has(c.code)).map(link), compareCuratedHeading: tr.t('code.compareCurated'), compareClasses: classes };
}

/** The previous and next codes of the protocol, in its order (classes, then numbers). */
function pager(locale: string, protocol: Protocol, code: StatusCode, env: RenderEnv) {
  const at = indexOf(protocol).position.get(code.code)!;
  const side = (other: StatusCode | undefined) => (other ? { target: to.code(locale, protocol.id, other.code), label: env.fragments.label(protocol, other).label } : undefined);
  return { previous: side(protocol.codes[at - 1]), next: side(protocol.codes[at + 1]) };
}
