import type { Protocol } from '@statusbook/core/model';
import { pageRefCount, pageRefs, refTarget, resolveRef, type PageRef, type PairSelection } from './page-refs.js';
import { formatRenderer } from './formats/index.js';
import { mdProfileRenderer } from './formats/md-profiles.js';
import { htmlPath, urlPath } from './formats/paths.js';
import { relativeHref } from './formats/relative.js';
import { FragmentCache } from './fragments.js';
import type { TFunction } from 'i18next';
import { createI18n, createTranslator, prepareLocaleIntl, Rendered, sourceContent, type ContentText } from './i18n.js';
import { pageModules } from './pages/index.js';
import type { PageModule, RenderEnv } from './pages/types.js';
import { siteFiles, type RedirectRules } from './site-files.js';
import { formLinks, metaDescription, ogLocale } from './page-meta.js';
import { jsonIndexFile, jsonStaticFiles, type JsonSiteInfo } from './json/site-files.js';
import { collator, languageName, textDirection } from './locale-info.js';
import { to, inLocale } from './targets.js';
import { loadTemplates, type HelperContext, type Templates } from './templates.js';
import { checkLocaleName, LocaleFilesError } from './ui-strings.js';
import { LOCALE_FILE_KINDS, type Format, type MdProfile, type OutputFile, type Page, type PageKind } from './types.js';

export interface SiteOptions {
  readonly protocols: readonly Protocol[];
  readonly templatesDir: string;
  readonly localesDir: string;
  /** The locales to build; the first is the default (`x-default`). */
  readonly locales: readonly string[];
  readonly formats: readonly Format[];
  /** Prefix of canonical and sitemap URLs, e.g. `https://docs.example.org/`. Default `/`. */
  readonly baseUrl?: string;
  /** Comparison pages for every pair (default) or only for curated pairs. */
  readonly pairs?: PairSelection;
  /** Also a redirect page for each reversed pair URL (default: only the redirect list). */
  readonly redirectPages?: boolean;
  /** Content text per locale; the source text where a locale has none. */
  readonly content?: (locale: string) => ContentText;
  /**
   * Per format, the locales its pages link to (language switcher, hreflang alternates,
   * sitemap): those the output holds after the build, which may be more than it renders.
   * Default: `locales`.
   */
  readonly linkLocales?: Readonly<Partial<Record<Format, readonly string[]>>>;
  /**
   * Locales built but not advertised (translated below `minTranslated`): no other page links
   * to them (language switcher, hreflang, front matter alternates), and neither do the
   * sitemaps and the 404 page's list of languages. Their redirect rules stay.
   */
  readonly unadvertised?: readonly string[];
  /** Which rules `html/_redirects` holds (default `auto`: only when they fit every host's limit). */
  readonly redirects?: RedirectRules;
  /**
   * Per locale, the formats whose pages of that locale the output holds after the build,
   * which may be more than this build renders: pages link to their other forms only in
   * these. Default: `formats`.
   */
  readonly linkFormats?: Readonly<Record<string, readonly Format[]>>;
  /** What `json/index.json` says besides the model (tool version, content hash, coverage). */
  readonly json?: JsonSiteInfo;
  /** The layout, front matter and links of the Markdown pages (default `plain`). */
  readonly mdProfile?: MdProfile;
  /** Whether the output holds bundles: each HTML locale home then links to its Downloads page. */
  readonly downloads?: boolean;
}

/**
 * The groups of site files a build keeps or makes again on their own: the HTML site's, the
 * JSON index (changes with the content) and the JSON schemas and headers (with statusbook).
 */
export type SitePart = 'html' | 'json-index' | 'json-static';

export const SITE_PARTS: readonly SitePart[] = ['html', 'json-index', 'json-static'];

