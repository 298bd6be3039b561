import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's flags; unknown flags and missing values are usage errors with a hint. */
export function parseFlags<O extends Options>(command: string, argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? String(error);
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const names = Object.keys(options).map((n) => `--${n}`);
      const close = names.find((n) => n.startsWith(unknown) || unknown.startsWith(n));
      throw new UsageError(`unknown option ${unknown} for 'statusbook ${command}'`, close ? `did you mean ${close}?` : `see 'statusbook ${command} --help'`);
    }
    throw new UsageError(message.replace(/^TypeError[^:]*: /, ''), `see 'statusbook ${command} --help'`);
  }
}
