// Markdown profiles: each tool's layout and front matter, and hostile text in every field (reason
// phrase, texts, pair notes, a translation) staying text in each, MDX included.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Heading, Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadContent, loadTranslations } from '@statusbook/core';
import { createSite, sourceContent, translatedContent, type MdProfile, type OutputFile } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/hostile/content/', import.meta.url));

const REASON = '<script>alert(1)</script> | *bold* _x_ `tick` {{t}}';
// The code's second registered name (alsoNamed): titles show both.
const NAMES = `${REASON} / <i>also</i> | ]] [[x]] {{t}} ''bold'' \`tick\``;
// What MDX reads as JavaScript or JSX, on lines of their own and inside text.
const MDX = "import x from 'y'\nexport default {a}\n<Foo bar={1} /> and a lone } and { and <b>";
const MDX_LINE = "export const a = {b: '<i>'}";

/** The hostile fixture with MDX syntax added to a code and a pair note, and a hostile Vietnamese translation. */
function hostileProject(): { content: string; locales: string } {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-profiles-'));
  cpSync(fixture, join(dir, 'content'), { recursive: true });
  const code = join(dir, 'content', 'sip', 'codes', '437.yaml');
  writeFileSync(code, readFileSync(code, 'utf8').replace(/^howToFix: .*$/m, `howToFix: ${JSON.stringify(MDX)}`));
  const pairs = join(dir, 'content', 'sip', 'pairs.yaml');
  writeFileSync(pairs, readFileSync(pairs, 'utf8').replace(/^ {2}difference: .*$/m, `  difference: ${JSON.stringify(MDX_LINE)}`));
  for (const locale of ['en', 'vi']) {
    mkdirSync(join(dir, 'locales', locale), { recursive: true });
    cpSync(join(repo, 'locales', locale, 'ui.json'), join(dir, 'locales', locale, 'ui.json'));
  }
  mkdirSync(join(dir, 'locales', 'vi', 'content', 'sip', 'codes'), { recursive: true });
  writeFileSync(
    join(dir, 'locales', 'vi', 'content', 'sip', 'codes', '437.yaml'),
    `reason: ${JSON.stringify(`{gloss} <x>`)}\nsummary: ${JSON.stringify(`import {a} from 'b' <div>`)}\ndescription: ${JSON.stringify(MDX)}\n`,
  );
  return { content: join(dir, 'content'), locales: join(dir, 'locales') };
}

async function render(profile: MdProfile): Promise<OutputFile[]> {
  const project = hostileProject();
  const { protocols, diagnostics } = await loadContent(project.content);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const { translations } = await loadTranslations(project.locales, ['vi'], protocols);
  const site = await createSite({
    protocols,
    templatesDir: `${repo}templates`,
    localesDir: project.locales,
    locales: ['en', 'vi'],
    formats: ['md'],
    mdProfile: profile,
    content: (locale) => {
      const t = translations.get(locale);
      return t ? translatedContent(t) : sourceContent;
    },
  });
  return [...site.pages()].map((page) => site.render(page));
}

function split(contents: string): { data: Record<string, unknown>; body: string } {
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(contents) ?? [];
  return { data: parseYaml(yaml) as Record<string, unknown>, body };
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit);
}

