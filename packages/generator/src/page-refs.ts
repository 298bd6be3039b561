import { createHash } from 'node:crypto';
import { findPair, pairSlug, type LocaleTranslation, type Protocol, type StatusCode } from '@statusbook/core/model';
import { CURATED_ONLY, formatKinds, mdProfilePath, pagePath, SELF_CONTAINED } from './formats/paths.js';
import { indexOf } from './protocol-index.js';
import { to } from './targets.js';
import { LOCALE_FILE_KINDS, type Format, type MdProfile, type Page, type PageKind, type Target } from './types.js';

/**
 * A page named by plain data, cheap to list, send to a worker and compare between builds:
 * kind, locale, format, protocol, and the code or the pair (`a` < `b`) it shows.
 */
export interface PageRef {
  readonly kind: PageKind;
  readonly locale: string;
  readonly format: Format;
  readonly protocol?: string | undefined;
  readonly code?: number | undefined;
  readonly a?: number | undefined;
  readonly b?: number | undefined;
}

/**
 * Makes a ref. Every ref has every field (absent ones undefined), so the functions that
 * read refs see one object shape for all kinds of page and stay optimized.
 */
export function pageRef(kind: PageKind, locale: string, format: Format, protocol?: string, code?: number, a?: number, b?: number): PageRef {
  return { kind, locale, format, protocol, code, a, b };
}

/** Which comparison pages a site has: every pair of codes, or only the curated pairs. */
export type PairSelection = 'all' | 'curated';

/**
 * Every page of a site, in a stable order: format, locale, then protocol and kind. Redirect
 * pages for reversed pair URLs are listed only with `redirectPages` (otherwise the site's
 * redirect list and 404 page send those URLs on). The Markdown profile adds its tool's
 * files to `md` (`MD_PROFILE_KINDS`).
 */
export function* pageRefs(
  protocols: readonly Protocol[],
  locales: readonly string[],
  formats: readonly Format[],
  pairs: PairSelection = 'all',
  redirectPages = false,
  mdProfile: MdProfile = 'plain',
): Generator<PageRef> {
  for (const format of formats) {
    const kinds = formatKinds(format, mdProfile);
    const selection = pairsOf(format, pairs);
    for (const locale of locales) {
      if (kinds.includes('home')) yield pageRef('home', locale, format);
      for (const p of protocols) {
        for (const kind of kinds) {
          if (kind === 'redirect' && !redirectPages) continue;
          switch (kind) {
            case 'protocol':
            case 'compare-index':
            case 'book':
            case 'category':
            case 'compare-category':
              yield pageRef(kind, locale, format, p.id);
              break;
            case 'code':
            case 'badge':
              for (const c of p.codes) yield pageRef(kind, locale, format, p.id, c.code);
              break;
            case 'compare':
            case 'redirect':
              if (selection === 'curated') {
                for (const n of p.curated) yield pageRef(kind, locale, format, p.id, undefined, n.low, n.high);
                break;
              }
              for (let i = 0; i < p.codes.length; i++) {
                for (let j = i + 1; j < p.codes.length; j++) {
                  yield pageRef(kind, locale, format, p.id, undefined, p.codes[i]!.code, p.codes[j]!.code);
                }
              }
              break;
            case 'home':
            case 'dump':
            case 'sidebar':
            case 'footer':
            case 'nav':
            case 'search':
              break;
          }
        }
      }
      // A locale's files that gather its pages (a wiki's import dump, sidebar, footer, a nav) come last.
      for (const kind of LOCALE_FILE_KINDS) if (kinds.includes(kind)) yield pageRef(kind, locale, format);
    }
  }
}

/** The comparison pages a format has: the build's selection, or the curated pairs only (embed). */
function pairsOf(format: Format, pairs: PairSelection): PairSelection {
  return CURATED_ONLY.has(format) ? 'curated' : pairs;
}

/** Number of pages `pageRefs` yields. */
export function pageRefCount(
  protocols: readonly Protocol[],
  locales: readonly string[],
  formats: readonly Format[],
  pairs: PairSelection = 'all',
  redirectPages = false,
  mdProfile: MdProfile = 'plain',
): number {
  let n = 0;
  for (const format of formats) {
    const kinds = formatKinds(format, mdProfile);
    if (kinds.includes('home')) n += 1;
    const selection = pairsOf(format, pairs);
    n += LOCALE_FILE_KINDS.filter((k) => kinds.includes(k)).length;
    for (const p of protocols) {
      const pairCount = selection === 'curated' ? p.curated.length : (p.codes.length * (p.codes.length - 1)) / 2;
      for (const kind of kinds) {
        if (kind === 'code' || kind === 'badge') n += p.codes.length;
        else if (kind === 'compare') n += pairCount;
        else if (kind === 'redirect') n += redirectPages ? pairCount : 0;
        else if (kind !== 'home' && !isLocaleFile(kind)) n += 1;
      }
    }
  }
  return n * locales.length;
}

