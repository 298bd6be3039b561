import { commands } from './commands/index.js';
import { diagnosticsOf, EXIT, UsageError } from './errors.js';
import { colors, type Io } from './io.js';
import { VERSION } from './version.js';

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const list = Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  return `Usage: statusbook <command> [options]

Generates localized reference documentation for protocol status codes from content/.
Run it in a project folder ('statusbook init <dir>' makes one); elsewhere it uses the
example database that comes with statusbook.

Commands:
${list}

Run 'statusbook <command> --help' for a command's options and examples.
Options: -h, --help  show help;  -v, --version  print the version\n`;
}

/** Closes the help of the commands that use a project (see default-project.ts). */
const OUTSIDE_A_PROJECT = `Outside a project (a folder with content/ or statusbook.config.yaml) and without --root,
the command uses the example database that comes with statusbook, read where it is
installed; build and dev then write into output/ in the current folder.`;

/** Runs the CLI and returns the exit code; the one place errors become messages. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const c = colors(io.stderr, io.env);
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      io.stdout.write(usage());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '-v' || name === '--version') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    // Own names only: `statusbook constructor` is not Object.prototype's.
    const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!entry) {
      const close = closest(name, Object.keys(commands));
      throw new UsageError(`unknown command '${name}'`, close ? `did you mean 'statusbook ${close}'?` : "run 'statusbook --help' for the list");
    }
    // A build will want its render workers: start them before loading anything else.
    if ((name === 'build' || name === 'bundle') && !rest.includes('-h') && !rest.includes('--help')) (await import('./engine/pool.js')).startWorkersEarly();
    const command = await entry.load();
    if (rest.includes('-h') || rest.includes('--help')) {
      io.stdout.write(`${command.help}\n${entry.project ? `\n${OUTSIDE_A_PROJECT}\n` : ''}`);
      return EXIT.ok;
    }
    const args = entry.project ? (await import('./default-project.js')).withDefaultProject(entry.project, rest, io) : rest;
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${c.red('error')}: ${error.message}\n`);
      if (error.hint) io.stderr.write(`${c.dim('hint:')} ${error.hint}\n`);
      return EXIT.usage;
    }
    const diagnostics = diagnosticsOf(error);
    if (diagnostics) (await import('./report.js')).printDiagnostics(diagnostics, io);
    io.stderr.write(`${c.red('error')}: ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env.STATUSBOOK_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.failed;
  } finally {
    if (name === 'build' || name === 'bundle') await (await import('./engine/pool.js')).releaseEarlyWorkers();
  }
}

/** A command name a typo is close to (swapped, missing or extra letters). */
function closest(word: string, names: readonly string[]): string | undefined {
  const near = (a: string, b: string) => {
    if (Math.abs(a.length - b.length) > 2) return false;
    const sa = [...a].sort().join('');
    const sb = [...b].sort().join('');
    return sa === sb || b.startsWith(a) || a.startsWith(b) || [...a].filter((ch, i) => b[i] !== ch).length <= 1;
  };
  return names.find((n) => near(word, n));
}
