import type { PhrasingContent } from 'mdast';
import type { FormatRenderer } from '../types.js';
import { dokuwikiId, dokuwikiPath, FORMAT_KINDS } from './paths.js';
import { inert } from './inert.js';
import { sanitizeInline } from './sanitize.js';

// Text made only of these characters means itself in DokuWiki syntax; anything else goes
// into <nowiki>. Left out besides the markup characters: `(` and `"` (the entities `(c)`,
// `(tm)` and typographic quotes), `-` (`--`, `->`), and below, `...`, `640x480`, the
// smileys FIXME and DELETEME, and `www.`/`ftp.` (bare links).
const RAW = /^[\p{L}\p{N} ,.?“”’‘–—、。，「」『』（）・：；？！]*$/u;
const RAW_EXCEPT = /\.\.\.|\d[xX]\d|FIXME|DELETEME|(?:www|ftp)\./;

/**
 * Escapes text for DokuWiki: plain words as they are, anything else in `<nowiki>` (where
 * DokuWiki reads nothing up to `</nowiki>`), each `<` of the text outside it as `%%<%%`, so
 * the text cannot end the nowiki element. Headings and link titles, which DokuWiki shows as
 * plain text, are made from the same text by `finish` (see plainText).
 */
export function dokuText(value: string): string {
  const v = oneSpace(inert(value));
  if (v === '' || (RAW.test(v) && !RAW_EXCEPT.test(v))) return v;
  return v
    .split('<')
    .map((part) => (part === '' ? '' : `<nowiki>${part}</nowiki>`))
    .join('%%<%%');
}

function oneSpace(value: string): string {
  return /\s\s|[^\S ]/.test(value) ? value.replace(/\s+/g, ' ') : value;
}

/** A URL for an external link: percent-encoded where DokuWiki's link syntax would read it. */
export function dokuUrl(href: string): string {
  return inert(href).replace(/[\s|[\]{}<>"^`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function render(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += dokuText(node.value);
        break;
      case 'inlineCode':
        out += `''${dokuText(node.value)}''`;
        break;
      case 'emphasis':
        out += `//${render(node.children)}//`;
        break;
      case 'strong':
        out += `**${render(node.children)}**`;
        break;
      case 'delete':
        out += `<del>${render(node.children)}</del>`;
        break;
      case 'link':
        out += `[[${dokuUrl(node.url)}|${render(node.children)}]]`;
        break;
      default:
        break;
    }
  }
  return out;
}

// Pieces of rendered DokuWiki text: our nowiki runs (which hold no `<`), `%%<%%`, and the rest.
const PIECE = /<nowiki>([^<]*)<\/nowiki>|%%<%%/g;

/**
 * Rendered text made plain, for the places DokuWiki does not parse (headings, link
 * titles): nowiki runs unwrapped, `%%<%%` as `<`, our emphasis marks dropped.
 */
export function plainText(rendered: string): string {
  let out = '';
  let last = 0;
  for (const m of rendered.matchAll(PIECE)) {
    out += stripMarks(rendered.slice(last, m.index));
    out += m[1] ?? '<';
    last = m.index + m[0].length;
  }
  return out + stripMarks(rendered.slice(last));
}

const stripMarks = (s: string) => s.replace(/\*\*|\/\/|''|<\/?del>/g, '');

/**
 * A link title: plain text that cannot end the link (`]]`, split by a zero-width space) nor
 * be read as an image (a whole title in `{{...}}`).
 */
export function titleText(rendered: string): string {
  const plain = plainText(rendered).replace(/\](?=\])/g, ']\u200b');
  return /^\{\{[^}]+\}\}$/.test(plain) ? `\u200b${plain}` : plain;
}

/** A heading's text: plain, and not starting or ending with `=` (DokuWiki trims those off). */
function headingText(rendered: string): string {
  return plainText(rendered)
    .trim()
    .replace(/^=/, '\u200b=')
    .replace(/=$/, '=\u200b');
}

/**
 * The final page: headings and link titles made plain (see titleText), no line starting
 * with spaces but list items (two spaces would make a code block), blank-line runs folded.
 */
export function finishDokuwiki(body: string): string {
  const lines = body.split('\n').map((line) => {
    const heading = /^(={2,6}) (.*) (={2,6})$/.exec(line);
    if (heading) return `${heading[1]} ${headingText(heading[2]!)} ${heading[3]}`;
    const fixed = /^ {2,}[*-] /.test(line) ? line : line.replace(/^[ \t]+/, '');
    return fixLinkTitles(fixed.replace(/[ \t]+$/, ''));
  });
  // Only blank lines are trimmed: a first line may be a list item, whose indent is its syntax.
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '')}\n`;
}

/** Rewrites `[[target|title]]` outside our nowiki runs so that the title is plain text. */
function fixLinkTitles(line: string): string {
  if (!line.includes('[[')) return line;
  // Positions inside our nowiki runs or %%<%% are not markup.
  const opaque: [number, number][] = [];
  for (const m of line.matchAll(PIECE)) opaque.push([m.index, m.index + m[0].length]);
  const free = (i: number) => !opaque.some(([a, b]) => i >= a && i < b);
  let out = '';
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf('[[', i);
    if (open === -1 || !free(open)) {
      if (open === -1) break;
      out += line.slice(i, open + 2);
      i = open + 2;
      continue;
    }
    const bar = line.indexOf('|', open);
    let close = bar === -1 ? -1 : line.indexOf(']]', bar);
    while (close !== -1 && !free(close)) close = line.indexOf(']]', close + 1);
    if (bar === -1 || close === -1) {
      out += line.slice(i, open + 2);
      i = open + 2;
      continue;
    }
    out += `${line.slice(i, bar + 1)}${titleText(line.slice(bar + 1, close))}]]`;
    i = close + 2;
  }
  return out + line.slice(i);
}

/** DokuWiki: a `data/pages` tree, pages linked by absolute id (`statusbook:en:sip:437`). */
export const dokuwiki: FormatRenderer = {
  id: 'dokuwiki',
  kinds: FORMAT_KINDS.dokuwiki,
  text: dokuText,
  code: (value) => `''${dokuText(value)}''`,
  inline: (value) => render(sanitizeInline(value.nodes)),
  inlineCell: (value) => render(sanitizeInline(value.nodes)),
  // DokuWiki has no markup for a language; the fallback notice says it.
  lang: (_locale, rendered) => rendered,
  link: (href, rendered) => `[[${/^(https?:|mailto:)/i.test(href) ? dokuUrl(href) : href}|${rendered}]]`,
  strong: (rendered) => `**${rendered}**`,
  note: (rendered) => `//${rendered}//`,
  url: (href) => (/^(https?:|mailto:)/i.test(href) ? dokuUrl(href) : href),
  path: dokuwikiPath,
  href: (_from, to) => `:${dokuwikiId(to).join(':')}`,
  finish: (body) => finishDokuwiki(body),
};
