import { join } from 'node:path';
import { findChromium, printPdfs } from '../print-pdf.js';
import type { BundleFile, BundleKind } from './kind.js';

/**
 * The print book of each protocol as a PDF (`<locale>/<protocol>.pdf`): a cover with the
 * version and the content's date, contents with page numbers, bookmarks, on the job's paper.
 */
export const pdf: BundleKind = {
  id: 'pdf',
  describe: 'a PDF book per locale and protocol (needs Chromium)',
  needs: ['print'],
  browser: true,
  async make(job) {
    const chromium = job.options.chromium ?? (await findChromium(process.env));
    const books = job.content.protocols.map((p) => ({ id: p.id, path: `${job.locale}/statusbook-${job.locale}-${p.id}.pdf` }));
    await printPdfs(
      chromium,
      books.map((b) => ({ html: join(job.output, 'print', job.locale, `${b.id}.html`), pdf: join(job.staging, b.path) })),
      { paper: job.options.paper, version: job.meta.version, date: job.meta.contentDate },
    );
    return books.map((b): BundleFile => ({ path: b.path, kind: 'pdf', locale: job.locale, protocol: b.id }));
  },
};
