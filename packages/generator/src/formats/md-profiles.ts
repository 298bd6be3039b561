import type { PhrasingContent } from 'mdast';
import type { RenderEnv } from '../pages/types.js';
import type { FormatRenderer, MdProfile, Page, Target } from '../types.js';
import { textDirection } from '../locale-info.js';
import { inert } from './inert.js';
import { escapeText, finishMarkdown, forCell, frontMatterYaml, inlineMarkdown, md } from './md.js';
import { htmlPath, mdFile, mdFolder, mdProfilePath, segments, unsupported } from './paths.js';
import { hrefBetween, relativeHref } from './relative.js';
import { sanitizeInline } from './sanitize.js';

/** What sets one docs tool's Markdown apart from plain Markdown. */
interface ProfileSpec {
  /** The tool reads `.md` as MDX (Docusaurus), or its users may rename files to `.mdx` (Starlight). */
  readonly mdx: boolean;
  /** The tool shows the front matter's title as the heading: the page's own H1 would be a second one. */
  readonly dropH1: boolean;
  /** Links as relative `.md` file paths (the tool maps them to pages), or as relative page URLs. */
  readonly links: 'files' | 'urls';
  /**
   * The front matter may say `dir: rtl` (free-form front matter: Hugo's page params, MkDocs'
   * meta). Docusaurus and Starlight take the direction from their locale config instead.
   */
  readonly dir: boolean;
  frontMatter(meta: PageMeta): Record<string, unknown>;
}

/** What every profile's front matter is made from. */
interface PageMeta {
  readonly title: string;
  readonly description: string;
  /** The page's place among its siblings: protocols, then codes in class order, then the comparisons. */
  readonly order: number;
  /** The page's path without the locale: the same for every translation (`sip/200`, `home` for the home page). */
  readonly key: string;
  /** The file's name without `.md`. */
  readonly id: string;
}

const PROFILES: Readonly<Record<Exclude<MdProfile, 'plain'>, ProfileSpec>> = {
  hugo: {
    dir: true,
    mdx: false,
    dropH1: false,
    links: 'urls',
    frontMatter: (m) => ({ title: m.title, description: m.description, weight: m.order, translationKey: m.key }),
  },
  docusaurus: {
    dir: false,
    mdx: true,
    dropH1: true,
    links: 'files',
    // An explicit id: without one Docusaurus strips a number prefix from the file name, and
    // `200-vs-437.md` and `436-vs-437.md` would both be the doc `vs-437`.
    frontMatter: (m) => ({ id: m.id, title: m.title, description: m.description, sidebar_position: m.order, slug: m.key === 'home' ? '/' : `/${m.key}` }),
  },
  starlight: {
    dir: false,
    mdx: true,
    dropH1: true,
    links: 'urls',
    frontMatter: (m) => ({ title: m.title, description: m.description, sidebar: { order: m.order } }),
  },
  mkdocs: {
    dir: true,
    mdx: false,
    dropH1: false,
    links: 'files',
    frontMatter: (m) => ({ title: m.title, description: m.description }),
  },
};

// MDX reads a line starting with `import` or `export` as JavaScript: the first letter becomes a
// character reference, which every Markdown reader shows as the letter.
const ESM_LINE = /(^|\n)([ \t]*)([ie])(mport|xport)\b/g;

function mdxLines(value: string): string {
  return value.includes('mport') || value.includes('xport') ? value.replace(ESM_LINE, (_m, nl: string, sp: string, c: string, rest: string) => `${nl}${sp}&#x${c.charCodeAt(0).toString(16)};${rest}`) : value;
}

// remark-gfm (Docusaurus, Astro) finds URLs in text after escapes are resolved, so `https\://`
// still becomes a link, and Docusaurus stops the build on one it cannot parse
// (`https://x"></iframe`): a word joiner (U+2060, invisible) keeps text from looking like one.
const LITERAL_URL = /\b(https?:)(?=\/\/)|\b(www)(?=\.)/gi;

function noLiteralUrls(value: string): string {
  return value.replace(LITERAL_URL, (m) => `${m}\u2060`);
}

function noLiteralUrlNodes(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  return nodes.map((node) => {
    if (node.type === 'text') return { ...node, value: noLiteralUrls(node.value) };
    if (node.type === 'link') return node;
    if ('children' in node) return { ...node, children: noLiteralUrlNodes(node.children as PhrasingContent[]) } as PhrasingContent;
    return node;
  });
}

/** A link destination MDX cannot read as anything else: percent-encoded when it holds spaces, brackets or braces. */
function mdxUrl(href: string): string {
  const safe = inert(href);
  return /[\s()<>{}]/.test(safe) ? encodeURI(safe).replaceAll('(', '%28').replaceAll(')', '%29') : safe;
}

