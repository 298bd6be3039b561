// npm run bench: builds synthetic content (N codes in one protocol, en/vi/ja, complete
// translations) with the real CLI, as whole processes, and reports the median of several runs.
// "All formats" is what a build makes by default (DEFAULT_FORMATS); "all but <f>" shows what
// <f> adds. The wiki formats, made only when asked, are timed on their own. The search index
// (html/<locale>/search.json) is timed in-process per locale, at each size and for the
// bundled content, and the HTML rebuild after one code's summary changed shows its cost.
// "bundle" is `statusbook bundle` (zip and tar.gz of html, md, print and json), beside the
// build of the same formats alone: the difference is the packing. A round's outputs are
// removed when it ends (the disk is small).
// Usage: node scripts/bench.mjs [sizes=80,160,320] [runs=3]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { writeSynthetic } from './synthetic.mjs';
import { DEFAULT_FORMATS, WIKI_FORMATS } from '../packages/generator/dist/plan.js';
import { loadContent, loadTranslations } from '../packages/core/dist/index.js';
import { createSite, sourceContent, translatedContent } from '../packages/generator/dist/index.js';

const repo = new URL('..', import.meta.url).pathname;
const cli = join(repo, 'packages/cli/bin/statusbook.js');
const sizes = (process.argv[2] ?? '80,160,320').split(',').map(Number);
const runs = Number(process.argv[3] ?? 3);
// One folder per run: two benches on one machine do not write into each other's.
const work = `/tmp/statusbook-bench-${process.pid}`;

/**
 * Flushes written data so runs start alike. Full builds then read the CLI and the content
 * once (`statusbook validate` and `statusbook compare`), as on a machine where the tool was
 * just used: the run measures the build, not the disk reading Node.js. Rebuilds keep every
 * cache, as after a user's edit.
 *
 * `dropCaches` first empties the kernel's caches (when allowed: root), as after a reboot.
 * That also evicts the file system's own records (inode and block bitmaps, directories),
 * which creating thousands of files then reads back from the disk: at N = 80 the HTML
 * build's writes take ~1.65 s instead of ~0.7 s. Earlier versions of this bench did this
 * before every full build; the "caches dropped" row keeps that figure.
 */
function settle({ full, dropCaches }, dir) {
  execFileSync('sync');
  if (!full) return;
  if (dropCaches) {
    try {
      writeFileSync('/proc/sys/vm/drop_caches', '3');
    } catch {
      // not root: runs share warm caches
    }
  }
  spawnSync(process.execPath, [cli, 'validate', '--root', dir], { stdio: 'ignore' });
  spawnSync(process.execPath, [cli, 'compare', 'syn', '100', '101', '--root', dir], { stdio: 'ignore' });
  execFileSync('sh', ['-c', `cat ${JSON.stringify(dir)}/locales/*/content/*/codes/* ${JSON.stringify(dir)}/templates/*/* > /dev/null`]);
}

