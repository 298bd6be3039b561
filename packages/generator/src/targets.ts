import type { Target } from './types.js';

/** Builders for link targets, so pages and templates never spell paths. */
export const to = {
  home: (locale: string): Target => ({ kind: 'home', locale }),
  protocol: (locale: string, protocol: string): Target => ({ kind: 'protocol', locale, protocol }),
  compareIndex: (locale: string, protocol: string): Target => ({ kind: 'compare-index', locale, protocol }),
  book: (locale: string, protocol: string): Target => ({ kind: 'book', locale, protocol }),
  code: (locale: string, protocol: string, code: number): Target => ({ kind: 'code', locale, protocol, code }),
  compare: (locale: string, protocol: string, slug: string): Target => ({ kind: 'compare', locale, protocol, slug }),
  redirect: (locale: string, protocol: string, slug: string): Target => ({ kind: 'redirect', locale, protocol, slug }),
};

/** The same page in another locale. */
export function inLocale(target: Target, locale: string): Target {
  return { ...target, locale };
}
