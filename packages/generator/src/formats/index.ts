import type { Format, FormatRenderer } from '../types.js';
import { dokuwiki } from './dokuwiki.js';
import { gitwiki } from './gitwiki.js';
import { html, print } from './html.js';
import { json } from './json.js';
import { md } from './md.js';
import { embed } from './embed.js';
import { mediawiki } from './wikitext.js';

/** One renderer per format. */
export const formats: Readonly<Record<Format, FormatRenderer>> = { md, html, print, json, embed, mediawiki, dokuwiki, gitwiki };

/** The renderer of a format; throws on an unknown one. */
export function formatRenderer(format: string): FormatRenderer {
  const renderer = (formats as Record<string, FormatRenderer | undefined>)[format];
  if (!renderer) throw new Error(`unknown format '${format}': expected one of ${Object.keys(formats).join(', ')}`);
  return renderer;
}
