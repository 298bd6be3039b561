// The dev server's request handling: any request gets an answer (a malformed one a 4xx)
// and never stops the server; only Host names of this machine are served (a page on
// another site cannot read this one by DNS rebinding); and no path leaves the served folder.
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { EVENTS_PATH, pageScripts, type BuildProblems } from './dev-overlay.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.pdf': 'application/pdf',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * What the published site's `_headers` sends for the folders served beside it (the JSON API
 * and the embeds): any origin may read them, and their types are not sniffed.
 */
const MOUNT_HEADERS = { 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' };

export interface DevServerOptions {
  /** The folder served (output/html). */
  readonly root: string;
  /**
   * Folders served beside it under a path of their own, as they are published (`/json/`:
   * output/json, `/embed/`: output/embed), whether or not they exist yet.
   */
  readonly mounts?: Readonly<Record<string, string>>;
  /** The address the server listens on, as given (`--host`). */
  readonly host: string;
  /** The port it listens on (known once it listens). */
  port(): number;
  /** Answers a request for the reload events (a checked GET of `EVENTS_PATH`). */
  events(request: IncomingMessage, response: ServerResponse): void;
  /** The last build's problems while it failed (shown over every page served), else undefined. */
  problems(): BuildProblems | undefined;
}

/** The request listener of `statusbook dev`. */
export function devRequestListener(options: DevServerOptions): RequestListener {
  return (request, response) => {
    try {
      if (!allowedHost(request.headers.host, options.host, options.port())) return reply(response, 403, 'forbidden: this server answers only to its own address, localhost, 127.0.0.1 or [::1]\n');
      if (request.method !== 'GET' && request.method !== 'HEAD') return reply(response, 405, 'only GET and HEAD\n', { allow: 'GET, HEAD' });
      const path = requestPath(request.url);
      if (path === undefined) return reply(response, 400, 'bad request: malformed path\n');
      if (path === EVENTS_PATH) return options.events(request, response);
      const mount = Object.keys(options.mounts ?? {}).find((prefix) => path === prefix || path.startsWith(`${prefix}/`));
      if (mount !== undefined) {
        serveMounted(options.mounts![mount]!, path.slice(mount.length) || '/', response).catch(() => reply(response, 500, 'internal error\n'));
        return;
      }
      serveFile(options.root, path, response, options.problems()).catch(() => reply(response, 500, 'internal error\n'));
    } catch {
      reply(response, 400, 'bad request\n');
    }
  };
}

function reply(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(text);
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Whether a Host header names this server: the bound address, localhost, 127.0.0.1 or [::1],
 * with the server's port (none for port 80). Bound to every address (0.0.0.0, ::), any IP
 * literal is accepted too: DNS rebinding needs a host name, and an IP cannot be rebound.
 */
export function allowedHost(header: string | undefined, bound: string, port: number): boolean {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header ?? '');
  if (!m) return false;
  const name = m[1]!.toLowerCase().replace(/\.$/, '');
  if ((m[2] === undefined ? 80 : Number(m[2])) !== port) return false;
  const boundName = isIP(bound) === 6 ? `[${bound.toLowerCase()}]` : bound.toLowerCase();
  if (name === boundName || name === 'localhost' || name === '127.0.0.1' || name === '[::1]') return true;
  return WILDCARDS.has(boundName) && isIP(name.replace(/^\[|\]$/g, '')) !== 0;
}

/**
 * The decoded path of a request target, or undefined when it is not one this server serves:
 * not a path (`*`, absolute URLs), malformed percent-encoding, a NUL, or a `..` segment
 * (which browsers never send: they resolve dot segments first).
 */
export function requestPath(target: string | undefined): string | undefined {
  if (target === undefined || !target.startsWith('/')) return undefined;
  const raw = target.replace(/[?#].*$/s, '');
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.split(/[/\\]/).includes('..')) return undefined;
  return path;
}

/** Serves a file of the site; folders serve their index.html, unknown paths the 404 page. */
async function serveFile(root: string, path: string, response: ServerResponse, problems: BuildProblems | undefined): Promise<void> {
  const base = resolve(root);
  let file = resolve(base, `.${normalize(path)}`);
  if (!inside(base, file)) return reply(response, 404, 'not found\n');
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    // A symbolic link in the site must not lead out of it.
    if (!inside(await realpath(base), await realpath(file))) throw new Error('outside');
    await send(response, 200, file, problems);
  } catch {
    try {
      await send(response, 404, join(base, '404.html'), problems);
    } catch {
      // No site yet (the first build failed): a page that can show why.
      if (problems) response.writeHead(404, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' }).end(`<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>Build failed</title><body><p>No page here yet: the build failed.</p>\n${pageScripts(problems)}</body></html>\n`);
      else reply(response, 404, 'not found\n');
    }
  }
}

/** Serves a file of a mounted folder (the JSON API, embeds) as published, with their headers; no 404 page, no overlay. */
async function serveMounted(root: string, path: string, response: ServerResponse): Promise<void> {
  const base = resolve(root);
  let file = resolve(base, `.${normalize(path)}`);
  try {
    if (!inside(base, file)) throw new Error('outside');
    if ((await stat(file)).isDirectory()) file = join(file, 'index.json');
    if (!inside(await realpath(base), await realpath(file))) throw new Error('outside');
    const ext = extname(file);
    const type = (Object.hasOwn(TYPES, ext) ? TYPES[ext] : undefined) ?? 'application/octet-stream';
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...MOUNT_HEADERS }).end(body);
  } catch {
    reply(response, 404, 'not found\n', MOUNT_HEADERS);
  }
}

function inside(base: string, file: string): boolean {
  return file === base || file.startsWith(base + sep);
}

async function send(response: ServerResponse, status: number, file: string, problems: BuildProblems | undefined): Promise<void> {
  const ext = extname(file);
  const type = (Object.hasOwn(TYPES, ext) ? TYPES[ext] : undefined) ?? 'application/octet-stream';
  let body: Buffer | string = await readFile(file);
  if (type.startsWith('text/html')) body = withScripts(body.toString('utf8'), pageScripts(problems));
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}

/** The page with `scripts` before its closing body tag (the last one: text cannot hold one, it is escaped), or at its end. */
function withScripts(html: string, scripts: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + scripts : html.slice(0, at) + scripts + html.slice(at);
}
