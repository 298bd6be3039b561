import { urlPath } from './formats/paths.js';
import { jsonHeaderRules } from './json/site-files.js';
import { escapeHtml } from './formats/html.js';
import type { RenderEnv } from './pages/types.js';
import { inLocale, to } from './targets.js';
import { languageName, textDirection } from './locale-info.js';
import type { Templates } from './templates.js';
import type { Format, OutputFile, Target } from './types.js';
import type { Protocol } from '@statusbook/core/model';
import { redirectRuleCount, REDIRECT_LIMIT, refTarget, type PageRef, type PairSelection } from './page-refs.js';

/** URLs per sitemap file; the protocol allows 50,000. */
const SITEMAP_CHUNK = 10_000;

/**
 * URLs per piece of a sitemap file: a file is posted in pieces (the writer appends them), so
 * what a build holds for sitemaps stays small and dies young at any size of site. A piece
 * (~400 bytes a URL) stays under V8's large-object size (128 KB): larger strings fill a space
 * of their own beside the young generation, 16 MB more at the end of a large build.
 */
const SITEMAP_PIECE = 200;

/**
 * Which rules `html/_redirects` holds: `auto`, every reversed pair when they fit the smallest
 * limit of the hosts that read the file (GitLab Pages: 1,000 rules; Cloudflare Pages: 2,000
 * static ones), else none (the 404 page's script sends readers on); `all`, every one (Netlify
 * documents no limit); `none`.
 */
export type RedirectRules = 'auto' | 'all' | 'none';

interface SiteFilesInput {
  /** The locales advertised: in sitemaps and the 404 page's list. */
  readonly locales: readonly string[];
  /** Every locale the site holds, advertised or not: each gets its redirect rules. */
  readonly redirectLocales: readonly string[];
  readonly redirects: RedirectRules;
  readonly baseUrl: string;
  readonly formats: readonly Format[];
  readonly protocols: readonly Protocol[];
  readonly templates: Templates;
  readonly pairs: PairSelection;
  envFor(locale: string, format: Format): RenderEnv;
  /** The HTML pages of the default locale (each stands for its translations too). */
  pages(): Generator<PageRef>;
}