function parseMarkdown(body: string): Root {
  return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

const LAYOUTS: Record<Exclude<MdProfile, 'plain'>, string[]> = {
  hugo: ['hugo/content/en/_index.md', 'hugo/content/en/sip/_index.md', 'hugo/content/en/sip/compare/_index.md', 'hugo/content/en/sip/200.md', 'hugo/content/en/sip/437.md', 'hugo/content/en/sip/compare/200-vs-437.md'],
  docusaurus: [
    'docusaurus/docs/index.md',
    'docusaurus/docs/sip/index.md',
    'docusaurus/docs/sip/compare/index.md',
    'docusaurus/docs/sip/200.md',
    'docusaurus/docs/sip/437.md',
    'docusaurus/docs/sip/compare/200-vs-437.md',
  ],
  starlight: [
    'starlight/src/content/docs/en/index.md',
    'starlight/src/content/docs/en/sip/index.md',
    'starlight/src/content/docs/en/sip/compare/index.md',
    'starlight/src/content/docs/en/sip/200.md',
    'starlight/src/content/docs/en/sip/437.md',
    'starlight/src/content/docs/en/sip/compare/200-vs-437.md',
  ],
  mkdocs: ['mkdocs/en/docs/index.md', 'mkdocs/en/docs/sip/index.md', 'mkdocs/en/docs/sip/compare/index.md', 'mkdocs/en/docs/sip/200.md', 'mkdocs/en/docs/sip/437.md', 'mkdocs/en/docs/sip/compare/200-vs-437.md'],
};

const VI_ROOT: Record<Exclude<MdProfile, 'plain'>, string> = {
  hugo: 'hugo/content/vi/',
  docusaurus: 'docusaurus/i18n/vi/docusaurus-plugin-content-docs/current/',
  starlight: 'starlight/src/content/docs/vi/',
  mkdocs: 'mkdocs/vi/docs/',
};

const FRONT_MATTER: Record<Exclude<MdProfile, 'plain'>, string[]> = {
  hugo: ['title', 'description', 'weight', 'translationKey'],
  docusaurus: ['id', 'title', 'description', 'sidebar_position', 'slug'],
  starlight: ['title', 'description', 'sidebar'],
  mkdocs: ['title', 'description'],
};

describe.each(['hugo', 'docusaurus', 'starlight', 'mkdocs'] as const)('the %s profile', async (profile) => {
  const all = await render(profile);
  // The pages; the tool's other files (_category_.json, nav.yml) are tested at the end.
  const files = all.filter((f) => f.path.endsWith('.md'));
  const toolFiles = all.filter((f) => !f.path.endsWith('.md'));
  const mdx = profile === 'docusaurus' || profile === 'starlight';
  const byPath = (path: string) => split(files.find((f) => f.path === path)!.contents);

  test('lays out every page where the tool looks for it, each locale in its place', () => {
    expect(files.slice(0, 6).map((f) => f.path)).toEqual(LAYOUTS[profile]);
    expect(files.slice(6).map((f) => f.path.startsWith(VI_ROOT[profile]))).toEqual(files.slice(6).map(() => true));
  });

  test('front matter: the tool keys, safely quoted; title and description read back as the plain text', () => {
    for (const file of files) expect(Object.keys(split(file.contents).data)).toEqual(FRONT_MATTER[profile]);
    const page = byPath(LAYOUTS[profile][4]!);
    expect(page.data.title).toBe(`SIP 437 ${NAMES}`);
    // A string, not the number YAML would read from `id: 437`.
    if (profile === 'docusaurus') expect(page.data.id).toBe('437');
    // A summary with block structure is kept as plain text (a warning at load): shown as written.
    expect(page.data.description).toBe('# Not a heading | with a pipe <b>bold</b> and [a link](javascript:alert(1))');
    const vi = split(files.find((f) => f.path === `${VI_ROOT[profile]}sip/437.md`)!.contents);
    expect(vi.data.description).toBe("import {a} from 'b' <div>");
    const pair = byPath(LAYOUTS[profile][5]!);
    expect(pair.data.description).toBe(MDX_LINE);
  });

  test('order: codes in class order, then the comparisons', () => {
    const order = (path: string) => {
      const { data } = byPath(path);
      return (data.weight ?? data.sidebar_position ?? (data.sidebar as { order?: number } | undefined)?.order) as number | undefined;
    };
    if (profile === 'mkdocs') return expect(order(LAYOUTS.mkdocs[3]!)).toBeUndefined();
    const [, , compare = 0, c200 = 0, c437 = 0] = LAYOUTS[profile].map(order);
    expect(c200).toBeLessThan(c437);
    expect(c437).toBeLessThan(compare);
  });

  test('text stays text: no HTML, headings and tables keep their shape, hostile strings read back as written', () => {
    for (const file of files) {
      const { body } = split(file.contents);
      const tree = parseMarkdown(body);
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
      // Docusaurus and Starlight show the front matter's title as the page's H1.
      expect(headings.filter((h) => h.depth === 1)).toHaveLength(mdx ? 0 : 1);
    }
    const text = toString(parseMarkdown(byPath(LAYOUTS[profile][4]!).body));
    expect(text).toContain(MDX.replaceAll('\n', ' '));
    expect(toString(parseMarkdown(byPath(`${VI_ROOT[profile]}sip/437.md`).body))).toContain("import {a} from 'b' <div>");
    expect(toString(parseMarkdown(byPath(LAYOUTS[profile][5]!).body))).toContain(MDX_LINE);
  });

  test('the tool\'s other files: valid, their titles those of the pages, hostile text kept as data', () => {
    const expected = { hugo: [], starlight: [], docusaurus: ['category', 'category', 'category', 'category'], mkdocs: ['nav', 'nav'] }[profile];
    expect(toolFiles.map((f) => (f.path.endsWith('_category_.json') ? 'category' : f.path.endsWith('/nav.yml') ? 'nav' : f.path))).toEqual(expected);
    for (const file of toolFiles) {
      if (profile === 'docusaurus') {
        const folder = file.path.slice(0, -'_category_.json'.length);
        const category = JSON.parse(file.contents) as { label: string; position: number; link: { type: string; id: string } };
        const index = byPath(`${folder}index.md`);
        expect(category.label).toBe(index.data.title);
        expect(category.position).toBe(index.data.sidebar_position);
        expect(category.link.id.endsWith('/index')).toBe(true);
      } else {
        const locale = file.path.split('/')[1]!;
        const titles = new Map<string, string>();
        const visit = (entries: unknown[]) => {
          for (const entry of entries) {
            if (typeof entry === 'string') continue;
            for (const [title, value] of Object.entries(entry as Record<string, unknown>)) {
              if (typeof value === 'string') titles.set(value, title);
              else visit(value as unknown[]);
            }
          }
        };
        visit((parseYaml(file.contents) as { nav: unknown[] }).nav);
        expect(titles.get('sip/437.md')).toBe(byPath(`mkdocs/${locale}/docs/sip/437.md`).data.title);
        expect(titles.get('sip/compare/200-vs-437.md')).toBe(byPath(`mkdocs/${locale}/docs/sip/compare/200-vs-437.md`).data.title);
        if (locale === 'en') expect(titles.get('sip/437.md')).toBe(`SIP 437 ${NAMES}`);
      }
    }
  });

  test.runIf(mdx)('MDX: every { } < outside code is escaped, no line starts with import or export', () => {
    for (const file of files) {
      const { body } = split(file.contents);
      // Code spans are literal in MDX as in Markdown (the fixture's have no backslash or newline).
      const text = body.replace(/(`+)[^`]*?\1/g, '');
      expect(text.match(/(?<!\\)[{}<]/g) ?? [], file.path).toEqual([]);
      expect(text, file.path).not.toMatch(/^\s*(import|export)\b/m);
    }
  });
});

test('plain Markdown is the md format as it was (no profile front matter)', async () => {
  const files = await render('plain');
  expect(files[0]!.path).toBe('md/en/index.md');
  expect(Object.keys(split(files[4]!.contents).data)).toEqual(['title', 'locale', 'kind', 'protocol', 'code', 'canonical', 'alternates']);
});
