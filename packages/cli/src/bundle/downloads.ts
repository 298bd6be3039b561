import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inert } from '@statusbook/generator/plan';
import { downloadsPage } from '../engine/slices.js';
import { SOURCE_LOCALE } from '../locales.js';
import { hashFile } from './archive.js';
import type { BundleFile } from './kind.js';

/** The list of every bundle, under the output folder. */
export const BUNDLE_INDEX = 'bundles/index.json';

/** One bundle as output/bundles/index.json lists it. */
export interface IndexedBundle {
  /** Path under the output folder (`bundles/ja/statusbook-ja-html.zip`). */
  readonly path: string;
  readonly kind: string;
  readonly locale: string;
  readonly format?: string;
  readonly protocol?: string;
  readonly size: number;
  readonly sha256: string;
}

export interface BundleIndex {
  readonly statusbook: string;
  readonly contentHash: string;
  readonly bundles: readonly IndexedBundle[];
}

/**
 * Writes bundles/index.json (every bundle with its size and sha256, sorted by path) into the
 * new version of the output, and a Downloads page into each bundled locale's HTML site the
 * output holds. Returns the index and the paths written, relative to the output.
 */
export async function writeDownloads(
  output: string,
  files: readonly BundleFile[],
  meta: { readonly version: string; readonly contentHash: string },
  localesDir: string,
): Promise<{ index: BundleIndex; written: string[] }> {
  const bundles: IndexedBundle[] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const path = `bundles/${file.path}`;
    bundles.push({
      path,
      kind: file.kind,
      locale: file.locale,
      ...(file.format === undefined ? {} : { format: file.format }),
      ...(file.protocol === undefined ? {} : { protocol: file.protocol }),
      ...(await hashFile(join(output, path))),
    });
  }
  const index: BundleIndex = { statusbook: meta.version, contentHash: meta.contentHash, bundles };
  writeFileSync(join(output, BUNDLE_INDEX), `${JSON.stringify(index, null, 2)}\n`);
  const written = [BUNDLE_INDEX];
  for (const locale of [...new Set(bundles.map((b) => b.locale))]) {
    // The page belongs to the locale's HTML site: there is none when html was not built for it.
    if (!existsSync(join(output, 'html', locale, 'index.html'))) continue;
    const page = downloadsPage(locale);
    mkdirSync(dirname(join(output, page)), { recursive: true });
    writeFileSync(join(output, page), downloadsHtml(locale, index, strings(localesDir, locale)));
    written.push(page);
  }
  return { index, written };
}

type Strings = (key: string, values?: Record<string, string>) => string;

/**
 * The locale's `downloads.*` strings from ui.json (English where it has none), with named
 * placeholders filled by values already escaped for HTML. This page is made on the main
 * thread, which does not load i18next; its strings have no plurals.
 */
function strings(localesDir: string, locale: string): Strings {
  const read = (l: string) => JSON.parse(readFileSync(join(localesDir, l, 'ui.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  const own = read(locale);
  const source = locale === SOURCE_LOCALE ? own : read(SOURCE_LOCALE);
  return (key, values = {}) => {
    const [group = '', name = ''] = key.split('.');
    const text = own[group]?.[name] ?? source[group]?.[name];
    if (typeof text !== 'string') throw new Error(`locales/${SOURCE_LOCALE}/ui.json has no string '${key}'`);
    return escapeHtml(text).replace(/\{\{(\w+)\}\}/g, (whole, placeholder: string) => values[placeholder] ?? whole);
  };
}

/** The Downloads page of one locale: at html/<locale>/downloads.html, beside the locale's home. */
function downloadsHtml(locale: string, index: BundleIndex, t: Strings): string {
  const size = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
  const rows = index.bundles
    .filter((b) => b.locale === locale)
    .map((b) => {
      // The site is output/html at the base URL; output/bundles is published beside it, at bundles/.
      const href = `../${b.path.split('/').map(encodeURIComponent).join('/')}`;
      const name = b.path.slice(b.path.lastIndexOf('/') + 1);
      return `<tr><td><a href="${escapeHtml(href)}" download>${escapeHtml(name)}</a></td><td>${escapeHtml(b.kind)}</td><td>${escapeHtml(b.format ?? b.protocol ?? '')}</td><td>${escapeHtml(size.format(b.size / 1000))}</td><td><code>${b.sha256}</code></td></tr>`;
    });
  const first = index.bundles.find((b) => b.locale === locale);
  const command = `<code>sha256sum ${escapeHtml(first ? first.path.slice(first.path.lastIndexOf('/') + 1) : '')}</code>`;
  const dir = /^(ar|fa|he|ur|yi)(-|$)/.test(locale) ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${t('downloads.title')} · Statusbook</title>
<link rel="stylesheet" href="../assets/site.css">
</head>
<body>
<header class="site">
<a class="brand" href="index.html">Statusbook</a>
</header>
<nav class="breadcrumbs" aria-label="${t('nav.breadcrumbs')}">
<ol>
<li><a href="index.html">${t('nav.home')}</a></li>
</ol>
</nav>
<main id="main">
<h1>${t('downloads.title')}</h1>
<p class="summary">${t('downloads.intro')}</p>
<p>${t('downloads.made', { version: escapeHtml(index.statusbook), hash: `<code>${escapeHtml(index.contentHash)}</code>` })}</p>
<table>
<thead><tr><th scope="col">${t('downloads.file')}</th><th scope="col">${t('downloads.kind')}</th><th scope="col">${t('downloads.format')}</th><th scope="col">${t('downloads.size')}</th><th scope="col">${t('downloads.sha256')}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p>${t('downloads.verify', { command })}</p>
<p>${t('downloads.list', { file: '<a href="../bundles/index.json"><code>bundles/index.json</code></a>' })}</p>
</main>
</body>
</html>
`;
}

/** Text for HTML: control characters made inert as everywhere in the site (`inert`), then entities for `& < > " '`. */
function escapeHtml(text: string): string {
  return inert(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
