import { createServer, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '@statusbook/core';
import { FORMATS, type Format } from '@statusbook/generator/plan';
import { parseFlags } from '../args.js';
import { CONFIG_FILE, loadConfig } from '../config.js';
import { problemsEvent, type BuildProblems } from '../dev-overlay.js';
import { devRequestListener } from '../dev-server.js';
import { diagnosticsOf, EXIT, UsageError } from '../errors.js';
import { colors, type Colors, type Io } from '../io.js';
import { pickList } from '../locales.js';
import { projectAt, type Project } from '../project.js';
import { RebuildQueue } from '../rebuild-queue.js';
import { diagnosticLines, diagnosticsJson, printDiagnostics } from '../report.js';
import { watchInputs } from '../watch-inputs.js';
import { build, pickMdProfile, pickPairs } from './build.js';
import type { Command } from './types.js';
import { resolveFrom } from './validate.js';

/** How long the files must be quiet before a rebuild: one save is often several events. */
const QUIET_MS = 120;

export const dev: Command = {
  help: `Usage: statusbook dev [--port <n>] [--host <addr>] [build options]

Builds the site, serves output/html (and output/json at /json/, output/embed at /embed/,
as they are published beside it) and watches content/, templates/, locales/ and
statusbook.config.yaml: any save (a file written in place, appended to, replaced by a
rename, touched), a file or folder added or removed, or the config file created or removed
rebuilds what changed (only the pages whose inputs changed) and reloads the pages open in
a browser. A change made during a rebuild makes one more rebuild after it.

A build that fails (content, config, ui.json or template errors) leaves the last good site
in place and shows its problems over every page, in a dismissible panel with the lines
the terminal prints (file:line:column  error  message  rule); the page reloads without it
when a build succeeds again. Formats and locales the output holds that dev does not build
(print books, Markdown, PDFs) are kept. Stop it with Ctrl-C.

Options:
  --port <n>         port to listen on, 0 to 65535 (default: 0, a free port); the URL
                     served is printed at start
  --host <addr>      address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0
                     or :: for every address); requests are answered only when their Host
                     is that address, localhost, 127.0.0.1 or [::1] with the port (any IP
                     address when listening on 0.0.0.0 or ::)
  --locale, --protocol, --base-url, --out, --root, --pairs, --md-profile
                     as for statusbook build; the output folder (--out, else the
                     config's out) is the one served, chosen at start
  --format <list>    as for statusbook build, and must include html (default: html)
  -h, --help         show this help

Examples:
  statusbook dev
  statusbook dev --port 4000 --locale en,ja --format html,md

Exit codes: 0 stopped (Ctrl-C), 2 bad usage: a bad flag or port, a format list without
html, or an address it cannot listen on (checked before anything is built).`,
  async run(argv, io) {
    // `--port -1` would be "ambiguous" to the flag parser: say what a port is instead.
    const portArg = argv[argv.indexOf('--port') + 1];
    if (argv.includes('--port') && portArg !== undefined && /^-\d/.test(portArg)) parsePort(portArg);
    const { values } = parseFlags('dev', argv, {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      root: { type: 'string', default: '.' },
      out: { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string', default: 'html' },
      protocol: { type: 'string' },
      'base-url': { type: 'string' },
      pairs: { type: 'string' },
      'md-profile': { type: 'string' },
    });
    const port = parsePort(values.port);
    if (values.pairs !== undefined) pickPairs(values.pairs);
    if (values['md-profile'] !== undefined) pickMdProfile(values['md-profile']);
    const formats = pickList<Format>('format', values.format, FORMATS);
    if (!formats.includes('html')) {
      throw new UsageError(`--format ${values.format}: statusbook dev serves the HTML site, so the formats must include html`, `for example: --format html, or --format html,${formats.join(',')}`);
    }
    const host = values.host.replace(/^\[(.*)\]$/, '$1');
    const project = projectAt(resolveFrom(io, values.root));
    // Pinned for the session, so that the builds write the folder that is served.
    const out = values.out !== undefined ? resolveFrom(io, values.out) : resolve(project.root, configuredOut(project, io) ?? 'output');
    const buildArgs = ['--root', project.root, '--out', out, '--format', formats.join(',')];
    for (const flag of ['locale', 'protocol', 'base-url', 'pairs', 'md-profile'] as const) if (values[flag] !== undefined) buildArgs.push(`--${flag}`, values[flag]);
    const c = colors(io.stderr, io.env);

    let problems: BuildProblems | undefined;
    const clients = new Set<ServerResponse>();
    const server: Server = createServer(
      devRequestListener({
        root: join(out, 'html'),
        // Published beside the site (docs/json-api.md, docs/bundles.md): served where they will be.
        mounts: { '/json': join(out, 'json'), '/embed': join(out, 'embed'), '/bundles': join(out, 'bundles') },
        host,
        port: (): number => (server.address() as AddressInfo | null)?.port ?? 0,
        problems: () => problems,
        events(request, response) {
          response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          // The current state: a page served just before a build ended learns of it.
          response.write(`: connected\n\n${problemsEvent(problems)}`);
          clients.add(response);
          request.on('close', () => clients.delete(response));
        },
      }),
    );
    const bound = await listen(server, port, host);
    const broadcast = (text: string) => {
      for (const client of clients) client.write(text);
    };

    let first = true;
    const changed = new Set<string>();
    const queue = new RebuildQueue<Outcome>(
      async () => {
        if (changed.size > 0) io.stdout.write(`\nchanged: ${describe([...changed].map((p) => relative(io.cwd, p) || p))}\n`);
        changed.clear();
        const isFirst = first;
        first = false;
        return buildOnce(buildArgs, io, c, isFirst);
      },
      (outcome) => {
        if ('usage' in outcome) return;
        problems = outcome.problems;
        broadcast(problems ? problemsEvent(problems) : 'data: reload\n\n');
      },
      QUIET_MS,
    );
    // Watching starts before the first build reads anything: no change is missed.
    const watcher = await watchInputs(
      project,
      (path) => {
        changed.add(path);
        queue.changed();
      },
      (error) => io.stderr.write(`${c.yellow('warning')}: watching ${project.root}: ${error.message}\n`),
    );
    const outcome = await queue.start();
    if ('usage' in outcome) {
      queue.close();
      await watcher.close();
      server.close();
      throw outcome.usage;
    }
    const everywhere = host === '0.0.0.0' || host === '::' ? `listening on ${host}, every address; ` : '';
    io.stdout.write(`Serving ${urlOf(host, bound)} (${everywhere}watching content/, templates/, locales/ and ${CONFIG_FILE}; Ctrl-C to stop)\n`);

    await new Promise<void>((stop) => {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    queue.close();
    await watcher.close();
    // A build under way ends first (a second Ctrl-C stops at once; the output stays whole either way).
    await queue.idle();
    for (const client of clients) client.end();
    server.close();
    server.closeAllConnections();
    return EXIT.ok;
  },
};

/** A build's result: fine, failed with the problems to show, or (the first build only) bad usage. */
type Outcome = { problems: BuildProblems | undefined } | { usage: UsageError };

/**
 * Builds once, printing what the build prints; keeps its diagnostics and error for the
 * browser. A usage error of the first build is returned to stop dev; later ones are shown.
 */
async function buildOnce(args: readonly string[], io: Io, c: Colors, first: boolean): Promise<Outcome> {
  const keep: Diagnostic[] = [];
  const kept: Io = { ...io, keep };
  let error: string[] = [];
  try {
    if ((await build.run(args, kept)) === EXIT.ok) return { problems: undefined };
  } catch (thrown) {
    if (first && thrown instanceof UsageError) return { usage: thrown };
    const diagnostics = diagnosticsOf(thrown);
    if (diagnostics) printDiagnostics(diagnostics, kept);
    for (const line of errorLines(thrown, c)) io.stderr.write(`${line}\n`);
    error = errorLines(thrown, colors({}, {}));
  }
  const lines = [...diagnosticLines(keep, io.cwd), ...error];
  return { problems: { lines: lines.length > 0 ? lines : ['the build failed (see the terminal)'], diagnostics: diagnosticsJson({ ...io, collect: keep }).diagnostics } };
}

/** An error as the CLI prints it: `error: message`, and its hint. */
function errorLines(error: unknown, c: Colors): string[] {
  const lines = [`${c.red('error')}: ${error instanceof Error ? error.message : String(error)}`];
  if (error instanceof UsageError && error.hint) lines.push(`${c.dim('hint:')} ${error.hint}`);
  return lines;
}

/** --port: a whole number from 0 (any free port) to 65535. */
function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port <= 65535)) throw new UsageError(`--port ${text}: expected a port number from 0 to 65535`, 'for example: --port 4000, or --port 0 for any free port');
  return port;
}

/** Listens on `host`:`port`; an address or port that cannot be used is a usage error. */
async function listen(server: Server, port: number, host: string): Promise<number> {
  try {
    await new Promise<void>((ready, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        ready();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is in use`, 'choose another --port, or --port 0 for any free port');
    if (code === 'EACCES') throw new UsageError(`port ${port} needs privileges this user does not have`, 'choose a port from 1024 up, or --port 0 for any free port');
    throw new UsageError(`--host ${host}: cannot listen there (${code ?? (error as Error).message})`, 'an address of this machine: 127.0.0.1 (default), ::1, or 0.0.0.0 for every address');
  }
  return (server.address() as AddressInfo).port;
}

/** The URL to open: the address listened on, or this machine's when that is every address. */
function urlOf(host: string, port: number): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${isIP(shown) === 6 ? `[${shown}]` : shown}:${port}/`;
}

/** The config's `out`, read quietly: a config with errors is reported by the first build. */
function configuredOut(project: Project, io: Io): string | undefined {
  try {
    return loadConfig(project, { ...io, collect: [] }).out;
  } catch {
    return undefined;
  }
}

function describe(paths: readonly string[]): string {
  return paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`;
}
