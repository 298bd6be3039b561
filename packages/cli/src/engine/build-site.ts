import { join } from 'node:path';
import { translationStatus, type LocaleTranslation, type Protocol } from '@statusbook/core';
import type { Coverage, JsonSiteInfo, SitePart } from '@statusbook/generator';
import type { PairSelection, RedirectRules } from '@statusbook/generator/plan';
import { FORMAT_LINKS, pageRefCount, pageRefs, refPath, unitHashes, unitsPass, type Format, type MdProfile, type PageRef } from '@statusbook/generator/plan';
import type { OutputStore } from '../output-store.js';
import type { Project } from '../project.js';
import { FILES, PatchOutput, readList, StagedOutput, type BuildOutput } from '../write-output.js';
import { groupHash } from './inputs.js';
import { Writer } from './writer.js';
import { CHECK_CACHE, manifestText, type Manifest, type Slice } from './manifest.js';
import { formsLinked, sliceList, sliceOf, type SlicePlan } from './slices.js';
import type { WorkerStart } from './pool.js';
import type { Batch } from './render-task.js';

const BATCH = 200;
/** The json format's entry point, which changes with the content (its other files do not). */
const JSON_INDEX = 'json/index.json';
/** Site files (pieces of the sitemaps and redirect list, < 128 KB each) per batch. */
const SITE_FILE_PIECES = 8;
/** Pages listed after which a partial batch is handed out anyway. */
const PARTIAL_FLUSH = 2000;

export interface SiteBuild {
  readonly project: Project;
  /** The output, locked for this build. */
  readonly store: OutputStore;
  /** Whether the current version holds exactly the files its manifest lists (a patch may trust it). */
  readonly verified: boolean;
  /** Files that are not statusbook's, kept in the new version (`--force`). */
  readonly carry?: readonly string[];
  /** The slices this build makes, keeps and drops. */
  readonly slices: SlicePlan;
  readonly protocols: readonly Protocol[];
  readonly translations: ReadonlyMap<string, LocaleTranslation>;
  readonly locales: readonly string[];
  readonly formats: readonly Format[];
  readonly baseUrl: string;
  readonly shard: { readonly k: number; readonly n: number };
  readonly pairs: PairSelection;
  /** The layout, front matter and links of the Markdown pages. */
  readonly mdProfile: MdProfile;
  /** Which rules html/_redirects holds. */
  readonly redirects: RedirectRules;
  /** Locales built but not advertised (below `minTranslated`). */
  readonly unadvertised: readonly string[];
  /** Also write a redirect page per reversed pair URL. */
  readonly redirectPages: boolean;
  /** The --protocol filter as given, recorded so a rebuild knows its options are the same. */
  readonly protocolFilter?: string;
  readonly version: string;
  readonly inputs: Readonly<Record<string, string>>;
  /** The check results of the content files, kept for the next build. */
  readonly checkCache?: string;
  /** The previous build's manifest; pages whose inputs did not change are kept from it. */
  readonly previous?: Manifest;
  /** Called with pages done and the total as batches finish. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Workers started while the content loaded. */
  readonly workers: WorkerStart;
  /** Runs on the finished staging folder before it is swapped in (PDF printing); returns the files it wrote. */
  readonly beforeCommit?: (staging: string) => Promise<string[]>;
}

export interface BuildCounts {
  /** Pages of this build (this shard), by format and locale. */
  readonly pages: Record<string, Record<string, number>>;
  readonly total: number;
  readonly rendered: number;
  readonly unchanged: number;
  readonly removed: number;
  /** Files of other slices (formats, locales) kept from earlier builds. */
  readonly carried: number;
  /** Files that are not pages (sitemap, stylesheet...) and PDFs. */
  readonly other: number;
  /** PDFs printed. */
  readonly pdfs: number;
  readonly workers: number;
  /** Seconds per stage; render and write are summed over the workers (CPU-seconds). */
  readonly stages: { readonly plan: number; readonly startup: number; readonly render: number; readonly write: number; readonly pdf: number; readonly commit: number };
}

/** Options that, when they change, change pages (as the manifest records them). */
export function buildOptions(b: Pick<SiteBuild, 'locales' | 'formats' | 'baseUrl' | 'shard' | 'pairs' | 'redirectPages' | 'protocolFilter'> & { pdf: boolean; mdProfile?: MdProfile }): Record<string, string> {
  return {
    protocols: b.protocolFilter ?? '',
    locales: b.locales.join(','),
    formats: b.formats.join(','),
    baseUrl: b.baseUrl,
    shard: `${b.shard.k}/${b.shard.n}`,
    pdf: b.pdf ? 'yes' : 'no',
    pairs: b.pairs,
    redirectPages: b.redirectPages ? 'yes' : 'no',
    ...(b.mdProfile && b.mdProfile !== 'plain' ? { mdProfile: b.mdProfile } : {}),
  };
}