/** A loaded site: the list of its pages and a renderer for each. */
export interface Site {
  /** Every page, in a stable order: format, locale, protocol, then kind. */
  pages(): Generator<Page>;
  pageCount(): number;
  render(page: Page): OutputFile;
  /** Renders the page a ref names. */
  renderRef(ref: PageRef): OutputFile;
  /**
   * Renders the page a ref names as the build writes it: one file, or a long one in pieces
   * (the first names the file, the others continue it with \`append\`).
   */
  renderPieces(ref: PageRef): Generator<OutputFile>;
  /**
   * Files that are not pages: the HTML site's (stylesheet, sitemap, 404, redirects, headers)
   * and the json format's (index; schemas and headers), of the parts given (default: all).
   */
  files(of?: readonly SitePart[]): Generator<OutputFile>;
}

/** What a site needs before its content: compiled templates and the UI strings. */
export interface SitePreparation {
  readonly templates: Templates;
  readonly fixedT: (locale: string) => TFunction;
}

/**
 * Loads and compiles the templates and UI strings and makes the locales' ICU objects: needs
 * no content, so a worker can do it while the build reads the content.
 */
export async function prepareSite(options: Pick<SiteOptions, 'templatesDir' | 'localesDir' | 'locales' | 'formats' | 'linkLocales'>): Promise<SitePreparation> {
  const { locales, formats } = options;
  for (const format of formats) formatRenderer(format);
  // A folder name ICU cannot read would fail below without naming the folder.
  const misnamed = locales.map((l) => checkLocaleName(l, options.localesDir)).filter((d) => d !== undefined);
  if (misnamed.length > 0) throw new LocaleFilesError(misnamed);
  // Site files speak the default locale of the locales linked to, which this build may not render.
  const spoken = [...new Set([...locales, ...Object.values(options.linkLocales ?? {}).flat()])];
  const loading = Promise.all([
    // Formats made of data (json) have no templates, nor have files made of data (a dump, a search index).
    loadTemplates(
      options.templatesDir,
      formats.filter((f) => !formatRenderer(f).document).map((f) => ({ format: f, kinds: formatRenderer(f).kinds.filter((k) => !madeOfData(k)) })),
    ),
    createI18n(options.localesDir, spoken),
  ]);
  // While the files are read: each locale's ICU objects (plural rules, number and list
  // formats, language names, collator), which every page of that locale uses.
  for (const locale of locales) {
    prepareLocaleIntl(locale);
    for (const format of formats) switcherOrder(options.linkLocales?.[format] ?? locales, locale);
    textDirection(locale);
  }
  const [templates, fixedT] = await loading;
  return { templates, fixedT };
}

