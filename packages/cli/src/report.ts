import { relative } from 'node:path';
import { countDiagnostics, type Diagnostic } from '@statusbook/core';
import { colors, type Colors, type Io } from './io.js';

/**
 * Prints diagnostics grouped by file, like a linter, and a closing count:
 *
 *   content/sip/codes/437.yaml:12:3  error  'reason' must be ..., found ...  schema/type
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], io: Io): void {
  if (io.collect) {
    io.collect.push(...diagnostics);
    return;
  }
  io.keep?.push(...diagnostics);
  for (const line of diagnosticLines(diagnostics, io.cwd, colors(io.stderr, io.env))) io.stderr.write(`${line}\n`);
}

/** The lines `printDiagnostics` prints (plain text unless given colors), with paths relative to `cwd`. */
export function diagnosticLines(diagnostics: readonly Diagnostic[], cwd: string, c: Colors = colors({}, {})): string[] {
  const lines: string[] = [];
  let lastFile: string | undefined;
  for (const d of diagnostics) {
    const file = relative(cwd, d.file) || d.file;
    if (lastFile !== undefined && lastFile !== file) lines.push('');
    lastFile = file;
    const severity = d.severity === 'error' ? c.red('error') : c.yellow('warning');
    lines.push(`${c.underline(`${file}:${d.line}:${d.column}`)}  ${severity}  ${d.message}  ${c.dim(d.ruleId)}`);
    if (d.hint) lines.push(`  ${c.dim('hint:')} ${d.hint}`);
  }
  const { error, warning } = countDiagnostics(diagnostics);
  if (error + warning === 0) return lines;
  const summary = `${plural(error, 'error')}, ${plural(warning, 'warning')}`;
  lines.push('', error > 0 ? c.red(c.bold(`✖ ${summary}`)) : c.yellow(`⚠ ${summary}`));
  return lines;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** An Io whose diagnostics are collected for a JSON answer (with --json), or the Io itself. */
export function jsonIo(io: Io, json: boolean): Io {
  return json ? { ...io, collect: [] } : io;
}

/** Diagnostics as a JSON answer lists them: paths relative to the working folder. */
export function diagnosticsJson(io: Io): { errors: number; warnings: number; diagnostics: object[] } {
  const list = io.collect ?? [];
  const { error, warning } = countDiagnostics(list);
  return {
    errors: error,
    warnings: warning,
    diagnostics: list.map((d) => ({
      file: relative(io.cwd, d.file) || d.file,
      line: d.line,
      column: d.column,
      rule: d.ruleId,
      severity: d.severity,
      message: d.message,
      ...(d.hint ? { hint: d.hint } : {}),
    })),
  };
}
