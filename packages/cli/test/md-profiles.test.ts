// --md-profile and --pairs on `statusbook build`: usage, the config key, and the output's slices
// (a profile's files are the slice md/<locale>: building one locale keeps the others).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { makeProject, repoRoot, snapshotTree, statusbook } from './helpers.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A folder for one test's output, removed at the end. */
function scratch(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `statusbook-${name}-`));
  made.push(dir);
  return dir;
}

function tree(out: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshotTree(out)).filter(([p]) => !p.startsWith('.statusbook/')));
}

function build(out: string, ...args: string[]): { written: number; kept: number } {
  const run = statusbook(['build', '--json', '--root', repoRoot, '--out', out, '--format', 'md', '--pairs', 'curated', ...args], repoRoot);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { written: number; kept: number };
}

describe('usage', () => {
  test('an unknown profile or pair selection is a usage error that lists the choices', () => {
    const dir = makeProject();
    const profile = statusbook(['build', '--md-profile', 'jekyll'], dir);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain('--md-profile jekyll: expected one of plain, hugo, docusaurus, starlight, mkdocs');
    const pairs = statusbook(['build', '--pairs', 'some'], dir);
    expect(pairs.code).toBe(2);
    expect(pairs.stderr).toContain('--pairs some: expected all or curated');
    // dev checks them before it listens or builds anything.
    const dev = statusbook(['dev', '--md-profile', 'jekyll'], dir);
    expect(dev.code).toBe(2);
    expect(dev.stderr).toContain('--md-profile jekyll: expected one of');
    expect(snapshotTree(join(dir, 'output'))).toEqual({});
  });

  test('mdProfile and pairs in statusbook.config.yaml; the flags override them', () => {
    const dir = makeProject();
    writeFileSync(join(dir, 'statusbook.config.yaml'), 'formats: [md]\nmdProfile: starlight\npairs: curated\n');
    expect(statusbook(['build'], dir).code).toBe(0);
    const files = Object.keys(tree(join(dir, 'output')));
    expect(files).toContain('starlight/src/content/docs/en/sip/437.md');
    // Curated pairs only: the fixture's one curated pair, not every pair of its codes.
    expect(files.filter((f) => f.includes('/compare/') && !f.endsWith('/index.md'))).toEqual(['starlight/src/content/docs/en/sip/compare/200-vs-437.md']);
    expect(statusbook(['build', '--md-profile', 'plain', '--pairs', 'all'], dir).code).toBe(0);
    const plain = Object.keys(tree(join(dir, 'output')));
    expect(plain).toContain('md/en/sip/437.md');
    expect(plain.filter((f) => f.startsWith('starlight/'))).toEqual([]);
    expect(plain.filter((f) => f.includes('/compare/') && !f.endsWith('/index.md')).length).toBeGreaterThan(1);
    const bad = statusbook(['build'], ((): string => {
      writeFileSync(join(dir, 'statusbook.config.yaml'), 'mdProfile: gatsby\n');
      return dir;
    })());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/statusbook\.config\.yaml:1:\d+ +error/);
  });
});

describe('slices', () => {
  test('building one locale with a profile keeps the other locales of that profile, byte for byte', () => {
    const out = join(scratch('profile-slices'), 'output');
    build(out, '--md-profile', 'docusaurus');
    const all = tree(out);
    expect(Object.keys(all)).toContain('docusaurus/docs/sip/437.md');
    expect(Object.keys(all)).toContain('docusaurus/i18n/vi/docusaurus-plugin-content-docs/current/sip/437.md');
    expect(Object.keys(all)).toContain('docusaurus/i18n/ja/docusaurus-plugin-content-docs/current/sip/437.md');

    const again = build(out, '--md-profile', 'docusaurus', '--locale', 'vi');
    expect(tree(out)).toEqual(all);
    expect(again.written).toBe(0);

    // The same locale with another profile: that locale's pages move, the others stay where they were.
    build(out, '--md-profile', 'hugo', '--locale', 'ja');
    const mixed = tree(out);
    expect(Object.keys(mixed).filter((p) => p.startsWith('docusaurus/i18n/ja/'))).toEqual([]);
    expect(Object.keys(mixed)).toContain('hugo/content/ja/sip/_index.md');
    const kept = Object.fromEntries(Object.entries(all).filter(([p]) => !p.startsWith('docusaurus/i18n/ja/')));
    expect(Object.fromEntries(Object.keys(kept).map((p) => [p, mixed[p]]))).toEqual(kept);
  });

  test('a rebuild with the same profile writes nothing; switching the profile rebuilds', () => {
    const out = join(scratch('profile-switch'), 'output');
    build(out, '--md-profile', 'mkdocs', '--locale', 'en');
    const first = tree(out);
    expect(build(out, '--md-profile', 'mkdocs', '--locale', 'en').written).toBe(0);
    expect(tree(out)).toEqual(first);
    const switched = build(out, '--md-profile', 'starlight', '--locale', 'en');
    expect(switched.written).toBeGreaterThan(0);
    const files = Object.keys(tree(out));
    expect(files.filter((p) => p.startsWith('mkdocs/'))).toEqual([]);
    expect(files).toContain('starlight/src/content/docs/en/index.md');
  });

  test('after an edit, a rebuild with the profile writes the changed pages at the profile\'s paths', () => {
    const dir = makeProject();
    const out = join(dir, 'output');
    const first = statusbook(['build', '--json', '--format', 'md', '--md-profile', 'hugo'], dir);
    expect(first.code, first.stderr).toBe(0);
    const code = join(dir, 'content', 'sip', 'codes', '437.yaml');
    writeFileSync(code, readFileSync(code, 'utf8').replace(/^howToFix: .*$/m, 'howToFix: Edited for the patch test.'));
    const before = tree(out);
    const second = statusbook(['build', '--json', '--format', 'md', '--md-profile', 'hugo'], dir);
    expect(second.code, second.stderr).toBe(0);
    const after = tree(out);
    const changed = Object.keys(after).filter((p) => after[p] !== before[p]);
    expect(changed).toContain('hugo/content/en/sip/437.md');
    expect(changed.every((p) => p.startsWith('hugo/content/en/'))).toBe(true);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(readFileSync(join(out, 'hugo/content/en/sip/437.md'), 'utf8')).toContain('Edited for the patch test.');
  });
});
