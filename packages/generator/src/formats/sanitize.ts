import type { PhrasingContent } from 'mdast';

const SAFE_URL = /^(https?:|mailto:)/i;

/**
 * Keeps only the inline constructs content may use; raw HTML and images become text and
 * links to anything but http(s)/mailto lose their URL, so no content can inject markup.
 */
export function sanitizeInline(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', value: node.value.replace(/\s+/g, ' ') });
        break;
      case 'inlineCode':
        out.push({ type: 'inlineCode', value: node.value.replace(/\s+/g, ' ') });
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        out.push({ type: node.type, children: sanitizeInline(node.children) } as PhrasingContent);
        break;
      case 'link':
        if (SAFE_URL.test(node.url)) out.push({ type: 'link', url: node.url, children: sanitizeInline(node.children) });
        else out.push(...sanitizeInline(node.children));
        break;
      case 'html':
        out.push({ type: 'text', value: node.value });
        break;
      case 'image':
        out.push({ type: 'text', value: node.alt ?? '' });
        break;
      case 'break':
        out.push({ type: 'text', value: ' ' });
        break;
      default:
        if ('children' in node) out.push(...sanitizeInline(node.children as PhrasingContent[]));
        else if ('value' in node) out.push({ type: 'text', value: String(node.value) });
    }
  }
  return out;
}
