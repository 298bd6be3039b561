import { join, relative } from 'node:path';
import { parseFlags } from '../args.js';
import { writeDownloads, type BundleIndex } from '../bundle/downloads.js';
import { ARCHIVE_FORMATS } from '../bundle/format-files.js';
import type { BundleFile, BundleKind } from '../bundle/kind.js';
import { BUNDLE_KINDS, bundleKind } from '../bundle/kinds.js';
import { EXIT, UsageError } from '../errors.js';
import { colors, type Io } from '../io.js';
import { contentDate, findChromium } from '../print-pdf.js';
import { VERSION } from '../version.js';
import { runBuild } from './build.js';
import type { Command } from './types.js';

export const bundle: Command = {
  help: `Usage: statusbook bundle [options]

Builds the output the bundles need (as 'statusbook build' does: only what changed is
rendered), then makes the bundles people download: per locale, a .zip and a .tar.gz of each
format (html, md, print, json), each with a manifest.json listing every file with its size
and sha256. Bundles go into <out>/bundles/, listed with their sizes and sha256 in
<out>/bundles/index.json, and each locale's HTML site gets a Downloads page linking them
(html/<locale>/downloads.html, linked from the locale's home page).

The same input gives the same archive bytes (fixed times and permissions, sorted entries).
The bundles appear with the new output, all at once: a failed or killed run leaves the
previous output and bundles as they were. Each run replaces every earlier bundle.

Kinds (--kind):
${Object.values(BUNDLE_KINDS)
  .map((k) => `  ${k.id.padEnd(8)} ${k.describe}`)
  .join('\n')}

Options:
  --kind <list>      bundle kinds to make, comma-separated (default: all of the above)
  --locale <list>    locales to bundle, comma-separated (default: every folder of locales/)
  --format <list>    formats the archives pack: html, md, print, json, comma-separated
                     (default: all four)
  --paper <size>     a4 (default) or letter, for the kinds that lay out pages
  --out <dir>        the output folder (default: <root>/output); bundles go into <dir>/bundles/
  --root <dir>       project folder holding content/, templates/, locales/ (default: .)
  --json             print a machine-readable report on stdout: the bundles as index.json lists them
  -h, --help         show this help

Examples:
  statusbook bundle
  statusbook bundle --locale ja --format html --kind zip
  cd output/bundles/ja && sha256sum statusbook-ja-html.zip   # compare with bundles/index.json

Exit codes: 0 bundled, 1 content or build errors, 2 bad usage.`,

  async run(argv, io) {
    const { values } = parseFlags('bundle', argv, {
      kind: { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string' },
      paper: { type: 'string', default: 'a4' },
      out: { type: 'string' },
      root: { type: 'string', default: '.' },
      json: { type: 'boolean', default: false },
    });
    const started = performance.now();
    const kinds = pickKinds(values.kind);
    const formats = pickFormats(values.format);
    const paper = pickPaper(values.paper);
    const chromium = kinds.some((k) => k.browser) ? await findChromium(io.env) : undefined;
    // Archives read the formats they pack (--format); other kinds say what they read.
    const needs = [...new Set(kinds.flatMap((k) => (k.needs === 'formats' ? formats : k.needs)))];
    const buildArgs = [
      '--root',
      values.root,
      ...(values.out === undefined ? [] : ['--out', values.out]),
      ...(values.locale === undefined ? [] : ['--locale', values.locale]),
      ...(needs.length > 0 ? ['--format', needs.join(',')] : []),
      ...(values.json ? ['--json'] : []),
    ];
    const c = colors(io.stderr, io.env);
    let index: BundleIndex | undefined;
    let out = '';
    // With --json, the build's own answer becomes part of this command's.
    let buildAnswer = '';
    const buildIo: Io = values.json ? { ...io, stdout: { write: (text: string) => (buildAnswer += text) } } : io;
    const code = await runBuild(buildArgs, buildIo, {
      async bundles(staging, built) {
        out = built.out;
        const meta = { version: VERSION, contentHash: built.contentHash, contentDate: contentDate(built.root) };
        const made: BundleFile[] = [];
        for (const locale of built.locales) {
          for (const kind of kinds) {
            const kindStarted = performance.now();
            const files = await kind.make({
              output: staging,
              staging: join(staging, 'bundles'),
              locale,
              locales: built.locales,
              content: built.content,
              meta,
              options: { formats: formats.filter((f) => (built.formats as readonly string[]).includes(f)), paper, ...(chromium ? { chromium } : {}) },
            });
            made.push(...files);
            io.stderr.write(`${c.dim('bundle')} ${kind.id} ${locale}: ${files.map((f) => f.path.slice(f.path.lastIndexOf('/') + 1)).join(', ') || 'nothing to pack'} (${((performance.now() - kindStarted) / 1000).toFixed(2)} s)\n`);
          }
        }
        const downloads = await writeDownloads(staging, made, meta, join(built.root, 'locales'));
        index = downloads.index;
        return [...made.map((f) => `bundles/${f.path}`), ...downloads.written];
      },
    });
    if (values.json) {
      const answer = JSON.parse(buildAnswer.trim().split('\n').pop() ?? '{}') as { ok: boolean; out?: string };
      io.stdout.write(`${JSON.stringify(code === EXIT.ok && index ? { ok: true, out: answer.out, ...index, seconds: Number(((performance.now() - started) / 1000).toFixed(3)), build: answer } : answer)}\n`);
      return code;
    }
    if (code !== EXIT.ok || !index) return code;
    const where = join(relative(io.cwd, out), 'bundles');
    io.stdout.write(`${colors(io.stdout, io.env).green('✔')} ${index.bundles.length} ${index.bundles.length === 1 ? 'bundle' : 'bundles'} in ${where}/ (${((performance.now() - started) / 1000).toFixed(2)} s), listed in ${join(where, 'index.json')}\n`);
    return code;
  },
};

/** --kind: the kinds asked for, in the registry's order; unknown ones are usage errors. */
function pickKinds(value: string | undefined): BundleKind[] {
  if (value === undefined) return Object.values(BUNDLE_KINDS);
  const wanted = value.split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = wanted.find((id) => !bundleKind(id));
  if (unknown !== undefined || wanted.length === 0) throw new UsageError(`--kind ${value}: unknown bundle kind '${unknown ?? value}'`, `available: ${Object.keys(BUNDLE_KINDS).join(', ')}`);
  return Object.values(BUNDLE_KINDS).filter((k) => wanted.includes(k.id));
}

/** --format: the formats archives pack. */
function pickFormats(value: string | undefined): string[] {
  if (value === undefined) return [...ARCHIVE_FORMATS];
  const wanted = value.split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = wanted.find((f) => !(ARCHIVE_FORMATS as readonly string[]).includes(f));
  if (unknown !== undefined || wanted.length === 0) throw new UsageError(`--format ${value}: archives pack ${ARCHIVE_FORMATS.join(', ')}, not '${unknown ?? value}'`, 'for example: --format html,md');
  return ARCHIVE_FORMATS.filter((f) => wanted.includes(f));
}

function pickPaper(value: string): 'a4' | 'letter' {
  if (value === 'a4' || value === 'letter') return value;
  throw new UsageError(`--paper ${value}: expected a4 or letter`, 'for example: --paper letter');
}

