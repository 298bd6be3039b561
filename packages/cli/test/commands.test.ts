import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeProject, repoRoot, snapshotTree, statusbook } from './helpers.js';

test('show prints a code page as Markdown, in the chosen language', () => {
  const en = statusbook(['show', 'sip', '437'], repoRoot);
  expect(en.code).toBe(0);
  expect(en.stdout.startsWith('# SIP 437 Unsupported Credential\n')).toBe(true);
  const ja = statusbook(['show', 'sip', '437', '--locale', 'ja'], repoRoot);
  expect(ja.stdout).toContain('## 意味');
});

test('compare accepts either order and prints the canonical page', () => {
  const a = statusbook(['compare', 'sip', '437', '200'], repoRoot);
  const b = statusbook(['compare', 'sip', '200', '437'], repoRoot);
  expect(a.code).toBe(0);
  expect(a.stdout).toBe(b.stdout);
  expect(a.stdout.startsWith('# SIP 200 OK vs 437 Unsupported Credential\n')).toBe(true);
});

test('unknown codes and a code compared with itself are usage errors with a hint', () => {
  const unknown = statusbook(['show', 'sip', '438x'], repoRoot);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain("error: SIP has no code '438x'");
  expect(statusbook(['compare', 'http', '404', '404'], repoRoot).code).toBe(2);
});

test('statusbook.config.yaml sets defaults, flags override them, and errors have positions', () => {
  const dir = makeProject();
  writeFileSync(join(dir, 'statusbook.config.yaml'), 'formats: [md]\nout: site\npairs: curated\n');
  expect(statusbook(['build'], dir).code).toBe(0);
  const files = Object.keys(snapshotTree(join(dir, 'site'))).filter((p) => !p.startsWith('.statusbook/'));
  expect(files.every((p) => p.startsWith('md/'))).toBe(true);
  // Only the curated pair (200 vs 437) has a comparison page.
  expect(files.filter((p) => p.includes('/compare/') && !p.endsWith('index.md'))).toEqual(['md/en/sip/compare/200-vs-437.md']);
  expect(readFileSync(join(dir, 'site/md/en/sip/180.md'), 'utf8')).not.toContain('180-vs-');

  expect(statusbook(['build', '--format', 'html'], dir).code).toBe(0);
  expect(Object.keys(snapshotTree(join(dir, 'site'))).some((p) => p.startsWith('html/'))).toBe(true);

  writeFileSync(join(dir, 'statusbook.config.yaml'), 'formats: [htm]\n');
  const bad = statusbook(['build'], dir);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain("statusbook.config.yaml:1:11  error  'formats[0]' must be one of 'md', 'html', 'print', 'json', 'embed', 'mediawiki', 'dokuwiki', 'gitwiki', found the string \"htm\"");
});

test('--protocol builds only the protocols named', () => {
  const protocolOut = join(mkdtempSync(join(tmpdir(), 'statusbook-protocol-')), 'out');
  const run = statusbook(['build', '--protocol', 'http', '--locale', 'en', '--format', 'md', '--out', protocolOut, '--clean'], repoRoot);
  expect(run.code).toBe(0);
  const files = Object.keys(snapshotTree(protocolOut));
  expect(files.some((p) => p.startsWith('md/en/http/'))).toBe(true);
  expect(files.some((p) => p.startsWith('md/en/sip/'))).toBe(false);
  expect(statusbook(['build', '--protocol', 'ftp'], repoRoot).code).toBe(2);
});
