import { fileURLToPath } from 'node:url';
import type { Heading, Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { SaxesParser } from 'saxes';
import { describe, expect, test } from 'vitest';
import { loadContent } from '@statusbook/core';
import { createSite, type OutputFile } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/hostile/content/', import.meta.url));

const REASON = '<script>alert(1)</script> | *bold* _x_ `tick` {{t}}';
// The code's second registered name (alsoNamed): titles show both.
const NAMES = `${REASON} / <i>also</i> | ]] [[x]] {{t}} ''bold'' \`tick\``;

async function renderAll(): Promise<OutputFile[]> {
  const { protocols, diagnostics } = await loadContent(fixture);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const site = await createSite({
    protocols,
    templatesDir: `${repo}templates`,
    localesDir: `${repo}locales`,
    locales: ['en'],
    formats: ['md', 'html', 'print', 'embed'],
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
      // The site's own scripts: the theme set before the first paint, site.js and search.js on
      // every page, the 404 page's (reversed comparison URLs) and the root page's (language choice).
      const contents = file.contents
        .replace(/<script>\/\/ Runs in <head>, before the first paint[\s\S]*?<\/script>/, '')
        .replace(/<script src="[./]*assets\/site\.js" defer><\/script>/, '')
        .replace(/<script src="[./]*assets\/search\.js" defer><\/script>/, '')
        .replace(/<script>\n\/\/ (A comparison asked for in reversed order|With JavaScript, \/ goes to the language)[\s\S]*?<\/script>/, '');
      expect(contents).not.toMatch(/<(script|img|iframe|b)[\s>]/i);
      expect(file.contents).not.toMatch(/href="javascript:/i);
      expect(file.contents).not.toMatch(/<[a-z][^>]*\sonerror=/i);
      // Redirects and embed cards have no heading of their own (a card sits in another page).
      const redirect = file.path.includes('437-vs-200') || file.path.startsWith('embed/');
      expect(file.contents.match(/<h1[\s>]/g) ?? []).toHaveLength(redirect ? 0 : 1);
    }
    const page = html.find((f) => f.path === 'html/en/sip/437/index.html')!;
    expect(page.contents).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | *bold* _x_ `tick` {{t}}');
  });

  test('document references, a second name, the grouping and the ranges are text; their URLs stay inside href', () => {
    const page = html.find((f) => f.path === 'html/en/sip/437/index.html')!.contents;
    expect(page).toContain('<li><a href="https://example.org/x?a=1&amp;b=&lt;2&gt;&#39;&quot;">&lt;script&gt;x&lt;/script&gt; | [t](javascript:alert(1)) &#39;&#39;w&#39;&#39;</a></li>');
    expect(page).toContain('<li><a href="https://example.org/a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&lt;b&gt;Doc&lt;/b&gt; | ]] [[Link]] *x* {{t}}, &lt;s&gt;1&lt;/s&gt;</a></li>');
    const index = html.find((f) => f.path === 'html/en/sip/index.html')!.contents;
    expect(index).toContain('<h2 id="grouping">&lt;b&gt;Group&lt;/b&gt; | <em>g</em> ]] [[G]]</h2>');
    expect(index).toContain('<dt>900–999 &lt;img src=x onerror=alert(1)&gt; | r ]]</dt>');
    const mdIndex = parseMarkdown(md.find((f) => f.path === 'md/en/sip/index.md')!.contents);
    const text = toString(mdIndex);
    expect(text).toContain('<b>Group</b> | g ]] [[G]]');
    expect(text).toContain('900–999 <img src=x onerror=alert(1)> | r ]]: # not heading | <b>x</b> [[z]]');
  });

  test('embeds: cards and badges hold the hostile reason phrase and summary as text only', () => {
    const card = html.find((f) => f.path === 'embed/en/sip/437.html')!.contents;
    expect(card).toContain(`<p class="sb-card-name">437 &lt;script&gt;alert(1)&lt;/script&gt; | *bold* _x_ \`tick\` {{t}} / &lt;i&gt;also&lt;/i&gt; | ]] [[x]] {{t}} &#39;&#39;bold&#39;&#39; \`tick\` <span class="sb-card-badge">`);
    expect(card).toContain('<p class="sb-card-summary"># Not a heading | with a pipe &lt;b&gt;bold&lt;/b&gt; and [a link](javascript:alert(1))</p>');
    // Elements: only the card's own (no script, iframe, img, object, form from content).
    const elements = new Set((card.match(/<([a-z][a-z0-9-]*)/g) ?? []).map((t) => t.slice(1)));
    expect([...elements].sort()).toEqual(['a', 'article', 'body', 'head', 'html', 'meta', 'p', 'span', 'style', 'title']);
    expect(card.match(/<a [^>]*>/g)).toEqual(['<a href="/en/sip/437/" target="_top">']);
    const pair = html.find((f) => f.path === 'embed/en/sip/compare/200-vs-437.html')!.contents;
    expect(pair).not.toMatch(/<(script|img|iframe|b)[\s>]|\son[a-z]+=|href="javascript:/i);

    const badge = files.find((f) => f.path === 'embed/en/sip/437.svg')!.contents;
    const elementsSeen: string[] = [];
    const attributes: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (tag) => {
      elementsSeen.push(tag.local);
      attributes.push(...Object.keys(tag.attributes));
    });
    let text = '';
    parser.on('text', (t) => (text += t));
    parser.write(badge).close();
    expect([...new Set(elementsSeen)]).toEqual(['svg', 'title', 'rect', 'path', 'g', 'text']);
    expect(attributes.filter((a) => /^on|href/i.test(a))).toEqual([]);
    expect(text).toContain(`SIP 437 ${NAMES}`);
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
    expect(toString(title)).toBe(`SIP 437 ${NAMES}`);
    // References and "compare with" are the page's only lists: content made none.
    expect(page.children.filter((n) => n.type === 'list')).toHaveLength(2);
  });

  test('declared facts: vocabulary values are code or text in every format, never markup', () => {
    // The table rows of a fact, by its label (here the fact's id: ui.json names none of them).
    const rows = (file: string, label: string) => {
      const rowsFound: Nodes[][] = [];
      walk(parseMarkdown(md.find((f) => f.path === file)!.contents), (node) => {
        if (node.type === 'tableRow' && toString(node.children[0]!) === label) rowsFound.push(node.children.slice(1));
      });
      return rowsFound;
    };
    const [marks] = rows('md/en/sip/437.md', 'marks');
    const parts = 'children' in marks![0]! ? marks![0].children : [];
    // Each value one code span, with only list words between them.
    expect(parts.filter((n) => n.type !== 'text').map((n) => `${n.type}:${toString(n)}`)).toEqual(['inlineCode:x_i_', "inlineCode:w'''b'''", 'inlineCode:h#x', 'inlineCode:n&#60']);
    const [hops] = rows('md/en/sip/437.md', 'hops');
    expect(toString(hops![0]!)).toBe('a&amp or x__proto__');
    const [glance] = rows('md/en/sip/compare/200-vs-437.md', 'hops');
    expect(glance!.map((cell) => toString(cell))).toEqual(['e**e** or constructor', 'a&amp or x__proto__']);
    const [relayed] = rows('md/en/sip/compare/200-vs-437.md', 'relayed');
    expect(relayed!.map((cell) => toString(cell))).toEqual(['yes', 'no']);
    for (const path of ['html/en/sip/437/index.html', 'html/en/sip/compare/200-vs-437/index.html', 'print/en/sip.html']) {
      const page = html.find((f) => f.path === path)!.contents;
      expect(page, path).toContain('<code>n&amp;#60</code>');
      expect(page, path).toContain('a&amp;amp or x__proto__');
      // No character reference a browser would decode, even without its semicolon.
      expect(page, path).not.toMatch(/&(lt|amp|#60)(?![;\w])/);
      expect(page, path).not.toMatch(/<(em|strong|del|s)>(i|e|t|b)</);
    }
  });
});
