import { createRequire } from 'node:module';
import type { fromMarkdown as FromMarkdown } from 'mdast-util-from-markdown';
import type { PhrasingContent } from 'mdast';
import type { Text } from './types.js';

/** Characters that can start inline Markdown; text without them is one plain text node. */
const MARKUP = /[\\`*_[\]<>&!~|#=+-]|^\s*\d+[.)]/;

export interface ParsedText {
  readonly text: Text;
  /** Set when the source has block structure; the text is then kept as plain text. */
  readonly blockFound?: string;
}

/** Markup other than code spans: anything that makes the simple reading below unsafe. */
const OTHER_MARKUP = /[\\*_[\]<>&!~|#=+\n\r\t]|^\s|\s$|^-|^\d+[.)]|\s\s/;

const require = createRequire(import.meta.url);
let parser: typeof FromMarkdown | undefined;

/**
 * The Markdown parser, loaded on first use: most texts never need it (see above), and a
 * rebuild that parses no changed file does not pay for loading it.
 */
function markdownParser(): typeof FromMarkdown {
  return (parser ??= (require('mdast-util-from-markdown') as { fromMarkdown: typeof FromMarkdown }).fromMarkdown);
}

/** Parses inline Markdown into phrasing nodes; block structure (lists, headings...) becomes plain text. */
export function parseText(source: string): ParsedText {
  const collapsed = source.replace(/\s+/g, ' ').trim();
  if (!MARKUP.test(source)) return { text: plain(source, collapsed) };
  // Most texts are one line whose only markup is `code`: read those by hand, as
  // CommonMark would (the parser costs ~0.3 ms a text; a build loads thousands).
  if (!OTHER_MARKUP.test(source)) {
    const nodes = codeSpans(source);
    if (nodes) return { text: { source, nodes } };
  }
  const root = markdownParser()(source);
  const [first, ...rest] = root.children;
  if (first?.type === 'paragraph' && rest.length === 0) {
    return { text: { source, nodes: withoutPositions(first.children) } };
  }
  const offending = first?.type === 'paragraph' ? rest[0] : first;
  return { text: plain(source, collapsed), blockFound: offending ? describeBlock(offending.type) : 'nothing' };
}

/**
 * Text and code spans of a one-line source with no other markup (CommonMark 6.1: a run of
 * n backticks opens a span that the next run of exactly n closes; one space is stripped
 * from each end of content that has non-space text and spaces at both ends). Undefined
 * when a backtick run is left open: the parser decides those.
 */
function codeSpans(source: string): PhrasingContent[] | undefined {
  const nodes: PhrasingContent[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('`', i);
    if (open < 0) break;
    let n = 1;
    while (source[open + n] === '`') n++;
    let close = open + n;
    for (;;) {
      close = source.indexOf('`', close);
      if (close < 0) return undefined;
      let m = 1;
      while (source[close + m] === '`') m++;
      if (m === n) break;
      close += m;
    }
    text += source.slice(i, open);
    if (text) nodes.push({ type: 'text', value: text });
    text = '';
    let value = source.slice(open + n, close);
    if (value.length > 1 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1);
    nodes.push({ type: 'inlineCode', value });
    i = close + n;
  }
  text += source.slice(i);
  if (text) nodes.push({ type: 'text', value: text });
  return nodes;
}

/** The parser's nodes without their source positions, which nothing reads (and workers copy). */
function withoutPositions<T>(nodes: readonly T[]): T[] {
  return JSON.parse(JSON.stringify(nodes, (key, value: unknown) => (key === 'position' ? undefined : value))) as T[];
}

function plain(source: string, value: string): Text {
  return { source, nodes: [{ type: 'text', value }] };
}

function describeBlock(type: string): string {
  switch (type) {
    case 'heading': return 'a heading';
    case 'list': return 'a list';
    case 'code': return 'a code block';
    case 'blockquote': return 'a block quote';
    case 'thematicBreak': return 'a thematic break';
    case 'html': return 'a block of HTML';
    case 'paragraph': return 'a second paragraph';
    default: return `a ${type} block`;
  }
}