/** The page a ref names, with its model objects. */
export function resolveRef(ref: PageRef, protocols: readonly Protocol[]): Page {
  const { kind, locale, format } = ref;
  if (kind === 'home' || isLocaleFile(kind)) return { kind, locale, format, protocols };
  const protocol = protocols.find((p) => p.id === ref.protocol);
  if (!protocol) throw new Error(`no protocol '${ref.protocol}'`);
  switch (kind) {
    case 'protocol':
    case 'compare-index':
    case 'book':
    case 'category':
    case 'compare-category':
      return { kind, locale, format, protocol };
    case 'code':
    case 'badge':
      return { kind, locale, format, protocol, code: codeOf(protocol, ref.code) };
    case 'compare':
    case 'redirect': {
      const pair = findPair(protocol, codeOf(protocol, ref.a).code, codeOf(protocol, ref.b).code)!;
      return { kind, locale, format, protocol, pair };
    }
  }
}

function isLocaleFile(kind: PageKind): kind is (typeof LOCALE_FILE_KINDS)[number] {
  return (LOCALE_FILE_KINDS as readonly PageKind[]).includes(kind);
}

function codeOf(protocol: Protocol, code: number | undefined): StatusCode {
  const found = code === undefined ? undefined : indexOf(protocol).byCode.get(code);
  if (!found) throw new Error(`no code ${code} in ${protocol.id}`);
  return found;
}

/** The ref of a page. */
export function refOf(page: Page): PageRef {
  const { kind, locale, format } = page;
  switch (page.kind) {
    case 'home':
    case 'dump':
    case 'sidebar':
    case 'footer':
    case 'nav':
    case 'search':
      return pageRef(kind, locale, format);
    case 'protocol':
    case 'compare-index':
    case 'book':
    case 'category':
    case 'compare-category':
      return pageRef(kind, locale, format, page.protocol.id);
    case 'code':
    case 'badge':
      return pageRef(kind, locale, format, page.protocol.id, page.code.code);
    case 'compare':
    case 'redirect':
      return pageRef(kind, locale, format, page.protocol.id, undefined, page.pair.low.code, page.pair.high.code);
  }
}

/**
 * The inputs a page is made from, as unit keys; a page is rendered again only when the hash
 * of one of its units changed (see `unitHashes`).
 */
export function pageUnits(ref: PageRef, protocols: readonly Protocol[]): string[] {
  return [...sharedUnits(ref, protocols), ...ownUnits(ref)];
}

/** The units every page of the ref's kind, format, locale and protocol is made from. */
function sharedUnits(ref: PageRef, protocols: readonly Protocol[]): string[] {
  const { locale: l, protocol: p } = ref;
  const base = ['global', `templates:${ref.format}`, `ui:${l}`];
  switch (ref.kind) {
    case 'home':
      return [...base, ...protocols.map((x) => `protocol:${x.id}:${l}`)];
    case 'dump':
      // Every page of the locale: the book unit covers a protocol, its codes and curated pairs.
      return [...base, ...protocols.flatMap((x) => [`book:${x.id}:${l}`, `summaries:${x.id}:${l}`, `differences:${x.id}:${l}`])];
    case 'sidebar':
    case 'footer':
    case 'nav':
      // The nav's titles: each protocol's, its classes', codes' and pairs' (all in its protocol unit).
      return [...base, ...protocols.map((x) => `protocol:${x.id}:${l}`)];
    case 'search':
      // Each code's number, reason phrases and gloss (protocol unit) and its summary.
      return [...base, ...protocols.flatMap((x) => [`protocol:${x.id}:${l}`, `summaries:${x.id}:${l}`])];
    case 'category':
    case 'compare-category':
      // The folder's label is its index page's title.
      return [...base, `protocol:${p}:${l}`];
    case 'protocol':
      return [...base, `protocol:${p}:${l}`, `summaries:${p}:${l}`];
    case 'compare-index':
      return [...base, `protocol:${p}:${l}`, `differences:${p}:${l}`];
    case 'book':
      return [...base, `book:${p}:${l}`];
    case 'badge':
      return [...base, `meta:${p}:${l}`];
    case 'code':
    case 'compare':
      // An embed card shows its own code or pair only: another code's rename does not change it.
      return [...base, SELF_CONTAINED.has(ref.format) ? `meta:${p}:${l}` : `protocol:${p}:${l}`];
    case 'redirect':
      return [...base, `protocol:${p}:${l}`];
  }
}