/**
 * Renders (or keeps) every page of the slices asked for into a new version of the output,
 * keeps the other slices as they are, then swaps it in.
 */
export async function buildSite(b: SiteBuild): Promise<BuildCounts> {
  const { protocols, locales, formats, previous } = b;
  const linked = (format: Format) => b.slices.linkLocales[format] ?? locales;
  const forms = (format: Format, locale: string) => formsLinked(format, b.slices.linkFormats[locale] ?? formats);
  const ui = (locale: string) => groupHash(b.inputs, [`locales/${locale}/ui.json`, 'locales/en/ui.json']);
  // A page depends on the locales its format links to; everything else of `global` is the build's.
  // Pages also link to their other forms that the output holds (JSON: html, md at the Markdown profile's paths).
  const mdLinks = (f: Format) => (FORMAT_LINKS[f].includes('md') ? { md: b.mdProfile } : {});
  const globals = Object.fromEntries(
    formats.map((f) => [f, groupHash({ version: b.version, baseUrl: b.baseUrl, locales: linked(f).join(','), unadvertised: b.unadvertised.join(','), forms: locales.map((l) => forms(f, l)).join(';'), ...mdLinks(f), pairs: b.pairs, protocols: protocols.map((p) => p.id).join(','), ...(f === 'html' && b.slices.downloads ? { downloads: 'yes' } : {}) }, [''])]),
  ) as Record<Format, string>;
  const units = unitHashes(protocols, locales, b.translations, {
    ...Object.fromEntries(formats.map((f) => [`templates:${f}`, groupHash(b.inputs, ['templates/'])])),
    ...Object.fromEntries(locales.map((l) => [`ui:${l}`, ui(l)])),
  });
  const unitOf = (format: Format, unit: string) => (unit === 'global' ? globals[format] : units.get(unit));
  // Site files list every page and use the HTML templates and the strings of the default locale linked to.
  const site = formats.includes('html')
    ? groupHash({ pages: protocols.map((p) => `${p.id}:${p.codes.map((c) => c.code).join(',')}`).join(';'), global: globals.html, templates: units.get('templates:html') ?? '', ui: ui(linked('html')[0] ?? 'en'), redirects: b.redirects }, [''])
    : undefined;
  // json/index.json names the input it was made from and each locale's coverage.
  const json = formats.includes('json') ? jsonSiteInfo(b, linked('json')) : undefined;
  const jsonSite = json ? groupHash({ global: globals.json, info: JSON.stringify(json), counts: protocols.map((p) => `${p.id}:${p.codes.length}:${p.curated.length}`).join(';') }, ['']) : undefined;
  // The schemas and _headers change only with statusbook.
  const jsonStatic = json ? groupHash({ version: b.version }, ['']) : undefined;
  const list = sliceList(b);
  const slices = previous?.statusbook === b.version ? previous.slices : undefined;
  // Pages of a slice made with another shard are not kept: the shard decides which pages it holds.
  const oldSlice = (format: Format, locale: string) => {
    const slice = slices?.[`${format}/${locale}`];
    return slice?.list?.startsWith(`${b.shard.k}/${b.shard.n}|`) ? slice : undefined;
  };
  const total = Math.ceil(pageRefCount(protocols, locales, formats, b.pairs, b.redirectPages, b.mdProfile) / b.shard.n);

  // A rebuild whose slices keep their page lists writes only the changed files (a patch);
  // anything else makes a whole new version (PDFs are printed from one).
  const made = formats.flatMap((f) => locales.map((l) => slices?.[`${f}/${l}`]));
  const patch =
    b.verified &&
    !b.beforeCommit &&
    b.slices.dropped.length === 0 &&
    made.every((slice) => slice?.list === list) &&
    made.reduce((n, slice) => n + (slice?.pages ?? 0), 0) === total &&
    (site === undefined || slices?.html?.units?.site === site) &&
    // json's own files are always the same ones: a patch rewrites those that changed.
    (jsonSite === undefined || b.shard.k !== 1 || (slices?.json?.files?.length ?? 0) > 0);
  const output: BuildOutput = patch ? PatchOutput.open(b.store) : StagedOutput.open(b.store, slices ? b.store.current : undefined, b.carry);
  const writer = new Writer(output);
  const counts = { rendered: 0, unchanged: 0, other: 0, renderMs: 0 };
  const siteFiles: string[] = [];
  let siteFilesDone = false;
  let planMs = 0;
  const startupStarted = performance.now();
  const pool = await openPool(output, () =>
    b.workers.open(
      {
        protocols,
        translations: b.translations,
        templatesDir: b.project.templates,
        localesDir: b.project.locales,
        locales,
        formats,
        linkLocales: b.slices.linkLocales,
        linkFormats: b.slices.linkFormats,
        baseUrl: b.baseUrl,
        pairs: b.pairs,
        redirects: b.redirects,
        ...(json ? { json } : {}),
        mdProfile: b.mdProfile,
        downloads: b.slices.downloads,
        unadvertised: b.unadvertised,
      },
      (result) => {
        result.files.forEach((file, i) => {
          writer.write(file);
          // A long file comes in pieces, the first naming it.
          if (file.append) return;
          // Site files come last.
          if (i >= result.files.length - result.siteFiles) {
            siteFiles.push(file.path);
            counts.other++;
          } else counts.rendered++;
        });
        if (result.siteFilesDone) siteFilesDone = true;
        counts.renderMs += result.renderMs;
        b.onProgress?.(counts.rendered + counts.unchanged, total);
      },
    ),
  );
  const startupMs = performance.now() - startupStarted;
  try {
    const pages: Record<string, Record<string, number>> = {};
    let existed = 0;
    let index = 0;
    let id = 0;
    let render: PageRef[] = [];
    const flush = async () => {
      if (render.length === 0) return;
      const batch: Batch = { id: id++, render };
      render = [];
      await pool.submit(batch);
    };
    // Whether the previous build had the page (curated pair units come and go with their
    // notes), and whether none of its units changed since: tested per slice.
    let slice = '';
    let existedBefore: ((ref: PageRef) => boolean) | undefined;
    let sameAsBefore: ((ref: PageRef) => boolean) | undefined;
    let sinceFlush = 0;
    let planStarted = performance.now();
    for (const ref of pageRefs(protocols, locales, formats, b.pairs, b.redirectPages, b.mdProfile)) {
      if (index++ % b.shard.n !== b.shard.k - 1) continue;
      const byLocale = (pages[ref.format] ??= {});
      byLocale[ref.locale] = (byLocale[ref.locale] ?? 0) + 1;
      // An unchanged page is kept: linked into a new output, or left where it is by a patch
      // (which need not even name its file); one the previous output lacks is rendered.
      if (`${ref.format}/${ref.locale}` !== slice) {
        slice = `${ref.format}/${ref.locale}`;
        const old = oldSlice(ref.format, ref.locale)?.units;
        const format = ref.format;
        existedBefore = old && unitsPass(protocols, (unit) => unit.startsWith('pair:') || old[unit] !== undefined);
        sameAsBefore = old && unitsPass(protocols, (unit) => old[unit] === unitOf(format, unit));
      }
      const before = existedBefore?.(ref) ?? false;
      if (before) existed++;
      if (patch) {
        if (before && sameAsBefore!(ref)) counts.unchanged++;
        else render.push(ref);
      } else {
        const path = refPath(ref, b.mdProfile);
        output.list(path);
        if (before && sameAsBefore!(ref) && writer.keep(path)) counts.unchanged++;
        else render.push(ref);
      }
      // A rebuild renders few pages far apart: hand them out every so often rather than
      // let the workers wait for a full batch until the whole list has been read.
      if (render.length >= BATCH || (render.length > 0 && ++sinceFlush >= PARTIAL_FLUSH)) {
        sinceFlush = 0;
        planMs += performance.now() - planStarted;
        await flush();
        planStarted = performance.now();
      }
    }
    planMs += performance.now() - planStarted;
    await flush();
    if (b.shard.k === 1) {
      // Each group of site files is kept when what it is made from did not change.
      const jsonFiles = slices?.json?.files ?? [];
      const parts: [SitePart, string | undefined, readonly string[] | undefined][] = [
        ['html', site, slices?.html?.units?.site === site ? slices?.html?.files : undefined],
        ['json-index', jsonSite, slices?.json?.units?.index === jsonSite ? jsonFiles.filter((path) => path === JSON_INDEX) : undefined],
        ['json-static', jsonStatic, slices?.json?.units?.static === jsonStatic ? jsonFiles.filter((path) => path !== JSON_INDEX) : undefined],
      ];
      const redo: SitePart[] = [];
      for (const [part, hash, keepFiles] of parts) {
        if (hash === undefined) continue;
        if (keepFiles?.length && keepFiles.every((path) => writer.keep(path))) siteFiles.push(...keepFiles);
        else redo.push(part);
      }
      // A few pieces per batch: the writer keeps up, and no more than two batches' worth
      // wait in memory (at N = 320 the sitemaps alone are ~90 MB).
      while (redo.length > 0 && !siteFilesDone) await pool.submit({ id: id++, render: [], siteFiles: SITE_FILE_PIECES, siteParts: redo });
    }
    await pool.drain();
    const printStarted = performance.now();
    const printed = b.beforeCommit && output.staging ? await b.beforeCommit(output.staging) : [];
    const printMs = performance.now() - printStarted;
    counts.other += printed.length;
    const carried = patch
      ? b.slices.carried.reduce((n, key) => n + (slices?.[key]?.pages ?? 0), 0)
      : output.carry(carriedFiles(b.store.current, slices ?? {}, b.slices.carried));
    if (b.checkCache !== undefined) writer.write({ path: CHECK_CACHE, contents: b.checkCache });
    const newSlices: Record<string, Slice> = Object.fromEntries(b.slices.carried.map((key) => [key, slices![key]!]));
    for (const format of formats) {
      for (const locale of locales) {
        const own = Object.fromEntries(
          [...units].filter(([unit]) => unit.endsWith(`:${locale}`) && (!unit.startsWith('templates:') || unit === `templates:${format}`)),
        );
        newSlices[`${format}/${locale}`] = { pages: pages[format]?.[locale] ?? 0, list, baseUrl: b.baseUrl, locales: linked(format).join(','), ...(forms(format, locale) ? { forms: forms(format, locale) } : {}), units: { ...own, global: globals[format], [`templates:${format}`]: units.get(`templates:${format}`) ?? '' } };
      }
    }
    const filesOf = (format: Format) => siteFiles.filter((path) => path.startsWith(`${format}/`)).sort();
    if (site !== undefined && b.shard.k === 1) newSlices.html = { pages: filesOf('html').length, list: `redirects:${b.redirects}`, files: filesOf('html'), units: { site } };
    if (jsonSite !== undefined && jsonStatic !== undefined && b.shard.k === 1) newSlices.json = { pages: filesOf('json').length, files: filesOf('json'), units: { index: jsonSite, static: jsonStatic } };
    for (const path of printed) {
      const key = sliceOf(path, newSlices);
      const files = [...(newSlices[key]?.files ?? []), path];
      newSlices[key] = { pages: files.length, files };
    }
    const manifest = manifestText({
      statusbook: b.version,
      options: buildOptions({ ...b, pdf: b.beforeCommit !== undefined }),
      inputs: b.inputs,
      slices: Object.fromEntries(Object.entries(newSlices).sort(([x], [y]) => (x < y ? -1 : 1))),
      files: counts.rendered + counts.unchanged + siteFiles.length + printed.length + carried,
    });
    const commitStarted = performance.now();
    await output.commit(manifest, [...[...siteFiles].sort(), ...printed]);
    const commitMs = performance.now() - commitStarted;
    return {
      pages,
      total: counts.rendered + counts.unchanged,
      rendered: counts.rendered,
      unchanged: counts.unchanged,
      removed: Math.max(0, made.reduce((n, slice) => n + (slice?.pages ?? 0), 0) - existed),
      carried,
      other: counts.other,
      pdfs: printed.filter((path) => path.startsWith('pdf/')).length,
      workers: pool.size,
      stages: {
        plan: planMs / 1000,
        startup: startupMs / 1000,
        render: counts.renderMs / 1000,
        write: writer.ms / 1000,
        pdf: printMs / 1000,
        commit: commitMs / 1000,
      },
    };
  } catch (error) {
    output.abort();
    throw error;
  } finally {
    await pool.close();
  }
}


/** What json/index.json says besides the model: the version, a hash of the input, each translated locale's coverage. */
function jsonSiteInfo(b: SiteBuild, locales: readonly string[]): JsonSiteInfo {
  const coverage: Record<string, Coverage> = {};
  for (const locale of locales) {
    const translation = b.translations.get(locale);
    if (translation) coverage[locale] = translationStatus(b.protocols, translation);
  }
  return { version: b.version, contentHash: groupHash(b.inputs, ['content/', 'locales/']), coverage };
}

/** Opens the worker pool; if the workers fail to start, the output written so far is dropped. */
async function openPool<T>(output: BuildOutput, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    output.abort();
    throw error;
  }
}

/** The files of the current version that belong to the slices a build keeps, from its file list. */
function carriedFiles(current: string | undefined, slices: Readonly<Record<string, Slice>>, carried: readonly string[]): string[] {
  if (!current || carried.length === 0) return [];
  const keep = new Set(carried);
  return readList(join(current, FILES)).filter((path) => keep.has(sliceOf(path, slices)));
}
