import type { Io } from '../io.js';

/** One `statusbook` command. */
export interface Command {
  /** The full `--help` text, with examples. */
  readonly help: string;
  /** Runs the command and returns its exit code; throws UsageError for bad usage. */
  run(argv: readonly string[], io: Io): Promise<number>;
}
