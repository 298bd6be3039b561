import type { Protocol } from '@statusbook/core/model';
import type { FragmentCache } from '../fragments.js';
import type { Translator } from '../i18n.js';
import type { Format, FormatRenderer, MdProfile, PageKind, PageOf, Target } from '../types.js';
import { to } from '../targets.js';

/** Everything a page module needs to build its view for one (locale, format). */
export interface RenderEnv {
  readonly format: FormatRenderer;
  readonly translator: Translator;
  readonly fragments: FragmentCache;
  readonly protocols: readonly Protocol[];
  /** Which comparison pages exist: links go only to those. */
  readonly pairs: 'all' | 'curated';
  /** The locales this format's pages link to (language switcher, alternates), default locale first. */
  readonly locales: readonly string[];
  /**
   * The formats whose form of this locale's pages the output holds after the build: a page
   * links to its other forms (html, md, json, embed) only in these.
   */
  readonly forms: readonly Format[];
  /** Prefix of absolute URLs, without the trailing slash (`''` when the site has no base URL). */
  readonly baseUrl: string;
  /** The layout of the Markdown pages, for links to a page's Markdown form. */
  readonly mdProfile: MdProfile;
  /** Whether the output holds bundles (`statusbook bundle`): the HTML locale home links to `downloads.html`. */
  readonly downloads: boolean;
  /**
   * Renders `fragments/<name>.<format>.hbs` once per key for this (locale, format) and
   * returns the cached text after that. Fragments hold no links (they appear on pages at
   * different depths).
   */
  fragment(name: string, key: string, view: () => object): string;
  /**
   * Every page of this (locale, format) but the locale files, rendered: what a wiki's
   * import dump gathers. Renders them again (the dump is one file of the build).
   */
  localePages(): Generator<{ readonly target: Target; readonly contents: string }>;
}

export interface Crumb {
  readonly label: string;
  readonly target: Target;
}

/** One page kind: where its page goes, what its template sees, and its front matter. */
export interface PageModule<K extends PageKind> {
  target(page: PageOf<K>): Target;
  /** The page title as plain text (front matter, the document title). */
  title(page: PageOf<K>, env: RenderEnv): string;
  /** The page's summary as plain text, for its meta description (HTML). */
  description?(page: PageOf<K>, env: RenderEnv): string;
  /** What the page template sees; `title` is rendered for the format and also used by the layout. */
  view(page: PageOf<K>, env: RenderEnv): { readonly title: string };
  /** The view for the formats whose template shows something else (an embed card), by format. */
  readonly views?: Partial<Record<Format, (page: PageOf<K>, env: RenderEnv) => { readonly title: string }>>;
  /** Markdown front matter: plain data (besides title, locale and alternates, which every page has). */
  frontMatter(page: PageOf<K>): Record<string, unknown>;
  /** The trail from the locale home to this page's parent. */
  breadcrumbs(page: PageOf<K>, env: RenderEnv): Crumb[];
  /** False when the page template is a whole document of its own (redirects). */
  readonly layout?: false;
  /** For files made of data rather than a template (`_category_.json`, a nav): the whole file. */
  document?(page: PageOf<K>, env: RenderEnv): string;
  /**
   * For a file made of data that is too large to hold at once (a wiki's import dump): its
   * text in order, in pieces of any size, which the build writes as they come.
   */
  pieces?(page: PageOf<K>, env: RenderEnv): Generator<string>;
}

/** A link, in the page's format, from one page to another around already rendered text. */
export function linkTo(env: RenderEnv, from: Target, to: Target, rendered: string): string {
  return env.format.link(env.format.href(from, to), rendered);
}

/** Breadcrumbs shared by the pages under a protocol. */
export function protocolCrumbs(locale: string, protocol: Protocol, env: RenderEnv): Crumb[] {
  const { translator: tr } = env;
  return [
    { label: tr.t('nav.home'), target: to.home(locale) },
    { label: tr.t('protocol.title', { protocol: protocol.name }), target: { kind: 'protocol', locale, protocol: protocol.id } },
  ];
}
