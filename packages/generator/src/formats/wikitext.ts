import type { PhrasingContent } from 'mdast';
import type { FormatRenderer } from '../types.js';
import { FORMAT_KINDS, mediawikiPath, mediawikiTitle } from './paths.js';
import { inert } from './inert.js';
import { sanitizeInline } from './sanitize.js';

// Text made only of these characters is wikitext that means itself anywhere but at the
// start of a line (a space there makes a <pre> block; finish() trims line starts): no
// character MediaWiki gives a meaning to (`[ ] { } | < > & ~ _ = * # : !`) is in it.
const RAW = /^[\p{L}\p{N} ,.()?"“”’‘–—、。，「」『』（）・：；？！;'-]*$/u;

// Of those, `'` makes italics and bold when doubled or next to our own `''`, and `-`, `;` and
// `'` mean something at the start of a line.
const RAW_EXCEPT = /''|^['\-;]|'$/;

// Magic links (`RFC 1234`, `ISBN ...`, `PMID ...`): off by default since MediaWiki 1.28,
// but a wiki may turn them on.
const MAGIC_LINK = /(?:^|[^\p{L}\p{N}])(?:RFC|ISBN|PMID)(?:[^\p{L}\p{N}]|$)/iu;

const NOWIKI_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '~': '&#126;' };

/**
 * Escapes text for wikitext: plain words as they are, anything else inside `<nowiki>`, with
 * `& < > ~` as entities there (MediaWiki shows entities in nowiki as the characters they
 * stand for), so the text can neither end the nowiki element nor open a tag, and `~~~~`
 * is not a signature even to a pre-save transform. Whitespace runs are one space and
 * control characters are inert (see inert.ts), so text never ends its line.
 */
export function wikiText(value: string): string {
  const v = oneSpace(inert(value));
  if (v === '' || (RAW.test(v) && !RAW_EXCEPT.test(v) && !MAGIC_LINK.test(v))) return v;
  return `<nowiki>${v.replace(/[&<>~]/g, (c) => NOWIKI_ESCAPES[c]!)}</nowiki>`;
}

function oneSpace(value: string): string {
  return /\s\s|[^\S ]/.test(value) ? value.replace(/\s+/g, ' ') : value;
}

// Characters an external link's URL keeps: none that wikitext reads inside a link
// (`[ ] { } | ' < > " ~ _ !` and spaces are percent-encoded: `''` would be italics, `__`
// a behaviour switch, `{{` a template, `]` the end of the link).
const URL_KEEP = /[A-Za-z0-9\-.:/?#@$&()+,;=*]/;

/** A URL for an external link, percent-encoded where wikitext would read it. */
export function wikiUrl(href: string): string {
  const safe = inert(href);
  let out = '';
  for (let i = 0; i < safe.length; i++) {
    const c = safe[i]!;
    if (URL_KEEP.test(c)) out += c;
    else if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(safe.slice(i + 1, i + 3))) out += c;
    else {
      const cp = safe.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (ch.length === 2) i++;
      out += [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    }
  }
  return out;
}

function isExternal(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href);
}

function render(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += wikiText(node.value);
        break;
      case 'inlineCode':
        out += `<code>${wikiText(node.value)}</code>`;
        break;
      case 'emphasis':
        out += `''${render(node.children)}''`;
        break;
      case 'strong':
        out += `'''${render(node.children)}'''`;
        break;
      case 'delete':
        out += `<del>${render(node.children)}</del>`;
        break;
      case 'link': {
        const label = render(node.children);
        out += `[${wikiUrl(node.url)}${label === '' ? '' : ` ${label}`}]`;
        break;
      }
      default:
        // sanitizeInline leaves no other node types.
        break;
    }
  }
  return out;
}

/**
 * A page's final wikitext: no line starting with whitespace (it would be a <pre> block),
 * blank-line runs folded, trimmed, one newline at the end. The import dump (XML) is only
 * trimmed.
 */
export function finishWikitext(body: string): string {
  if (body.startsWith('<?xml')) return `${body.trim()}\n`;
  return `${body
    .replace(/^[ \t]+/gm, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * MediaWiki: wikitext pages titled from codes (`SIP/437`), internal links by title, and a
 * per-locale XML import dump (pages/dump.ts).
 */
export const mediawiki: FormatRenderer = {
  id: 'mediawiki',
  kinds: FORMAT_KINDS.mediawiki,
  text: wikiText,
  code: (value) => `<code>${wikiText(value)}</code>`,
  inline: (value) => render(sanitizeInline(value.nodes)),
  inlineCell: (value) => render(sanitizeInline(value.nodes)),
  lang: (locale, rendered) => `<span lang="${/^[A-Za-z0-9-]+$/.test(locale) ? locale : 'und'}">${rendered}</span>`,
  link: (href, rendered) => (isExternal(href) ? `[${wikiUrl(href)} ${rendered}]` : `[[${href}|${rendered}]]`),
  strong: (rendered) => `'''${rendered}'''`,
  note: (rendered) => `''${rendered}''`,
  url: (href) => (isExternal(href) ? wikiUrl(href) : href),
  path: mediawikiPath,
  href: (_from, to) => mediawikiTitle(to),
  finish: (body) => finishWikitext(body),
};
