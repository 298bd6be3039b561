import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeProject, repoRoot, snapshotTree, statusbook, type Run } from './helpers.js';

const CODE = 'content/sip/codes/437.yaml';
const ERROR = /^\S+:\d+:\d+ {2}error {2}/;

/** The base fixture with a Vietnamese translation, built once in Markdown. */
function builtProject(): string {
  const dir = makeProject('translated');
  cpSync(join(repoRoot, 'locales/vi/ui.json'), join(dir, 'locales/vi/ui.json'));
  const first = statusbook(['build', '--format', 'md'], dir);
  expect(first.code, first.stderr).toBe(0);
  return dir;
}

/** The project's text of a file with the line starting with `start` replaced. */
function withLine(dir: string, path: string, start: string, line: string): string {
  return readFileSync(join(dir, path), 'utf8').replace(new RegExp(`^${start}.*$`, 'm'), () => line);
}

/**
 * Writes `files` over a built project, as a user (or an attacker) editing content would, and
 * builds again: the build must stop with exit 1 and leave the output as it was. Returns the
 * errors printed (`file:line:column  error  message  rule`); the fixture's translation also
 * has warnings (no recorded sources).
 */
function buildHostile(dir: string, files: Record<string, string | Uint8Array>): string[] {
  for (const [path, data] of Object.entries(files)) writeFileSync(join(dir, path), data);
  const out = join(dir, 'output');
  const before = snapshotTree(out);
  expect(Object.keys(before)).toContain('md/en/sip/437.md');
  const run = statusbook(['build', '--format', 'md'], dir);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  expect(snapshotTree(out)).toEqual(before);
  return run.stderr.split('\n').filter((line) => ERROR.test(line));
}

