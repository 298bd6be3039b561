import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent, loadTranslations, parseConfig, type CheckCache, type Diagnostic } from '../src/index.js';
import { MAX_DEPTH, MAX_FILE_BYTES, MAX_LINE_LENGTH, MAX_TEXT_LENGTH } from '../src/limits.js';
import { firstInvalidByte } from '../src/source-file.js';

const fixture = fileURLToPath(new URL('./fixtures/project/', import.meta.url));

/** The fixture's text of a file, to edit. */
function original(path: string): string {
  return readFileSync(join(fixture, path), 'utf8');
}

/** A copy of the fixture project (content/ and a Vietnamese translation) with `files` written over it. */
function project(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-core-'));
  cpSync(fixture, dir, { recursive: true });
  for (const [path, data] of Object.entries(files)) writeFileSync(join(dir, path), data);
  return dir;
}

function shown(dir: string, list: readonly Diagnostic[]): string[] {
  return list.filter((d) => d.severity === 'error').map((d) => `${relative(dir, d.file)}:${d.line}:${d.column}  ${d.message}  ${d.ruleId}`);
}

/** The errors of loading content/ and the translation, as `file:line:column  message  rule`. */
async function errors(dir: string, cache?: CheckCache): Promise<string[]> {
  const options = cache ? { cache } : {};
  const content = await loadContent(join(dir, 'content'), options);
  const translation = await loadTranslations(join(dir, 'locales'), ['vi'], content.protocols, options);
  return shown(dir, [...content.diagnostics, ...translation.diagnostics]);
}

function configErrors(text: string | Uint8Array): string[] {
  const dir = project({ 'statusbook.config.yaml': text });
  const file = join(dir, 'statusbook.config.yaml');
  return shown(dir, parseConfig(file, readFileSync(file)).diagnostics);
}

const CODE = 'content/sip/codes/437.yaml';
const PROTOCOL = 'content/sip/protocol.yaml';
const PAIRS = 'content/sip/pairs.yaml';
const VI_CODE = 'locales/vi/content/sip/codes/437.yaml';
const VI_PROTOCOL = 'locales/vi/content/sip/protocol.yaml';
const VI_PAIRS = 'locales/vi/content/sip/pairs.yaml';

