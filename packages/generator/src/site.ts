import { derivePairs, pairCount, type Protocol } from '@statusbook/core';
import { formatRenderer } from './formats/index.js';
import { FragmentCache } from './fragments.js';
import { createI18n, createTranslator, Rendered } from './i18n.js';
import { PAGE_KINDS, pageModules } from './pages/index.js';
import type { PageModule, RenderEnv } from './pages/types.js';
import { loadTemplates, type Templates } from './templates.js';
import type { Format, OutputFile, Page, PageKind } from './types.js';

export interface SiteOptions {
  readonly protocols: readonly Protocol[];
  readonly templatesDir: string;
  readonly localesDir: string;
  readonly locales: readonly string[];
  readonly formats: readonly Format[];
}

/** A loaded site: the list of its pages and a renderer for each. */
export interface Site {
  /** Every page, in a stable order: protocol, locale, format, then kind. */
  pages(): Generator<Page>;
  pageCount(): number;
  render(page: Page): OutputFile;
}

/** Loads templates and translations once and returns the site's page list and renderer. */
export async function createSite(options: SiteOptions): Promise<Site> {
  const { protocols, locales, formats } = options;
  for (const format of formats) formatRenderer(format);
  const [templates, fixedT] = await Promise.all([
    loadTemplates(options.templatesDir, PAGE_KINDS, formats),
    createI18n(options.localesDir, locales),
  ]);
  const envs = new Map<string, RenderEnv>();
  const envFor = (locale: string, format: Format): RenderEnv => {
    const key = `${locale}:${format}`;
    let env = envs.get(key);
    if (!env) {
      const renderer = formatRenderer(format);
      const translator = createTranslator(fixedT(locale), locale, renderer);
      env = { format: renderer, translator, fragments: new FragmentCache(renderer, translator) };
      envs.set(key, env);
    }
    return env;
  };

  return {
    *pages() {
      for (const protocol of protocols) {
        for (const locale of locales) {
          for (const format of formats) {
            for (const code of protocol.codes) yield { kind: 'code', locale, format, protocol, code };
            for (const pair of derivePairs(protocol)) yield { kind: 'compare', locale, format, protocol, pair };
          }
        }
      }
    },
    pageCount() {
      const perProtocol = protocols.reduce((n, p) => n + p.codes.length + pairCount(p), 0);
      return perProtocol * locales.length * formats.length;
    },
    render: (page) => renderPage(page, envFor(page.locale, page.format), templates),
  };
}

function renderPage(page: Page, env: RenderEnv, templates: Templates): OutputFile {
  const module = pageModules[page.kind] as PageModule<PageKind>;
  const target = module.target(page as never);
  const ctx = { format: env.format, translator: env.translator, target };
  const view = module.view(page as never, env);
  const body = templates.page(page.kind, page.format)(view, ctx);
  const wrapped = templates.layout(page.format)(
    { title: new Rendered(view.title), lang: page.locale, body: new Rendered(body) },
    ctx,
  );
  return { path: env.format.path(target), contents: env.format.finish(wrapped, module.frontMatter(page as never, env)) };
}
