import type { Diagnostic } from '@statusbook/core';

/** Exit codes: 0 ok, 1 content or build errors, 2 bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The command line was wrong: unknown command, flag or value. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The build could not finish (content errors were already reported). */
export class BuildError extends Error {
  /** `diagnostics`: the problems behind it, with their files and positions, when it has them. */
  constructor(
    message: string,
    readonly diagnostics?: readonly Diagnostic[],
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

/** The positioned problems an error carries (a build's, or the generator's about locale files), if any. */
export function diagnosticsOf(error: unknown): readonly Diagnostic[] | undefined {
  const list = error instanceof Error ? (error as { diagnostics?: unknown }).diagnostics : undefined;
  return Array.isArray(list) && list.length > 0 ? (list as Diagnostic[]) : undefined;
}
