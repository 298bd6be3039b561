// Control characters, line separators, noncharacters and lone surrogates in every text
// field, name, URL, translation and UI string: no format lets them change a page's structure
// (a Markdown heading or table row, an HTML element, a CSS rule, XML that does not parse),
// none reaches a page as it is, and each renders as its documented replacement
// (docs/architecture.md, "Escaping"): a space for line breaks and tabs, U+FFFD for the rest.
// The model is built here rather than loaded, so the escapers are tested on their own,
// whatever content validation lets through.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { SaxesParser } from 'saxes';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadContent, pairSlug, type LocaleTranslation, type Protocol, type Text, type TranslatedText } from '@statusbook/core';
import { createSite, sourceContent, translatedContent, type OutputFile } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/hostile/content/', import.meta.url));
const english = JSON.parse(readFileSync(join(repo, 'locales/en/ui.json'), 'utf8')) as Record<string, unknown>;
const { protocols: clean } = await loadContent(fixture);

const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
/** Every character the escapers must make inert, with the replacement docs/architecture.md names. */
const CASES: readonly (readonly [name: string, char: string, replacement: string])[] = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u2029',
  '\ufdd0',
  '\ufffe',
  '\uffff',
].map((c) => [hex(c), c, /[\t\n\v\f\r\u0085\u2028\u2029]/.test(c) ? ' ' : '\ufffd'] as const);
const LONE = [
  ['lone high surrogate', '\ud800', '\ufffd'],
  ['lone low surrogate', '\udc00', '\ufffd'],
] as const;

/** Text that, once a line break or a string's end gets through, is a heading, a table row, a list item, a CSS rule and an element. */
const segment = (c: string) => `A${c}# Injected${c}|x|${c}- item${c}"}p{${c}</style><b>${c}`;

/** Every character in its own segment, and a valid surrogate pair, which stays as it is. */
const payload = (map: (c: string, replacement: string) => string) => `${[...CASES, ...LONE].map(([, c, r]) => segment(map(c, r))).join('')}\ud83d\ude00`;
const HOSTILE = payload((c) => c);
const REPLACED = payload((_c, r) => r);

function hostileText(base: Text, s: string): Text {
  const nodes: PhrasingContent[] = [
    ...base.nodes,
    { type: 'text', value: ` ${s} ` },
    { type: 'inlineCode', value: s },
    { type: 'text', value: ' ' },
    { type: 'link', url: `https://example.com/a${s.slice(0, 1)}b`, children: [{ type: 'text', value: 'link' }] },
  ];
  return { source: `${base.source} ${s}`, nodes };
}

/** The fixture with `s` in every text field, name, token and URL of the content. */
function inject(s: string): Protocol[] {
  return clean.map((p) => ({
    ...p,
    name: `${p.name} ${s}`,
    title: `${p.title} ${s}`,
    description: hostileText(p.description, s),
    registry: { name: `${p.registry.name} ${s}`, url: `${p.registry.url}${s.slice(0, 1)}` },
    classes: p.classes.map((c) => ({ ...c, name: hostileText(c.name, s), description: hostileText(c.description, s) })),
    codes: p.codes.map((c) => ({
      ...c,
      reason: `${c.reason} ${s}`,
      formerReasons: [...c.formerReasons, { reason: s, rfc: 8224 }],
      // Tokens, shown as code in table cells and sentences; load allows no `|` or backtick in them.
      facts: c.facts.map((f) =>
        f.kind !== 'tokens' ? f : { ...f, values: f.id === 'headers' ? [...f.values, s.replace(/[|`]/g, '')] : [s.replace(/[|`]/g, '')] },
      ),
      text: { summary: hostileText(c.text.summary, s), description: hostileText(c.text.description, s), whenYouSeeIt: hostileText(c.text.whenYouSeeIt, s), howToFix: hostileText(c.text.howToFix, s) },
    })),
    curated: p.curated.map((n) => ({ ...n, text: { difference: hostileText(n.text.difference, s), whenToUse: hostileText(n.text.whenToUse, s), scenario: hostileText(n.text.scenario, s) } })),
  }));
}

