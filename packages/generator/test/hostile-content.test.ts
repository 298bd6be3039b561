import { fileURLToPath } from 'node:url';
import type { Heading, Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, test } from 'vitest';
import { loadContent } from '@statusbook/core';
import { createSite, type OutputFile } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/hostile/content/', import.meta.url));

const REASON = '<script>alert(1)</script> | *bold* _x_ `tick` {{t}}';

async function renderAll(): Promise<OutputFile[]> {
  const { protocols, diagnostics } = await loadContent(fixture);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const site = await createSite({
    protocols,
    templatesDir: `${repo}templates`,
    localesDir: `${repo}locales`,
    locales: ['en'],
    formats: ['md', 'html', 'print'],
    redirectPages: true,
  });
  return [...[...site.pages()].map((page) => site.render(page)), ...site.files()];
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit);
}

function parseMarkdown(contents: string): Root {
  const body = contents.replace(/^---\n[\s\S]*?\n---\n/, '');
  return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

describe('hostile text in every field', async () => {
  const files = await renderAll();
  const md = files.filter((f) => f.path.endsWith('.md'));
  const html = files.filter((f) => f.path.endsWith('.html'));

  test('renders every page of the fixture in every format', () => {
    expect(md.map((f) => f.path)).toEqual([
      'md/en/index.md',
      'md/en/sip/index.md',
      'md/en/sip/compare/index.md',
      'md/en/sip/200.md',
      'md/en/sip/437.md',
      'md/en/sip/compare/200-vs-437.md',
    ]);
    expect(html.map((f) => f.path)).toContain('html/en/sip/compare/437-vs-200/index.html');
    expect(html.map((f) => f.path)).toContain('print/en/sip.html');
  });

  test('HTML: no element or attribute comes from content', () => {
    for (const file of html) {
      // The 404 page has one script of its own (reversed comparison URLs); nothing else has any.
      const contents = file.path === 'html/404.html' ? file.contents.replace(/<script>\n\/\/ A comparison asked for in reversed order[\s\S]*?<\/script>/, '') : file.contents;
      expect(contents).not.toMatch(/<(script|img|iframe|b)[\s>]/i);
      expect(file.contents).not.toMatch(/href="javascript:/i);
      expect(file.contents).not.toMatch(/<[a-z][^>]*\sonerror=/i);
      const redirect = file.path.includes('437-vs-200') || file.path === 'html/index.html';
      expect(file.contents.match(/<h1[\s>]/g) ?? []).toHaveLength(redirect ? 0 : 1);
    }
    const page = html.find((f) => f.path === 'html/en/sip/437/index.html')!;
    expect(page.contents).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | *bold* _x_ `tick` {{t}}');
  });

  test('Markdown: text stays text, headings and tables keep their shape', () => {
    for (const file of md) {
      const tree = parseMarkdown(file.contents);
      const headings: Heading[] = [];
      walk(tree, (node) => {
        expect(node.type).not.toBe('html');
        if (node.type === 'link') expect(node.url).not.toMatch(/^javascript:/i);
        if (node.type === 'heading') headings.push(node);
        if (node.type === 'table') {
          const width = (node as Table).children[0]!.children.length;
          for (const row of (node as Table).children) expect(row.children).toHaveLength(width);
        }
      });
      expect(headings.filter((h) => h.depth === 1)).toHaveLength(1);
    }
    const page = parseMarkdown(md.find((f) => f.path === 'md/en/sip/437.md')!.contents);
    const title = page.children.find((n): n is Heading => n.type === 'heading')!;
    expect(toString(title)).toBe(`SIP 437 ${REASON}`);
    // References and "compare with" are the page's only lists: content made none.
    expect(page.children.filter((n) => n.type === 'list')).toHaveLength(2);
  });
});
