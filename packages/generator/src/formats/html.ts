import type { PhrasingContent } from 'mdast';
import { textDirection, type Text } from '@statusbook/core/model';
import type { FormatRenderer, Target } from '../types.js';
import { FORMAT_KINDS, htmlPath, printFile, printFolder, printPath, segments, unsupported } from './paths.js';
import { hrefBetween } from './relative.js';
import { sanitizeInline } from './sanitize.js';
import { inert } from './inert.js';
import { isTrimmedWithNewline } from './trimmed.js';
import { anchorHeadings } from './heading-anchors.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// What needs escaping, and the characters `inert` replaces (see formats/inert.ts).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SPECIAL = /[&<>"'\0-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;

/**
 * Escapes text for HTML element content, attribute values and XML (sitemaps): entities for
 * `& < > " '`, and no control character, noncharacter or lone surrogate (HTML has no valid
 * reference for most of them and XML 1.0 allows none): a space or U+FFFD instead.
 */
export function escapeHtml(value: string): string {
  // Most strings have nothing to escape: test first, so they are returned as they are.
  if (!SPECIAL.test(value)) return value;
  return inert(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(nodes: readonly PhrasingContent[], code: string): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += escapeHtml(node.value);
        break;
      case 'inlineCode':
        out += `${code}${escapeHtml(node.value)}</code>`;
        break;
      case 'emphasis':
        out += `<em>${render(node.children, code)}</em>`;
        break;
      case 'strong':
        out += `<strong>${render(node.children, code)}</strong>`;
        break;
      case 'delete':
        out += `<del>${render(node.children, code)}</del>`;
        break;
      case 'link':
        out += `<a href="${escapeHtml(node.url)}">${render(node.children, code)}</a>`;
        break;
      default:
        // sanitizeInline leaves no other node types.
        break;
    }
  }
  return out;
}

/**
 * What HTML, print and embed share: escaping and inline rendering. In right-to-left pages
 * (`dir`), code spans are laid out left to right (`dir="ltr"`, which also isolates them:
 * `Retry-After:` or `100rel` keep their order inside Arabic text), and every value filled
 * into a sentence (a code's label, a header name, a number) is a `<bdi>`, isolated from the
 * sentence around it and taking its own direction.
 */
function htmlTextFor(dir: 'ltr' | 'rtl') {
  const code = dir === 'rtl' ? '<code dir="ltr">' : '<code>';
  const inline = (value: Text): string => render(sanitizeInline(value.nodes), code);
  return {
    text: escapeHtml,
    code: (value: string) => `${code}${escapeHtml(value)}</code>`,
    inline,
    inlineCell: inline,
    url: escapeHtml,
    // English shown in a right-to-left page (a fallback) keeps its own direction.
    lang: (locale: string, rendered: string) => `<span lang="${escapeHtml(locale)}"${dir === 'rtl' ? ` dir="${textDirection(locale)}"` : ''}>${rendered}</span>`,
    link: (href: string, rendered: string) => `<a href="${escapeHtml(href)}">${rendered}</a>`,
    strong: (rendered: string) => `<strong>${rendered}</strong>`,
    note: (rendered: string) => `<small class="i18n-note">${rendered}</small>`,
    finish: finishHtml,
    ...(dir === 'rtl' ? { isolate: (rendered: string) => `<bdi>${rendered}</bdi>` } : {}),
  };
}

export const htmlText = htmlTextFor('ltr');
export const htmlTextRtl = htmlTextFor('rtl');

/**
 * A page's final text: blank-line runs left by template blocks folded (whitespace is not
 * significant in HTML), trimmed, one newline at the end. A page already in that shape, as
 * layouts leave it, is returned as it is rather than copied.
 */
export function finishHtml(body: string): string {
  if (body.includes('\n\n\n')) return `${body.replace(/\n{3,}/g, '\n\n').trim()}\n`;
  return isTrimmedWithNewline(body) ? body : `${body.trim()}\n`;
}

/** HTML: a static site with directory URLs; the layout template wraps each page. */
// Section headings get their anchor links (`#`) on the site's pages only.
const htmlSite = { id: 'html', kinds: FORMAT_KINDS.html, path: htmlPath, href: folderHref, finish: (body: string) => finishHtml(anchorHeadings(body)) } as const;

export const html: FormatRenderer = { ...htmlText, ...htmlSite, rtl: { ...htmlTextRtl, ...htmlSite } };

/**
 * A relative link between two pages of the HTML site, which are all folders: the link goes
 * to the folder (its `index.html` left out), `./` to the page itself.
 */
function folderHref(from: Target, to: Target): string {
  return hrefBetween(segments(from), [...segments(to), '']) || './';
}

/** Print: standalone print-ready HTML (CSS paged media) per page, and one book per protocol. */
const printBook: Pick<FormatRenderer, 'id' | 'kinds' | 'path' | 'href'> = {
  id: 'print',
  kinds: FORMAT_KINDS.print,
  path: printPath,
  href: (from, to) => {
    if (to.kind !== 'code' && to.kind !== 'compare' && to.kind !== 'book') unsupported('print', to);
    return hrefBetween(printFolder(from), printFile(to));
  },
};

export const print: FormatRenderer = { ...printBook, ...htmlText, rtl: { ...printBook, ...htmlTextRtl } };