/** A German translation of every field but `howToFix` (which falls back to English), half of them stale. */
function translation(protocols: readonly Protocol[], s: string): LocaleTranslation {
  let n = 0;
  const tx = (t: Text): TranslatedText => ({ text: hostileText(t, s), state: n++ % 2 ? 'stale' : 'translated' });
  return {
    locale: 'de',
    protocols: new Map(
      protocols.map((p) => [
        p.id,
        {
          description: tx(p.description),
          classes: new Map(p.classes.map((c) => [c.id, { name: tx(c.name), description: tx(c.description) }])),
          codes: new Map(p.codes.map((c) => [c.code, { reason: tx({ source: c.reason, nodes: [{ type: 'text', value: c.reason }] }), summary: tx(c.text.summary), description: tx(c.text.description), whenYouSeeIt: tx(c.text.whenYouSeeIt) }])),
          pairs: new Map(p.curated.map((c) => [pairSlug(c.low, c.high), { difference: tx(c.text.difference), whenToUse: tx(c.text.whenToUse), scenario: tx(c.text.scenario) }])),
        },
      ]),
    ),
  };
}

/** A locales folder: English as it is, German with `s` after every UI string. */
function localesWith(s: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-controls-'));
  const suffix = (value: unknown): unknown =>
    typeof value === 'string' ? `${value} ${s}` : Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, suffix(v)]));
  for (const [locale, strings] of [['en', english], ['de', suffix(english)]] as const) {
    mkdirSync(join(dir, locale));
    writeFileSync(join(dir, locale, 'ui.json'), JSON.stringify(strings));
  }
  return dir;
}

/** Every page and site file of the fixture with `s` in every field and `inUrl` in the base URL. */
async function render(s: string, inUrl: string): Promise<OutputFile[]> {
  const protocols = inject(s);
  const german = translation(protocols, s);
  const site = await createSite({
    protocols,
    templatesDir: join(repo, 'templates'),
    localesDir: localesWith(s),
    locales: ['en', 'de'],
    formats: ['md', 'html', 'print', 'embed'],
    baseUrl: `https://example.com/d${inUrl}ocs`,
    redirectPages: true,
    content: (locale) => (locale === 'de' ? translatedContent(german) : sourceContent),
  });
  return [...[...site.pages()].map((page) => site.render(page)), ...site.files()];
}

function parseMarkdown(contents: string): { frontMatter: unknown; body: Root } {
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(contents) ?? [];
  return { frontMatter: parseYaml(yaml), body: fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) };
}

/** The tree's shape: node types and nesting, without the text. */
function skeleton(node: Nodes): string {
  return 'children' in node ? `${node.type}(${node.children.map((n) => skeleton(n as Nodes)).join(',')})` : node.type;
}

/** An HTML page's tags and attribute names, in order. */
const tags = (html: string) => html.match(/<\/?[a-zA-Z][^\s>/]*|\s[a-z-]+=/g) ?? [];

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** One CSS string token (CSS Syntax 4.3.5): no raw newline, form feed or unescaped quote. */
const CSS_STRING = /"(?:[^"\\\n\r\f]|\\[0-9a-fA-F]{1,6} ?|\\[^\n\r\f0-9a-fA-F])*"/;
const printCss = readFileSync(join(repo, 'templates/assets/print.css'), 'utf8');
const RUNNING_HEADER = new RegExp(`^\\n@page \\{ @top-center \\{ content: ${CSS_STRING.source}; \\} \\}\\n$`);

function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (e) => (error ??= e.message));
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error;
}

// The base URL holds every character too; URL parsing percent-encodes them, the same in both.
const URL_CHARS = [...CASES, ...LONE].map(([, c]) => c).join('');
const files = await render(HOSTILE, URL_CHARS);
const expected = await render(REPLACED, URL_CHARS);
// The same site with plain text in every field: what the pages' structure must stay.
const plain = new Map((await render('Z', '')).map((f) => [f.path, f.contents]));

