import { join } from 'node:path';
import { packArchive, type ArchiveType, type Entry } from './archive.js';
import { formatFiles } from './format-files.js';
import { docset } from './docset.js';
import { epub } from './epub.js';
import type { BundleFile, BundleJob, BundleKind } from './kind.js';
import { offlineHtml } from './offline-links.js';
import { pdf } from './pdf.js';

/** Every bundle kind `statusbook bundle` knows, by `--kind` name, in the order it runs them. */
export const BUNDLE_KINDS: Readonly<Record<string, BundleKind>> = {
  zip: archiveKind('zip', 'a .zip per locale and format, with manifest.json (sizes, sha256)'),
  'tar.gz': archiveKind('tar.gz', 'a .tar.gz per locale and format, with manifest.json (sizes, sha256)'),
  epub,
  docset,
  pdf,
};

/** The kind whose `--kind` name is `id`, or undefined. */
export function bundleKind(id: string): BundleKind | undefined {
  return Object.hasOwn(BUNDLE_KINDS, id) ? BUNDLE_KINDS[id] : undefined;
}

/** An archive kind: one archive per format asked for, of the locale's files of that format. */
function archiveKind(type: ArchiveType, describe: string): BundleKind {
  return {
    id: type,
    describe,
    needs: 'formats',
    async make(job) {
      const made: BundleFile[] = [];
      for (const format of job.options.formats) {
        const files = formatFiles(job.output, format, job.locale, job.locales);
        if (files.length === 0) continue;
        const name = `statusbook-${job.locale}-${format}`;
        const path = `${job.locale}/${name}.${type}`;
        await packArchive(type, join(job.staging, path), name, entries(job, format, files), {
          statusbook: job.meta.version,
          contentHash: job.meta.contentHash,
          locale: job.locale,
          format,
        });
        made.push({ path, kind: type, locale: job.locale, format });
      }
      return made;
    },
  };
}

/**
 * What an archive of `format` holds: the files as built, but the HTML site's pages, whose links
 * are made to work from file:// (offline-links.ts), and a root index.html that opens the locale.
 */
function entries(job: BundleJob, format: string, files: ReturnType<typeof formatFiles>): Entry[] {
  if (format !== 'html') return files.map((f) => ({ path: f.path, source: join(job.output, f.output) }));
  const home = `${job.locale}/index.html`;
  const paths = new Set([...files.map((f) => f.path), 'index.html']);
  const rewrite = (path: string) => (bytes: Buffer) => Buffer.from(offlineHtml(bytes.toString('utf8'), path, paths));
  return [
    { path: 'index.html', bytes: Buffer.from(`<!doctype html>\n<html lang="${job.locale}">\n<head>\n<meta charset="utf-8">\n<title>Statusbook</title>\n<meta http-equiv="refresh" content="0; url=${home}">\n</head>\n<body><p><a href="${home}">${home}</a></p></body>\n</html>\n`) },
    ...files.map((f) => ({ path: f.path, source: join(job.output, f.output), ...(f.path.endsWith('.html') ? { transform: rewrite(f.path) } : {}) })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
