import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The bundled translations (every locale but English), as `i18n status` lists them. */
export const TRANSLATED = ['ar', 'de', 'es', 'ja', 'ko', 'pt-BR', 'vi', 'zh-Hans'];
const bin = fileURLToPath(new URL('../bin/statusbook.js', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A throwaway project: the base fixture's content with one scenario's files laid over it, plus the real templates and English UI strings. */
export function makeProject(scenario?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-test-'));
  cpSync(join(fixtures, 'base'), dir, { recursive: true });
  if (scenario) cpSync(join(fixtures, scenario), dir, { recursive: true });
  cpSync(join(repoRoot, 'templates'), join(dir, 'templates'), { recursive: true });
  cpSync(join(repoRoot, 'locales', 'en', 'ui.json'), join(dir, 'locales', 'en', 'ui.json'));
  return dir;
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `statusbook` command in `cwd`, as a user would, without a terminal. */
export function statusbook(args: readonly string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The environment of a user's shell: this process's, without what npm adds to the scripts it
 * runs (npm_config_local_prefix, npm_package_*, INIT_CWD...), which would point npm and
 * npx run by a test at this repository.
 */
export function userEnv(): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$)/i.test(name))), NO_COLOR: '1' };
}

/** Every file under `dir` with a hash of its bytes, for before/after comparisons. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Polls `probe` every 50 ms until it returns a value (or throws); fails after `ms`. */
export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The errors the Nu HTML Checker (vnu-jar, run with Java) finds in these HTML files. */
export function nuErrors(files: readonly string[]): { type: string; url: string; message: string }[] {
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  let report: string;
  try {
    report = execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // vnu exits 1 when it found errors and prints them (JSON) on stderr.
    report = (error as { stderr?: string }).stderr ?? String(error);
  }
  const messages = (JSON.parse(report || '{"messages":[]}') as { messages: { type: string; url: string; message: string }[] }).messages;
  return messages.filter((m) => m.type === 'error');
}
