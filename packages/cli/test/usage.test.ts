import { expect, test } from 'vitest';
import { makeProject, statusbook } from './helpers.js';

const project = makeProject();

test('--help lists the commands', () => {
  const run = statusbook(['--help'], project);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Usage: statusbook <command> [options]');
  expect(run.stdout).toMatch(/build\s+validate content\/ and write every page/);
  expect(run.stdout).toMatch(/validate\s+check content\//);
});

test('each command has --help with examples', () => {
  for (const command of ['init', 'build', 'validate', 'list', 'show', 'compare', 'i18n', 'dev']) {
    const run = statusbook([command, '--help'], project);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: statusbook ${command}`);
    expect(run.stdout).toContain('Examples:');
  }
});

test('an unknown command exits 2 with a suggestion', () => {
  const run = statusbook(['biuld'], project);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe("error: unknown command 'biuld'\nhint: did you mean 'statusbook build'?\n");
});

test("a command named after an Object.prototype member is unknown too", () => {
  for (const name of ['constructor', 'toString', '__proto__']) {
    const run = statusbook([name], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: unknown command '${name}'`);
  }
});

test('an unknown flag exits 2 with a hint', () => {
  const run = statusbook(['build', '--outt', 'x'], project);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("error: unknown option --outt for 'statusbook build'");
  expect(run.stderr).toContain('hint: did you mean --out?');
});

test('a flag without its value exits 2', () => {
  const run = statusbook(['build', '--out'], project);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/error: .*--out/);
});

test('--out pointing into content/ is refused before anything is written', () => {
  const run = statusbook(['build', '--out', 'content/site'], project);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("would overwrite the project's own files: it is inside content/");
});

test('no command prints the usage and exits 2', () => {
  const run = statusbook([], project);
  expect(run.code).toBe(2);
  expect(run.stdout).toContain('Commands:');
});
