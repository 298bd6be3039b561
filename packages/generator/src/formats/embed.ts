import type { FormatRenderer } from '../types.js';
import { htmlText } from './html.js';
import { embedPath, FORMAT_KINDS, urlPath } from './paths.js';

/**
 * Embed: cards (HTML) and badges (SVG) for other sites, escaped exactly as the HTML site is,
 * so the card a code page shows as a snippet is byte for byte the card's file. Cards link
 * only to the HTML site, by absolute URL (the `url` helper); `href` gives the site path.
 */
export const embed: FormatRenderer = {
  id: 'embed',
  kinds: FORMAT_KINDS.embed,
  ...htmlText,
  path: embedPath,
  href: (_from, to) => urlPath(to),
};