/** `text` with `line` put in place of the line that starts with `start`. */
function replaceLine(text: string, start: string, line: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line starts with ${start}`);
  lines[i] = line;
  return lines.join('\n');
}

test('the fixture itself has no errors', async () => {
  expect(await errors(project())).toEqual([]);
});

describe("keys named after Object.prototype's members are unknown fields like any other", () => {
  const keys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  // Where the key goes, and the field path its message names.
  const places = [
    { file: CODE, at: '', path: '' },
    { file: CODE, at: '  - { rfc: 8224', path: 'references[0].', nested: '  - { rfc: 8224, section: "6.2.2", KEY: 1 }' },
    { file: PROTOCOL, at: '', path: '' },
    { file: PROTOCOL, at: '', path: 'registry.', indent: '  ', after: 'registry:' },
    { file: PAIRS, at: '', path: '[0].', indent: '  ' },
    { file: VI_CODE, at: '', path: '' },
    // Translation files name unknown keys without their path, as they always have.
    { file: VI_PROTOCOL, at: '', path: '', indent: '    ', after: '  1xx:' },
    { file: VI_PAIRS, at: '', path: '', indent: '  ' },
  ];

  test.each(places.flatMap((place) => keys.map((key) => ({ ...place, key }))))('$key in $file ($path)', async ({ file, key, path, indent, after, nested }) => {
    const text = original(file);
    let edited: string;
    if (nested) edited = replaceLine(text, '  - { rfc: 8224', nested.replace('KEY', key));
    else if (after) edited = text.replace(`${after}\n`, `${after}\n${indent}${key}: 1\n`);
    else edited = `${text}${indent ?? ''}${key}: 1\n`;
    const lines = edited.split('\n');
    const line = lines.findIndex((l) => l.includes(`${key}: 1`)) + 1;
    const column = lines[line - 1]!.indexOf(key) + 1;
    expect(await errors(project({ [file]: edited }))).toEqual([`${file}:${line}:${column}  unknown field '${path}${key}'  schema/unknown-field`]);
  });

  test.each(keys)('%s in statusbook.config.yaml', (key) => {
    expect(configErrors(`formats: [md]\n${key}: 1\n`)).toEqual([`statusbook.config.yaml:2:1  unknown field '${key}'  schema/unknown-field`]);
  });

  test('a key or value with control characters is shown escaped, not sent to the terminal', async () => {
    const dir = project({ [CODE]: `${original(CODE)}"\\e[2Jx": 1\n` });
    expect(await errors(dir)).toEqual([`${CODE}:16:1  unknown field '\\u001b[2Jx'  schema/unknown-field`]);
    const value = project({ [CODE]: replaceLine(original(CODE), 'retry:', 'retry: "never\\x9b2J"') });
    expect((await errors(value))[0]).toContain('found the string "never\\u009b2J"  schema/type');
  });
});

describe(`YAML nested deeper than ${MAX_DEPTH} levels is an error with a position, not a stack overflow`, () => {
  const flow = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const block = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n');

  test('5,000 nested lists in a code file', async () => {
    const dir = project({ [CODE]: replaceLine(original(CODE), 'summary:', `summary: ${flow(5000)}`) });
    // The file's mapping is level 1: the 64th `[` (column 9 + 64) opens level 65.
    expect(await errors(dir)).toEqual([`${CODE}:12:73  YAML nested too deeply: more than ${MAX_DEPTH} levels of lists and mappings  yaml/depth`]);
  });

  test('1,000 nested block mappings and 5,000 nested flow mappings in a code file', async () => {
    const flowMaps = project({ [CODE]: replaceLine(original(CODE), 'summary:', `summary: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`) });
    // `summary: ` then `{a: ` at columns 10, 14...: the 64th opens level 65.
    expect(await errors(flowMaps)).toEqual([`${CODE}:12:262  YAML nested too deeply: more than ${MAX_DEPTH} levels of lists and mappings  yaml/depth`]);
    const dir = project({ [CODE]: `${original(CODE)}x:\n${block(1000)}\n` });
    // The file is level 1, x: on line 16; the a: on line 16 + k opens level k + 1.
    expect(await errors(dir)).toEqual([`${CODE}:80:65  YAML nested too deeply: more than ${MAX_DEPTH} levels of lists and mappings  yaml/depth`]);
  });

  test.each([PROTOCOL, PAIRS, VI_CODE, VI_PROTOCOL, VI_PAIRS])('5,000 nested lists in %s', async (file) => {
    const found = await errors(project({ [file]: `${original(file)}\n${file.endsWith('pairs.yaml') ? '- ' : 'x: '}${flow(5000)}\n` }));
    expect(found.filter((e) => e.includes('yaml/depth'))).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${file}:\\d+:\\d+  YAML nested too deeply`));
  });

  test('5,000 nested lists in statusbook.config.yaml', () => {
    expect(configErrors(`locales: ${flow(5000)}\n`)).toEqual([`statusbook.config.yaml:1:73  YAML nested too deeply: more than ${MAX_DEPTH} levels of lists and mappings  yaml/depth`]);
  });

  test(`${MAX_DEPTH} levels are read; one more is not`, async () => {
    const at = (levels: number) => project({ [CODE]: replaceLine(original(CODE), 'summary:', `summary: ${flow(levels - 1)}`) });
    expect(await errors(at(MAX_DEPTH))).toEqual([`${CODE}:12:10  'summary' must be text (a string of inline Markdown), found a list  schema/type`]);
    expect((await errors(at(MAX_DEPTH + 1)))[0]).toContain('yaml/depth');
  });
});

