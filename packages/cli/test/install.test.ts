// The packed CLI, as a user gets it: `npm pack`, installed with `npm install -g` into an
// empty prefix, run from folders outside the repository.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { userEnv } from './helpers.js';

const cli = fileURLToPath(new URL('..', import.meta.url));
const temp = (name: string) => mkdtempSync(join(tmpdir(), `statusbook-${name}-`));

interface Manifest {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: userEnv() });
}

test("the bundle loads at run time only the packages the CLI's package.json depends on", () => {
  const bin = join(cli, 'bin');
  const loaded = new Set<string>();
  for (const file of readdirSync(bin).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(bin, file), 'utf8');
    for (const m of text.matchAll(/\b(?:require\d*|import)\(["']([^"'./][^"']*)["']\)|\bfrom ["']([^"'./][^"']*)["']/g)) {
      const name = (m[1] ?? m[2])!;
      if (!name.startsWith('node:') && !builtinModules.includes(name)) loaded.add(name);
    }
  }
  const own = manifest(cli).dependencies ?? {};
  expect(Object.keys(own).sort()).toEqual([...loaded].sort());
  // Each at the range of the workspace package that uses it, so that the two cannot drift.
  for (const pkg of ['core', 'generator']) {
    for (const [name, range] of Object.entries(manifest(join(cli, '..', pkg)).dependencies ?? {})) if (name in own) expect(`${name}@${own[name]}`).toBe(`${name}@${range}`);
  }
});

describe('the packed CLI', () => {
  const work = temp('pack');
  const prefix = join(work, 'prefix');
  const statusbook = join(prefix, 'bin', 'statusbook');
  let tarball = '';

  beforeAll(() => {
    const pack = run('npm', ['pack', '--pack-destination', work], cli);
    expect(pack.stderr).not.toMatch(/npm (error|warn)/);
    expect(pack.status).toBe(0);
    tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  }, 120_000);

  test('holds the bundle, the example project and a package.json without workspace packages', () => {
    const files = run('tar', ['tzf', tarball], work).stdout.split('\n').filter(Boolean);
    for (const file of ['launcher.js', 'bin/statusbook.js', 'bin/worker.js', 'example/content/sip/codes/437.yaml', 'example/locales/ja/ui.json', 'example/templates/pages/code.html.hbs']) {
      expect(files).toContain(`package/${file}`);
    }
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('package/dist/') || f.startsWith('package/src/'))).toEqual([]);
    const packed = JSON.parse(run('tar', ['xzOf', tarball, 'package/package.json'], work).stdout) as Manifest;
    expect(Object.keys(packed.dependencies ?? {}).filter((name) => name.startsWith('@statusbook/'))).toEqual([]);
    // The copy of the database lives only in the tarball.
    expect(existsSync(join(cli, 'example'))).toBe(false);
  });

  test('installs into an empty prefix; statusbook init makes a project that builds, from outside the repository', () => {
    const install = run('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], work);
    expect(install.stderr).not.toMatch(/EBADENGINE|install-scripts|npm error/);
    expect(install.status).toBe(0);

    const outside = join(work, 'somewhere');
    mkdirSync(outside);
    const help = run(statusbook, ['--help'], outside);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: statusbook <command> [options]');

    const init = run(statusbook, ['init', 'docs'], outside);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const docs = join(outside, 'docs');
    const build = run(statusbook, ['build', '--format', 'md,html', '--locale', 'en'], docs);
    // Only notes (no base URL, so no sitemap; more redirect rules than every host takes).
    expect(build.stderr.split('\n').filter((line) => line && !line.startsWith('note: '))).toEqual([]);
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/^✔ [\d,]+ pages in output \(/);
    for (const page of ['output/html/en/sip/437/index.html', 'output/html/en/http/compare/404-vs-410/index.html', 'output/md/en/sip/437.md']) expect(existsSync(join(docs, page))).toBe(true);
  }, 180_000);

  test('builds the bundled database in a folder that holds no project', () => {
    const empty = temp('pack-empty');
    const build = run(statusbook, ['build', '--format', 'html', '--locale', 'vi', '--protocol', 'sip'], empty);
    expect(build.stderr).toMatch(/^note: no content\/ here: using the example database that comes with statusbook \(.*\/example\)/);
    expect(build.status).toBe(0);
    expect(existsSync(join(empty, 'output/html/vi/sip/437/index.html'))).toBe(true);
  }, 120_000);
});
