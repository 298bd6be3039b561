import type { PhrasingContent } from 'mdast';
import { inert } from './inert.js';

const SAFE_URL = /^(https?:|mailto:)/i;

/** Text on one line: each run of whitespace one space, no control character (see inert.ts). */
const oneLine = (value: string): string => inert(value.replace(/\s+/g, ' '));

/**
 * Keeps only the inline constructs content may use; raw HTML and images become text and
 * links to anything but http(s)/mailto lose their URL, so no content can inject markup.
 * Text and URLs hold no line break or control character.
 */
export function sanitizeInline(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', value: oneLine(node.value) });
        break;
      case 'inlineCode':
        out.push({ type: 'inlineCode', value: oneLine(node.value) });
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        out.push({ type: node.type, children: sanitizeInline(node.children) } as PhrasingContent);
        break;
      case 'link':
        if (SAFE_URL.test(node.url)) out.push({ type: 'link', url: inert(node.url), children: sanitizeInline(node.children) });
        else out.push(...sanitizeInline(node.children));
        break;
      case 'html':
        out.push({ type: 'text', value: oneLine(node.value) });
        break;
      case 'image':
        out.push({ type: 'text', value: oneLine(node.alt ?? '') });
        break;
      case 'break':
        out.push({ type: 'text', value: ' ' });
        break;
      default:
        if ('children' in node) out.push(...sanitizeInline(node.children as PhrasingContent[]));
        else if ('value' in node) out.push({ type: 'text', value: oneLine(String(node.value)) });
    }
  }
  return out;
}
