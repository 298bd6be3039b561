import { readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { countDiagnostics, loadTranslations, type LoadResult, type Protocol } from '@statusbook/core';
import { loadConfig } from '../config.js';
import { DEFAULT_FORMATS, FORMATS, MD_PROFILES, REDIRECT_LIMIT, redirectRuleCount, type Format, type MdProfile, type RedirectRules } from '@statusbook/generator/plan';
import { parseFlags } from '../args.js';
import { buildSite, type BuildCounts } from '../engine/build-site.js';
import { groupHash, hashInputs } from '../engine/inputs.js';
import { DEFAULT_MIN_TRANSLATED, localeCoverage, percent } from '../exchange/units.js';
import { FileCheckCache, readManifest, sameRecord, type Manifest } from '../engine/manifest.js';
import { formsLinked, planSlices, sliceList, type SlicePlan } from '../engine/slices.js';
import { poolSize, WorkerStart } from '../engine/pool.js';
import { BuildError, EXIT, UsageError } from '../errors.js';
import { colors, type Io } from '../io.js';
import { availableLocales, pickList, SOURCE_LOCALE } from '../locales.js';
import { contentDate, findChromium, PAPERS, printPdfs, type Paper } from '../print-pdf.js';
import { Progress } from '../progress.js';
import { projectAt, type Project } from '../project.js';
import { diagnosticsJson, jsonIo, printDiagnostics } from '../report.js';
import { OutputStore } from '../output-store.js';
import { FILES, KEPT, readList } from '../write-output.js';
import type { Command } from './types.js';
import { lintGlossaries } from './i18n.js';
import { loadAndReport, resolveFrom } from './validate.js';
import { VERSION } from '../version.js';

/** What a build hands to the bundles made from it (`statusbook bundle`). */
export interface Built {
  readonly content: LoadResult;
  readonly protocols: readonly Protocol[];
  readonly locales: readonly string[];
  readonly formats: readonly Format[];
  /** Hash of content/ and locales/, as json/index.json reports it. */
  readonly contentHash: string;
  readonly root: string;
  /** The output folder (the link the new version is swapped in at). */
  readonly out: string;
}

/** What another command adds to a build. */
export interface BuildHooks {
  /**
   * Writes bundles into the finished staging folder before it is swapped in and returns
   * their paths: they are the output's `bundles` slice, made anew by every such build.
   */
  readonly bundles?: (staging: string, built: Built) => Promise<string[]>;
}

export const build: Command = {
  help: `Usage: statusbook build [options]

Validates content/ and locales/, then renders every page (code pages, comparison pages for
every pair, indexes) for every locale and format into the output folder, on worker threads.
A build makes the formats and locales it is asked for and keeps the others the output
already holds (built earlier), unless --clean or --prune says otherwise. Nothing is written
when the content has errors; a failed or killed build leaves the
previous output as it was: the output folder is a link to the current build, kept with
the previous one in .statusbook-<out>/ beside it, and a build swaps it in one step. Two
builds never write one output at once: the second exits with an error. A rebuild renders
only the pages whose inputs changed.

Options:
  --out <dir>        where to write (default: <root>/output)
  --locale <list>    locales to build, comma-separated (default: every folder of locales/)
  --format <list>    md, html, print, json, embed, mediawiki, dokuwiki, gitwiki,
                     comma-separated (default: md, html, print, json, embed; the wiki
                     formats only when asked)
  --protocol <list>  protocols to build, comma-separated (default: every one in content/)
  --pdf              also print each print book to output/pdf/<locale>/<protocol>.pdf
                     (needs Chromium: apt-get install -y chromium fonts-noto-cjk)
  --paper <size>     the PDFs' paper: a4 (default) or letter
  --base-url <url>   the site's absolute http(s) URL, prefix of canonical links and
                     sitemap URLs; without it, links are root-relative and no sitemap
                     is written (a sitemap needs absolute URLs)
  --shard <k/n>      build the k-th of n deterministic slices of the pages; the union of
                     all n shards is the full build, byte for byte
  --clean            render every page again, ignoring the previous build, and drop the
                     formats and locales this build does not make
  --prune            drop the formats and locales of the output that the configuration
                     (statusbook.config.yaml, else every format and locale) no longer has
  --force            keep files statusbook did not write that were added to the output
                     (without it, a build refuses to drop them); they are kept from then on
  --json             print a machine-readable summary on stdout
  --root <dir>       project folder holding content/, templates/, locales/ (default: .)
  --strict           treat warnings (such as stale translations) as errors
  --redirect-pages   also write a page per reversed pair URL (437-vs-200/) that sends the
                     reader to the canonical one, for hosts without redirect rules; without
                     it, html/_redirects and the 404 page do that
  --redirects <set>  which rules html/_redirects holds: auto (default: every reversed
                     pair when they fit the smallest host limit, 1,000 rules, else none),
                     all (Netlify, no limit), none
  --pairs <set>      which comparison pages to build: all (default: every pair of codes)
                     or curated (only the pairs of content/<protocol>/pairs.yaml)
  --md-profile <p>   how the Markdown is laid out: plain (default, output/md/), or for a
                     docs site: hugo, docusaurus, starlight, mkdocs (output/<p>/, see
                     docs/markdown-profiles.md)
  -h, --help         show this help

Defaults for --locale, --format, --protocol, --base-url (baseUrl), --out, --redirects,
--redirect-pages (redirectPages: true), --pairs and --md-profile (mdProfile) can be set in
statusbook.config.yaml at the root; flags override it. There too, minTranslated (default 90):
a locale translated less (percent, as 'i18n status' counts) is built but not advertised (no
hreflang, language switcher, sitemap or 404 entry), with a note.

Examples:
  statusbook build
  statusbook build --locale ja --format print --pdf
  statusbook build --format print --pdf --paper letter
  statusbook build --format html --base-url https://docs.example.org/ --out /tmp/site
  statusbook build --shard 2/4 --out shard-2
  statusbook build --format md --md-profile hugo --pairs curated

Exit codes: 0 built, 1 content or build errors, 2 bad usage.`,
  run: (argv, terminal) => runBuild(argv, terminal),
};

/** Runs `statusbook build` with these arguments, plus what `hooks` adds; returns the exit code. */
export async function runBuild(argv: readonly string[], terminal: Io, hooks: BuildHooks = {}): Promise<number> {
  const { values } = parseFlags('build', argv, {
    root: { type: 'string', default: '.' },
    out: { type: 'string' },
    locale: { type: 'string' },
    format: { type: 'string' },
    protocol: { type: 'string' },
    pdf: { type: 'boolean', default: false },
    paper: { type: 'string' },
    'base-url': { type: 'string' },
    shard: { type: 'string' },
    clean: { type: 'boolean', default: false },
    prune: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    'redirect-pages': { type: 'boolean', default: false },
    redirects: { type: 'string' },
    pairs: { type: 'string' },
    'md-profile': { type: 'string' },
  });
  const started = performance.now();
  // With --json, diagnostics and failures are part of the JSON answer on stdout.
  const io = jsonIo(terminal, values.json);
  try {
    return await run();
  } catch (error) {
    if (!values.json || !(error instanceof BuildError)) throw error;
    io.stdout.write(`${JSON.stringify({ ok: false, error: error.message, ...diagnosticsJson(io) })}\n`);
    return EXIT.failed;
  }

  async function run(): Promise<number> {
    const project = projectAt(resolveFrom(io, values.root));
    const config = loadConfig(project, io);
    const out = values.out !== undefined ? resolveFrom(io, values.out) : resolve(project.root, config.out ?? 'output');
    checkOut(out, project);
    const available = await availableLocales(project.locales);
    const locales = pickList('locale', values.locale ?? config.locales?.join(','), available);
    if (locales.length === 0) throw new UsageError(`no locales in ${project.locales}`, 'a locale is a folder with a ui.json, such as locales/en/');
    const formats = pickList<Format>('format', values.format ?? config.formats?.join(',') ?? DEFAULT_FORMATS.join(','), FORMATS);
    const pairs = pickPairs(values.pairs ?? config.pairs ?? 'all');
    const mdProfile = pickMdProfile(values['md-profile'] ?? config.mdProfile ?? 'plain');
    const redirectPages = values['redirect-pages'] || (config.redirectPages ?? false);
    if (values.pdf && !formats.includes('print')) throw new UsageError('--pdf prints the print books: add print to --format', 'for example: --format print --pdf');
    const shard = parseShard(values.shard);
    if (values.paper !== undefined && !values.pdf) throw new UsageError('--paper sets the paper of the PDFs: add --pdf', 'for example: --format print --pdf --paper letter');
    const paper = pickPaper(values.paper ?? 'a4');
    const chromium = values.pdf ? await findChromium(io.env) : undefined;
    const baseUrl = values['base-url'] === undefined ? (config.baseUrl ?? '/') : absoluteUrl(values['base-url']);
    const redirects = pickRedirects(values.redirects ?? config.redirects ?? 'auto');

    const store = OutputStore.open(out);
    try {
      return await buildInto(store);
    } finally {
      store.close();
    }

    async function buildInto(store: OutputStore): Promise<number> {
      // minTranslated decides which pages link to which: a change must rebuild them.
    const inputs = { ...hashInputs(project), 'config:minTranslated': String(config.minTranslated ?? DEFAULT_MIN_TRANSLATED) };
      const recorded = readManifest(out);
      const { verified, carry } = checkFiles(store, recorded, values.force);
      const previous = values.clean ? undefined : recorded;
      const protocolFilter = values.protocol ?? config.protocols?.join(',');
      const configured = { formats: config.formats ?? DEFAULT_FORMATS, locales: config.locales ?? available };
      const slices = planSlices(recorded, {
        formats,
        locales,
        pdf: values.pdf,
        order: available,
        keep: values.clean ? () => false : values.prune ? (slice) => inConfig(slice, configured) : () => true,
        bundles: hooks.bundles !== undefined,
      });
      const request = { formats, locales, pdf: values.pdf, list: sliceList({ shard, pairs, protocolFilter, redirectPages, mdProfile }), baseUrl, redirects, siteFiles: shard.k === 1, inputs };
      if (previous && verified && !hooks.bundles && upToDate(previous, request, slices)) {
        // Nothing this build reads has changed: the output is already this build.
        const stages = { load: 0, plan: 0, startup: 0, render: 0, write: 0, pdf: 0, commit: 0 };
        const made = formats.flatMap((f) => locales.map((l) => previous.slices[`${f}/${l}`]?.pages ?? 0)).reduce((a, n) => a + n, 0);
        report(io, values.json, { pages: {}, total: made, rendered: 0, unchanged: made, removed: 0, carried: 0, other: 0, pdfs: 0, workers: 0, stages }, 0, started, out);
        return EXIT.ok;
      }
      for (const slice of slices.outdated) {
        io.stderr.write(`note: ${slice} was built when the output had other languages or formats; its links to them change when it is built again (statusbook build --format ${slice.split('/')[0]} --locale ${slice.split('/')[1]})\n`);
      }

      // Workers start now, loading their modules and compiling the templates and UI strings
      // while this thread reads the content.
      const workers = new WorkerStart(poolSize(estimatePages(project, locales.length, formats.length)), {
        templatesDir: project.templates,
        localesDir: project.locales,
        locales,
        formats,
        linkLocales: slices.linkLocales,
      });
      try {
        return await buildWith(workers);
      } finally {
        // Stops workers that a failed or refused build did not use (a pool closes its own).
        await workers.cancel();
      }

      async function buildWith(workers: WorkerStart): Promise<number> {
        const loadStarted = performance.now();
        // Files whose text did not change since the last build are not parsed again.
        const cache = FileCheckCache.read(values.clean ? undefined : out, VERSION);
        const { ok, content } = await loadAndReport(project, io, values.strict, cache);
        const protocols = protocolFilter === undefined ? content.protocols : pickProtocols(protocolFilter, content.protocols);
        // json/index.json gives the coverage of every locale the json format holds, kept ones too.
        const translated = [...new Set([...locales, ...(formats.includes('json') ? (slices.linkLocales.json ?? []) : [])])].filter((l) => l !== SOURCE_LOCALE);
        const loaded = ok ? await loadTranslations(project.locales, translated, protocols, { cache }) : undefined;
        // Glossary findings are warnings: --strict makes them stop the build like any other.
        const diagnostics = loaded ? [...loaded.diagnostics, ...(await lintGlossaries(project.locales, translated, protocols))] : [];
        printDiagnostics(diagnostics, io);
        const warnings = countDiagnostics([...content.diagnostics, ...diagnostics]);
        if (!ok || !loaded || warnings.error > 0 || (values.strict && warnings.warning > 0)) {
          if (values.json) io.stdout.write(`${JSON.stringify({ ok: false, ...diagnosticsJson(io) })}\n`);
          else io.stderr.write('build stopped: nothing was written\n');
          return EXIT.failed;
        }

        // Locales translated below minTranslated are built but not advertised; said once per build.
        const minTranslated = config.minTranslated ?? DEFAULT_MIN_TRANSLATED;
        const unadvertised: string[] = [];
        for (const [locale, c] of await localeCoverage(project.locales, loaded.translations, protocols)) {
          const done = percent(c.translated, c.total);
          if (!locales.includes(locale) || done >= minTranslated) continue;
          unadvertised.push(locale);
          if (!values.json) io.stderr.write(`note: ${locale} is ${done}% translated (below minTranslated ${minTranslated}%): built, not advertised\n`);
        }
        if (formats.includes('html') && !values.json) siteNotes(io, { baseUrl, redirects, count: redirectRuleCount(protocols, slices.linkLocales.html ?? locales, pairs) });
        if (formats.includes('embed') && !values.json) embedNotes(io, baseUrl);
        const loadSeconds = (performance.now() - loadStarted) / 1000;
        const progress = new Progress(io, values.json);
        const counts = await buildSite({
          project,
          store,
          verified,
          carry,
          slices,
          protocols,
          translations: loaded.translations,
          pairs,
          mdProfile,
          redirectPages,
          redirects,
          unadvertised,
          ...(protocolFilter === undefined ? {} : { protocolFilter }),
          locales,
          formats,
          baseUrl,
          shard,
          version: VERSION,
          inputs,
          checkCache: cache.text(VERSION),
          workers,
          ...(previous ? { previous } : {}),
          onProgress: (done, total) => progress.update(done, total),
          ...(chromium || hooks.bundles ? { beforeCommit: (staging: string) => beforeCommit(staging, protocols, content) } : {}),
        });
        progress.done();
        report(io, values.json, { ...counts, stages: { load: loadSeconds, ...counts.stages } }, warnings.warning, started, out);
        return EXIT.ok;
      }

      /** PDFs printed from the print books, then the bundles: files of the new version that are not pages. */
      async function beforeCommit(staging: string, protocols: readonly Protocol[], content: LoadResult): Promise<string[]> {
        const written: string[] = [];
        if (chromium) {
          const pdfs = locales.flatMap((locale) => protocols.map((p) => ({ locale, id: p.id })));
          await printPdfs(
            chromium,
            pdfs.map(({ locale, id }) => ({ html: join(staging, 'print', locale, `${id}.html`), pdf: join(staging, 'pdf', locale, `${id}.pdf`) })),
            { paper, version: VERSION, date: contentDate(project.root) },
          );
          written.push(...pdfs.map(({ locale, id }) => `pdf/${locale}/${id}.pdf`));
        }
        if (hooks.bundles) {
          written.push(...(await hooks.bundles(staging, { content, protocols, locales, formats, contentHash: groupHash(inputs, ['content/', 'locales/']), root: project.root, out })));
        }
        return written;
      }
    }
  }
}

/**
 * Whether the output already is what this build would make: no input changed since its
 * manifest, and every slice asked for is there with the same page list, base URL and links.
 */
function upToDate(
  previous: Manifest,
  request: { formats: readonly Format[]; locales: readonly string[]; pdf: boolean; list: string; baseUrl: string; redirects: RedirectRules; siteFiles: boolean; inputs: Record<string, string> },
  slices: SlicePlan,
): boolean {
  if (request.pdf || slices.dropped.length > 0 || previous.statusbook !== VERSION || !sameRecord(previous.inputs, request.inputs)) return false;
  const same = request.formats.every((f) =>
    request.locales.every((l) => {
      const slice = previous.slices[`${f}/${l}`];
      return slice?.list === request.list && slice.baseUrl === request.baseUrl && slice.locales === slices.linkLocales[f]?.join(',') && (slice.forms ?? '') === formsLinked(f, slices.linkFormats[l] ?? []);
    }),
  );
  return (
    same &&
    (!request.formats.includes('html') || !request.siteFiles || previous.slices.html?.list === `redirects:${request.redirects}`) &&
    (!request.formats.includes('json') || !request.siteFiles || previous.slices.json !== undefined)
  );
}

/** What a user should know about the HTML site's own files: said once per build, on stderr. */
function siteNotes(io: Io, site: { baseUrl: string; redirects: RedirectRules; count: number }): void {
  if (!/^https?:\/\//.test(site.baseUrl)) {
    io.stderr.write('note: no sitemap: a sitemap lists absolute URLs; set --base-url https://... (or baseUrl in statusbook.config.yaml)\n');
  }
  if (site.redirects === 'auto' && site.count > REDIRECT_LIMIT) {
    io.stderr.write(
      `note: no html/_redirects: its ${site.count.toLocaleString('en-US')} rules are more than every host accepts (${REDIRECT_LIMIT.toLocaleString('en-US')}); reversed comparison URLs reach their page through 404.html (--redirects all writes every rule, for Netlify)\n`,
    );
  }
}

/** What a user should know about the embeds: without a base URL, they work on this site only. */
function embedNotes(io: Io, baseUrl: string): void {
  if (!/^https?:\/\//.test(baseUrl)) {
    io.stderr.write('note: embed cards and the snippets on code pages link root-relative (/en/...): to embed them on other sites, set --base-url https://... (or baseUrl in statusbook.config.yaml)\n');
  }
}

/** --base-url: an absolute http(s) URL (canonical links and sitemaps need one). */
function absoluteUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new UsageError(`--base-url ${text}: expected an absolute http(s) URL without a query or fragment`, 'for example: --base-url https://docs.example.org/');
  }
  return text;
}

