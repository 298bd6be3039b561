import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Text } from './types.js';

/** Characters that can start inline Markdown; text without them is one plain text node. */
const MARKUP = /[\\`*_[\]<>&!~|#=+-]|^\s*\d+[.)]/;

export interface ParsedText {
  readonly text: Text;
  /** Set when the source has block structure; the text is then kept as plain text. */
  readonly blockFound?: string;
}

/** Parses inline Markdown into phrasing nodes; block structure (lists, headings...) becomes plain text. */
export function parseText(source: string): ParsedText {
  const collapsed = source.replace(/\s+/g, ' ').trim();
  if (!MARKUP.test(source)) return { text: plain(source, collapsed) };
  const root = fromMarkdown(source);
  const [first, ...rest] = root.children;
  if (first?.type === 'paragraph' && rest.length === 0) {
    return { text: { source, nodes: first.children } };
  }
  const offending = first?.type === 'paragraph' ? rest[0] : first;
  return { text: plain(source, collapsed), blockFound: offending ? describeBlock(offending.type) : 'nothing' };
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
