import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sliceOf } from '../engine/slices.js';

/** A file of the output to pack: its path in the archive and in the output. */
export interface FormatFile {
  /** Path inside the archive: the output path without its first folder (`ja/sip/437/index.html`). */
  readonly path: string;
  /** Path under the output folder (`html/ja/sip/437/index.html`). */
  readonly output: string;
}

/**
 * Files of the format's own slice (html, json) that every locale's pages use, by format:
 * the stylesheets, the JSON index and schemas. Sitemaps, redirects, headers and the 404 page
 * are for a web host, not an offline copy.
 */
const SHARED: Readonly<Record<string, (path: string) => boolean>> = {
  html: (path) => path.startsWith('html/assets/'),
  json: (path) => path !== 'json/_headers',
};

/** Formats `statusbook bundle` can pack into archives. */
export const ARCHIVE_FORMATS = ['html', 'md', 'print', 'json'] as const;

/**
 * The files of one locale of one format in a built output (its slice, at the paths a
 * Markdown profile gives too, plus the format's shared files), sorted by archive path.
 */
export function formatFiles(output: string, format: string, locale: string, locales: readonly string[]): FormatFile[] {
  const slices = Object.fromEntries(ARCHIVE_FORMATS.flatMap((f) => locales.map((l) => [`${f}/${l}`, true])));
  const own = `${format}/${locale}`;
  const shared = SHARED[format];
  const files: FormatFile[] = [];
  for (const path of listing(output)) {
    const slice = sliceOf(path, slices);
    if (slice === own || (slice === format && shared?.(path))) files.push({ path: path.slice(path.indexOf('/') + 1), output: path });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The output's files, walked once per output: every archive of a run reads the same list. */
const listings = new Map<string, readonly string[]>();
function listing(output: string): readonly string[] {
  let paths = listings.get(output);
  if (!paths) {
    paths = [...walk(output)];
    listings.set(output, paths);
  }
  return paths;
}

/** Every file under the output (POSIX paths), but statusbook's own records and the bundles. */
function* walk(root: string, prefix = ''): Generator<string> {
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (!prefix && (entry.name === '.statusbook' || entry.name === 'bundles')) continue;
    if (entry.isDirectory()) yield* walk(root, path);
    else if (entry.isFile()) yield path;
  }
}
