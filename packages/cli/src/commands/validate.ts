import { resolve } from 'node:path';
import { countDiagnostics, loadContent, type CheckCache, type LoadResult } from '@statusbook/core';
import { checkLocaleFiles } from '@statusbook/generator/plan';
import { parseFlags } from '../args.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { projectAt, type Project } from '../project.js';
import { diagnosticsJson, jsonIo, printDiagnostics } from '../report.js';
import type { Command } from './types.js';

export const validate: Command = {
  help: `Usage: statusbook validate [--root <dir>] [--strict] [--json]

Loads content/ and checks every file against the content schema, and checks locales/: each
folder's name is a language tag, each ui.json is JSON whose placeholders are the arguments
the code passes. Problems are printed as file:line:column with what was expected and what
was found. Nothing is written.

Options:
  --root <dir>   project folder holding content/, templates/, locales/ (default: .)
  --strict       treat warnings as errors
  --json         print the result as JSON on stdout: { "ok", "protocols", "codes",
                 "errors", "warnings", "diagnostics": [{ "file", "line", "column",
                 "rule", "severity", "message" }] }
  -h, --help     show this help

Examples:
  statusbook validate
  statusbook validate --root ../my-docs --strict
  statusbook validate --json

Exit codes: 0 valid, 1 content errors, 2 bad usage.`,
  async run(argv, io) {
    const { values } = parseFlags('validate', argv, {
      root: { type: 'string', default: '.' },
      strict: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    const project = projectAt(resolveFrom(io, values.root));
    const out = jsonIo(io, values.json);
    const result = await loadAndReport(project, out, values.strict);
    const codes = result.content.protocols.reduce((n, p) => n + p.codes.length, 0);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ ok: result.ok, protocols: result.content.protocols.length, codes, ...diagnosticsJson(out) })}\n`);
      return result.ok ? EXIT.ok : EXIT.failed;
    }
    if (!result.ok) return EXIT.failed;
    io.stdout.write(`✔ content is valid: ${result.content.protocols.length} protocols, ${codes} codes\n`);
    return EXIT.ok;
  },
};

/**
 * Loads content and checks the locale folders and their ui.json (before any worker renders
 * with them), prints the diagnostics, and says whether the build may go on.
 */
export async function loadAndReport(project: Project, io: Io, strict: boolean, cache?: CheckCache): Promise<{ ok: boolean; content: LoadResult }> {
  const [content, locales] = await Promise.all([loadContent(project.content, cache ? { cache } : {}), checkLocaleFiles(project.locales)]);
  const diagnostics = [...content.diagnostics, ...locales];
  printDiagnostics(diagnostics, io);
  const { error, warning } = countDiagnostics(diagnostics);
  return { ok: error === 0 && !(strict && warning > 0), content };
}

/** A path given on the command line, taken as a path (not a URL) relative to the working folder. */
export function resolveFrom(io: Io, path: string): string {
  return resolve(io.cwd, path);
}