/** A --pairs value; anything else is a usage error. */
export function pickPairs(value: string): 'all' | 'curated' {
  if (value === 'all' || value === 'curated') return value;
  throw new UsageError(`--pairs ${value}: expected all or curated`, 'curated builds only the pairs of content/<protocol>/pairs.yaml');
}

/** A --paper value; anything else is a usage error. */
function pickPaper(value: string): Paper {
  const paper = PAPERS.find((p) => p === value);
  if (paper) return paper;
  throw new UsageError(`--paper ${value}: expected ${PAPERS.join(' or ')}`, 'a4 is 210 x 297 mm, letter 8.5 x 11 in');
}

/** A --md-profile value; anything else is a usage error. */
export function pickMdProfile(value: string): MdProfile {
  const profile = MD_PROFILES.find((p) => p === value);
  if (profile) return profile;
  throw new UsageError(`--md-profile ${value}: expected one of ${MD_PROFILES.join(', ')}`, 'see docs/markdown-profiles.md');
}

function pickRedirects(value: string): RedirectRules {
  if (value === 'auto' || value === 'all' || value === 'none') return value;
  throw new UsageError(`--redirects ${value}: expected auto, all or none`, 'auto writes html/_redirects when its rules fit every host; all writes every rule (Netlify)');
}

