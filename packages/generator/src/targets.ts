import type { LocaleFileKind, Target } from './types.js';

/**
 * Builders for link targets, so pages and templates never spell paths. Every target has
 * every field (absent ones undefined): the code that reads targets, for each link of each
 * page, then sees one object shape and stays optimized.
 */
export const to = {
  home: (locale: string): Target => ({ kind: 'home', locale, protocol: undefined, code: undefined, slug: undefined }),
  localeFile: (kind: LocaleFileKind, locale: string): Target => ({ kind, locale, protocol: undefined, code: undefined, slug: undefined }),
  protocol: (locale: string, protocol: string): Target => ({ kind: 'protocol', locale, protocol, code: undefined, slug: undefined }),
  compareIndex: (locale: string, protocol: string): Target => ({ kind: 'compare-index', locale, protocol, code: undefined, slug: undefined }),
  category: (locale: string, protocol: string): Target => ({ kind: 'category', locale, protocol, code: undefined, slug: undefined }),
  compareCategory: (locale: string, protocol: string): Target => ({ kind: 'compare-category', locale, protocol, code: undefined, slug: undefined }),
  book: (locale: string, protocol: string): Target => ({ kind: 'book', locale, protocol, code: undefined, slug: undefined }),
  code: (locale: string, protocol: string, code: number): Target => ({ kind: 'code', locale, protocol, code, slug: undefined }),
  badge: (locale: string, protocol: string, code: number): Target => ({ kind: 'badge', locale, protocol, code, slug: undefined }),
  compare: (locale: string, protocol: string, slug: string): Target => ({ kind: 'compare', locale, protocol, code: undefined, slug }),
  redirect: (locale: string, protocol: string, slug: string): Target => ({ kind: 'redirect', locale, protocol, code: undefined, slug }),
};

/** The same page in another locale. */
export function inLocale(target: Target, locale: string): Target {
  return { ...target, locale };
}
