import type { Pair, Protocol, StatusCode, Text } from '@statusbook/core/model';
import type { RenderEnv } from './pages/types.js';

/** Output formats; each has one renderer in `formats/`. */
export type Format = 'md' | 'html' | 'print' | 'json' | 'embed' | 'mediawiki' | 'dokuwiki' | 'gitwiki';

export const FORMATS: readonly Format[] = ['md', 'html', 'print', 'json', 'embed', 'mediawiki', 'dokuwiki', 'gitwiki'];

/** Formats a build makes only when asked (`--format`, `formats:`): the wiki exports. */
export const WIKI_FORMATS: readonly Format[] = ['mediawiki', 'dokuwiki', 'gitwiki'];

/** What a build makes when neither `--format` nor the configuration names formats. */
export const DEFAULT_FORMATS: readonly Format[] = FORMATS.filter((f) => !WIKI_FORMATS.includes(f));

/** Markdown profiles: the layout, front matter and links one docs tool expects (`formats/md-profiles.ts`). */
export type MdProfile = 'plain' | 'hugo' | 'docusaurus' | 'starlight' | 'mkdocs';

export const MD_PROFILES: readonly MdProfile[] = ['plain', 'hugo', 'docusaurus', 'starlight', 'mkdocs'];

/** Page kinds; each has one module in `pages/`. */
export type PageKind = 'home' | 'protocol' | 'compare-index' | 'code' | 'compare' | 'redirect' | 'book' | 'badge' | FolderFileKind | LocaleFileKind;

/**
 * Files of a protocol's folders that are not pages: Docusaurus' `_category_.json` of the
 * protocol folder (`category`) and of its `compare/` folder (`compare-category`). Markdown
 * profiles only (`MD_PROFILE_KINDS`).
 */
export type FolderFileKind = 'category' | 'compare-category';

/**
 * Files of a locale that are not pages of the site: a wiki's import dump (mediawiki), its
 * sidebar and footer (gitwiki), the MkDocs profile's `nav` snippet, the HTML site's search
 * index (`search`). One per (format, locale), like the home page.
 */
export type LocaleFileKind = 'dump' | 'sidebar' | 'footer' | 'nav' | 'search';

export const LOCALE_FILE_KINDS: readonly LocaleFileKind[] = ['dump', 'sidebar', 'footer', 'nav', 'search'];

/** Where a page lives, independent of format. */
export type Target =
  | { readonly kind: 'home' | LocaleFileKind; readonly locale: string; readonly protocol?: undefined; readonly code?: undefined; readonly slug?: undefined }
  | { readonly kind: 'protocol' | 'compare-index' | 'book' | FolderFileKind; readonly locale: string; readonly protocol: string; readonly code?: undefined; readonly slug?: undefined }
  | { readonly kind: 'code' | 'badge'; readonly locale: string; readonly protocol: string; readonly code: number; readonly slug?: undefined }
  | { readonly kind: 'compare' | 'redirect'; readonly locale: string; readonly protocol: string; readonly code?: undefined; readonly slug: string };

interface PageBase {
  readonly locale: string;
  readonly format: Format;
}

/** One page to render: what it shows, in which locale and format. */
export type Page =
  | (PageBase & { readonly kind: 'home'; readonly protocols: readonly Protocol[] })
  | (PageBase & { readonly kind: 'dump'; readonly protocols: readonly Protocol[] })
  | (PageBase & { readonly kind: 'sidebar'; readonly protocols: readonly Protocol[] })
  | (PageBase & { readonly kind: 'footer'; readonly protocols: readonly Protocol[] })
  | (PageBase & { readonly kind: 'nav'; readonly protocols: readonly Protocol[] })
  | (PageBase & { readonly kind: 'search'; readonly protocols: readonly Protocol[] })
  | (PageBase & { readonly kind: 'protocol'; readonly protocol: Protocol })
  | (PageBase & { readonly kind: 'compare-index'; readonly protocol: Protocol })
  | (PageBase & { readonly kind: 'book'; readonly protocol: Protocol })
  | (PageBase & { readonly kind: 'category'; readonly protocol: Protocol })
  | (PageBase & { readonly kind: 'compare-category'; readonly protocol: Protocol })
  | (PageBase & { readonly kind: 'code'; readonly protocol: Protocol; readonly code: StatusCode })
  | (PageBase & { readonly kind: 'badge'; readonly protocol: Protocol; readonly code: StatusCode })
  | (PageBase & { readonly kind: 'compare'; readonly protocol: Protocol; readonly pair: Pair })
  | (PageBase & { readonly kind: 'redirect'; readonly protocol: Protocol; readonly pair: Pair });

export type PageOf<K extends PageKind> = Extract<Page, { kind: K }>;

/** A file the build writes, relative to the output folder. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
  /**
   * The contents continue the file of the same path just before (a long file comes in
   * pieces, so no build holds all of it at once).
   */
  readonly append?: boolean;
}

/** How one format escapes text, renders inline Markdown, names files and links them. */
export interface FormatRenderer {
  readonly id: Format;
  /** The page kinds this format has, in build order. */
  readonly kinds: readonly PageKind[];
  /** Plain text, escaped for this format. */
  text(value: string): string;
  /** A protocol token (header or method name), shown as code. */
  code(value: string): string;
  /** Inline Markdown content, rendered for this format. */
  inline(value: Text): string;
  /** Inline Markdown content for a table cell. */
  inlineCell(value: Text): string;
  /** Rendered content marked as being in another language (HTML: `lang`; Markdown has no way to say it). */
  lang(locale: string, rendered: string): string;
  /** A link around already rendered text. */
  link(href: string, rendered: string): string;
  /** Strong emphasis around already rendered text. */
  strong(rendered: string): string;
  /** A short editorial note next to content (already rendered text). */
  note(rendered: string): string;
  /** A URL written into a link, escaped for this format. */
  url(href: string): string;
  /** The output path of a target, relative to the output folder. */
  path(target: Target): string;
  /** A link from one target's page to another's. */
  href(from: Target, to: Target): string;
  /** Turns the rendered page into the final file (front matter, whitespace). */
  /** The file's contents; `frontMatter` is called only by formats that have front matter. */
  finish(body: string, frontMatter: () => Record<string, unknown>): string;
  /** Markdown profiles: the front matter a page gets instead of the default one (title, locale, alternates...). */
  pageFrontMatter?(page: Page, target: Target, title: string, env: RenderEnv): Record<string, unknown>;
  /**
   * For formats made of data rather than templates (json): the whole file of a page, built
   * from its model. Such a format has no page templates and no layout.
   */
  document?(page: Page, env: RenderEnv): string;
  /** A value filled into a sentence, isolated from the text around it (right-to-left HTML: `<bdi>`). */
  isolate?(rendered: string): string;
  /** This format's renderer for right-to-left locales (`textDirection`), where it differs. */
  readonly rtl?: FormatRenderer;
}