describe('a file that is not UTF-8 is an error at its first bad byte, not U+FFFD in every page', () => {
  /** The fixture's bytes of a file with the first `find` replaced by `bytes`. */
  function withBytes(file: string, find: string, bytes: number[]): Buffer {
    const text = original(file);
    const at = Buffer.byteLength(text.slice(0, text.indexOf(find)));
    const buffer = Buffer.from(text);
    return Buffer.concat([buffer.subarray(0, at), Buffer.from(bytes), buffer.subarray(at + Buffer.byteLength(find))]);
  }
  const message = (byte: string) => `file is not valid UTF-8: byte ${byte} does not start a valid UTF-8 sequence  file/encoding`;

  test('a Latin-1 byte in a code file', async () => {
    // "Credential" with its "e" written as Latin-1 "é": line 2, column 23.
    const dir = project({ [CODE]: withBytes(CODE, 'edential', [0xe9, ...Buffer.from('dential')]) });
    expect(await errors(dir)).toEqual([`${CODE}:2:23  ${message('0xE9')}`]);
  });

  test('the column counts characters, not bytes, before the bad byte', async () => {
    // "Thông tin xác" before it: 13 characters, 15 bytes.
    const dir = project({ [VI_CODE]: withBytes(VI_CODE, ' thực', [0xff]) });
    expect(await errors(dir)).toEqual([`${VI_CODE}:1:22  ${message('0xFF')}`]);
  });

  test.each([PROTOCOL, PAIRS, VI_PROTOCOL, VI_PAIRS])('in %s', async (file) => {
    const dir = project({ [file]: Buffer.concat([Buffer.from(original(file)), Buffer.from([0xc3, 0x28])]) });
    expect((await errors(dir)).filter((e) => e.includes('file/encoding'))).toEqual([`${file}:${original(file).split('\n').length}:1  ${message('0xC3')}`]);
  });

  test('in statusbook.config.yaml', () => {
    expect(configErrors(Buffer.from([...Buffer.from('out: caf'), 0xe9, 0x0a]))).toEqual([`statusbook.config.yaml:1:9  ${message('0xE9')}`]);
  });

  test('the check cache does not hide it: the same text as a valid file with U+FFFD is still an error', async () => {
    const entries = new Map<string, unknown>();
    const cache: CheckCache = { get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value) };
    const valid = project({ [CODE]: withBytes(CODE, 'Credential', [...Buffer.from('Cr\uFFFDdential')]) });
    expect(await errors(valid, cache)).toEqual([]);
    // Read leniently, this file's text is exactly the one above.
    const invalid = project({ [CODE]: withBytes(CODE, 'Credential', [...Buffer.from('Cr'), 0xe9, ...Buffer.from('dential')]) });
    const sameFile = join(valid, CODE);
    writeFileSync(sameFile, readFileSync(join(invalid, CODE)));
    expect(await errors(valid, cache)).toEqual([`${CODE}:2:23  ${message('0xE9')}`]);
  });

  test('a byte order mark is still read as before', async () => {
    expect(await errors(project({ [CODE]: `\uFEFF${original(CODE)}` }))).toEqual([]);
  });

  test('the first bad byte is the one the standard decoder stops at', () => {
    const cases: [number[], number][] = [
      [[0x61, 0xc3, 0xa9, 0x62], -1],
      [[0x61, 0xc0, 0x80], 1], // overlong
      [[0xe0, 0x80, 0x80], 0], // overlong
      [[0xed, 0xa0, 0x80], 0], // a surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
      [[0xf0, 0x9f, 0x98, 0x80, 0x80], 4], // a lone continuation byte after an emoji
      [[0x61, 0xe2, 0x82], 1], // cut short
      [[0xf8, 0x88, 0x80, 0x80, 0x80], 0],
    ];
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const [bytes, at] of cases) {
      expect(firstInvalidByte(Uint8Array.from(bytes))).toBe(at);
      const valid = (() => {
        try {
          strict.decode(Uint8Array.from(bytes));
          return true;
        } catch {
          return false;
        }
      })();
      expect(valid).toBe(at === -1);
    }
  });
});

