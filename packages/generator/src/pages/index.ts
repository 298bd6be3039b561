import type { PageKind } from '../types.js';
import { codePage } from './code.js';
import { comparePage } from './compare.js';
import type { PageModule } from './types.js';

/** One module per page kind. */
export const pageModules: { readonly [K in PageKind]: PageModule<K> } = {
  code: codePage,
  compare: comparePage,
};

export const PAGE_KINDS = Object.keys(pageModules) as PageKind[];
