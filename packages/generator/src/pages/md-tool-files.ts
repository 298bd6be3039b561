import type { Protocol } from '@statusbook/core/model';
import { oneLine, order, plainText } from '../formats/md-profiles.js';
import { dataYaml } from '../formats/md.js';
import { mdFile } from '../formats/paths.js';
import { sanitizeInline } from '../formats/sanitize.js';
import { to } from '../targets.js';
import type { PageOf, Target } from '../types.js';
import { codePage } from './code.js';
import { compareIndexPage } from './compare-index.js';
import { pairTitle } from './compare.js';
import { homePage } from './home.js';
import { protocolPage } from './protocol.js';
import type { PageModule, RenderEnv } from './types.js';
import { idSpellsCodes } from '../class-label.js';

// Files a docs tool reads beside the pages (Markdown profiles only): no template, no layout,
// no front matter; each module's `document` writes the whole file.

/**
 * Docusaurus' `_category_.json` of a folder: the label and position of its sidebar category,
 * the same as its index page's title and `sidebar_position`, and that page as the category's
 * own (its doc id: the folder's path, then the page's front matter `id`).
 */
function categoryFile(page: PageOf<'category' | 'compare-category'>, index: Target, title: string, env: RenderEnv): string {
  const id = mdFile(index).slice(1).join('/').slice(0, -'.md'.length);
  return `${JSON.stringify({ label: oneLine(title), position: order(page, env), link: { type: 'doc', id } }, null, 2)}\n`;
}

/** The `_category_.json` of a protocol's folder. */
export const categoryPage: PageModule<'category'> = {
  target: (page) => to.category(page.locale, page.protocol.id),
  title: (page, env) => protocolPage.title({ ...page, kind: 'protocol' }, env),
  view: (page, env) => ({ title: categoryPage.title(page, env) }),
  document: (page, env) => categoryFile(page, to.protocol(page.locale, page.protocol.id), categoryPage.title(page, env), env),
  frontMatter: () => ({}),
  breadcrumbs: () => [],
  layout: false,
};

/** The `_category_.json` of a protocol's `compare/` folder. */
export const compareCategoryPage: PageModule<'compare-category'> = {
  target: (page) => to.compareCategory(page.locale, page.protocol.id),
  title: (page, env) => compareIndexPage.title({ ...page, kind: 'compare-index' }, env),
  view: (page, env) => ({ title: compareCategoryPage.title(page, env) }),
  document: (page, env) => categoryFile(page, to.compareIndex(page.locale, page.protocol.id), compareCategoryPage.title(page, env), env),
  frontMatter: () => ({}),
  breadcrumbs: () => [],
  layout: false,
};

/** A `nav` entry: a page (`{ title: path }`, or a bare path: MkDocs shows its front matter title) or a section. */
type NavEntry = string | { readonly [title: string]: string | readonly NavEntry[] };

/** A page's path relative to the locale's `docs/` folder. */
function docPath(target: Target): string {
  return mdFile(target).slice(1).join('/');
}

/**
 * A protocol's section: its index page, a section per class with its codes by number, and
 * the comparisons section (its index, then the pairs the build has, in page order). Folder
 * index pages are bare paths, first in their section (what themes with section index pages,
 * such as Material's `navigation.indexes`, look for).
 */
function protocolSection(protocol: Protocol, locale: string, env: RenderEnv): NavEntry {
  const { translator: tr } = env;
  const title = (value: string) => oneLine(value);
  const entries: NavEntry[] = [docPath(to.protocol(locale, protocol.id))];
  for (const cls of protocol.classes) {
    const codes = protocol.codes.filter((c) => c.classId === cls.id);
    if (codes.length === 0) continue;
    const name = oneLine(plainText(sanitizeInline(tr.content.className(protocol, cls).text.nodes)));
    const label = title(idSpellsCodes(cls) ? tr.plain('classLabel', { id: cls.id, name }) : name);
    entries.push({
      [label]: codes.map((code) => ({ [title(codePage.title({ kind: 'code', locale, format: 'md', protocol, code }, env))]: docPath(to.code(locale, protocol.id, code.code)) })),
    });
  }
  const compare: NavEntry[] = [docPath(to.compareIndex(locale, protocol.id))];
  const pair = (low: Protocol['codes'][number], high: Protocol['codes'][number]) => {
    compare.push({ [title(pairTitle(protocol.id, low, high, env))]: docPath(to.compare(locale, protocol.id, `${low.code}-vs-${high.code}`)) });
  };
  if (env.pairs === 'curated') {
    const byCode = new Map(protocol.codes.map((c) => [c.code, c]));
    for (const n of protocol.curated) pair(byCode.get(n.low)!, byCode.get(n.high)!);
  } else {
    for (let i = 0; i < protocol.codes.length; i++) for (let j = i + 1; j < protocol.codes.length; j++) pair(protocol.codes[i]!, protocol.codes[j]!);
  }
  entries.push({ [title(compareIndexPage.title({ kind: 'compare-index', locale, format: 'md', protocol }, env))]: compare });
  return { [title(protocolPage.title({ kind: 'protocol', locale, format: 'md', protocol }, env))]: entries };
}

/**
 * The MkDocs profile's `nav` (`mkdocs/<locale>/nav.yml`): the locale's pages in class order
 * under their titles, paths relative to `docs/`, as a `nav:` key to append to `mkdocs.yml`.
 */
export const navPage: PageModule<'nav'> = {
  target: (page) => to.localeFile('nav', page.locale),
  title: () => 'nav',
  view: () => ({ title: 'nav' }),
  document(page, env) {
    const home = { [oneLine(homePage.title({ kind: 'home', locale: page.locale, format: 'md', protocols: page.protocols }, env))]: docPath(to.home(page.locale)) };
    return dataYaml({ nav: [home, ...page.protocols.map((p) => protocolSection(p, page.locale, env))] });
  },
  frontMatter: () => ({}),
  breadcrumbs: () => [],
  layout: false,
};
