import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { textDirection } from '@statusbook/generator';
import type { BundleFile, BundleKind } from './kind.js';
import { attr, escapeXml, findAll, findOne, hasClass, parseHtml, textOf, toXhtml, type Element } from './xhtml.js';
import { zipEntries, type ZipEntry } from './zip.js';

/**
 * EPUB 3 books, one per locale and protocol, made from the print book (print/<locale>/<protocol>.html):
 * its cover becomes a title page, each chapter (a class of codes, then the curated comparisons)
 * an XHTML file, its table of contents the navigation document.
 */
export const epub: BundleKind = {
  id: 'epub',
  describe: 'an EPUB 3 book per locale and protocol, for e-readers',
  needs: ['print'],
  async make(job) {
    const files: BundleFile[] = [];
    for (const protocol of job.content.protocols) {
      const html = await readFile(join(job.output, 'print', job.locale, `${protocol.id}.html`), 'utf8');
      const path = `${job.locale}/statusbook-${job.locale}-${protocol.id}.epub`;
      await mkdir(dirname(join(job.staging, path)), { recursive: true });
      await writeFile(join(job.staging, path), epubBook(html, { locale: job.locale, protocol: protocol.id, date: job.meta.contentDate, version: job.meta.version }));
      files.push({ path, kind: 'epub', locale: job.locale, protocol: protocol.id });
    }
    return files;
  },
};

interface BookInfo {
  readonly locale: string;
  readonly protocol: string;
  /** YYYY-MM-DD: dcterms:modified and the zip's timestamps. */
  readonly date: string;
  readonly version: string;
}

interface Chapter {
  readonly file: string;
  readonly title: string;
  readonly body: Element;
}

const CSS = `body { font-family: serif; line-height: 1.5; margin: 0 4%; }
h1, h2, h3, h4 { font-family: sans-serif; line-height: 1.25; }
.gloss { color: #444; font-weight: normal; font-size: 0.85em; }
.badge { border: 1px solid #555; border-radius: 0.2em; padding: 0 0.3em; font-size: 0.85em; }
.formerly { font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.9em; }
caption { text-align: start; font-weight: bold; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; text-align: start; vertical-align: top; }
.entry { margin-bottom: 2em; }
.references { font-size: 0.9em; }
nav ol { list-style: none; }
`;

/** The bytes of one EPUB made from a print book's HTML. */
export function epubBook(html: string, info: BookInfo): Uint8Array {
  const doc = parseHtml(html);
  const root = findOne(doc, (e) => e.tagName === 'html', 'html element');
  const lang = attr(root, 'lang') ?? info.locale;
  const dir = textDirection(lang);
  const cover = findOne(doc, (e) => e.tagName === 'header' && hasClass(e, 'cover'), 'cover');
  const toc = findOne(doc, (e) => e.tagName === 'nav' && hasClass(e, 'toc'), 'table of contents');
  const title = textOf(findOne(cover, (e) => e.tagName === 'h1', 'title'));
  const chapters: Chapter[] = findAll(doc, (e) => e.tagName === 'section' && hasClass(e, 'chapter')).map((body, i) => ({
    file: `chapter-${String(i + 1).padStart(2, '0')}.xhtml`,
    title: textOf(findOne(body, (e) => e.tagName === 'h2', 'chapter heading')),
    body,
  }));

  // Which file each anchor of the book lands in, for the links between chapters.
  const fileOf = new Map<string, string>();
  for (const chapter of chapters) for (const e of findAll(chapter.body, (el) => attr(el, 'id') !== undefined)) fileOf.set(attr(e, 'id')!, chapter.file);
  const linksFrom = (file: string) => (e: Element): Element | null => {
    if (hasClass(e, 'toc-page')) return null;
    const href = attr(e, 'href');
    if (e.tagName !== 'a' || !href?.startsWith('#')) return e;
    const target = fileOf.get(decodeURIComponent(href.slice(1)));
    const resolved = target === undefined ? undefined : target === file ? href : `${target}${href}`;
    // A link to an anchor the book does not hold is kept as text.
    return { ...e, attrs: e.attrs.filter((a) => a.name !== 'href').concat(resolved ? [{ name: 'href', value: resolved }] : []) };
  };

  const tocList = findOne(toc, (e) => e.tagName === 'ol', 'contents list');
  const tocTitle = textOf(findOne(toc, (e) => e.tagName === 'h2', 'contents heading'));
  const page = (pageTitle: string, body: string, extraNs = '') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"${extraNs} lang="${escapeXml(lang)}" xml:lang="${escapeXml(lang)}" dir="${dir}">\n<head>\n<meta charset="utf-8"/>\n<title>${escapeXml(pageTitle)}</title>\n<link rel="stylesheet" type="text/css" href="book.css"/>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

  const id = `urn:uuid:${nameUuid(`statusbook/${info.locale}/${info.protocol}`)}`;
  const spine = [{ file: 'title.xhtml' }, { file: 'nav.xhtml' }, ...chapters];
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${escapeXml(lang)}" dir="${dir}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${id}</dc:identifier>
<dc:title>${escapeXml(title)}</dc:title>
<dc:language>${escapeXml(lang)}</dc:language>
<dc:creator>Statusbook</dc:creator>
<dc:date>${escapeXml(info.date)}</dc:date>
<meta property="dcterms:modified">${escapeXml(info.date)}T00:00:00Z</meta>
<meta name="generator" content="statusbook ${escapeXml(info.version)}"/>
</metadata>
<manifest>
<item id="css" href="book.css" media-type="text/css"/>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>
${chapters.map((c, i) => `<item id="c${i + 1}" href="${c.file}" media-type="application/xhtml+xml"/>`).join('\n')}
</manifest>
<spine${dir === 'rtl' ? ' page-progression-direction="rtl"' : ''}>
${spine.map((s) => `<itemref idref="${s.file === 'title.xhtml' ? 'title' : s.file === 'nav.xhtml' ? 'nav' : `c${chapters.indexOf(s as Chapter) + 1}`}"/>`).join('\n')}
</spine>
</package>
`;
  const nav = page(
    tocTitle,
    `<nav epub:type="toc" id="toc">\n<h1>${escapeXml(tocTitle)}</h1>\n${toXhtml(tocList, linksFrom('nav.xhtml'))}\n</nav>`,
    ' xmlns:epub="http://www.idpf.org/2007/ops"',
  );
  const entries: ZipEntry[] = [
    // The first entry, stored: how a reader recognizes the file (OCF).
    { path: 'mimetype', data: utf8('application/epub+zip'), store: true },
    { path: 'META-INF/container.xml', data: utf8('<?xml version="1.0" encoding="UTF-8"?>\n<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">\n<rootfiles>\n<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>\n</rootfiles>\n</container>\n') },
    { path: 'EPUB/package.opf', data: utf8(opf) },
    { path: 'EPUB/book.css', data: utf8(CSS) },
    { path: 'EPUB/nav.xhtml', data: utf8(nav) },
    { path: 'EPUB/title.xhtml', data: utf8(page(title, toXhtml(cover, linksFrom('title.xhtml')))) },
    ...chapters.map((c) => ({ path: `EPUB/${c.file}`, data: utf8(page(c.title, toXhtml(c.body, linksFrom(c.file)))) })),
  ];
  return zipEntries(entries, info.date);
}

function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** A UUID made from a name (SHA-1, version 5 layout), so a book keeps its identifier from build to build. */
function nameUuid(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