function build(args, command = 'build') {
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, command, '--json', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} failed (${run.status}): ${run.stderr}`);
  const answer = JSON.parse(run.stdout);
  // bundle answers with its bundles and the build's own answer, measured after the packing
  // (which runs before the build's new output is swapped in: the stage named pdf).
  return command === 'bundle' ? { wall, ...answer.build, packSeconds: answer.build.stages.pdf, bundles: answer.bundles.length } : { wall, ...answer };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One scenario: how to prepare a run, the build's arguments for a round, and how to settle
 * the machine first (`full`: a full build, `dropCaches`: see settle).
 */
function scenario(label, prepare, args, how = { full: false, dropCaches: false }, command = 'build') {
  return { label, prepare, args, how, command, samples: [] };
}

const FULL = { full: true, dropCaches: false };
const COLD = { full: true, dropCaches: true };

/** Markdown alone, plain and with a profile (docusaurus: MDX escaping, front matter, no H1), every pair: what a profile costs. */
function mdProfileScenarios(out) {
  return [
    scenario('md', () => undefined, (round) => [...out(round, 'md'), '--format', 'md'], FULL),
    scenario('md, docusaurus', () => undefined, (round) => [...out(round, 'md-docusaurus'), '--format', 'md', '--md-profile', 'docusaurus'], FULL),
  ];
}

const outOf = (args) => args[args.indexOf('--out') + 1];

/** Waits until the output's background copy is complete; returns its state folder. */
function waitForCopy(out) {
  const state = join(dirname(out), `.statusbook-${basename(out)}`);
  const copying = () => existsSync(state) && readdirSync(state).some((name) => name.startsWith('tmp-copy-'));
  for (const deadline = Date.now() + 120_000; copying() && Date.now() < deadline; ) execFileSync('sleep', ['0.2']);
  return state;
}

/**
 * Removes an output: the link and the state folder beside it (`.statusbook-<name>`), once the
 * detached `cp -al` a full build starts (`tmp-copy-*`, renamed when complete) has finished.
 */
function removeOutput(out) {
  const state = waitForCopy(out);
  rmSync(out, { recursive: true, force: true });
  rmSync(state, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

/** Runs a scenario once; its output is removed when the round ends (endRound). */
function run(s, round, made) {
  const args = s.args(round);
  const dir = args[args.indexOf('--root') + 1];
  s.prepare(args);
  settle(s.how, dir);
  s.samples.push(build(args, s.command));
  made.add(outOf(args));
}

/**
 * Removes a round's outputs, then waits until ext4 no longer treats their inodes as recently
 * deleted: creating files just after removing a large tree is 2-4x slower there (the inode
 * allocator steps over inodes freed in the last 30 s, seen in perf as recently_deleted), so
 * removing each output right after its run would slow the next build. Keeping every output
 * to the end instead filled the disk at N = 320 (~6 GB a round).
 */
function endRound(made) {
  for (const out of made) removeOutput(out);
  made.clear();
  execFileSync('sync');
  execFileSync('sleep', ['31']);
}

/**
 * The search index of each locale of a project, rendered in-process as a build's worker does:
 * milliseconds for the first (with the locale's set-up: translator, ICU objects) and the median
 * of 5 after it, and its size in bytes.
 */
async function searchIndexFigures(root) {
  const { protocols } = await loadContent(join(root, 'content'));
  const locales = readdirSync(join(root, 'locales')).filter((l) => existsSync(join(root, 'locales', l, 'ui.json'))).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  const { translations } = await loadTranslations(join(root, 'locales'), locales, protocols);
  const site = await createSite({
    protocols,
    templatesDir: join(root, 'templates'),
    localesDir: join(root, 'locales'),
    locales,
    formats: ['html'],
    content: (l) => (translations.has(l) ? translatedContent(translations.get(l)) : sourceContent),
  });
  const figures = {};
  for (const locale of locales) {
    const ref = { kind: 'search', locale, format: 'html', protocol: undefined, code: undefined, a: undefined, b: undefined };
    let t = performance.now();
    const { contents } = site.renderRef(ref);
    const firstMs = performance.now() - t;
    const warm = Array.from({ length: 5 }, () => {
      t = performance.now();
      site.renderRef(ref);
      return performance.now() - t;
    });
    figures[locale] = { firstMs: Number(firstMs.toFixed(2)), ms: Number(median(warm).toFixed(2)), bytes: Buffer.byteLength(contents) };
  }
  return figures;
}

function reportSearch(label, figures) {
  const each = Object.entries(figures).map(([l, f]) => `${l} ${(f.bytes / 1024).toFixed(1)} kB in ${f.ms.toFixed(1)} ms (first ${f.firstMs.toFixed(1)} ms)`);
  console.log(`${label.padStart(4)}  search index         ${each.join(', ')}`);
}
const searchResults = [];

function report(n, s) {
  const { label, samples } = s;
  const wall = median(samples.map((x) => x.wall));
  const pick = samples.find((x) => x.wall === wall);
  const row = {
    n,
    scenario: label,
    pages: pick.total,
    written: pick.written,
    wallSeconds: Number(wall.toFixed(3)),
    pagesPerSecond: Math.round(pick.total / wall),
    peakRssMiB: median(samples.map((x) => x.peakRssMiB)),
    stages: pick.stages,
    runs: samples.map((x) => Number(x.wall.toFixed(3))),
    ...(s.command === 'bundle' ? { packSeconds: Number(median(samples.map((x) => x.packSeconds)).toFixed(3)) } : {}),
    // How fast the machine was when this size was measured (see calibrate).
    machineSpeed: speed,
  };
  console.log(
    `${String(n).padStart(4)}  ${label.padEnd(20)} ${String(row.pages).padStart(8)} pages  ${row.wallSeconds.toFixed(2).padStart(6)} s  ${String(row.pagesPerSecond).padStart(7)} pages/s  ${String(row.peakRssMiB).padStart(4)} MiB  written ${row.written}  (runs ${Math.min(...row.runs).toFixed(2)}-${Math.max(...row.runs).toFixed(2)} s)`,
  );
  return row;
}

const results = [];
/**
 * How fast the machine is right now, as a yardstick for the figures: this machine's speed
 * drifts by 30-40% within the hour. Node.js start-up (median of 5 `node -e 0`, ms) and a
 * fixed piece of JavaScript (string building and hashing, ms).
 */
function calibrate() {
  const starts = Array.from({ length: 5 }, () => {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - t;
  });
  const t = performance.now();
  let text = '';
  for (let i = 0; i < 200_000; i++) text += `<li>${i}</li>`;
  for (let i = 0; i < 20; i++) createHash('sha256').update(text).update(String(i)).digest('hex');
  return { nodeStartMs: Math.round(median(starts)), javascriptMs: Math.round(performance.now() - t) };
}

const speed = calibrate();
console.log(`statusbook bench: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${runs} runs each, median`);
console.log(`machine speed now: node start-up ${speed.nodeStartMs} ms, yardstick JavaScript ${speed.javascriptMs} ms (smaller is faster)\n`);
for (const n of sizes) {
  const dir = join(work, String(n));
  const codes = writeSynthetic(dir, n);
  // Every full build writes a new output folder; a round's are removed when it ends (endRound).
  const outputs = join(dir, 'outputs');
  const out = (round, name) => ['--root', dir, '--out', join(outputs, `${round}-${name}`)];
  const file = join(dir, 'content/syn/codes', `${codes[Math.floor(codes.length / 2)]}.yaml`);
  const original = readFileSync(file, 'utf8');
  // Another code, whose summary the HTML rebuild changes (the all-formats rebuild edits `file`).
  const summaryFile = join(dir, 'content/syn/codes', `${codes[Math.floor(codes.length / 3)]}.yaml`);
  const summaryOriginal = readFileSync(summaryFile, 'utf8');
  let edit = 0;
  const all = (round) => [...out(round, 'all'), '--format', DEFAULT_FORMATS.join(',')];
  // What one format adds to the all-formats build: the same build without it.
  const without = (format) => scenario(`all but ${format}`, none, (round) => [...out(round, `no-${format}`), '--format', DEFAULT_FORMATS.filter((f) => f !== format).join(',')], FULL);
  const none = () => undefined;
  const scenarios = [
    scenario('html', none, (round) => [...out(round, 'html'), '--format', 'html'], FULL),
    // The HTML build after the kernel's caches were dropped, as after a reboot.
    ...(n <= 80 ? [scenario('html, caches dropped', none, (round) => [...out(round, 'html-cold'), '--format', 'html'], COLD)] : []),
    // The same with a redirect page per reversed pair (--redirect-pages): twice the files.
    ...(n <= 80 ? [scenario('html + redirects', none, (round) => [...out(round, 'redirects'), '--format', 'html', '--redirect-pages'], FULL)] : []),
    // What `statusbook bundle` adds to the build of the formats it packs.
    scenario('build for bundle', none, (round) => [...out(round, 'packed'), '--format', 'html,md,print,json'], FULL),
    scenario('bundle', none, (round) => [...out(round, 'bundle'), '--format', 'html,md,print,json'], FULL, 'bundle'),
    scenario('all formats', none, all, FULL),
    without('json'),
    without('embed'),
    without('md'),
    // Rebuilds of the all-formats build just made.
    scenario('no change', none, all),
    scenario('one code changed', () => writeFileSync(file, original.replace(/howToFix: .*/, `howToFix: Edited text number ${++edit}.`)), all),
    // The HTML site after one code's summary changed: its pages and every locale's search index.
    scenario(
      'html, one summary',
      (args) => {
        build(args);
        // As after a user's edit, which comes seconds after a build: its background copy is done.
        waitForCopy(outOf(args));
        writeFileSync(summaryFile, summaryOriginal.replace(/summary: .*/, `summary: Edited summary number ${++edit}.`));
      },
      (round) => [...out(round, 'html-edit'), '--format', 'html'],
    ),
  ];
  scenarios.push(...mdProfileScenarios(out));
  for (const format of WIKI_FORMATS) scenarios.push(scenario(format, none, (round) => [...out(round, format), '--format', format], FULL));
  // Rounds: each runs every scenario once, so a slow spell of the machine (timings here drift
  // by 20-30% within the hour) falls on all of them alike, and ratios between them hold. The
  // runs that drop the kernel's caches come after all the others, so no other run starts
  // with caches emptied by one of them.
  const warm = scenarios.filter((s) => !s.how.dropCaches);
  const cold = scenarios.filter((s) => s.how.dropCaches);
  const made = new Set();
  for (const group of [warm, cold]) {
    for (let round = 0; round < runs; round++) {
      for (const s of group) run(s, round, made);
      endRound(made);
    }
  }
  for (const s of scenarios) results.push(report(n, s));
  const row = (label) => results.find((r) => r.n === n && r.scenario === label);
  const samplesOf = (label) => scenarios.find((s) => s.label === label).samples;
  const [packed, bundled] = [row('build for bundle'), row('bundle')];
  const packSeconds = median(samplesOf('bundle').map((x) => x.packSeconds));
  console.log(
    `${String(n).padStart(4)}  bundle ${bundled.wallSeconds.toFixed(2)} s (${samplesOf('bundle')[0].bundles} archives, packing ${packSeconds.toFixed(2)} s of it), the build of its formats alone ${packed.wallSeconds.toFixed(2)} s: bundle - build = ${(bundled.wallSeconds - packed.wallSeconds).toFixed(2)} s; peak RSS ${bundled.peakRssMiB} MiB vs ${packed.peakRssMiB} MiB`,
  );
  for (const format of ['json', 'embed', 'md']) {
    const [withIt, withoutIt] = [row('all formats'), row(`all but ${format}`)];
    console.log(`${String(n).padStart(4)}  ${format} adds ${(withIt.wallSeconds - withoutIt.wallSeconds).toFixed(2)} s, ${withIt.pages - withoutIt.pages} pages, peak RSS ${withIt.peakRssMiB - withoutIt.peakRssMiB} MiB to the all-formats build (${withIt.peakRssMiB} MiB with it)`);
  }
  writeFileSync(file, original);
  writeFileSync(summaryFile, summaryOriginal);
  const figures = await searchIndexFigures(dir);
  reportSearch(String(n), figures);
  searchResults.push({ n, locales: figures });
  rmSync(dir, { recursive: true, force: true });
}
const bundledContent = await searchIndexFigures(repo);
reportSearch('repo', bundledContent);
searchResults.push({ n: 'bundled', locales: bundledContent });
rmSync(work, { recursive: true, force: true });
// Sizes measured now replace their rows; rows of other sizes (measured separately) stay.
mkdirSync(join(repo, 'bench'), { recursive: true });
const file = join(repo, 'bench/results.json');
let kept = [];
let keptSearch = [];
try {
  const previous = JSON.parse(readFileSync(file, 'utf8'));
  kept = previous.results.filter((r) => !sizes.includes(r.n));
  keptSearch = (previous.searchIndex ?? []).filter((r) => r.n !== 'bundled' && !sizes.includes(r.n));
} catch {
  // first run
}
const all = [...kept, ...results].sort((a, b) => a.n - b.n);
const searchIndex = [...keptSearch, ...searchResults].sort((a, b) => (a.n === 'bundled' ? 1 : b.n === 'bundled' ? -1 : a.n - b.n));
writeFileSync(
  file,
  `${JSON.stringify({ machine: { cores: availableParallelism(), cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, results: all, searchIndex }, null, 2)}\n`,
);
console.log('\nwrote bench/results.json');
