import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import type { Rendered, Translator } from './i18n.js';
import type { Format, FormatRenderer, PageKind, Target } from './types.js';

/** What helpers see of the page being rendered (passed as `@ctx`). */
export interface HelperContext {
  readonly format: FormatRenderer;
  readonly translator: Translator;
  readonly target: Target;
}

export type Template = (view: object, ctx: HelperContext) => string;

/** Compiled templates: one per (page kind, format), plus one layout per format. */
export interface Templates {
  page(kind: PageKind, format: Format): Template;
  layout(format: Format): Template;
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
 * `layouts/default.<format>.hbs` and `partials/<name>.hbs`.
 */
export async function loadTemplates(dir: string, kinds: readonly PageKind[], formats: readonly Format[]): Promise<Templates> {
  const hb = Handlebars.create();
  registerHelpers(hb);
  for (const file of await listHbs(join(dir, 'partials'))) {
    hb.registerPartial(basename(file, '.hbs'), await readFile(file, 'utf8'));
  }
  const compiled = new Map<string, Template>();
  const compile = async (file: string): Promise<Template> => {
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch {
      throw new TemplateError(file, 'template not found');
    }
    let fn: Handlebars.TemplateDelegate;
    try {
      // Views hold only values already escaped or rendered for the format (see pages/), so the
      // engine adds no escaping of its own.
      fn = hb.compile(source, { strict: true, noEscape: true, preventIndent: true });
      // Compile now so syntax errors surface before any page is rendered.
      hb.precompile(source, { strict: true, noEscape: true });
    } catch (error) {
      throw new TemplateError(file, (error as Error).message);
    }
    return (view, ctx) => {
      try {
        return fn(view, { data: { ctx } });
      } catch (error) {
        throw new TemplateError(file, (error as Error).message);
      }
    };
  };
  for (const format of formats) {
    compiled.set(`layout:${format}`, await compile(join(dir, 'layouts', `default.${format}.hbs`)));
    for (const kind of kinds) {
      compiled.set(`${kind}:${format}`, await compile(join(dir, 'pages', `${kind}.${format}.hbs`)));
    }
  }
  const get = (key: string): Template => {
    const template = compiled.get(key);
    if (!template) throw new Error(`no template loaded for ${key}`);
    return template;
  };
  return {
    page: (kind, format) => get(`${kind}:${format}`),
    layout: (format) => get(`layout:${format}`),
  };
}

type HelperOptions = Handlebars.HelperOptions & { data: { ctx: HelperContext } };

/**
 * The documented helper set:
 * - `t key name=value...` a localized sentence, placeholders escaped for the format;
 * - `link target` a relative link from this page to another page;
 * - `number value` a number formatted for the locale.
 */
function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('t', function (key: unknown, options: HelperOptions) {
    if (typeof key !== 'string') throw new Error('{{t}} needs a translation key');
    const hash = options.hash as Record<string, unknown>;
    const args = Object.keys(hash).length > 0 ? (hash as Record<string, string | number | Rendered>) : undefined;
    return new hb.SafeString(options.data.ctx.translator.t(key, args));
  });
  hb.registerHelper('link', function (target: unknown, options: HelperOptions) {
    const { format, target: from } = options.data.ctx;
    return new hb.SafeString(format.url(format.href(from, target as Target)));
  });
  hb.registerHelper('number', function (value: unknown, options: HelperOptions) {
    const { format, translator } = options.data.ctx;
    return new hb.SafeString(format.text(new Intl.NumberFormat(translator.locale).format(Number(value))));
  });
}

async function listHbs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.hbs')).sort().map((n) => join(dir, n));
  } catch {
    return [];
  }
}
