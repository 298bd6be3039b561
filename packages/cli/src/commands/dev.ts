import { watch, type FSWatcher } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseFlags } from '../args.js';
import { CONFIG_FILE } from '../config.js';
import { devRequestListener } from '../dev-server.js';
import { EXIT } from '../errors.js';
import { projectAt } from '../project.js';
import { build } from './build.js';
import type { Command } from './types.js';
import { resolveFrom } from './validate.js';

export const dev: Command = {
  help: `Usage: statusbook dev [--port <n>] [--host <addr>] [build options]

Builds the site, serves output/html on localhost, watches content/, templates/, locales/
and statusbook.config.yaml, rebuilds what changed (only the pages whose inputs changed) and
reloads the pages open in a browser. Stop it with Ctrl-C.

Options:
  --port <n>         port to listen on (default: a free port, printed at start)
  --host <addr>      address to listen on (default: 127.0.0.1); requests are answered only
                     when their Host is that address, localhost, 127.0.0.1 or [::1] with
                     the port (any IP address when listening on 0.0.0.0 or ::)
  --locale, --format, --protocol, --base-url, --out, --root
                     as for statusbook build (--format must include html)
  -h, --help         show this help

Examples:
  statusbook dev
  statusbook dev --port 4000 --locale en,ja --format html`,
  async run(argv, io) {
    const { values } = parseFlags('dev', argv, {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      root: { type: 'string', default: '.' },
      out: { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string', default: 'html' },
      protocol: { type: 'string' },
      'base-url': { type: 'string' },
    });
    const project = projectAt(resolveFrom(io, values.root));
    const out = values.out === undefined ? join(project.root, 'output') : resolveFrom(io, values.out);
    const buildArgs = ['--root', project.root, '--out', out, '--format', values.format];
    for (const flag of ['locale', 'protocol', 'base-url'] as const) if (values[flag] !== undefined) buildArgs.push(`--${flag}`, values[flag]);

    const first = await build.run(buildArgs, io);
    if (first === EXIT.usage) return first;

    const clients = new Set<ServerResponse>();
    const server: Server = createServer(
      devRequestListener({
        root: join(out, 'html'),
        host: values.host,
        port: (): number => (server.address() as AddressInfo | null)?.port ?? 0,
        events(request, response) {
          response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          response.write(': connected\n\n');
          clients.add(response);
          request.on('close', () => clients.delete(response));
        },
      }),
    );
    const port = Number(values.port);
    await new Promise<void>((ready, fail) => {
      server.once('error', fail);
      server.listen(Number.isInteger(port) ? port : 0, values.host, ready);
    });
    const address = server.address() as AddressInfo;
    io.stdout.write(`Serving http://${values.host}:${address.port}/ (watching content/, templates/, locales/; Ctrl-C to stop)\n`);

    let timer: NodeJS.Timeout | undefined;
    let running = false;
    let again = false;
    const rebuild = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      do {
        again = false;
        const code = await build.run(buildArgs, io).catch((error: unknown) => {
          io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
          return EXIT.failed;
        });
        if (code === EXIT.ok) for (const client of clients) client.write('data: reload\n\n');
      } while (again);
      running = false;
    };
    const watchers: FSWatcher[] = [];
    for (const dir of [project.content, project.templates, project.locales]) {
      try {
        watchers.push(
          watch(dir, { recursive: true }, () => {
            clearTimeout(timer);
            timer = setTimeout(() => void rebuild(), 150);
          }),
        );
      } catch {
        // a folder that does not exist: nothing to watch
      }
    }
    try {
      watchers.push(
        watch(project.root, (_event, name) => {
          if (name === CONFIG_FILE) {
            clearTimeout(timer);
            timer = setTimeout(() => void rebuild(), 150);
          }
        }),
      );
    } catch {
      // the root can always be watched; nothing to do if not
    }

    await new Promise<void>((stop) => {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    for (const w of watchers) w.close();
    for (const client of clients) client.end();
    server.close();
    return EXIT.ok;
  },
};
