import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, posix, relative, sep } from 'node:path';
import { findPair } from '@statusbook/core/model';
import { languageName } from '@statusbook/generator';
import type { BundleFile, BundleJob, BundleKind } from './kind.js';
import { tgzEntries } from './tgz.js';
import { escapeXml, findOne, parseHtml, textOf } from './xhtml.js';

/**
 * A Dash/Zeal docset per locale: the locale's HTML pages under Contents/Resources/Documents,
 * a SQLite search index with every code ("Value"), curated comparison ("Guide") and protocol
 * ("Protocol"), Info.plist; then the docset as a .tgz and a feed XML for Dash and Zeal.
 */
export const docset: BundleKind = {
  id: 'docset',
  describe: 'a Dash/Zeal docset per locale (the .docset packed as .tgz, and a feed XML)',
  needs: ['html'],
  async make(job) {
    const name = `statusbook-${job.locale}`;
    const pages = await docsetPages(job);
    const entries = await searchEntries(job, pages);
    const index = await searchIndex(entries);
    const plist = infoPlist(job.locale, name);
    const files = new Map<string, Uint8Array>([['Contents/Info.plist', Buffer.from(plist)], ['Contents/Resources/docSet.dsidx', index]]);
    for (const [path, data] of pages) files.set(`Contents/Resources/Documents/${path}`, data);

    // Only packed: unpacked, a docset is thousands of files (58 MB for ja), which Dash and
    // Zeal unpack themselves from the feed's .tgz.
    await mkdir(join(job.staging, job.locale), { recursive: true });
    const tgz = await tgzEntries([...files].map(([path, data]) => ({ path: `${name}.docset/${path}`, data })), job.meta.contentDate);
    await writeFile(join(job.staging, job.locale, `${name}.tgz`), tgz);
    await writeFile(join(job.staging, job.locale, `${name}.xml`), feed(job, `${name}.tgz`));
    const file = (path: string): BundleFile => ({ path: `${job.locale}/${path}`, kind: 'docset', locale: job.locale });
    return [file(`${name}.tgz`), file(`${name}.xml`)];
  },
};

/** A search index row: what Dash and Zeal list when the name matches what is typed. */
export interface SearchEntry {
  readonly name: string;
  readonly type: 'Value' | 'Guide' | 'Protocol';
  readonly path: string;
}

/**
 * The locale's HTML pages and the site's assets, by path under Documents/, with links made
 * to work inside the docset: a folder link names its index.html (a docset is read from
 * files, with no server to add it), and a link to a page the docset does not hold (another
 * locale) loses its href.
 */
async function docsetPages(job: BundleJob): Promise<Map<string, Uint8Array>> {
  const html = join(job.output, 'html');
  const paths = [...(await listFiles(html, job.locale)), ...(await listFiles(html, 'assets'))].sort();
  const held = new Set(paths);
  const pages = new Map<string, Uint8Array>();
  for (const path of paths) {
    const bytes = await readFile(join(html, path));
    pages.set(path, path.endsWith('.html') ? Buffer.from(localLinks(bytes.toString('utf8'), path, held)) : bytes);
  }
  return pages;
}

/** Rewrites the relative links of one page (statusbook writes every attribute double-quoted, escaped). */
export function localLinks(page: string, path: string, held: ReadonlySet<string>): string {
  const dir = posix.dirname(path);
  return page.replace(/ href="([^"#:]*)(#[^"]*)?"/g, (whole, target: string, hash: string | undefined) => {
    if (target === '' || target.startsWith('/')) return whole;
    let file = posix.normalize(posix.join(dir, target.replace(/&amp;/g, '&')));
    if (target.endsWith('/') || target === '.') file = posix.join(file, 'index.html');
    if (!held.has(file)) return '';
    return ` href="${posix.relative(dir, file)}${hash ?? ''}"`;
  });
}

async function listFiles(root: string, under: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, under), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return out;
}

/** One entry per protocol, code and curated comparison of the content, named by its page's heading. */
async function searchEntries(job: BundleJob, pages: ReadonlyMap<string, Uint8Array>): Promise<SearchEntry[]> {
  const entries: SearchEntry[] = [];
  const add = (type: SearchEntry['type'], path: string) => {
    const page = pages.get(path);
    if (!page) throw new Error(`the docset needs ${path}, which the html output of ${job.output} does not hold: build html for ${job.locale} first`);
    entries.push({ name: textOf(findOne(parseHtml(Buffer.from(page).toString('utf8')), (e) => e.tagName === 'h1', `heading in ${path}`)), type, path });
  };
  for (const protocol of job.content.protocols) {
    const base = `${job.locale}/${protocol.id}`;
    add('Protocol', `${base}/index.html`);
    for (const code of protocol.codes) add('Value', `${base}/${code.code}/index.html`);
    for (const n of protocol.curated) add('Guide', `${base}/compare/${findPair(protocol, n.low, n.high)!.slug}/index.html`);
  }
  return entries;
}

/** docSet.dsidx: the searchIndex table Dash and Zeal read, as the bytes of a SQLite file. */
export async function searchIndex(entries: readonly SearchEntry[]): Promise<Uint8Array> {
  // Loaded only for docsets; sql.js finds its WebAssembly beside its own files.
  const { default: initSqlJs } = await import('sql.js');
  const require = createRequire(import.meta.url);
  const SQL = await initSqlJs({ locateFile: (file: string) => require.resolve(`sql.js/dist/${file}`) });
  const db = new SQL.Database();
  try {
    db.run('CREATE TABLE searchIndex(id INTEGER PRIMARY KEY, name TEXT, type TEXT, path TEXT); CREATE UNIQUE INDEX anchor ON searchIndex (name, type, path);');
    const insert = db.prepare('INSERT OR IGNORE INTO searchIndex(name, type, path) VALUES (?, ?, ?)');
    for (const e of entries) insert.run([e.name, e.type, e.path]);
    insert.free();
    return db.export();
  } finally {
    db.close();
  }
}

function infoPlist(locale: string, name: string): string {
  const entry = (key: string, value: string | boolean) =>
    `<key>${key}</key>${typeof value === 'boolean' ? (value ? '<true/>' : '<false/>') : `<string>${escapeXml(value)}</string>`}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
${[
  entry('CFBundleIdentifier', name),
  entry('CFBundleName', `Statusbook (${languageName(locale)})`),
  entry('DocSetPlatformFamily', 'statusbook'),
  entry('isDashDocset', true),
  entry('dashIndexFilePath', `${locale}/index.html`),
  entry('isJavaScriptEnabled', false),
].join('\n')}
</dict>
</plist>
`;
}

/** The feed Dash and Zeal poll: the version changes with the content, the URL is the .tgz beside it. */
function feed(job: BundleJob, tgz: string): string {
  const version = `${job.meta.version}/${job.meta.contentDate}.${job.meta.contentHash.replace(/^sha256-/, '').slice(0, 12)}`;
  return `<entry>\n<version>${escapeXml(version)}</version>\n<url>${escapeXml(tgz)}</url>\n</entry>\n`;
}