describe('hostile content stops the build with a positioned error and writes nothing', () => {
  test('a key named constructor in a code file', () => {
    const dir = builtProject();
    expect(buildHostile(dir, { [CODE]: `${readFileSync(join(dir, CODE), 'utf8')}constructor: x\n` })).toEqual([
      "content/sip/codes/437.yaml:16:1  error  unknown field 'constructor'  schema/unknown-field",
    ]);
  });

  test('a key named __proto__ in statusbook.config.yaml', () => {
    const dir = builtProject();
    expect(buildHostile(dir, { 'statusbook.config.yaml': 'formats: [md]\n__proto__: { out: elsewhere }\n' })).toEqual([
      "statusbook.config.yaml:2:1  error  unknown field '__proto__'  schema/unknown-field",
    ]);
  });

  test('5,000 nested lists in a text field', () => {
    const dir = builtProject();
    const deep = `summary: ${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(buildHostile(dir, { [CODE]: withLine(dir, CODE, 'summary:', deep) })).toEqual([
      'content/sip/codes/437.yaml:12:73  error  YAML nested too deeply: more than 64 levels of lists and mappings  yaml/depth',
    ]);
  });

  test('a byte that is not UTF-8', () => {
    const dir = builtProject();
    const bytes = Buffer.from(readFileSync(join(dir, CODE), 'utf8').replace('Credential', 'Cr\u00e9dential'), 'latin1');
    expect(buildHostile(dir, { [CODE]: bytes })).toEqual([
      'content/sip/codes/437.yaml:2:23  error  file is not valid UTF-8: byte 0xE9 does not start a valid UTF-8 sequence  file/encoding',
    ]);
  });

  test('a byte that is not UTF-8 where the last build had U+FFFD: the check cache does not hide it', () => {
    const dir = makeProject();
    const text = readFileSync(join(dir, CODE), 'utf8');
    writeFileSync(join(dir, CODE), text.replace('Credential', 'Cr\uFFFDdential'));
    expect(statusbook(['build', '--format', 'md'], dir).code).toBe(0);
    // Decoded leniently, this is the text the cache has a result for.
    const bytes = Buffer.from(text.replace('Credential', 'Cr\u00e9dential'), 'latin1');
    expect(buildHostile(dir, { [CODE]: bytes })).toEqual([
      'content/sip/codes/437.yaml:2:23  error  file is not valid UTF-8: byte 0xE9 does not start a valid UTF-8 sequence  file/encoding',
    ]);
  });

  test('a 20 MB text field is refused before it is parsed', () => {
    const dir = builtProject();
    const huge = withLine(dir, CODE, 'summary:', `summary: ${'a'.repeat(20 * 1024 * 1024)}`);
    const size = Buffer.byteLength(huge).toLocaleString('en-US');
    expect(buildHostile(dir, { [CODE]: huge })).toEqual([
      `content/sip/codes/437.yaml:1:1  error  file is ${size} bytes, more than the limit of 1,048,576 (1 MiB)  file/too-large`,
    ]);
  });

  test('a text field over 10,000 characters', () => {
    const dir = builtProject();
    expect(buildHostile(dir, { [CODE]: withLine(dir, CODE, 'summary:', `summary: ${'a'.repeat(20_000)}`) })).toEqual([
      "content/sip/codes/437.yaml:12:10  error  'summary' has 20,000 characters, more than the limit of 10,000  schema/too-long",
    ]);
  });

  test('a form feed in a reason phrase', () => {
    const dir = builtProject();
    expect(buildHostile(dir, { [CODE]: withLine(dir, CODE, 'reason:', 'reason: Unsupported\fCredential') })).toEqual([
      "content/sip/codes/437.yaml:2:20  error  'reason' must be one line of text without control characters, found U+000C (form feed)  schema/character",
    ]);
  });

  test('a line break in a protocol name and in a translated reason gloss', () => {
    const dir = builtProject();
    const gloss = 'locales/vi/content/sip/codes/437.yaml';
    expect(
      buildHostile(dir, {
        'content/sip/protocol.yaml': withLine(dir, 'content/sip/protocol.yaml', 'name:', 'name: "SIP\\n# Injected heading"'),
        [gloss]: withLine(dir, gloss, 'reason:', 'reason: "Thông tin\\u2028xác thực"'),
      }),
    ).toEqual([
      "content/sip/protocol.yaml:2:11  error  'name' must be one line of text without control characters, found U+000A (line feed)  schema/character",
    ]);
    // The translation is checked once the content is valid.
    writeFileSync(join(dir, 'content/sip/protocol.yaml'), withLine(dir, 'content/sip/protocol.yaml', 'name:', 'name: SIP'));
    expect(buildHostile(dir, {})).toEqual([
      "locales/vi/content/sip/codes/437.yaml:1:19  error  'reason' must be one line of text without control characters, found U+2028 (line separator)  schema/character",
    ]);
  });
});

test('i18n sync leaves a translation file that is not UTF-8 as it is, says where, and exits 1', () => {
  const dir = builtProject();
  const path = join(dir, 'locales/vi/content/sip/codes/437.yaml');
  const bytes = Buffer.concat([readFileSync(path), Buffer.from('howToFix: Gửi lại', 'latin1')]);
  writeFileSync(path, bytes);
  const run = statusbook(['i18n', 'sync'], dir);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('locales/vi/content/sip/codes/437.yaml:6:12  error  file is not valid UTF-8: byte 0xED does not start a valid UTF-8 sequence  file/encoding');
  expect(readFileSync(path)).toEqual(bytes);
});

describe('a --root without content/ and locales/ is a usage error naming the folder', () => {
  const empty = mkdtempSync(join(tmpdir(), 'statusbook-not-a-project-'));
  const commands = ['validate', 'list sip', 'show sip 200', 'compare sip 200 437', 'i18n status', 'i18n sync', 'build', 'dev'];

  test.each(commands)('statusbook %s', (command) => {
    const run: Run = statusbook([...command.split(' '), '--root', empty], repoRoot);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${empty} is not a statusbook project: it has no content/ and no locales/ folder\nhint: run statusbook in the project folder, or name it with --root <dir>\n`,
    );
  });

  test('a folder that does not exist', () => {
    const run = statusbook(['validate', '--root', join(empty, 'missing')], repoRoot);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: project folder ${join(empty, 'missing')} does not exist`);
  });
});
