import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

/** The elements HTML writes without an end tag; XHTML closes them with `/>`. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The parsed document of an HTML file statusbook wrote (parsed as a browser would). */
export function parseHtml(html: string): DefaultTreeAdapterTypes.Document {
  return parse(html);
}

/** Every element under `root`, in document order, for which `test` holds. */
export function findAll(root: Node, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node && test(node)) found.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return found;
}

/** The first element under `root` for which `test` holds; an error naming `what` when there is none. */
export function findOne(root: Node, test: (element: Element) => boolean, what: string): Element {
  const [element] = findAll(root, test);
  if (!element) throw new Error(`no ${what} in the page`);
  return element;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(element: Element, name: string): boolean {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(name);
}

/** The text of a node and its descendants, as a reader sees it (whitespace collapsed). */
export function textOf(node: Node): string {
  let text = '';
  const walk = (n: Node) => {
    if (n.nodeName === '#text') text += (n as DefaultTreeAdapterTypes.TextNode).value;
    else if ('childNodes' in n) for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return text.replace(/\s+/g, ' ').trim();
}

/** Characters XML 1.0 does not allow, whatever their escaping. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text escaped for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * Serializes parsed HTML as XHTML: every text and attribute escaped, void elements closed,
 * comments dropped. `rewrite` may change an element's attributes or drop it (return null).
 */
export function toXhtml(node: Node, rewrite: (element: Element) => Element | null = (e) => e): string {
  if (node.nodeName === '#text') return escapeXml((node as DefaultTreeAdapterTypes.TextNode).value);
  if (!('tagName' in node)) return 'childNodes' in node && node.nodeName === '#document' ? node.childNodes.map((c) => toXhtml(c, rewrite)).join('') : '';
  const element = rewrite(node);
  if (!element) return '';
  const attrs = element.attrs
    // Only names XML accepts; the generator writes no others.
    .filter((a) => /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(a.name))
    .map((a) => ` ${a.name}="${escapeXml(a.value)}"`)
    .join('');
  const name = element.tagName;
  if (VOID.has(name)) return `<${name}${attrs}/>`;
  return `<${name}${attrs}>${element.childNodes.map((c) => toXhtml(c, rewrite)).join('')}</${name}>`;
}