/** The protocols named by --protocol (or the config), in content order; unknown ones are usage errors. */
function pickProtocols(list: string, protocols: readonly Protocol[]): Protocol[] {
  const ids = pickList('protocol', list, protocols.map((p) => p.id));
  return protocols.filter((p) => ids.includes(p.id));
}

/** Pages a build will have, from the number of code files alone (to size the worker pool early). */
function estimatePages(project: Project, locales: number, formats: number): number {
  let pages = 0;
  for (const protocol of safeReaddir(project.content)) {
    const n = safeReaddir(join(project.content, protocol, 'codes')).length;
    pages += n + (n * (n - 1)) / 2;
  }
  return pages * locales * formats;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}


function parseShard(value: string | undefined): { k: number; n: number } {
  if (value === undefined) return { k: 1, n: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) throw new UsageError(`--shard ${value}: expected k/n with 1 <= k <= n`, 'for example: --shard 1/4');
  return { k, n };
}

function report(io: Io, json: boolean, counts: BuildCounts & { stages: { load: number } }, warnings: number, started: number, out: string): void {
  const seconds = (performance.now() - started) / 1000;
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ ok: true, out: relative(io.cwd, out) || '.', pages: counts.pages, total: counts.total, written: counts.rendered, unchanged: counts.unchanged, removed: counts.removed, kept: counts.carried, otherFiles: counts.other, pdfs: counts.pdfs, warnings, workers: counts.workers, seconds: Number(seconds.toFixed(3)), peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), stages: Object.fromEntries(Object.entries(counts.stages).map(([k, v]) => [k, Number(v.toFixed(3))])) })}\n`,
    );
    return;
  }
  const c = colors(io.stdout, io.env);
  const n = (x: number) => x.toLocaleString('en-US');
  const where = relative(io.cwd, out) || '.';
  io.stdout.write(`${c.green('✔')} ${n(counts.total)} pages in ${where} (${seconds.toFixed(2)} s${counts.workers > 0 ? `, ${counts.workers} ${counts.workers === 1 ? 'worker' : 'workers'}` : ''})\n`);
  for (const [format, byLocale] of Object.entries(counts.pages)) {
    io.stdout.write(`  ${format.padEnd(6)}${format.length >= 6 ? ' ' : ''}${Object.entries(byLocale).map(([l, k]) => `${l} ${n(k)}`).join('  ')}\n`);
  }
  if (counts.pdfs > 0) io.stdout.write(`  pdf   ${n(counts.pdfs)} ${counts.pdfs === 1 ? 'book' : 'books'} printed in ${counts.stages.pdf.toFixed(2)} s\n`);
  io.stdout.write(`  files: ${n(counts.rendered)} written, ${n(counts.unchanged)} unchanged, ${n(counts.removed)} removed${counts.other ? `, ${n(counts.other)} other` : ''}${counts.carried ? `, ${n(counts.carried)} of other formats and languages kept` : ''}; ${n(warnings)} warnings\n`);
}

/**
 * Whether the current version holds exactly the files its build made (one walk, counting),
 * and which files that are not statusbook's the new version keeps. Files added to the output
 * by hand are refused unless `--force` keeps them; files gone missing are rendered again.
 */
function checkFiles(store: OutputStore, manifest: Manifest | undefined, force: boolean): { verified: boolean; carry: string[] } {
  if (!store.current) return { verified: false, carry: [] };
  const kept = readList(join(store.current, KEPT));
  if (manifest?.files !== undefined && store.countFiles() === manifest.files + kept.length) return { verified: true, carry: kept };
  const foreign = store.unlisted(new Set([...readList(join(store.current, FILES)), ...kept]));
  if (foreign.length > 0 && !force) {
    const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, and ${foreign.length - 5} more` : '');
    throw new UsageError(
      `${store.out} holds ${foreign.length === 1 ? 'a file' : `${foreign.length} files`} statusbook did not write (${shown}); a build would leave ${foreign.length === 1 ? 'it' : 'them'} out`,
      'move them elsewhere, or pass --force to keep them in this and every later build',
    );
  }
  return { verified: false, carry: [...kept, ...foreign] };
}