/** The units of the ref's own code or pair. */
function ownUnits(ref: PageRef): string[] {
  const { locale: l, protocol: p = '' } = ref;
  const { code: ofCode, pair: ofPair } = ownUnitsOf(ref.format);
  if (ref.kind === 'code' || ref.kind === 'badge') return [ofCode(p, ref.code!, l)];
  if (ref.kind === 'compare') return [ofCode(p, ref.a!, l), ofCode(p, ref.b!, l), ofPair(p, pairSlug(ref.a!, ref.b!), l)];
  return [];
}

const codeUnit = (protocol: string, code: number, locale: string) => `code:${protocol}:${code}:${locale}`;
const pairUnit = (protocol: string, slug: string, locale: string) => `pair:${protocol}:${slug}:${locale}`;
// What a card shows of a code (name, status, gloss, summary) and of a pair (its difference).
const cardUnit = (protocol: string, code: number, locale: string) => `card:${protocol}:${code}:${locale}`;
const noteUnit = (protocol: string, slug: string, locale: string) => `note:${protocol}:${slug}:${locale}`;

/** The units a format's pages take from their codes and pairs: all of them, or what a card shows. */
function ownUnitsOf(format: Format): { code: typeof codeUnit; pair: typeof pairUnit } {
  return SELF_CONTAINED.has(format) ? { code: cardUnit, pair: noteUnit } : { code: codeUnit, pair: pairUnit };
}

/**
 * `(ref) => pageUnits(ref).every(test)` for refs in page order, with each unit tested once
 * per run of refs of the same kind, format, locale and protocol: a build lists every page,
 * and its comparison pages share all their units but one pair's. `test` must be pure.
 */
export function unitsPass(protocols: readonly Protocol[], test: (unit: string) => boolean): (ref: PageRef) => boolean {
  let run: PageRef | undefined;
  let shared = false;
  let units = ownUnitsOf('html');
  const codes = new Map<number, boolean>();
  const code = (protocol: string, c: number, locale: string) => {
    let ok = codes.get(c);
    if (ok === undefined) codes.set(c, (ok = test(units.code(protocol, c, locale))));
    return ok;
  };
  return (ref) => {
    if (!run || run.kind !== ref.kind || run.format !== ref.format || run.locale !== ref.locale || run.protocol !== ref.protocol) {
      run = ref;
      shared = sharedUnits(ref, protocols).every(test);
      units = ownUnitsOf(ref.format);
      codes.clear();
    }
    if (!shared) return false;
    const { locale: l, protocol: p = '' } = ref;
    if (ref.kind === 'code' || ref.kind === 'badge') return code(p, ref.code!, l);
    if (ref.kind === 'compare') return code(p, ref.a!, l) && code(p, ref.b!, l) && test(units.pair(p, pairSlug(ref.a!, ref.b!), l));
    return true;
  };
}

function hash(value: unknown): string {
  return createHash('sha1').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex').slice(0, 16);
}

/**
 * A hash per unit of input: each code, curated pair and protocol per locale, with the
 * English and the locale's translation (text and state) together, so a change to either
 * re-renders the pages that show it in that locale.
 */