describe('control characters, separators, noncharacters and lone surrogates in every field', () => {
  test('every page renders as it would with their replacements, byte for byte', () => {
    expect(files.map((f) => f.path)).toEqual(expected.map((f) => f.path));
    files.forEach((file, i) => expect(file.contents, file.path).toBe(expected[i]!.contents));
  });

  test('Markdown keeps its headings, tables and lists; front matter reads back', { timeout: 60_000 }, () => {
    const md = files.filter((f) => f.path.endsWith('.md'));
    expect(md.length).toBeGreaterThan(8);
    for (const file of md) {
      expect(file.contents, file.path).not.toMatch(RAW);
      const { frontMatter, body } = parseMarkdown(file.contents);
      const base = parseMarkdown(plain.get(file.path)!);
      expect(skeleton(body), file.path).toBe(skeleton(base.body));
      expect(Object.keys(frontMatter as object), file.path).toEqual(Object.keys(base.frontMatter as object));
      const visit = (node: Nodes): void => {
        if (node.type === 'heading') expect(toString(node), file.path).not.toMatch(/^Injected/);
        if (node.type === 'listItem') expect(toString(node), file.path).not.toMatch(/^item/);
        if (node.type === 'table') for (const row of node.children) expect(row.children.length, file.path).toBe(node.children[0]!.children.length);
        if ('children' in node) node.children.forEach((n) => visit(n as Nodes));
      };
      visit(body);
      expect(body.children.filter((n) => n.type === 'heading' && n.depth === 1), file.path).toHaveLength(1);
    }
  });

  test('HTML and print pages: no raw control character, no element or CSS rule from content', () => {
    const html = files.filter((f) => f.path.endsWith('.html'));
    expect(html.length).toBeGreaterThan(12);
    for (const file of html) {
      expect(file.contents, file.path).not.toMatch(RAW);
      expect(file.contents, file.path).not.toMatch(/<b>|<\/style>[^\n]/);
      expect(tags(file.contents), file.path).toEqual(tags(plain.get(file.path)!));
      if (file.path.startsWith('print/')) {
        const style = /<style>\n([\s\S]*?)<\/style>/.exec(file.contents)?.[1] ?? '';
        expect(style.startsWith(printCss), file.path).toBe(true);
        expect(style.slice(printCss.length), file.path).toMatch(RUNNING_HEADER);
      }
    }
  });

  test('embed cards: the card a code page shows to copy is the card file, inert text in both', () => {
    const cards = files.filter((f) => f.path.startsWith('embed/') && f.path.endsWith('.html'));
    // 2 codes and 1 curated pair, in 2 locales.
    expect(cards).toHaveLength(6);
    for (const card of cards) {
      expect(card.contents, card.path).toContain('<article class="sb-card"');
      expect(card.contents, card.path).not.toMatch(/<script|\son[a-z]+=|href="javascript:/i);
    }
    for (const locale of ['en', 'de']) {
      const card = files.find((f) => f.path === `embed/${locale}/sip/437.html`)!.contents;
      const body = /<body>\n([\s\S]*?)\n<\/body>/.exec(card)![1]!.trim();
      const page = files.find((f) => f.path === `html/${locale}/sip/437/index.html`)!.contents;
      // The snippet under the heading whose hint paragraph comes before it (the pasted card).
      const shown = /<\/h3><a class="anchor"[^>]*>#<\/a><\/div>\n<p>[^<]*<\/p>\n<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(page)![1]!;
      const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      expect(unescape(shown)).toBe(body);
    }
  });

  test('badges are well-formed XML 1.0 with the same elements and attributes as with plain text', () => {
    const badges = files.filter((f) => f.path.startsWith('embed/') && f.path.endsWith('.svg'));
    expect(badges.map((f) => f.path)).toEqual(['embed/en/sip/200.svg', 'embed/en/sip/437.svg', 'embed/de/sip/200.svg', 'embed/de/sip/437.svg']);
    for (const file of badges) {
      expect(xmlError(file.contents), file.path).toBeUndefined();
      expect(file.contents, file.path).not.toMatch(RAW);
      expect(tags(file.contents), file.path).toEqual(tags(plain.get(file.path)!));
    }
  });

  test('sitemaps are well-formed XML 1.0', () => {
    const sitemaps = files.filter((f) => f.path.endsWith('.xml'));
    expect(sitemaps.length).toBe(2);
    for (const file of sitemaps) expect(xmlError(file.contents), file.path).toBeUndefined();
  });
});
