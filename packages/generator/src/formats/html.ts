import type { PhrasingContent } from 'mdast';
import type { Text } from '@statusbook/core';
import type { FormatRenderer, Target } from '../types.js';
import { relativeHref } from './relative.js';
import { sanitizeInline } from './sanitize.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += escapeHtml(node.value);
        break;
      case 'inlineCode':
        out += `<code>${escapeHtml(node.value)}</code>`;
        break;
      case 'emphasis':
        out += `<em>${render(node.children)}</em>`;
        break;
      case 'strong':
        out += `<strong>${render(node.children)}</strong>`;
        break;
      case 'delete':
        out += `<del>${render(node.children)}</del>`;
        break;
      case 'link':
        out += `<a href="${escapeHtml(node.url)}">${render(node.children)}</a>`;
        break;
      default:
        // sanitizeInline leaves no other node types.
        break;
    }
  }
  return out;
}

function path(target: Target): string {
  const base = `html/${target.locale}/${target.protocol}`;
  switch (target.kind) {
    case 'code':
      return `${base}/${target.code}/index.html`;
    case 'compare':
      return `${base}/compare/${target.slug}/index.html`;
  }
}

const inline = (value: Text): string => render(sanitizeInline(value.nodes));

/** HTML: a static site with directory URLs; the layout template wraps each page. */
export const html: FormatRenderer = {
  id: 'html',
  text: escapeHtml,
  cell: escapeHtml,
  inline,
  inlineCell: inline,
  url: escapeHtml,
  path,
  href: (from, to) => relativeHref(path(from), path(to)),
  finish: (body) => `${body.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`,
};
