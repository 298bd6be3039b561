import type { FormatRenderer } from '../types.js';
import { htmlText, htmlTextRtl } from './html.js';
import { embedPath, FORMAT_KINDS, urlPath } from './paths.js';

/**
 * Embed: cards (HTML) and badges (SVG) for other sites, escaped exactly as the HTML site is,
 * so the card a code page shows as a snippet is byte for byte the card's file. Cards link
 * only to the HTML site, by absolute URL (the `url` helper); `href` gives the site path.
 */
const cards: Pick<FormatRenderer, 'id' | 'kinds' | 'path' | 'href'> = { id: 'embed', kinds: FORMAT_KINDS.embed, path: embedPath, href: (_from, to) => urlPath(to) };

export const embed: FormatRenderer = { ...cards, ...htmlText, rtl: { ...cards, ...htmlTextRtl } };
