import type { PageKind } from '../types.js';
import { badgePage } from './badge.js';
import { bookPage } from './book.js';
import { codePage } from './code.js';
import { compareIndexPage } from './compare-index.js';
import { comparePage } from './compare.js';
import { homePage } from './home.js';
import { protocolPage } from './protocol.js';
import { redirectPage } from './redirect.js';
import { dumpPage } from './dump.js';
import { searchPage } from './search.js';
import { footerPage, sidebarPage } from './wiki-nav.js';
import { categoryPage, compareCategoryPage, navPage } from './md-tool-files.js';
import type { PageModule } from './types.js';

/** One module per page kind. */
export const pageModules: { readonly [K in PageKind]: PageModule<K> } = {
  home: homePage,
  protocol: protocolPage,
  'compare-index': compareIndexPage,
  code: codePage,
  compare: comparePage,
  redirect: redirectPage,
  book: bookPage,
  badge: badgePage,
  dump: dumpPage,
  sidebar: sidebarPage,
  footer: footerPage,
  category: categoryPage,
  'compare-category': compareCategoryPage,
  nav: navPage,
  search: searchPage,
};

export const PAGE_KINDS = Object.keys(pageModules) as PageKind[];
