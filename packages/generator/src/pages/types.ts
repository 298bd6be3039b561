import type { FragmentCache } from '../fragments.js';
import type { Translator } from '../i18n.js';
import type { FormatRenderer, Page, PageKind, Target } from '../types.js';

/** Everything a page module needs to build its view for one (locale, format). */
export interface RenderEnv {
  readonly format: FormatRenderer;
  readonly translator: Translator;
  readonly fragments: FragmentCache;
}

/** One page kind: where its page goes, what its template sees, and its front matter. */
export interface PageModule<K extends PageKind> {
  target(page: Extract<Page, { kind: K }>): Target;
  /** What the page template sees; `title` is rendered for the format and also used by the layout. */
  view(page: Extract<Page, { kind: K }>, env: RenderEnv): { readonly title: string };
  /** Markdown front matter: plain data. */
  frontMatter(page: Extract<Page, { kind: K }>, env: RenderEnv): Record<string, unknown>;
}
