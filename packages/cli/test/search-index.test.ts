// The HTML site's search index (html/<locale>/search.json) as builds make it: it follows the
// content on every rebuild, has the same bytes as a clean build's, and exists only for the
// locales built.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { makeProject, repoRoot, statusbook } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The bundled fixture with a Vietnamese translation and the real Vietnamese UI strings. */
function project(): string {
  const dir = makeProject('translated');
  cpSync(join(repoRoot, 'locales', 'vi', 'ui.json'), join(dir, 'locales', 'vi', 'ui.json'));
  dirs.push(dir);
  return dir;
}

function build(dir: string, out: string, ...args: string[]): void {
  const run = statusbook(['build', '--format', 'html', '--out', out, ...args], dir);
  expect(run.code, run.stderr).toBe(0);
}

interface Index {
  readonly locale: string;
  readonly codes: readonly { readonly code: number; readonly reason: string; readonly gloss: string; readonly summary: string; readonly url: string }[];
}

const index = (out: string, locale: string): Index => JSON.parse(readFileSync(join(out, 'html', locale, 'search.json'), 'utf8')) as Index;

test('an edit is in the index after the rebuild, which has the bytes of a clean build', () => {
  const dir = project();
  const out = join(dir, 'out');
  build(dir, out);
  const en = index(out, 'en');
  expect(en.codes.map((c) => [c.code, c.reason, c.url])).toEqual([
    [180, 'Ringing', 'sip/180/'],
    [200, 'OK', 'sip/200/'],
    [437, 'Unsupported Credential', 'sip/437/'],
  ]);
  // Inline Markdown is plain text in the index.
  expect(en.codes[2]!.summary).toBe('The verifier does not accept the credential behind the Identity header field.');
  expect(index(out, 'vi').codes[2]!.gloss).not.toBe('');

  const file = join(dir, 'content', 'sip', 'codes', '437.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*$/m, 'summary: The verifier rejects the credential, edited.'));
  build(dir, out);
  expect(index(out, 'en').codes[2]!.summary).toBe('The verifier rejects the credential, edited.');

  const clean = join(dir, 'clean');
  build(dir, clean);
  for (const locale of ['en', 'vi']) {
    expect(readFileSync(join(out, 'html', locale, 'search.json'), 'utf8')).toBe(readFileSync(join(clean, 'html', locale, 'search.json'), 'utf8'));
  }
});

test('only the locales built get an index; a build of one locale keeps the others', () => {
  const dir = project();
  const out = join(dir, 'out');
  build(dir, out, '--locale', 'vi');
  expect(existsSync(join(out, 'html', 'vi', 'search.json'))).toBe(true);
  expect(existsSync(join(out, 'html', 'en', 'search.json'))).toBe(false);
  build(dir, out, '--locale', 'en');
  expect(index(out, 'en').locale).toBe('en');
  expect(index(out, 'vi').locale).toBe('vi');
});

test('content cannot put markup into the index', () => {
  const dir = project();
  const out = join(dir, 'out');
  const file = join(dir, 'content', 'sip', 'codes', '200.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*$/m, "summary: '</script><img src=x onerror=alert(1)> & more'"));
  build(dir, out);
  const text = readFileSync(join(out, 'html', 'en', 'search.json'), 'utf8');
  expect(text).not.toMatch(/[<>&]/);
  expect(index(out, 'en').codes[1]!.summary).toBe('</script><img src=x onerror=alert(1)> & more');
});
