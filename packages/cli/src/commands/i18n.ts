import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { displayReason, lintLocale, loadGlossary, readYamlValue, sourceFields, sourceHash, type Diagnostic, type Protocol, type SourceField } from '@statusbook/core';
import { Document, isMap, type Node } from 'yaml';
import { applyImport, planImport } from '../exchange/apply.js';
import { readPo, writePo } from '../exchange/po.js';
import type { ExchangeFormat } from '../exchange/types.js';
import { countUnits, localeUnits, percent, type Unit } from '../exchange/units.js';
import { readXliff, writeXliff } from '../exchange/xliff.js';
import { parseFlags } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { availableLocales, pickList, SOURCE_LOCALE } from '../locales.js';
import { diagnosticsJson, jsonIo, printDiagnostics } from '../report.js';
import { projectAt, type Project } from '../project.js';
import { formatTable } from '../table.js';
import type { Command } from './types.js';
import { loadAndReport, resolveFrom } from './validate.js';

export const i18n: Command = {
  help: `Usage: statusbook i18n status [--locale <list>] [--json] [--root <dir>]
       statusbook i18n sync [--locale <list>] [--root <dir>]
       statusbook i18n lint [--locale <list>] [--json] [--root <dir>]
       statusbook i18n export --locale <locale> [--format xliff|po] [--out <file>] [--root <dir>]
       statusbook i18n import <file> [--locale <locale>] [--root <dir>]

status  counts, per locale, the translatable fields of content/ (code texts and reason
        glosses, protocol and class texts, curated pair notes) and the UI strings of
        ui.json that are translated, stale (the English changed since) or missing (shown
        in English, marked as such).
sync    adds every missing field to locales/<locale>/content/ as an empty skeleton, with
        its English in a '# en:' comment above it, and records the English source hash of
        fields written as plain strings or marked 'reviewed: true'. Stale fields stay
        stale until someone reviews them.
export  writes every unit of a locale (content fields and UI strings) as XLIFF 1.2 or
        Gettext PO, with the English, the current translation and its state, for
        Weblate, Crowdin, Phrase, Poedit or translate-toolkit (docs/translation-format.md).
import  reads such a file back into locales/<locale>/: records the source hash of each
        translated unit and reports what was added, updated and unchanged. A file made
        from English that has changed since is refused, naming the stale units.
lint    checks each locale's ui.json and content/ against locales/<locale>/glossary.yaml:
        every variant a term replaces, the spacing between Latin text and Japanese (when
        the glossary sets 'spacing: latin-cjk'), and a reason phrase glossed two ways in
        two protocols. Exits 1 when it finds any. 'build' runs it too, as warnings.

Options:
  --locale <list>  locales to look at, comma-separated (default: every locale but en);
                   export: the one locale; import: the file's language (default: the one it names)
  --format <f>     (export) xliff (default) or po
  --out <file>     (export) write there instead of to standard output
  --json           (status) print {"<locale>": {"total", "translated", "missing", "stale"}}
                   (lint) print {"ok", "locales": {"<locale>": <count>}, "errors", "warnings", "diagnostics"}
  --root <dir>     project folder (default: .)
  -h, --help       show this help

Examples:
  statusbook i18n status
  statusbook i18n status --json
  statusbook i18n sync --locale vi
  statusbook i18n lint --locale ja
  statusbook i18n export --locale vi --format xliff --out vi.xlf
  statusbook i18n import vi.xlf

Exit codes: 0 ok, 1 content errors (lint: or any finding), 2 bad usage.`,
  async run(argv, io) {
    const { values, positionals } = parseFlags('i18n', argv, {
      locale: { type: 'string' },
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      root: { type: 'string', default: '.' },
    });
    const [action, ...extra] = positionals;
    const actions = ['status', 'sync', 'lint', 'export', 'import'];
    if (action === undefined || !actions.includes(action)) {
      throw new UsageError(action === undefined ? 'statusbook i18n needs status, sync, lint, export or import' : `unknown i18n action '${action}'`, 'use statusbook i18n status, sync, lint, export or import');
    }
    const file = action === 'import' ? extra.shift() : undefined;
    if (action === 'import' && file === undefined) throw new UsageError('statusbook i18n import needs a file', 'statusbook i18n import vi.xlf');
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, "see 'statusbook i18n --help'");
    if (action !== 'export' && (values.format !== undefined || values.out !== undefined)) throw new UsageError(`--${values.format !== undefined ? 'format' : 'out'} is an option of i18n export`, "see 'statusbook i18n --help'");
    const project = projectAt(resolveFrom(io, values.root));
    const translated = (await availableLocales(project.locales)).filter((l) => l !== SOURCE_LOCALE);
    if (action === 'export') {
      if (values.locale === undefined || values.locale.includes(',')) throw new UsageError('statusbook i18n export needs one --locale', 'statusbook i18n export --locale vi --format xliff');
      const format = values.format ?? 'xliff';
      if (format !== 'xliff' && format !== 'po') throw new UsageError(`--format ${format}: expected xliff or po`, 'XLIFF 1.2 for Weblate, Crowdin and Phrase; PO for Poedit and gettext tools');
    }
    const locales = action === 'import' ? [] : pickList('locale', values.locale, translated);
    if (action === 'import') return importFile(resolve(io.cwd, file!), values.locale, translated, project, io);
    const out = action === 'lint' ? jsonIo(io, values.json) : io;
    const { ok, content } = await loadAndReport(project, out, false);
    if (!ok) {
      if (action === 'lint' && values.json) io.stdout.write(`${JSON.stringify({ ok: false, locales: {}, ...diagnosticsJson(out) })}\n`);
      return EXIT.failed;
    }
    if (action === 'lint') {
      const counts: Record<string, number> = {};
      const all: Diagnostic[] = [];
      for (const locale of locales) {
        const found = await lintGlossaries(project.locales, [locale], content.protocols);
        counts[locale] = found.length;
        all.push(...found);
      }
      printDiagnostics(all, out);
      if (values.json) io.stdout.write(`${JSON.stringify({ ok: all.length === 0, locales: counts, ...diagnosticsJson(out) })}\n`);
      else if (all.length === 0) io.stdout.write(`✔ no glossary findings in ${locales.join(', ')}\n`);
      return all.length === 0 ? EXIT.ok : EXIT.failed;
    }
    if (action === 'sync') return sync(project.locales, locales, content.protocols, io);

    const byLocale = new Map<string, Unit[]>();
    const errors: Diagnostic[] = [];
    for (const locale of locales) {
      const { units, diagnostics } = await localeUnits(project.locales, locale, content.protocols);
      byLocale.set(locale, units);
      errors.push(...diagnostics);
    }
    if (errors.length > 0) {
      printDiagnostics(errors, io);
      return EXIT.failed;
    }
    if (action === 'export') {
      const locale = locales[0]!;
      const format = (values.format ?? 'xliff') as ExchangeFormat;
      const text = format === 'po' ? writePo(locale, byLocale.get(locale)!) : writeXliff(locale, byLocale.get(locale)!);
      if (values.out === undefined) io.stdout.write(text);
      else await writeAtomically(resolve(io.cwd, values.out), text);
      return EXIT.ok;
    }
    const counts = Object.fromEntries(
      locales.map((l) => {
        const units = byLocale.get(l)!;
        const ui = countUnits(units.filter((u) => u.place.kind === 'ui'));
        const fields = countUnits(units.filter((u) => u.place.kind === 'content'));
        return [l, { ...countUnits(units), content: fields, ui: { total: ui.total, translated: ui.translated, missing: ui.missing } }];
      }),
    );
    if (values.json) {
      io.stdout.write(`${JSON.stringify(counts, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows = Object.entries(counts).map(([locale, c]) => [
      locale,
      `${c.content.translated}/${c.content.total}`,
      `${c.ui.translated}/${c.ui.total}`,
      String(c.total),
      String(c.translated),
      String(c.missing),
      String(c.stale),
      `${percent(c.translated, c.total)}%`,
    ]);
    io.stdout.write(formatTable(['Locale', 'Content', 'UI', 'Total', 'Translated', 'Missing', 'Stale', 'Done'], rows));
    return EXIT.ok;
  },
};

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.writing`;
  await writeFile(temp, text);
  await rename(temp, path);
}

/** `i18n import <file>`: reads an XLIFF or PO file and applies it to its locale. */
async function importFile(path: string, wanted: string | undefined, available: readonly string[], project: Project, io: Io): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${path}`, 'name an XLIFF (.xlf, .xliff) or PO (.po) file written by statusbook i18n export or a translation tool');
  }
  const format: ExchangeFormat = extname(path).toLowerCase() === '.po' || /^\s*(#|msgid|msgctxt)/.test(text) ? 'po' : 'xliff';
  const read = format === 'po' ? readPo(path, text) : readXliff(path, text);
  if (read.diagnostics.length > 0) {
    printDiagnostics(read.diagnostics, io);
    return EXIT.failed;
  }
  const locale = wanted ?? read.locale;
  if (locale === undefined) throw new UsageError(`${path} names no language`, 'give it with --locale <locale>');
  if (wanted !== undefined && read.locale !== undefined && read.locale !== wanted) {
    throw new UsageError(`--locale ${wanted}: ${path} is a file for '${read.locale}'`, `import it with --locale ${read.locale}, or without --locale`);
  }
  pickList('locale', locale, available);
  const { ok, content } = await loadAndReport(project, io, false);
  if (!ok) return EXIT.failed;
  const { units, diagnostics } = await localeUnits(project.locales, locale, content.protocols);
  if (diagnostics.length > 0) {
    printDiagnostics(diagnostics, io);
    return EXIT.failed;
  }
  const plan = planImport(path, read.units, units);
  if (plan.diagnostics.length > 0) {
    printDiagnostics(plan.diagnostics, io);
    io.stderr.write(`nothing imported: ${path} has ${plan.diagnostics.length} unit(s) that cannot be recorded (see above)\n`);
    return EXIT.failed;
  }
  const written = await applyImport(project.locales, locale, plan.changes);
  const { added, updated, unchanged } = plan.counts;
  io.stdout.write(formatTable(['Locale', 'Added', 'Updated', 'Unchanged', 'Files written'], [[locale, String(added), String(updated), String(unchanged), String(written.length)]]));
  return EXIT.ok;
}

type FieldValue = string | { text?: string; source?: string; reviewed?: boolean };

/** Brings every locale's translation files in line with content/: skeletons and source hashes. */
async function sync(localesDir: string, locales: readonly string[], protocols: readonly Protocol[], io: Io): Promise<number> {
  const byFile = new Map<string, SourceField[]>();
  for (const f of sourceFields(protocols)) {
    const key = `${f.protocol}/${f.file}`;
    byFile.set(key, [...(byFile.get(key) ?? []), f]);
  }
  const rows: string[][] = [];
  // Files that cannot be read as content are left as they are (rewriting one that is not
  // UTF-8 would replace its bytes); the sync reports them and exits 1.
  const skipped: Diagnostic[] = [];
  for (const locale of locales) {
    let added = 0;
    let recorded = 0;
    let files = 0;
    for (const [key, fields] of byFile) {
      const path = join(localesDir, locale, 'content', key);
      const read = await readYamlValue(path, { asWritten: ['source'] });
      if (read && 'diagnostics' in read) {
        skipped.push(...read.diagnostics);
        continue;
      }
      const before = read?.text;
      const data = (read?.value ?? {}) as Record<string, unknown>;
      for (const f of fields) {
        const parent = f.path.slice(0, -1).reduce<Record<string, unknown>>((obj, k) => {
          if (typeof obj[k] !== 'object' || obj[k] === null) obj[k] = {};
          return obj[k] as Record<string, unknown>;
        }, data);
        const name = f.path[f.path.length - 1]!;
        const value = parent[name] as FieldValue | undefined | null;
        const hash = sourceHash(f.english);
        if (value === undefined || value === null || value === '') {
          parent[name] = { text: '' };
          added++;
        } else if (typeof value === 'string') {
          parent[name] = { text: value, source: hash };
          recorded++;
        } else if (value.reviewed === true && (value.text ?? '').trim() !== '') {
          parent[name] = { text: value.text, source: hash };
          recorded++;
        }
      }
      // An empty field shows the English it translates in a comment above it, which the loader ignores.
      const doc = new Document(data);
      for (const f of fields) {
        const node = doc.getIn(f.path, true) as Node | undefined;
        const value = doc.getIn(f.path) as unknown;
        if (node && isMap(value) && value.items.length === 1 && value.get('text') === '') node.commentBefore = ` en: ${f.english.replace(/\s+/g, ' ').trim()}`;
      }
      const after = doc.toString({ lineWidth: 0 });
      if (after !== before) {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, after);
        files++;
      }
    }
    rows.push([locale, String(added), String(recorded), String(files)]);
  }
  io.stdout.write(formatTable(['Locale', 'Skeletons added', 'Sources recorded', 'Files written'], rows));
  printDiagnostics(skipped, io);
  return skipped.length > 0 ? EXIT.failed : EXIT.ok;
}

/**
 * Glossary findings of the given locales (those without a glossary.yaml have none):
 * warnings, and errors for a glossary that cannot be read.
 */
export async function lintGlossaries(localesDir: string, locales: readonly string[], protocols: readonly Protocol[]): Promise<Diagnostic[]> {
  const reasons = protocols.flatMap((p) => p.codes.map((c) => ({ protocol: p.id, code: c.code, reason: displayReason(c) })));
  const out: Diagnostic[] = [];
  for (const locale of locales) {
    const { glossary, diagnostics } = await loadGlossary(localesDir, locale);
    out.push(...diagnostics);
    if (glossary) out.push(...(await lintLocale(localesDir, locale, glossary, reasons)));
  }
  return out;
}