/** Whether a slice of the output (`md/en`, `html`, `pdf/ja`) is one the configuration builds. */
function inConfig(slice: string, configured: { formats: readonly string[]; locales: readonly string[] }): boolean {
  const [format = '', locale] = slice.split('/');
  const f = format === 'pdf' ? 'print' : format;
  return configured.formats.includes(f) && (locale === undefined || configured.locales.includes(locale));
}

/**
 * Refuses output folders that hold the project, or lie inside its content/, templates/ or
 * locales/ (compared as real paths, so links and `..` cannot get around it).
 */
export function checkOut(out: string, project: Project): void {
  const real = realPath(out);
  const why = contains(real, realPath(project.root))
    ? 'it holds the project folder'
    : [project.content, project.templates, project.locales].map((dir) => (contains(realPath(dir), real) ? `it is inside ${relative(project.root, dir)}/` : '')).find(Boolean);
  if (why) throw new UsageError(`--out ${out} would overwrite the project's own files: ${why}`, 'choose a folder such as output/');
}

/** Whether `child` is `parent` or inside it. */
function contains(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** A path with the links of its existing folders resolved; its last part is kept as it is (an output is a link). */
function realPath(path: string): string {
  const abs = resolve(path);
  const parent = dirname(abs);
  if (parent === abs) return abs;
  try {
    return join(realpathSync(parent), basename(abs));
  } catch {
    return join(realPath(parent), basename(abs));
  }
}
