// The command npm links: `npx statusbook` in the repository, and what it says before a build.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { repoRoot, userEnv } from './helpers.js';

test('npx statusbook --help works from the repository root', () => {
  // npm_config_yes=false: npx must find the workspace's own command, never fetch a package.
  const run = spawnSync('npx', ['statusbook', '--help'], { cwd: repoRoot, encoding: 'utf8', env: { ...userEnv(), npm_config_yes: 'false' } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Usage: statusbook <command> [options]');
  expect(run.stdout).toMatch(/\n {2}init +make a new project/);
});

test('the launcher npm links says to build first when the bundle is missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-launcher-'));
  copyFileSync(fileURLToPath(new URL('../launcher.js', import.meta.url)), join(dir, 'launcher.js'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const run = spawnSync(process.execPath, [join(dir, 'launcher.js'), '--help'], { encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stderr).toBe(`error: statusbook is not built yet: ${join(dir, 'bin/statusbook.js')} is missing\nhint: run 'npm run build' at the repository root first\n`);
});
