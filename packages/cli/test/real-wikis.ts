import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from './helpers.js';

// The real MediaWiki 1.39 and DokuWiki of Debian (`.ci/run` installs them).
const MEDIAWIKI = '/usr/share/mediawiki';
const DOKUWIKI = '/usr/share/dokuwiki';

export const hasMediaWiki = existsSync(join(MEDIAWIKI, 'maintenance/install.php')) && spawnSync('php', ['-m']).stdout?.toString().includes('pdo_sqlite');
export const hasDokuWiki = existsSync(join(DOKUWIKI, 'bin/render.php')) && spawnSync('php', ['-v']).status === 0;

/** A temporary folder in memory when the machine has one: SQLite commits there cost nothing (an import runs ~5 times faster). */
export function scratch(prefix: string): string {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  return mkdtempSync(join(base, prefix));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface MediaWiki {
  readonly api: string;
  readonly dir: string;
  /** Runs a maintenance script of this wiki; throws with its output when it fails. */
  maintenance(script: string, args: readonly string[], input?: string): string;
  /** An Action API GET, as JSON (formatversion 2). */
  get(params: Record<string, string>): Promise<Record<string, unknown>>;
  /** An Action API POST without a session (purge). */
  post(params: Record<string, string>): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/**
 * Installs a MediaWiki (SQLite) into a temporary folder and serves it with PHP's built-in
 * server on 127.0.0.1 and a free port, until `stop`.
 */
export async function startMediaWiki(): Promise<MediaWiki> {
  const dir = scratch('statusbook-mw-');
  mkdirSync(join(dir, 'data'));
  const port = await freePort();
  const config = join(dir, 'LocalSettings.php');
  const env = { ...process.env, MW_CONFIG_FILE: config };
  const php = (args: readonly string[], input?: string) => {
    const result = spawnSync('php', args, { cwd: dir, env, encoding: 'utf8', ...(input === undefined ? {} : { input }) });
    if (result.status !== 0) throw new Error(`php ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  };
  php([
    join(MEDIAWIKI, 'maintenance/install.php'),
    '--dbtype', 'sqlite', '--dbpath', join(dir, 'data'), '--dbname', 'wiki',
    '--server', `http://127.0.0.1:${port}`, '--scriptpath', '',
    '--pass', 'Adminpass-12345', '--confpath', dir, 'TestWiki', 'Admin',
  ]);
  // What a page renders to now, not a rendering cached in the same second (the cache compares whole seconds).
  appendFileSync(config, '\n$wgParserCacheType = CACHE_NONE;\n');
  const server: ChildProcess = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', MEDIAWIKI], { cwd: dir, env, stdio: 'ignore' });
  const api = `http://127.0.0.1:${port}/api.php`;
  const call = async (params: Record<string, string>, post: boolean) => {
    const body = new URLSearchParams({ ...params, format: 'json', formatversion: '2' });
    const response = await fetch(post ? api : `${api}?${body}`, post ? { method: 'POST', body } : {});
    return (await response.json()) as Record<string, unknown>;
  };
  await until(async () => {
    try {
      return (await call({ action: 'query', meta: 'siteinfo' }, false)).query ? true : undefined;
    } catch {
      return undefined;
    }
  }, 20_000);
  return {
    api,
    dir,
    maintenance: (script, args, input) => php([join(MEDIAWIKI, 'maintenance', script), ...args], input),
    get: (params) => call(params, false),
    post: (params) => call(params, true),
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ParsedPage {
  readonly html: string;
  /** The page's text as a reader sees it: tags dropped, entities decoded. */
  readonly text: string;
  readonly links: readonly { title: string; exists: boolean }[];
  readonly templates: readonly unknown[];
  readonly externallinks: readonly string[];
  readonly langlinks: readonly { lang: string; title: string }[];
  readonly categories: readonly string[];
}

/** A page as MediaWiki renders it now (purged first, so links to pages made since are blue). */
export async function parsePage(wiki: MediaWiki, title: string): Promise<ParsedPage> {
  await wiki.post({ action: 'purge', titles: title });
  const json = await wiki.get({ action: 'parse', page: title, prop: 'text|links|templates|externallinks|langlinks|categories', disablelimitreport: '1' });
  const parse = json.parse as Record<string, unknown> | undefined;
  if (!parse) throw new Error(`cannot parse ${title}: ${JSON.stringify(json)}`);
  const html = parse.text as string;
  return {
    html,
    // MediaWiki puts a no-break space before `%`, `:`, `;`, `!`, `?` (French spacing): a reader sees a space.
    text: decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\u00a0/g, ' '),
    links: parse.links as { title: string; exists: boolean }[],
    templates: parse.templates as unknown[],
    externallinks: parse.externallinks as string[],
    langlinks: parse.langlinks as { lang: string; title: string }[],
    categories: (parse.categories as { category: string }[]).map((c) => c.category),
  };
}

export function decodeEntities(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(lt|gt|quot|apos|nbsp|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', amp: '&' })[e]!);
}

export interface DokuWiki {
  /** Renders DokuWiki syntax to XHTML with DokuWiki's own renderer (`bin/render.php`), links checked against this wiki's pages. */
  render(text: string): string;
  /** `bin/wantedpages.php`: one line per link to a page that does not exist (`id  origin`). */
  wanted(): string[];
  readonly pages: string;
  remove(): void;
}

/**
 * A DokuWiki whose `data/` is a temporary folder holding the given `data/pages` trees: a copy
 * of Debian's configuration (DOKU_CONF) pointed at it, used by DokuWiki's own CLI tools.
 */
export function dokuWiki(trees: readonly string[]): DokuWiki {
  const dir = scratch('statusbook-dw-');
  const conf = join(dir, 'conf');
  const data = join(dir, 'data');
  mkdirSync(conf);
  for (const name of readdirSync('/etc/dokuwiki')) {
    const from = join('/etc/dokuwiki', name);
    if (existsSync(from) && statSync(from).isFile()) cpSync(from, join(conf, name));
  }
  for (const name of ['users.auth.php', 'acl.auth.php']) cpSync(join('/etc/dokuwiki', `${name}.dist`), join(conf, name));
  writeFileSync(join(conf, 'local.php'), `<?php\n$conf['savedir'] = ${JSON.stringify(data)};\n$conf['useacl'] = 0;\n`);
  for (const sub of ['pages', 'attic', 'media', 'meta', 'cache', 'index', 'locks', 'tmp', 'media_attic', 'media_meta', 'log']) mkdirSync(join(data, sub), { recursive: true });
  for (const tree of trees) cpSync(tree, join(data, 'pages'), { recursive: true });
  // Defines DOKU_CONF before DokuWiki's preload does, then runs one of its bin/ scripts.
  const runner = join(dir, 'run.php');
  writeFileSync(runner, `<?php\ndefine('DOKU_CONF', ${JSON.stringify(`${conf}/`)});\n$script = $argv[1];\n$argv = array_slice($argv, 1);\n$_SERVER['argv'] = $argv;\nrequire ${JSON.stringify(`${DOKUWIKI}/bin/`)} . $script;\n`);
  const php = (script: string, input?: string) => {
    const result = spawnSync('php', [runner, script], { encoding: 'utf8', ...(input === undefined ? {} : { input }) });
    if (result.status !== 0 || result.stdout.includes('DokuWiki Setup Error')) throw new Error(`${script} failed: ${result.stdout}${result.stderr}`);
    return result.stdout;
  };
  return {
    render: (text) => php('render.php', text),
    wanted: () => php('wantedpages.php').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('searching ')),
    pages: join(data, 'pages'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