export function unitHashes(
  protocols: readonly Protocol[],
  locales: readonly string[],
  translations: ReadonlyMap<string, LocaleTranslation>,
  extra: Readonly<Record<string, string>>,
): Map<string, string> {
  const units = new Map<string, string>(Object.entries(extra));
  for (const p of protocols) {
    const { codes, curated, ...meta } = p;
    const labels = codes.map((c) => [c.code, c.reason, c.alsoNamed, c.status, c.classId, c.formerReasons]);
    for (const locale of locales) {
      const t = translations.get(locale)?.protocols.get(p.id);
      // A code's page names the codes it is equivalent to: their labels are part of it.
      const codeHash = (c: StatusCode) => hash([stripFile(c), t?.codes.get(c.code) ?? null, equivalentLabels(c, protocols)]);
      units.set(`meta:${p.id}:${locale}`, hash(meta));
      units.set(`protocol:${p.id}:${locale}`, hash([meta, labels, curated.map((n) => pairSlug(n.low, n.high)), t?.description ?? null, [...(t?.classes ?? [])], t?.grouping ? [t.grouping.name ?? null, [...t.grouping.values]] : null, [...(t?.ranges ?? [])], [...(t?.codes ?? [])].map(([code, f]) => [code, f.reason ?? null])]));
      units.set(`summaries:${p.id}:${locale}`, hash(codes.map((c) => [c.text.summary.source, t?.codes.get(c.code)?.summary ?? null])));
      units.set(`differences:${p.id}:${locale}`, hash(curated.map((n) => [n.text.difference.source, t?.pairs.get(pairSlug(n.low, n.high))?.difference ?? null])));
      const codeHashes = codes.map((c) => {
        const h = codeHash(c);
        units.set(codeUnit(p.id, c.code, locale), h);
        const tc = t?.codes.get(c.code);
        units.set(cardUnit(p.id, c.code, locale), hash([c.reason, c.alsoNamed, c.status, c.formerReasons.length > 0, c.text.summary.source, tc?.reason ?? null, tc?.summary ?? null]));
        return h;
      });
      const pairHashes = curated.map((n) => {
        const slug = pairSlug(n.low, n.high);
        const h = hash([n, t?.pairs.get(slug) ?? null]);
        units.set(pairUnit(p.id, slug, locale), h);
        units.set(noteUnit(p.id, slug, locale), hash([n.text.difference.source, t?.pairs.get(slug)?.difference ?? null]));
        return h;
      });
      units.set(`book:${p.id}:${locale}`, hash([units.get(`protocol:${p.id}:${locale}`), codeHashes, pairHashes]));
    }
  }
  return units;
}

/** The names of the codes of other protocols a code's page links to (`equivalents`), as its page shows them. */
function equivalentLabels(code: StatusCode, protocols: readonly Protocol[]): unknown[] {
  return code.equivalents.map((eq) => {
    const other = protocols.find((p) => p.id === eq.protocol);
    const target = other?.codes.find((c) => c.code === eq.code);
    return [other?.name ?? null, target?.reason ?? null, target?.alsoNamed ?? null];
  });
}

/** A code without where it was loaded from (moving a checkout must not re-render anything). */
function stripFile(code: StatusCode): Omit<StatusCode, 'file'> {
  const { file: _file, ...rest } = code;
  return rest;
}

/** Where a ref's page is written, relative to the output folder, without rendering it. */
export function refPath(ref: PageRef, mdProfile: MdProfile = 'plain'): string {
  return ref.format === 'md' ? mdProfilePath(mdProfile, refTarget(ref)) : pagePath(ref.format, refTarget(ref));
}

/** The target a ref names (no model objects needed). */
export function refTarget(ref: PageRef): Target {
  const { locale, protocol = '' } = ref;
  switch (ref.kind) {
    case 'home':
      return to.home(locale);
    case 'dump':
    case 'sidebar':
    case 'footer':
    case 'nav':
    case 'search':
      return to.localeFile(ref.kind, locale);
    case 'code':
      return to.code(locale, protocol, ref.code!);
    case 'badge':
      return to.badge(locale, protocol, ref.code!);
    case 'compare':
      return to.compare(locale, protocol, `${ref.a}-vs-${ref.b}`);
    case 'redirect':
      return to.redirect(locale, protocol, `${ref.b}-vs-${ref.a}`);
    case 'protocol':
      return to.protocol(locale, protocol);
    case 'compare-index':
      return to.compareIndex(locale, protocol);
    case 'book':
      return to.book(locale, protocol);
    case 'category':
      return to.category(locale, protocol);
    case 'compare-category':
      return to.compareCategory(locale, protocol);
  }
}

/** Rules a `_redirects` file may hold on every host that reads it (GitLab Pages' limit, the smallest). */
export const REDIRECT_LIMIT = 1_000;

/** Rules in a full `_redirects`: one per reversed comparison URL (pair and locale). */
export function redirectRuleCount(protocols: readonly Protocol[], locales: readonly string[], pairs: PairSelection): number {
  let n = 0;
  for (const protocol of protocols) n += pairs === 'curated' ? protocol.curated.length : (protocol.codes.length * (protocol.codes.length - 1)) / 2;
  return n * locales.length;
}
