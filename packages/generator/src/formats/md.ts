import { createRequire } from 'node:module';
import type { PhrasingContent, Root } from 'mdast';
import type remarkGfmType from 'remark-gfm';
import type remarkStringifyType from 'remark-stringify';
import type { unified as unifiedType } from 'unified';
import type { stringify as yamlStringify } from 'yaml';
import type { FormatRenderer } from '../types.js';
import { FORMAT_KINDS, mdFile, mdFolder, mdPath, unsupported } from './paths.js';
import { hrefBetween } from './relative.js';
import { inert } from './inert.js';
import { sanitizeInline } from './sanitize.js';
import { isTrimmedWithNewline } from './trimmed.js';

// remark and yaml handle what the fast paths below do not; most pages never need them, so
// they are loaded on first use (a render worker starts ~150 ms sooner without them).
const require = createRequire(import.meta.url);
const processors: { md?: { stringify(root: Root): string }; mdx?: { stringify(root: Root): string } } = {};

// GFM is on so that text that looks like an autolink literal gets escaped too. `|` and `#`
// are escaped wherever they appear in text, so a value can sit in a table cell or at the
// start of a heading without changing the structure around it. MDX (Docusaurus, Starlight
// `.mdx`) also reads `{`, `}` and `<` in text as expressions and JSX, and `<https://...>`
// as JSX: for it those are escaped too and links are always `[text](url)`.
function remark(mdx = false): { stringify(root: Root): string } {
  const cached = mdx ? processors.mdx : processors.md;
  if (cached) return cached;
  const { unified } = require('unified') as { unified: typeof unifiedType };
  const remarkGfm = (require('remark-gfm') as { default: typeof remarkGfmType }).default;
  const remarkStringify = (require('remark-stringify') as { default: typeof remarkStringifyType }).default;
  const built = unified()
    .use(remarkGfm)
    .use(remarkStringify, {
      emphasis: '_',
      strong: '*',
      bullet: '-',
      unsafe: [
        { character: '|', inConstruct: 'phrasing' },
        { character: '#', inConstruct: 'phrasing' },
        ...(mdx
          ? (['{', '}', '<'] as const).map((character) => ({ character, inConstruct: 'phrasing' as const }))
          : []),
      ],
      ...(mdx ? { resourceLink: true } : {}),
    });
  const processor = { stringify: (root: Root) => built.stringify(root) };
  if (mdx) processors.mdx = processor;
  else processors.md = processor;
  return processor;
}

function toYaml(value: unknown, options: { lineWidth: number }): string {
  return (require('yaml') as { stringify: typeof yamlStringify }).stringify(value, options);
}

/** Inline content as remark-stringify writes it: the reference the fast paths below must match. */
export function stringify(nodes: readonly PhrasingContent[], mdx = false): string {
  const root: Root = { type: 'root', children: [{ type: 'paragraph', children: [...nodes] }] };
  return remark(mdx).stringify(root).trimEnd();
}

// Text made only of these characters needs no escaping anywhere in a line but its start.
const PLAIN = /^[\p{L}\p{N} ,.;:'"()?/“”’‘–—、。，「」『』（）・：；？！-]*$/u;

// At the start of a line, `-` can begin a list item, a thematic break or a table delimiter.
const LEADING_DASH = /^\s*-/;

// An ordered list marker: digits, `.` or `)`, then a space or the end (`1.10` is not one).
const LIST_MARKER = /^\s*\d{1,9}[.)](\s|$)/;

/**
 * Escapes plain text; edge spaces are kept as spaces (the text is joined with other text).
 * Line breaks become spaces and other control characters U+FFFD (see inert.ts), so text
 * cannot end the line it is on (a heading, a table row, a list item).
 */
export function escapeText(value: string, mdx = false): string {
  if (PLAIN.test(value) && !LIST_MARKER.test(value) && !LEADING_DASH.test(value) && !/:\/\/|www\./i.test(value)) return oneSpace(value);
  const [, lead = '', middle = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inert(value)) ?? [];
  if (middle === '') return value.replace(/\s+/g, ' ');
  return `${lead ? ' ' : ''}${stringify([{ type: 'text', value: middle }], mdx)}${trail ? ' ' : ''}`;
}

/**
 * Serializes the common case by hand: plain text, code spans without backticks, emphasis,
 * strong and links with simple URLs. Anything else returns undefined and goes through
 * remark-stringify, which knows every escaping rule.
 */
function fastInline(nodes: readonly PhrasingContent[], first = true): string | undefined {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (!PLAIN.test(node.value) || /:\/\/|www\./i.test(node.value)) return undefined;
        if (first && out === '' && (LIST_MARKER.test(node.value) || LEADING_DASH.test(node.value))) return undefined;
        out += node.value;
        break;
      case 'inlineCode':
        if (/[`|\n]|^ | $/.test(node.value) || node.value === '') return undefined;
        out += `\`${node.value}\``;
        break;
      case 'emphasis':
      case 'strong': {
        const inner = fastInline(node.children, false);
        if (inner === undefined || inner === '' || /^\s|\s$/.test(inner)) return undefined;
        const mark = node.type === 'emphasis' ? '*' : '**';
        out += `${mark}${inner}${mark}`;
        break;
      }
      case 'link': {
        const inner = fastInline(node.children, false);
        if (inner === undefined || /[\s()<>[\]\\]/.test(node.url)) return undefined;
        out += `[${inner}](${node.url})`;
        break;
      }
      default:
        return undefined;
    }
  }
  return oneSpace(out);
}

