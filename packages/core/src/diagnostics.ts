import type { Diagnostic, Severity } from './types.js';

/** Orders diagnostics by file, then position, so reports are stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.ruleId, b.ruleId),
  );
}

/** Counts errors and warnings. */
export function countDiagnostics(list: readonly Diagnostic[]): Record<Severity, number> {
  let error = 0;
  let warning = 0;
  for (const d of list) {
    if (d.severity === 'error') error++;
    else warning++;
  }
  return { error, warning };
}

/** Code-unit order: stable across machines and locales, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
