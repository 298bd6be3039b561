import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot, snapshotTree, statusbook, TRANSLATED } from './helpers.js';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `statusbook-${name}-`));

describe('statusbook init', () => {
  test('makes a project with config, content, locales, templates and README that builds at once', () => {
    const parent = temp('init');
    const run = statusbook(['init', 'docs'], parent);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✔ made a Statusbook project in docs: [\d,]+ files\n/);
    expect(run.stdout).toContain('Next:\n  cd docs\n  statusbook build');

    const docs = join(parent, 'docs');
    expect(readdirSync(docs).sort()).toEqual(['.gitignore', 'README.md', 'content', 'locales', 'statusbook.config.yaml', 'templates']);
    expect(readdirSync(join(docs, 'locales')).sort()).toEqual(['en', ...TRANSLATED].sort());
    // A copy of the bundled database, byte for byte.
    expect(snapshotTree(join(docs, 'content'))).toEqual(snapshotTree(join(repoRoot, 'content')));
    expect(snapshotTree(join(docs, 'templates'))).toEqual(snapshotTree(join(repoRoot, 'templates')));
    expect(readFileSync(join(docs, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['output', '.statusbook-*/']));
    expect(readFileSync(join(docs, 'statusbook.config.yaml'), 'utf8')).toMatch(/^# /);
    expect(readFileSync(join(docs, 'README.md'), 'utf8')).toContain('statusbook build');

    // The config is read (out: output), and the project builds as it is.
    const build = statusbook(['build', '--format', 'md', '--locale', 'ja', '--protocol', 'sip'], docs);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/^✔ [\d,]+ pages in output \(/);
    expect(existsSync(join(docs, 'output/md/ja/sip/437.md'))).toBe(true);
  });

  test('refuses a folder that is not empty (exit 2) and leaves it untouched', () => {
    const dir = temp('init-full');
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content/notes.yaml'), 'mine: true\n');
    writeFileSync(join(dir, 'README.md'), 'my readme\n');
    const before = snapshotTree(dir);
    const run = statusbook(['init', '.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: . is not empty (README.md, content): init makes a project in an empty or new folder');
    expect(run.stderr).toContain('--force');
    expect(run.stdout).toBe('');
    expect(snapshotTree(dir)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'content']);
  });

  test('--force adds the project beside existing files and overwrites none of them', () => {
    const dir = temp('init-force');
    mkdirSync(join(dir, 'content/sip/codes'), { recursive: true });
    writeFileSync(join(dir, 'README.md'), 'my readme\n');
    writeFileSync(join(dir, 'content/sip/codes/437.yaml'), 'my 437\n');
    const run = statusbook(['init', dir, '--force'], temp('elsewhere'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kept 2 existing files as they were: content/sip/codes/437.yaml, README.md');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('my readme\n');
    expect(readFileSync(join(dir, 'content/sip/codes/437.yaml'), 'utf8')).toBe('my 437\n');
    expect(existsSync(join(dir, 'content/sip/codes/200.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'statusbook.config.yaml'))).toBe(true);
  });

  test('usage errors exit 2: no folder, two folders, a file', () => {
    const dir = temp('init-usage');
    writeFileSync(join(dir, 'file'), '');
    expect(statusbook(['init'], dir)).toMatchObject({ code: 2, stderr: 'error: statusbook init needs the folder to make the project in\nhint: for example: statusbook init my-docs\n' });
    expect(statusbook(['init', 'a', 'b'], dir)).toMatchObject({ code: 2, stderr: "error: unexpected argument 'b'\nhint: see 'statusbook init --help'\n" });
    expect(statusbook(['init', 'file'], dir).code).toBe(2);
    expect(statusbook(['init', 'x', '--forse'], dir).code).toBe(2);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});

test('outside a project, commands read the bundled database and a build writes into the current folder', () => {
  const dir = temp('no-project');
  const list = statusbook(['list', 'sip', '--json'], dir);
  expect(list.code).toBe(0);
  expect(list.stderr).toBe(`note: no content/ here: using the example database that comes with statusbook (${repoRoot.replace(/\/$/, '')}); 'statusbook init <dir>' makes a project of your own\n`);
  expect((JSON.parse(list.stdout) as { code: number }[]).map((c) => c.code)).toContain(437);

  const build = statusbook(['build', '--format', 'md', '--locale', 'en', '--protocol', 'sip'], dir);
  expect(build.code).toBe(0);
  expect(build.stdout).toMatch(/^✔ [\d,]+ pages in output \(/);
  expect(existsSync(join(dir, 'output/md/en/sip/437.md'))).toBe(true);
  // --root still names a project, anywhere.
  const elsewhere = statusbook(['validate', '--root', temp('empty')], dir);
  expect(elsewhere.code).toBe(2);
  expect(elsewhere.stderr).toContain('is not a statusbook project: it has no content/ and no locales/ folder');
});
