import type { Diagnostic } from '@statusbook/core';

/** Where a command writes; tests pass their own. */
export interface Io {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** With --json: diagnostics are collected here for the command's JSON answer instead of printed. */
  readonly collect?: Diagnostic[];
  /** Diagnostics are printed as usual and also added here (statusbook dev shows them in the browser). */
  readonly keep?: Diagnostic[];
}

/** Wrappers that color text, or leave it as it is. */
export type Colors = ReturnType<typeof colors>;

/** Colors only on a terminal, and never with NO_COLOR set. */
export function colors(stream: { isTTY?: boolean }, env: Io['env']) {
  const on = Boolean(stream.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  const wrap = (open: number, close: number) => (text: string) => (on ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22), green: wrap(32, 39), underline: wrap(4, 24) };
}
