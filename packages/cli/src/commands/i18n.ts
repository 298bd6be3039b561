import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { lintLocale, loadGlossary, loadTranslations, readYamlValue, sourceFields, sourceHash, translationStatus, type Diagnostic, type Protocol, type SourceField } from '@statusbook/core';
import { stringify } from 'yaml';
import { parseFlags } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { availableLocales, pickList, SOURCE_LOCALE } from '../locales.js';
import { diagnosticsJson, jsonIo, printDiagnostics } from '../report.js';
import { projectAt } from '../project.js';
import { formatTable } from '../table.js';
import type { Command } from './types.js';
import { loadAndReport, resolveFrom } from './validate.js';

export const i18n: Command = {
  help: `Usage: statusbook i18n status [--locale <list>] [--json] [--root <dir>]
       statusbook i18n sync [--locale <list>] [--root <dir>]
       statusbook i18n lint [--locale <list>] [--json] [--root <dir>]

status  counts, per locale, the translatable fields of content/ (code texts and reason
        glosses, protocol and class texts, curated pair notes) that are translated, stale
        (the English changed since) or missing (shown in English, marked as such).
sync    adds every missing field to locales/<locale>/content/ as an empty skeleton, and
        records the English source hash of fields written as plain strings or marked
        'reviewed: true'. Stale fields stay stale until someone reviews them.
lint    checks each locale's ui.json and content/ against locales/<locale>/glossary.yaml:
        every variant a term replaces, the spacing between Latin text and Japanese (when
        the glossary sets 'spacing: latin-cjk'), and a reason phrase glossed two ways in
        two protocols. Exits 1 when it finds any. 'build' runs it too, as warnings.

Options:
  --locale <list>  locales to look at, comma-separated (default: every locale but en)
  --json           (status) print {"<locale>": {"total", "translated", "missing", "stale"}}
                   (lint) print {"ok", "locales": {"<locale>": <count>}, "errors", "warnings", "diagnostics"}
  --root <dir>     project folder (default: .)
  -h, --help       show this help

Examples:
  statusbook i18n status
  statusbook i18n status --json
  statusbook i18n sync --locale vi
  statusbook i18n lint --locale ja

Exit codes: 0 ok, 1 content errors (lint: or any finding), 2 bad usage.`,
  async run(argv, io) {
    const { values, positionals } = parseFlags('i18n', argv, {
      locale: { type: 'string' },
      json: { type: 'boolean', default: false },
      root: { type: 'string', default: '.' },
    });
    const [action, ...extra] = positionals;
    if (action !== 'status' && action !== 'sync' && action !== 'lint') {
      throw new UsageError(action === undefined ? 'statusbook i18n needs status, sync or lint' : `unknown i18n action '${action}'`, 'use statusbook i18n status, sync or lint');
    }
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, "see 'statusbook i18n --help'");
    const project = projectAt(resolveFrom(io, values.root));
    const translated = (await availableLocales(project.locales)).filter((l) => l !== SOURCE_LOCALE);
    const locales = pickList('locale', values.locale, translated);
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

    const { translations, diagnostics } = await loadTranslations(project.locales, locales, content.protocols);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      printDiagnostics(errors, io);
      return EXIT.failed;
    }
    const counts = Object.fromEntries(locales.map((l) => [l, translationStatus(content.protocols, translations.get(l)!)]));
    if (values.json) {
      io.stdout.write(`${JSON.stringify(counts, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows = Object.entries(counts).map(([locale, c]) => [
      locale,
      String(c.total),
      String(c.translated),
      String(c.missing),
      String(c.stale),
      `${c.total === 0 ? 100 : Math.floor((c.translated / c.total) * 1000) / 10}%`,
    ]);
    io.stdout.write(formatTable(['Locale', 'Total', 'Translated', 'Missing', 'Stale', 'Done'], rows));
    return EXIT.ok;
  },
};

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
      const after = stringify(data, { lineWidth: 0 });
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
  const reasons = protocols.flatMap((p) => p.codes.map((c) => ({ protocol: p.id, code: c.code, reason: c.reason })));
  const out: Diagnostic[] = [];
  for (const locale of locales) {
    const { glossary, diagnostics } = await loadGlossary(localesDir, locale);
    out.push(...diagnostics);
    if (glossary) out.push(...(await lintLocale(localesDir, locale, glossary, reasons)));
  }
  return out;
}
