import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import type { Arg, Translator } from './i18n.js';
import { cssString, scriptJson } from './formats/embedded.js';
import { urlPath } from './formats/paths.js';
import { relativeHref } from './formats/relative.js';
import type { Format, FormatRenderer, PageKind, Target } from './types.js';

/** What helpers see of the page being rendered (passed as `@ctx`). */
export interface HelperContext {
  readonly format: FormatRenderer;
  readonly translator: Translator;
  readonly target: Target;
  /** Prefix of absolute URLs (canonical links), without a trailing slash. */
  readonly baseUrl: string;
}

export type Template = (view: object, ctx: HelperContext) => string;

/** A template of a page that is not one of the page kinds (the 404 page, the root page). */
export type ExtraPage = 'not-found' | 'root';

/** Compiled templates: one per (page kind, format), plus one layout per format, plus static assets. */
export interface Templates {
  page(kind: PageKind | ExtraPage, format: Format): Template;
  /** A fragment (`fragments/<name>.<format>.hbs`): a piece of page rendered once and reused. */
  fragment(name: string, format: Format): Template;
  layout(format: Format): Template;
  /** `assets/*` files by name (stylesheets), copied into the HTML site. */
  readonly assets: ReadonlyMap<string, string>;
}

/** Raised when a template is missing or does not compile. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'TemplateError';
  }
}

/**
 * Compiles every template under `dir` once: `pages/<kind>.<format>.hbs`,
 * `layouts/default.<format>.hbs` and `partials/<name>.hbs`; reads `assets/*`.
 */
export async function loadTemplates(dir: string, specs: readonly { format: Format; kinds: readonly PageKind[] }[]): Promise<Templates> {
  const hb = Handlebars.create();
  const assets = new Map<string, string>();
  for (const file of await listFiles(join(dir, 'assets'), '')) assets.set(basename(file), await readFile(file, 'utf8'));
  registerHelpers(hb, assets);
  for (const file of await listHbs(join(dir, 'partials'))) {
    hb.registerPartial(basename(file, '.hbs'), compileNow(hb, file, await readFile(file, 'utf8')));
  }
  const compiled = new Map<string, Template>();
  const compile = async (file: string): Promise<Template> => {
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch {
      throw new TemplateError(file, 'template not found');
    }
    const fn = compileNow(hb, file, source);
    return (view, ctx) => {
      try {
        return fn(view, { data: { ctx } });
      } catch (error) {
        throw new TemplateError(file, (error as Error).message);
      }
    };
  };
  for (const { format, kinds } of specs) {
    compiled.set(`layout:${format}`, await compile(join(dir, 'layouts', `default.${format}.hbs`)));
    const extra: ExtraPage[] = format === 'html' ? ['not-found', 'root'] : [];
    for (const kind of [...kinds, ...extra]) {
      compiled.set(`${kind}:${format}`, await compile(join(dir, 'pages', `${kind}.${format}.hbs`)));
    }
    for (const file of await listHbs(join(dir, 'fragments'))) {
      const [name, fmt] = basename(file, '.hbs').split('.');
      if (fmt === format) compiled.set(`fragment:${name}:${format}`, await compile(file));
    }
  }
  const get = (key: string): Template => {
    const template = compiled.get(key);
    if (!template) throw new Error(`no template loaded for ${key}`);
    return template;
  };
  return {
    page: (kind, format) => get(`${kind}:${format}`),
    fragment: (name, format) => get(`fragment:${name}:${format}`),
    layout: (format) => get(`layout:${format}`),
    assets,
  };
}

/** The helpers templates may use; anything else is a compile error, and calls are direct. */
const HELPERS = ['t', 'link', 'url', 'asset', 'inline-asset', 'css-string', 'json', 'number'] as const;

/**
 * Compiles a template now, not on its first use as `compile` does: syntax errors surface
 * before any page is rendered, and a worker compiles while the build is still loading content.
 * Views hold only values already escaped or rendered for the format (see pages/), so the
 * engine adds no escaping of its own (`noEscape`).
 */
