import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent, loadTranslations, parseConfig, type CheckCache, type Diagnostic } from '../src/index.js';

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

function configErrors(text: string): string[] {
  const dir = project({ 'statusbook.config.yaml': text });
  const file = join(dir, 'statusbook.config.yaml');
  return shown(dir, parseConfig(file, readFileSync(file, 'utf8')).diagnostics);
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
});