/** Each run of whitespace as one space; most text has none to change, and is returned as it is. */
function oneSpace(value: string): string {
  return /\s\s|[^\S ]/.test(value) ? value.replace(/\s+/g, ' ') : value;
}

/** Inline content as Markdown (CommonMark, or MDX with `mdx`). */
export function inlineMarkdown(nodes: readonly PhrasingContent[], mdx = false): string {
  return fastInline(nodes) ?? stringify(nodes, mdx);
}

/** In a GFM table cell a pipe inside a code span must be escaped too. */
export function forCell(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  return nodes.map((node) => {
    if (node.type === 'inlineCode') return { ...node, value: node.value.replaceAll('|', '\\|') };
    if ('children' in node) return { ...node, children: forCell(node.children as PhrasingContent[]) } as PhrasingContent;
    return node;
  });
}

/** A link destination: in angle brackets, percent-encoded, when it has spaces or brackets; never a control character. */
function url(href: string): string {
  const safe = inert(href);
  return /[\s()<>]/.test(safe) ? `<${encodeURI(safe)}>` : safe;
}

/** A token as a code span, on one line. */
function code(value: string): string {
  const nodes: PhrasingContent[] = [{ type: 'inlineCode', value: inert(value) }];
  return fastInline(nodes) ?? stringify(nodes);
}

/** Markdown: CommonMark + GFM tables, YAML front matter, relative links to `.md` files. */
export const md: FormatRenderer = {
  id: 'md',
  kinds: FORMAT_KINDS.md,
  text: (value) => escapeText(value),
  code,
  inline: (value) => {
    const nodes = sanitizeInline(value.nodes);
    return fastInline(nodes) ?? stringify(nodes);
  },
  inlineCell: (value) => {
    const nodes = forCell(sanitizeInline(value.nodes));
    return fastInline(nodes) ?? stringify(nodes);
  },
  lang: (_locale, rendered) => rendered,
  link: (href, rendered) => `[${rendered}](${url(href)})`,
  strong: (rendered) => `**${rendered}**`,
  note: (rendered) => `_${rendered}_`,
  url,
  path: mdPath,
  href: (from, to) => {
    if (to.kind === 'redirect' || to.kind === 'book') unsupported('md', to);
    return hrefBetween(mdFolder(from), mdFile(to));
  },
  finish: (body, frontMatter) => `---\n${frontMatterYaml(frontMatter())}---\n\n${finishMarkdown(body)}`,
};

/**
 * A page's Markdown body made final: no spaces at line ends (they would be hard breaks),
 * blank-line runs folded, trimmed, one newline at the end. A body already in that shape,
 * as templates leave it, is returned as it is rather than copied.
 */
export function finishMarkdown(body: string): string {
  const trailingSpace = body.includes(' \n') || body.includes('\t\n') || body.endsWith(' ') || body.endsWith('\t');
  if (!trailingSpace && !body.includes('\n\n\n')) return isTrimmedWithNewline(body) ? body : `${body.trim()}\n`;
  const text = trailingSpace ? body.replace(/[ \t]+$/gm, '') : body;
  return `${text.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

// A string YAML reads as itself, unquoted: starts with a letter, digit or '/', holds no
// indicator or quote, does not look like a number, boolean or null.
const PLAIN_SCALAR = /^[\p{L}/][\p{L}\p{N} .,()/’–—-]*$/u;
const NOT_PLAIN = /^(true|false|null|yes|no|on|off|y|n|~)$|[ .-]$/i;

/**
 * Front matter as the yaml library writes it (`lineWidth: 0`), by hand for the usual shape
 * (strings, numbers, lists of numbers, one level of string maps) when every string is plain;
 * anything else goes through the library, strings made single-line first (see inert.ts:
 * YAML 1.1 readers take U+0085, U+2028 and U+2029 for line breaks too).
 */
export function frontMatterYaml(data: Record<string, unknown>): string {
  const plain = (v: unknown): v is string | number =>
    (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || (typeof v === 'string' && PLAIN_SCALAR.test(v) && !NOT_PLAIN.test(v));
  let out = '';
  for (const [key, value] of Object.entries(data)) {
    if (!PLAIN_SCALAR.test(key)) return toYaml(inertData(data), { lineWidth: 0 });
    if (plain(value)) out += `${key}: ${value}\n`;
    else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number' && plain(v))) {
      out += `${key}:\n${value.map((v) => `  - ${String(v)}\n`).join('')}`;
    } else if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
      const entries = Object.entries(value);
      if (!entries.every(([k, v]) => PLAIN_SCALAR.test(k) && !NOT_PLAIN.test(k) && plain(v))) return toYaml(inertData(data), { lineWidth: 0 });
      out += `${key}:\n${entries.map(([k, v]) => `  ${k}: ${String(v)}\n`).join('')}`;
    } else return toYaml(inertData(data), { lineWidth: 0 });
  }
  return out;
}

/** Data as YAML written by the `yaml` library, every string (keys too) inert. */
export function dataYaml(data: unknown): string {
  return toYaml(inertData(data), { lineWidth: 0 });
}

/** Data with every string (keys too) passed through `inert`. */
function inertData(value: unknown): unknown {
  if (typeof value === 'string') return inert(value);
  if (Array.isArray(value)) return value.map(inertData);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [inert(k), inertData(v)]));
  return value;
}