function compileNow(hb: typeof Handlebars, file: string, source: string): Handlebars.TemplateDelegate {
  try {
    // `precompile` gives the template as JavaScript source, as handlebars' own build tools use it.
    const spec = new Function(`return ${hb.precompile(source, COMPILE_OPTIONS)};`)() as TemplateSpecification;
    return hb.template(spec);
  } catch (error) {
    throw new TemplateError(file, (error as Error).message);
  }
}

const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  preventIndent: true,
  knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])),
  knownHelpersOnly: true,
};

type HelperOptions = Handlebars.HelperOptions & { data: { ctx: HelperContext } };

/**
 * The documented helper set (docs/templates.md):
 * - `t key name=value...` a localized sentence, placeholders escaped for the format;
 * - `link target [anchor]` a relative link from this page to another page;
 * - `url target` the page's absolute URL (base URL + path), for canonical and hreflang links;
 * - `asset name` a relative link to a file of templates/assets/ in the HTML site;
 * - `inline-asset name` the contents of a file of templates/assets/ (print pages embed their CSS);
 * - `css-string value` a quoted CSS string (print running headers);
 * - `json value` a value as JSON that can sit inside a `<script>` element;
 * - `number value` a number formatted for the locale.
 */
function registerHelpers(hb: typeof Handlebars, assets: ReadonlyMap<string, string>): void {
  hb.registerHelper('t', function (key: unknown, options: HelperOptions) {
    if (typeof key !== 'string') throw new Error('{{t}} needs a translation key');
    const hash = options.hash as Record<string, unknown>;
    const args = Object.keys(hash).length > 0 ? (hash as Record<string, Arg>) : undefined;
    // A template names its key at run time: the translator checks the arguments as it fills them.
    const { translator } = options.data.ctx as HelperContext;
    const t = translator.t as (key: string, args?: Readonly<Record<string, Arg>>) => string;
    return new hb.SafeString(t.call(translator, key, args));
  });
  hb.registerHelper('link', function (target: unknown, ...rest: unknown[]) {
    const options = rest.pop() as HelperOptions;
    const anchor = typeof rest[0] === 'string' ? `#${rest[0]}` : '';
    const { format, target: from } = options.data.ctx;
    return new hb.SafeString(format.url(format.href(from, target as Target) + anchor));
  });
  hb.registerHelper('url', function (target: unknown, options: HelperOptions) {
    const { format, baseUrl } = options.data.ctx;
    return new hb.SafeString(format.url(baseUrl + urlPath(target as Target)));
  });
  hb.registerHelper('asset', function (name: unknown, options: HelperOptions) {
    const { format, target } = options.data.ctx;
    if (typeof name !== 'string' || !assets.has(name)) throw new Error(`{{asset}}: no file templates/assets/${String(name)}`);
    return new hb.SafeString(format.url(relativeHref(format.path(target), `html/assets/${name}`)));
  });
  hb.registerHelper('inline-asset', function (name: unknown) {
    const contents = typeof name === 'string' ? assets.get(name) : undefined;
    if (contents === undefined) throw new Error(`{{inline-asset}}: no file templates/assets/${String(name)}`);
    return new hb.SafeString(contents);
  });
  hb.registerHelper('css-string', function (value: unknown) {
    return new hb.SafeString(cssString(String(value)));
  });
  hb.registerHelper('json', function (value: unknown) {
    return new hb.SafeString(scriptJson(value));
  });
  hb.registerHelper('number', function (value: unknown, options: HelperOptions) {
    const { format, translator } = options.data.ctx;
    return new hb.SafeString(format.text(translator.number(Number(value))));
  });
}

async function listHbs(dir: string): Promise<string[]> {
  return listFiles(dir, '.hbs');
}

async function listFiles(dir: string, suffix: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith(suffix)).sort().map((n) => join(dir, n));
  } catch {
    return [];
  }
}