describe('sizes are limited, with a clear error', () => {
  test(`a file over ${MAX_FILE_BYTES} bytes is refused before it is parsed`, async () => {
    const big = `${original(CODE)}# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    const size = Buffer.byteLength(big).toLocaleString('en-US');
    expect(await errors(project({ [CODE]: big }))).toEqual([`${CODE}:1:1  file is ${size} bytes, more than the limit of 1,048,576 (1 MiB)  file/too-large`]);
    expect(await errors(project({ [VI_PAIRS]: big }))).toEqual([`${VI_PAIRS}:1:1  file is ${size} bytes, more than the limit of 1,048,576 (1 MiB)  file/too-large`]);
  });

  test(`a text field over ${MAX_TEXT_LENGTH} characters`, async () => {
    const at = (n: number) => project({ [CODE]: replaceLine(original(CODE), 'summary:', `summary: ${'a'.repeat(n)}`) });
    expect(await errors(at(MAX_TEXT_LENGTH))).toEqual([]);
    expect(await errors(at(MAX_TEXT_LENGTH + 1))).toEqual([`${CODE}:12:10  'summary' has 10,001 characters, more than the limit of 10,000  schema/too-long`]);
  });

  test(`a single-line field over ${MAX_LINE_LENGTH} characters`, async () => {
    const at = (n: number) => project({ [CODE]: replaceLine(original(CODE), 'reason:', `reason: ${'a'.repeat(n)}`) });
    expect(await errors(at(MAX_LINE_LENGTH))).toEqual([]);
    expect(await errors(at(MAX_LINE_LENGTH + 1))).toEqual([`${CODE}:2:9  'reason' has 501 characters, more than the limit of 500  schema/too-long`]);
  });

  test('a translated field has the same limit', async () => {
    const dir = project({ [VI_CODE]: replaceLine(original(VI_CODE), 'summary:', `summary: { text: ${'ă'.repeat(MAX_TEXT_LENGTH + 1)} }`) });
    expect(await errors(dir)).toEqual([`${VI_CODE}:2:18  'summary.text' has 10,001 characters, more than the limit of 10,000  schema/too-long`]);
  });
});

describe('control characters', () => {
  const reason = (value: string) => project({ [CODE]: replaceLine(original(CODE), 'reason:', `reason: ${value}`) });
  const line = (field: string, found: string) => `'${field}' must be one line of text without control characters, found ${found}  schema/character`;
  const text = (field: string, found: string) => `'${field}' must be text without control characters other than line feeds and tabs, found ${found}  schema/character`;

  test('a form feed in a reason phrase, at its column', async () => {
    expect(await errors(reason('Unsupported\fCredential'))).toEqual([`${CODE}:2:20  ${line('reason', 'U+000C (form feed)')}`]);
  });

  test('the same character written as an escape: the escape is pointed at', async () => {
    expect(await errors(reason('"Unsupported \\x85Credential"'))).toEqual([`${CODE}:2:22  ${line('reason', 'U+0085 (next line)')}`]);
    // `\\f` is a backslash and an f; the form feed is the escape after it.
    expect(await errors(reason('"Unsupported\\\\f\\fCredential"'))).toEqual([`${CODE}:2:24  ${line('reason', 'U+000C (form feed)')}`]);
  });

  test('a line break in a reason phrase, a former reason and a protocol name', async () => {
    expect(await errors(reason('|\n  Unsupported\n  Credential'))).toEqual([`${CODE}:3:14  ${line('reason', 'U+000A (line feed)')}`]);
    const former = project({ [CODE]: replaceLine(original(CODE), '  - { reason:', '  - { reason: "Unsupported\\nCertificate", rfc: 8224 }') });
    expect(await errors(former)).toEqual([`${CODE}:4:27  ${line('formerReasons[0].reason', 'U+000A (line feed)')}`]);
    const name = project({ [PROTOCOL]: replaceLine(original(PROTOCOL), 'name:', 'name: "SIP\\u2028"') });
    expect((await errors(name))[0]).toBe(`${PROTOCOL}:2:11  ${line('name', 'U+2028 (line separator)')}`);
  });

  test('a tab in a class name, which is one line', async () => {
    const dir = project({ [PROTOCOL]: original(PROTOCOL).replace('name: Success', 'name: "Suc\\tcess"') });
    expect((await errors(dir))[0]).toBe(`${PROTOCOL}:30:15  ${line('classes[1].name', 'U+0009 (tab)')}`);
  });

  test('text fields keep line feeds and tabs, and reject other controls and lone surrogates', async () => {
    const summary = (value: string) => project({ [CODE]: replaceLine(original(CODE), 'summary:', `summary: ${value}`) });
    expect(await errors(summary('|\n  One line,\n  \tand a tab.'))).toEqual([]);
    expect(await errors(summary('"Bell \\a here"'))).toEqual([`${CODE}:12:16  ${text('summary', 'U+0007')}`]);
    expect(await errors(summary('Del\u007F here'))).toEqual([`${CODE}:12:13  ${text('summary', 'U+007F (delete)')}`]);
    expect(await errors(summary('"A \\uD800 alone"'))).toEqual([`${CODE}:12:13  ${text('summary', 'a lone surrogate U+D800')}`]);
    expect(await errors(summary('"A pair \\uD83D\\uDE00 is fine"'))).toEqual([]);
    expect(await errors(summary('"Windows \\r line end"'))).toEqual([`${CODE}:12:19  ${text('summary', 'U+000D (carriage return)')}`]);
  });

  test('translations follow the same rules: a gloss is one line, a summary may have line breaks', async () => {
    const gloss = project({ [VI_CODE]: replaceLine(original(VI_CODE), 'reason:', 'reason: "Thông tin\\nxác thực"') });
    expect(await errors(gloss)).toEqual([`${VI_CODE}:1:19  ${line('reason', 'U+000A (line feed)')}`]);
    const summary = project({ [VI_CODE]: replaceLine(original(VI_CODE), 'summary:', 'summary: { text: "Một\\ndòng\\fnữa" }') });
    expect(await errors(summary)).toEqual([`${VI_CODE}:2:28  ${text('summary.text', 'U+000C (form feed)')}`]);
    const className = project({ [VI_PROTOCOL]: original(VI_PROTOCOL).replace('name: Tạm thời', 'name: "Tạm\\u0000thời"') });
    expect(await errors(className)).toEqual([`${VI_PROTOCOL}:4:15  ${line('classes.1xx.name', 'U+0000 (null)')}`]);
  });
});