/** Files that are not pages: the stylesheet, 404, sitemaps and the redirect list of the HTML site. */
export function* siteFiles(site: SiteFilesInput): Generator<OutputFile> {
  if (!site.formats.includes('html')) return;
  for (const [name, contents] of site.templates.assets) yield { path: `html/assets/${name}`, contents };
  yield notFound(site);
  yield rootIndex(site);
  yield headers(site);
  // A sitemap lists absolute URLs: without a base URL there is none.
  if (/^https?:\/\//.test(site.baseUrl)) yield* sitemaps(site);
  if (site.redirects === 'all' || (site.redirects === 'auto' && redirectRuleCount(site.protocols, site.redirectLocales, site.pairs) <= REDIRECT_LIMIT)) yield* redirects(site);
}


function notFound(site: SiteFilesInput): OutputFile {
  const locale = site.locales[0] ?? 'en';
  const env = site.envFor(locale, 'html');
  const target: Target = to.home(locale);
  const ctx = { format: env.format, translator: env.translator, target, baseUrl: site.baseUrl };
  // The 404 page is served at any path, so its links are site-absolute.
  const base = basePath(site.baseUrl);
  const body = site.templates.page('not-found', 'html')(
    {
      title: env.translator.t('notFound.title'),
      message: env.translator.t('notFound.message'),
      lang: locale,
      dir: textDirection(locale),
      stylesheet: escapeHtml(`${base}/assets/site.css`),
      homes: site.locales.map((l) => ({ locale: l, href: escapeHtml(`${base}/${l}/`), label: escapeHtml(languageName(l)) })),
    },
    ctx,
  );
  return { path: 'html/404.html', contents: env.format.finish(body, () => ({})) };
}

/**
 * `_headers` (Netlify, Cloudflare Pages): the JSON API and the embeds are published beside
 * the site, under `/json/` and `/embed/`, and any origin may read or frame them.
 */
function headers(site: SiteFilesInput): OutputFile {
  const base = basePath(site.baseUrl);
  return {
    path: 'html/_headers',
    contents: `# Statusbook: output/json and output/embed published beside this site, at /json/ and /embed/
${jsonHeaderRules(`${base}/json`)}${base}/embed/*
  Access-Control-Allow-Origin: *
`,
  };
}

/**
 * `/` offers the locales, each named in its own language with the site's tagline in it; with
 * JavaScript it goes on to the reader's remembered choice, or once to the browser's
 * preferred language (the page's script).
 */
function rootIndex(site: SiteFilesInput): OutputFile {
  const locale = site.locales[0] ?? 'en';
  const env = site.envFor(locale, 'html');
  const ctx = { format: env.format, translator: env.translator, target: to.home(locale), baseUrl: site.baseUrl };
  const contents = site.templates.page('root', 'html')(
    {
      title: env.translator.t('site.name'),
      description: escapeHtml(env.translator.plain('site.tagline')),
      label: env.translator.t('nav.language'),
      lang: locale,
      dir: textDirection(locale),
      canonical: escapeHtml(`${site.baseUrl}/`),
      locales: site.locales,
      homes: site.locales.map((l) => ({
        locale: l,
        dir: textDirection(l),
        href: escapeHtml(`${l}/`),
        absolute: escapeHtml(`${site.baseUrl}/${l}/`),
        name: escapeHtml(languageName(l)),
        tagline: site.envFor(l, 'html').translator.t('site.tagline'),
      })),
    },
    ctx,
  );
  return { path: 'html/index.html', contents: env.format.finish(contents, () => ({})) };
}

function* sitemaps(site: SiteFilesInput): Generator<OutputFile> {
  const html = site.envFor(site.locales[0] ?? 'en', 'html').format;
  const files: string[] = [];
  let open: string | undefined;
  let inFile = 0;
  let entries: string[] = [];
  const piece = (close: boolean): OutputFile => {
    const start = open === undefined;
    if (open === undefined) {
      open = `sitemap-${files.length + 1}.xml`;
      files.push(open);
    }
    const head = start ? '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' : '';
    const file = { path: `html/${open}`, contents: `${head}${entries.join('')}${close ? '</urlset>\n' : ''}`, ...(start ? {} : { append: true }) };
    entries = [];
    if (close) {
      open = undefined;
      inFile = 0;
    }
    return file;
  };
  for (const ref of site.pages()) {
    if (ref.kind === 'redirect' || ref.kind === 'search') continue;
    const target = refTarget(ref);
    html.path(target); // only pages the HTML site has
    const alternates = site.locales
      .map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${escapeHtml(site.baseUrl + urlPath(inLocale(target, l)))}"/>\n`)
      .join('');
    const xDefault = `    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeHtml(site.baseUrl + urlPath(target))}"/>\n`;
    for (const locale of site.locales) {
      entries.push(`  <url>\n    <loc>${escapeHtml(site.baseUrl + urlPath(inLocale(target, locale)))}</loc>\n${alternates}${xDefault}  </url>\n`);
      inFile++;
    }
    if (inFile >= SITEMAP_CHUNK) yield piece(true);
    else if (entries.length >= SITEMAP_PIECE) yield piece(false);
  }
  if (open !== undefined || files.length === 0) yield piece(true);
  const index = files.map((f) => `  <sitemap><loc>${escapeHtml(`${site.baseUrl}/${f}`)}</loc></sitemap>\n`).join('');
  yield {
    path: 'html/sitemap.xml',
    contents: `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index}</sitemapindex>\n`,
  };
}

/** `_redirects` (Netlify, Cloudflare Pages and others): reversed pair URLs to the canonical ones. */
function* redirects(site: SiteFilesInput): Generator<OutputFile> {
  const base = basePath(site.baseUrl);
  const path = 'html/_redirects';
  let lines: string[] = [];
  let first = true;
  const piece = (): OutputFile => {
    const file = { path, contents: lines.length > 0 ? `${lines.join('\n')}\n` : '', ...(first ? {} : { append: true }) };
    first = false;
    lines = [];
    return file;
  };
  for (const protocol of site.protocols) {
    for (const locale of site.redirectLocales) {
      for (const [low, high] of pairCodes(protocol, site.pairs)) {
        const from = urlPath(to.redirect(locale, protocol.id, `${high}-vs-${low}`));
        lines.push(`${base}${from} ${base}${urlPath(to.compare(locale, protocol.id, `${low}-vs-${high}`))} 301`);
        if (lines.length >= REDIRECT_PIECE) yield piece();
      }
    }
  }
  if (lines.length > 0 || first) yield piece();
}

/**
 * Lines of `_redirects` per piece (the file lists every reversed pair of every locale; small
 * pieces die young): ~60 bytes a line, under V8's large-object size like sitemap pieces.
 */
const REDIRECT_PIECE = 1_000;

/** The path part of the base URL, without a trailing slash (`https://x.org/docs` -> `/docs`). */
function basePath(baseUrl: string): string {
  return new URL(`${baseUrl}/`, 'http://localhost').pathname.replace(/\/$/, '');
}

/** The codes of each comparison page, lower first (no pair model: nothing to compare here). */
function* pairCodes(protocol: Protocol, pairs: PairSelection): Generator<readonly [number, number]> {
  if (pairs === 'curated') {
    for (const n of protocol.curated) yield [n.low, n.high];
    return;
  }
  const { codes } = protocol;
  for (let i = 0; i < codes.length; i++) for (let j = i + 1; j < codes.length; j++) yield [codes[i]!.code, codes[j]!.code];
}
