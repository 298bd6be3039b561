import { createHash } from 'node:crypto';
import { escapeHtml } from '../formats/html.js';
import { mediawikiTitle } from '../formats/paths.js';
import { to } from '../targets.js';
import type { PageModule, RenderEnv } from './types.js';
import type { PageOf } from '../types.js';

/**
 * The revision timestamp of every page in a dump: fixed, so the same content gives the same
 * bytes. MediaWiki's importer skips a revision whose page already has one with the same
 * timestamp and SHA-1 (importing a dump again changes nothing), and makes an imported
 * revision current when its timestamp is not older than the current one's (a changed page
 * still replaces an earlier import; an edit made on the wiki since is kept).
 */
export const DUMP_TIMESTAMP = '2001-01-15T00:00:00Z';

/** The comment every page of a wiki carries: what `statusbook publish` looks for before it edits a page. */
export const WIKI_MARKER = '<!-- statusbook-generated: this page is written by Statusbook; edits here are overwritten by the next publish. -->';

/** The hidden category of every page Statusbook writes to a MediaWiki. */
export const MARKER_CATEGORY = 'Statusbook';

/** The dump's opening: the export format 0.11 root element and the site's namespaces. */
function dumpHead(locale: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.mediawiki.org/xml/export-0.11/ http://www.mediawiki.org/xml/export-0.11.xsd" version="0.11" xml:lang="${escapeHtml(locale)}">
  <siteinfo>
    <sitename>Statusbook</sitename>
    <generator>Statusbook</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="14" case="first-letter">Category</namespace>
    </namespaces>
  </siteinfo>
`;
}

/** One page of the dump, with its only revision. */
function dumpPageXml(title: string, ns: number, wikitext: string): string {
  // MediaWiki stores text without trailing whitespace: the dump holds it as it will be stored.
  const text = wikitext.trimEnd();
  return `  <page>
    <title>${escapeHtml(title)}</title>
    <ns>${ns}</ns>
    <revision>
      <timestamp>${DUMP_TIMESTAMP}</timestamp>
      <contributor>
        <username>Statusbook</username>
      </contributor>
      <comment>Statusbook</comment>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="${Buffer.byteLength(text)}" xml:space="preserve">${xmlText(text)}</text>
      <sha1>${sha1Base36(text)}</sha1>
    </revision>
  </page>
`;
}

/**
 * A locale's MediaWiki import dump (export format 0.11, for Special:Import and
 * importDump.php): every page of the locale, then the category pages they use. It is made
 * of data, not a template, and comes in pieces, a page at a time: with every comparison
 * page of a large protocol it is hundreds of megabytes, which no build holds at once.
 */
export const dumpPage: PageModule<'dump'> = {
  target: (page) => to.localeFile('dump', page.locale),
  title: () => 'import.xml',
  view: () => ({ title: 'import.xml' }),

  *pieces(page, env) {
    yield dumpHead(page.locale);
    for (const { target, contents } of env.localePages()) yield dumpPageXml(mediawikiTitle(target), 0, contents);
    for (const p of categoryPages(page, env)) yield dumpPageXml(p.title, p.ns, p.text);
    yield '</mediawiki>\n';
  },

  frontMatter: () => ({}),
  breadcrumbs: () => [],
  layout: false,
};

/** The category pages the locale's pages are in: the hidden marker, each protocol and each of its classes. */
export function categoryPages(page: PageOf<'dump'>, env: RenderEnv): { title: string; ns: number; text: string }[] {
  const { translator: tr, format } = env;
  const out = [{ title: `Category:${MARKER_CATEGORY}`, ns: 14, text: `${WIKI_MARKER}\n__HIDDENCAT__\n${tr.t('wiki.categoryMarker')}\n` }];
  for (const protocol of page.protocols) {
    const name = protocol.id.toUpperCase();
    const index = format.link(mediawikiTitle(to.protocol(page.locale, protocol.id)), tr.t('protocol.title', { protocol: protocol.name }));
    out.push({ title: `Category:${name}`, ns: 14, text: `${WIKI_MARKER}\n${tr.t('wiki.categoryProtocol', { protocol: protocol.name })}\n\n${index}\n\n[[Category:${MARKER_CATEGORY}]]\n` });
    for (const c of protocol.classes) {
      const text = tr.t('wiki.categoryClass', { protocol: protocol.name, class: c.id });
      out.push({ title: `Category:${name} ${c.id}`, ns: 14, text: `${WIKI_MARKER}\n${text}\n\n[[Category:${name}]]\n[[Category:${MARKER_CATEGORY}]]\n` });
    }
  }
  return out;
}

/**
 * Page text as XML element content, its line breaks kept: the text is wikitext the format
 * made, whose lines hold no other control character (every escaper makes them inert).
 */
function xmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** SHA-1 in base 36, 31 digits, as MediaWiki's `rev_sha1` and dumps hold it. */
export function sha1Base36(text: string): string {
  const hex = createHash('sha1').update(text, 'utf8').digest('hex');
  return BigInt(`0x${hex}`).toString(36).padStart(31, '0');
}
