import type { PhrasingContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { parseText } from '@statusbook/core';
import { md, stringify } from '../src/formats/md.js';

// Text that the Markdown writer escapes by hand must come out as remark-stringify writes it.
const samples = [
  'A made-up protocol whose codes exist only to measure how it scales.',
  'user-agent server (UAS) and proxy',
  'end-to-end, hop-by-hop',
  '- not a list item',
  '-5 degrees',
  '--- not a rule',
  'a -- b',
  'trailing-',
  '1. not a list',
  '1.10 is a section number',
  'RFC 3261, section 21.4.1',
  'プロキシ認証が必要です。',
  'Mã trạng thái 437 - chứng thư không được hỗ trợ',
  'see www.example.org',
];

/** The Markdown tree a line of Markdown reads as, without positions. */
function tree(markdown: string): unknown {
  return JSON.parse(JSON.stringify(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), (key, v: unknown) => (key === 'position' ? undefined : v)));
}

describe('Markdown text', () => {
  it('writes plain text, hyphens included, as remark-stringify does', () => {
    for (const value of samples) {
      expect(md.text(value), value).toBe(stringify([{ type: 'text', value }]));
    }
  });

  it('writes inline content (code spans, emphasis) that reads as what remark-stringify writes', () => {
    for (const value of [...samples, 'the `Retry-After` header', '*made-up* codes', '- `x` first', 'a **well-known** code']) {
      const { text } = parseText(value);
      const nodes = text.nodes as PhrasingContent[];
      expect(tree(md.inline(text)), value).toEqual(tree(stringify(nodes)));
    }
  });
});
