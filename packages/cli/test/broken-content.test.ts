import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { makeProject, snapshotTree, statusbook } from './helpers.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/**
 * Builds the valid base fixture, then lays a broken scenario over it as a user editing
 * content would, and checks the next build stops cleanly: exit 1, output untouched.
 */
function buildBroken(scenario: string): string {
  const project = makeProject();
  expect(statusbook(['build', '--format', 'md'], project).code).toBe(0);
  rmSync(join(project, 'content'), { recursive: true });
  cpSync(join(fixtures, 'base', 'content'), join(project, 'content'), { recursive: true });
  cpSync(join(fixtures, scenario), project, { recursive: true });
  const out = join(project, 'output');
  const before = snapshotTree(out);
  expect(Object.keys(before)).toContain('md/en/sip/437.md');

  const run = statusbook(['build'], project);

  expect(run.code).toBe(1);
  expect(snapshotTree(out)).toEqual(before);
  expect(run.stdout).toBe('');
  const problems = run.stderr.split('\n').filter((line) => /^\S+:\d+:\d+ {2}(error|warning) {2}/.test(line));
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('broken content stops the build with one message and writes nothing', () => {
  test('YAML syntax error', () => {
    expect(buildBroken('yaml-syntax')).toMatchInlineSnapshot(`"content/sip/codes/437.yaml:2:9  error  YAML syntax error: Nested mappings are not allowed in compact mappings  yaml/syntax"`);
  });

  test('missing required field', () => {
    expect(buildBroken('missing-field')).toMatchInlineSnapshot(`"content/sip/codes/437.yaml:1:1  error  missing required field 'reason'  schema/required"`);
  });

  test('wrongly typed field', () => {
    expect(buildBroken('wrong-type')).toMatchInlineSnapshot(`"content/sip/codes/437.yaml:10:10  error  'headers' must be a list, found the string "Identity"  schema/type"`);
  });

  test('unknown field, with a suggestion', () => {
    expect(buildBroken('unknown-field')).toMatchInlineSnapshot(`"content/sip/codes/437.yaml:12:1  error  unknown field 'sumary': did you mean 'summary'?  schema/unknown-field"`);
  });

  test('value outside its set, with a suggestion', () => {
    expect(buildBroken('bad-value')).toMatchInlineSnapshot(`"content/sip/codes/437.yaml:9:8  error  'retry' must be one of 'not-needed', 'never', 'after-delay', 'with-changes', 'elsewhere', found the string "with-change"  schema/type"`);
  });

  test('sender the protocol does not define', () => {
    expect(buildBroken('unknown-sender')).toMatchInlineSnapshot(`"content/sip/codes/437.yaml:8:16  error  'proxi' in 'senders' is not in the vocabulary 'senders': did you mean 'proxy'?  code/unknown-value"`);
  });

  test('duplicate code', () => {
    expect(buildBroken('duplicate-code')).toMatchInlineSnapshot(`"content/sip/codes/437.yml:1:1  error  code 437 is defined twice: here and in 437.yaml  code/duplicate"`);
  });

  test('file name not matching its code', () => {
    expect(buildBroken('file-name')).toMatchInlineSnapshot(`"content/sip/codes/438.yaml:1:7  error  code 437 is in a file named '438.yaml', expected '437.yaml'  code/file-name"`);
  });

  test('code outside its class ranges', () => {
    expect(buildBroken('class-range')).toMatchInlineSnapshot(`"content/sip/codes/537.yaml:1:7  error  code 537 is outside every class of SIP: 1xx (100-199), 2xx (200-299), 4xx (400-499)  code/class-range"`);
  });

  test('curated pair naming a code that does not exist', () => {
    expect(buildBroken('pair-unknown-code')).toMatchInlineSnapshot(`"content/sip/pairs.yaml:1:16  error  pair names code 999, which has no file in codes/  pair/unknown-code"`);
  });

  test('curated pair naming the same code twice', () => {
    expect(buildBroken('pair-same-code')).toMatchInlineSnapshot(`"content/sip/pairs.yaml:1:10  error  pair names code 200 twice, expected two different codes  pair/same-code"`);
  });

  test('equivalent in a protocol that has no folder', () => {
    expect(buildBroken('equivalent-unknown')).toMatchInlineSnapshot(`"content/sip/codes/437.yaml:13:5  error  equivalent names protocol 'http', which has no folder in content/  equivalent/unknown-protocol"`);
  });

  test('document reference that is not https', () => {
    expect(buildBroken('url-reference')).toMatchInlineSnapshot(`"content/sip/codes/437.yaml:8:12  error  'references[1].url' must be an https:// URL, found the string "http://example.org/doc"  schema/type"`);
  });

  test('empty text', () => {
    expect(buildBroken('empty-text')).toMatchInlineSnapshot(`"content/sip/codes/437.yaml:15:11  error  'howToFix' must not be empty: write the text or remove the field if it is optional  schema/empty-text"`);
  });
});

test('validate reports the same problem and exits 1', () => {
  const run = statusbook(['validate'], makeProject('missing-field'));
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("content/sip/codes/437.yaml:1:1  error  missing required field 'reason'");
  expect(run.stderr).toContain('✖ 1 error, 0 warnings');
});