/** Text of inline content without its markup, on one line (front matter `description`). */
export function plainText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if ('children' in node) out += plainText(node.children as PhrasingContent[]);
    else if ('value' in node) out += node.value;
  }
  return out;
}

export function oneLine(value: string): string {
  return inert(value).replace(/\s+/g, ' ').trim();
}

function description(page: Page, title: string, env: RenderEnv): string {
  const content = env.translator.content;
  const text = (nodes: readonly PhrasingContent[]) => oneLine(plainText(sanitizeInline(nodes)));
  switch (page.kind) {
    case 'home':
      return oneLine(env.translator.plain('site.tagline'));
    case 'protocol':
      return text(content.protocolDescription(page.protocol).text.nodes);
    case 'code':
      return text(content.code(page.code, 'summary').text.nodes);
    case 'compare':
      return page.pair.kind === 'curated' ? text(content.pairText(page.protocol, page.pair.notes, 'difference').text.nodes) : title;
    default:
      return title;
  }
}

export function order(page: Page, env: RenderEnv): number {
  const at = (codes: readonly { code: number }[], code: number) => codes.findIndex((c) => c.code === code);
  switch (page.kind) {
    case 'protocol':
    case 'category':
      return env.protocols.findIndex((p) => p.id === page.protocol.id) + 1;
    case 'code':
      return at(page.protocol.codes, page.code.code) + 1;
    case 'compare-index':
    case 'compare-category':
      return page.protocol.codes.length + 1;
    case 'compare': {
      const n = page.protocol.codes.length;
      return at(page.protocol.codes, page.pair.low.code) * n + at(page.protocol.codes, page.pair.high.code) + 1;
    }
    default:
      return 1;
  }
}

function make(profile: Exclude<MdProfile, 'plain'>): FormatRenderer {
  const spec = PROFILES[profile];
  const url = spec.mdx ? mdxUrl : md.url;
  const safe = spec.mdx ? mdxLines : (value: string) => value;
  const nodes = spec.mdx ? (value: readonly PhrasingContent[]) => noLiteralUrlNodes(sanitizeInline(value)) : sanitizeInline;
  return {
    ...md,
    text: (value) => safe(escapeText(spec.mdx ? noLiteralUrls(value) : value, spec.mdx)),
    inline: (value) => safe(inlineMarkdown(nodes(value.nodes), spec.mdx)),
    inlineCell: (value) => safe(inlineMarkdown(forCell(nodes(value.nodes)), spec.mdx)),
    url,
    link: (href, rendered) => `[${rendered}](${url(href)})`,
    path: (target) => mdProfilePath(profile, target),
    href: (from: Target, to: Target) => {
      if (to.kind === 'redirect' || to.kind === 'book') unsupported('md', to);
      return spec.links === 'files' ? hrefBetween(mdFolder(from), mdFile(to)) : relativeHref(htmlPath(from), htmlPath(to));
    },
    pageFrontMatter: (page, target, title, env) => {
      const id = mdFile(target).at(-1)!.slice(0, -'.md'.length);
      const data = spec.frontMatter({ title: oneLine(title), description: description(page, title, env), order: order(page, env), key: segments(target).slice(1).join('/') || 'home', id });
      return spec.dir && textDirection(page.locale) === 'rtl' ? { ...data, dir: 'rtl' } : data;
    },
    finish: (body, frontMatter) => {
      // Every page template starts with the page's H1.
      const text = spec.dropH1 ? body.replace(/^\s*# [^\n]*\n/, '') : body;
      return `---\n${profileYaml(frontMatter())}---\n\n${finishMarkdown(text)}`;
    },
  };
}

/**
 * Front matter with a file-name `id` quoted by hand: `200-vs-437` or `437` (which YAML would
 * read as a number) would send every page's front matter through the yaml library, which
 * doubled the time of a docusaurus build at 320 codes.
 */
function profileYaml(data: Record<string, unknown>): string {
  const { id, ...rest } = data;
  if (typeof id !== 'string' || !/^[\w.-]+$/.test(id)) return frontMatterYaml(data);
  return `id: '${id}'\n${frontMatterYaml(rest)}`;
}

const renderers = new Map<MdProfile, FormatRenderer>();

/** The Markdown renderer of a profile (`plain` is the `md` format as it is). */
export function mdProfileRenderer(profile: MdProfile): FormatRenderer {
  if (profile === 'plain') return md;
  let renderer = renderers.get(profile);
  if (!renderer) {
    const spec = (PROFILES as Readonly<Record<string, ProfileSpec | undefined>>)[profile];
    if (!spec) throw new Error(`unknown Markdown profile '${profile}': expected one of plain, ${Object.keys(PROFILES).join(', ')}`);
    renderers.set(profile, (renderer = make(profile)));
  }
  return renderer;
}