/** Loads templates and translations once (unless prepared) and returns the site's page list and renderer. */
export async function createSite(options: SiteOptions, prepared?: Promise<SitePreparation>): Promise<Site> {
  const { protocols, locales, formats } = options;
  const baseUrl = (options.baseUrl ?? '/').replace(/\/*$/, '');
  const pairs = options.pairs ?? 'all';
  const { templates, fixedT } = await (prepared ?? prepareSite(options));
  // Pages come in (format, locale) order, so only the current pair's caches are kept: memory
  // for fragments stays that of one locale and format, however many there are.
  const unadvertised = new Set(options.unadvertised ?? []);
  const linkable = (format: Format): readonly string[] => options.linkLocales?.[format] ?? locales;
  const localesFor = (format: Format): readonly string[] => linkable(format).filter((l) => !unadvertised.has(l));
  const envs = new Map<string, RenderEnv>();
  const envFor = (locale: string, format: Format): RenderEnv => {
    const key = `${locale}:${format}`;
    let env = envs.get(key);
    if (!env) {
      envs.clear();
      const base = format === 'md' ? mdProfileRenderer(options.mdProfile ?? 'plain') : formatRenderer(format);
      const renderer = (textDirection(locale) === 'rtl' && base.rtl) || base;
      const content = options.content?.(locale) ?? sourceContent;
      const translator = createTranslator(fixedT(locale), locale, renderer, content);
      const cache = new Map<string, string>();
      const ctx: HelperContext = { format: renderer, translator, target: to.home(locale), baseUrl };
      env = {
        format: renderer,
        translator,
        fragments: new FragmentCache(renderer, translator),
        protocols,
        pairs,
        locales: localesFor(format),
        forms: options.linkFormats?.[locale] ?? formats,
        baseUrl,
        mdProfile: options.mdProfile ?? 'plain',
        downloads: options.downloads ?? false,
        fragment(name, key, view) {
          const id = `${name}\u0000${key}`;
          let hit = cache.get(id);
          if (hit === undefined) {
            hit = templates.fragment(name, format)(view(), ctx);
            cache.set(id, hit);
          }
          return hit;
        },
        *localePages() {
          for (const ref of pageRefs(protocols, [locale], [format], pairs, false, options.mdProfile)) {
            if ((LOCALE_FILE_KINDS as readonly PageKind[]).includes(ref.kind)) continue;
            yield { target: refTarget(ref), contents: renderPage(resolveRef(ref, protocols), site).contents };
          }
        },
      };
      envs.set(key, env);
    }
    return env;
  };
  const site = { localesFor, baseUrl, templates, envFor };

  return {
    *pages() {
      for (const ref of pageRefs(protocols, locales, formats, pairs, options.redirectPages, options.mdProfile)) yield resolveRef(ref, protocols);
    },
    pageCount: () => pageRefCount(protocols, locales, formats, pairs, options.redirectPages, options.mdProfile),
    render: (page) => renderPage(page, site),
    renderRef: (ref) => renderPage(resolveRef(ref, protocols), site),
    renderPieces: (ref) => renderPieces(resolveRef(ref, protocols), site),
    *files(of = SITE_PARTS) {
      if (of.includes('html') && formats.includes('html')) {
        yield* siteFiles({
          ...site,
          locales: localesFor('html'),
          redirectLocales: linkable('html'),
          redirects: options.redirects ?? 'auto',
          formats,
          protocols,
          pairs,
          pages: function* () {
            yield* pageRefs(protocols, localesFor('html').slice(0, 1), ['html'], pairs);
          },
        });
      }
      if (of.includes('json-index') && formats.includes('json')) {
        yield jsonIndexFile({ protocols, locales: localesFor('json'), pairs, info: options.json ?? { version: '', contentHash: '', coverage: {} } });
      }
      if (of.includes('json-static') && formats.includes('json')) yield* jsonStaticFiles();
    },
  };
}

/** Whether a page kind's files are built by its module, without a template. */
function madeOfData(kind: PageKind): boolean {
  const module = pageModules[kind] as PageModule<PageKind>;
  return module.document !== undefined || module.pieces !== undefined;
}

const switcherOrders = new Map<string, readonly string[]>();

/** The language switcher's order: languages by their own names, sorted for the reader; once per locale. */
function switcherOrder(locales: readonly string[], reader: string): readonly string[] {
  const key = `${reader}\u0000${locales.join(',')}`;
  let order = switcherOrders.get(key);
  if (!order) {
    order = [...locales].sort((a, b) => collator(reader).compare(languageName(a), languageName(b)));
    switcherOrders.set(key, order);
  }
  return order;
}

interface SiteState {
  localesFor(format: Format): readonly string[];
  readonly baseUrl: string;
  readonly templates: Templates;
  envFor(locale: string, format: Format): RenderEnv;
}

/**
 * Characters per piece of a file that comes in pieces: under V8's large-object size (as
 * sitemap pieces), so what the build holds of a dump stays small and dies young.
 */
const PIECE_CHARS = 48 * 1024;

function* renderPieces(page: Page, site: SiteState): Generator<OutputFile> {
  const module = pageModules[page.kind] as PageModule<PageKind>;
  if (!module.pieces) {
    yield renderPage(page, site);
    return;
  }
  const env = site.envFor(page.locale, page.format);
  const path = env.format.path(module.target(page as never));
  let held: string[] = [];
  let size = 0;
  let first = true;
  const piece = (): OutputFile => {
    const file = { path, contents: held.join(''), ...(first ? {} : { append: true }) };
    first = false;
    held = [];
    size = 0;
    return file;
  };
  for (const text of module.pieces(page as never, env)) {
    held.push(text);
    size += text.length;
    if (size >= PIECE_CHARS) yield piece();
  }
  if (first || held.length > 0) yield piece();
}

function renderPage(page: Page, site: SiteState): OutputFile {
  const module = pageModules[page.kind] as PageModule<PageKind>;
  const env = site.envFor(page.locale, page.format);
  const target = module.target(page as never);
  const path = env.format.path(target);
  // A file that comes in pieces, whole (\`statusbook show\`; the build writes the pieces).
  if (module.pieces) return { path, contents: [...module.pieces(page as never, env)].join('') };
  // Files of data, not pages (a docs tool's category and nav files), are built by their module.
  if (module.document) return { path, contents: module.document(page as never, env) };
  // Formats made of data, not templates (json), build the whole file themselves.
  if (env.format.document) return { path, contents: env.format.document(page, env) };
  const ctx: HelperContext = { format: env.format, translator: env.translator, target, baseUrl: site.baseUrl };
  const view = (module.views?.[page.format] ?? module.view).call(module, page as never, env);
  const body = site.templates.page(page.kind, page.format)(view, ctx);
  const title = module.title(page as never, env);
  if (module.layout === false) return { path, contents: env.format.finish(body, () => ({})) };

  const linked = site.localesFor(page.format);
  const meta: { description?: string; forms?: object[]; og?: object } = {};
  const alternates = switcherOrder(linked, page.locale).map((locale) => ({
    locale,
    name: env.format.text(languageName(locale)),
    target: inLocale(target, locale),
    current: locale === page.locale,
  }));
  const layout = {
    title: env.format.text(title),
    lang: page.locale,
    dir: textDirection(page.locale),
    body: new Rendered(body),
    self: target,
    home: to.home(page.locale),
    protocolIndex: target.protocol === undefined ? undefined : to.protocol(page.locale, target.protocol),
    breadcrumbs: module.breadcrumbs(page as never, env),
    alternates,
    xDefault: inLocale(target, linked[0] ?? page.locale),
    runningHeader: `${env.translator.plain('site.name')} · ${title}`,
    // The document's title: the page's, then the site's name, unless they are the same (a home page).
    documentTitle: env.format.text(title === env.translator.plain('site.name') ? title : `${title} · ${env.translator.plain('site.name')}`),
    // The locale's search index (HTML pages only), for partials/search-box.hbs.
    searchIndex: page.format === 'html' ? env.format.url(relativeHref(path, htmlPath(to.localeFile('search', page.locale)))) : undefined,
    // Read by the HTML layout only (several times): made once, when a template first asks.
    get description() {
      return (meta.description ??= env.format.text(metaDescription(module.description?.(page as never, env) ?? title, page.locale)));
    },
    get forms() {
      return (meta.forms ??= formLinks(env, target));
    },
    get og() {
      return (meta.og ??= {
        type: target.kind === 'code' || target.kind === 'compare' ? 'article' : 'website',
        url: /^https?:\/\//.test(site.baseUrl) ? env.format.url(site.baseUrl + urlPath(target)) : undefined,
        locale: ogLocale(page.locale),
        alternates: linked.filter((l) => l !== page.locale).map(ogLocale),
      });
    },
  };
  const wrapped = site.templates.layout(page.format)(layout, ctx);
  const frontMatter = () => ({
    title,
    locale: page.locale,
    // Only right-to-left pages say their direction: left to right is every reader's default.
    ...(layout.dir === 'rtl' ? { dir: 'rtl' } : {}),
    ...module.frontMatter(page as never),
    canonical: site.baseUrl + urlPath(target),
    alternates: Object.fromEntries(linked.filter((l) => l !== page.locale).map((l) => [l, site.baseUrl + urlPath(inLocale(target, l))])),
  });
  const profiled = env.format.pageFrontMatter;
  return { path, contents: env.format.finish(wrapped, profiled ? () => profiled(page, target, title, env) : frontMatter) };
}

