import type { Target } from '../types.js';

/** The URL path segments of a target, shared by every format: `/<locale>/<protocol>/...`. */
export function segments(target: Target): string[] {
  switch (target.kind) {
    case 'home':
      return [target.locale];
    case 'protocol':
    case 'book':
      return [target.locale, target.protocol];
    case 'compare-index':
      return [target.locale, target.protocol, 'compare'];
    case 'code':
      return [target.locale, target.protocol, String(target.code)];
    case 'compare':
    case 'redirect':
      return [target.locale, target.protocol, 'compare', target.slug];
  }
}

/** Index-like targets are folders: their page is the folder's index file. */
export function isFolder(target: Target): boolean {
  return target.kind === 'home' || target.kind === 'protocol' || target.kind === 'compare-index';
}

/** The site-absolute URL of a target's HTML page, e.g. `/en/sip/compare/200-vs-437/`. */
export function urlPath(target: Target): string {
  return `/${segments(target).join('/')}/`;
}

export function unsupported(format: string, target: Target): never {
  throw new Error(`format '${format}' has no page of kind '${target.kind}'`);
}
