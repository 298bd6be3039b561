import { FORMAT_LINKS, FORMATS, mdProfileLocale, type Format } from '@statusbook/generator/plan';
import type { Manifest } from './manifest.js';

/**
 * The output is made of slices, each owned by the build that last made it: `<format>/<locale>`
 * (pages), `html` (the HTML site's own files: sitemaps, 404, redirects, stylesheets), `json`
 * (the JSON API's own files: index.json, schemas, headers) and `pdf/<locale>`. A build makes the slices it is asked for and keeps the others as they are.
 */
export type SliceKey = string;

/** The slice of `statusbook bundle`'s files: output/bundles/ and the HTML site's Downloads pages. */
export const BUNDLES: SliceKey = 'bundles';

/** The Downloads page of a locale's HTML site, a file of the `bundles` slice (`statusbook bundle` writes it). */
export function downloadsPage(locale: string): string {
  return `html/${locale}/downloads.html`;
}

/** The slice a file of the output belongs to, given the slices the output holds. */
export function sliceOf(path: string, slices: Readonly<Record<SliceKey, unknown>>): SliceKey {
  const [top = '', second = ''] = path.split('/', 2);
  if (top === 'pdf') return `pdf/${second}`;
  if (top === BUNDLES || (top === 'html' && path === downloadsPage(second))) return BUNDLES;
  // Markdown profiles lay a locale out as their tool expects (hugo/content/<l>/, docusaurus/docs/...): still the slice md/<l>.
  const profiled = mdProfileLocale(path);
  if (profiled !== undefined) return Object.hasOwn(slices, `md/${profiled}`) ? `md/${profiled}` : top;
  const key = `${top}/${second}`;
  return Object.hasOwn(slices, key) ? key : top;
}

/** What a build does with the slices of the output it finds. */
export interface SlicePlan {
  /** Slices of the current output that this build keeps as they are. */
  readonly carried: readonly SliceKey[];
  /** Slices of the current output that this build removes (`--prune`, `--clean`). */
  readonly dropped: readonly SliceKey[];
  /** Per format rendered, the locales its pages link to: those it will hold after the build, in the project's order. */
  readonly linkLocales: Partial<Record<Format, string[]>>;
  /**
   * Per locale of the project, the formats whose pages of that locale the output holds after
   * the build: a page links to its other forms only in these.
   */
  readonly linkFormats: Record<string, Format[]>;
  /**
   * Kept slices whose pages link to other locales, or other forms, than the output will hold
   * (built before a locale or a format was added or removed).
   */
  readonly outdated: readonly SliceKey[];
  /** Whether the output holds bundles after the build: the HTML locale homes then link to their Downloads page. */
  readonly downloads: boolean;
}

export interface SliceRequest {
  readonly formats: readonly Format[];
  readonly locales: readonly string[];
  readonly pdf: boolean;
  /** Every locale of the project, in its order (English first). */
  readonly order: readonly string[];
  /** Which slices of the output to keep: all (the default), none (`--clean`), or the configured ones (`--prune`). */
  readonly keep: (slice: SliceKey) => boolean;
  /** Whether the build makes the bundles (`statusbook bundle`): the `bundles` slice is then made anew. */
  readonly bundles?: boolean;
}

/** The slices a build makes, keeps and drops, and the locales each format's pages link to. */
export function planSlices(previous: Manifest | undefined, request: SliceRequest): SlicePlan {
  const present = previous ? Object.keys(previous.slices) : [];
  const made = new Set(madeSlices(request));
  const others = present.filter((s) => !made.has(s));
  const carried = others.filter(request.keep);
  const dropped = others.filter((s) => !request.keep(s));
  const linkLocales: Partial<Record<Format, string[]>> = {};
  for (const format of request.formats) {
    const held = new Set([...request.locales, ...carried.filter((s) => s.startsWith(`${format}/`)).map((s) => s.slice(format.length + 1))]);
    linkLocales[format] = request.order.filter((l) => held.has(l));
  }
  const holds = new Set([...made, ...carried]);
  const linkFormats = Object.fromEntries(request.order.map((l) => [l, FORMATS.filter((f) => holds.has(`${f}/${l}`))]));
  const outdated = carried.filter((s) => {
    const [format, locale] = s.split('/') as [Format, string | undefined];
    if (locale === undefined || !FORMATS.includes(format)) return false;
    const slice = previous?.slices[s];
    const linked = linkLocales[format];
    return (linked !== undefined && slice?.locales !== linked.join(',')) || (slice?.forms ?? '') !== formsLinked(format, linkFormats[locale] ?? []);
  });
  return { carried, dropped, linkLocales, linkFormats, outdated, downloads: holds.has(BUNDLES) };
}

/** The forms a page of `format` links to, of those the output holds for its locale: recorded with its slice. */
export function formsLinked(format: Format, held: readonly Format[]): string {
  return held.filter((f) => FORMAT_LINKS[format].includes(f)).join(',');
}

/** The slices a build of these formats and locales makes. */
function madeSlices(request: Pick<SliceRequest, 'formats' | 'locales' | 'pdf' | 'bundles'>): SliceKey[] {
  return [
    ...request.formats.flatMap((f) => request.locales.map((l) => `${f}/${l}`)),
    ...(request.formats.includes('html') ? ['html'] : []),
    ...(request.formats.includes('json') ? ['json'] : []),
    ...(request.pdf ? request.locales.map((l) => `pdf/${l}`) : []),
    ...(request.bundles ? [BUNDLES] : []),
  ];
}

/** What decides a slice's page list, recorded with it: shard, pair selection, protocols, redirect pages, Markdown profile. */
export function sliceList(b: { shard: { k: number; n: number }; pairs: string; protocolFilter?: string | undefined; redirectPages: boolean; mdProfile?: string }): string {
  const list = [`${b.shard.k}/${b.shard.n}`, b.pairs, b.protocolFilter ?? '', b.redirectPages ? 'redirects' : ''].join('|');
  // The profile decides where the Markdown pages are: switching it makes every page again.
  return b.mdProfile === undefined || b.mdProfile === 'plain' ? list : `${list}|md:${b.mdProfile}`;
}
