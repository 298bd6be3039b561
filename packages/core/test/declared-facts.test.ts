// Bad input against a protocol's fact declaration (issue 22): each rule reports the file, line
// and column of the value at fault, its rule id and what was expected; nothing loads.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../src/index.js';

const fixture = fileURLToPath(new URL('./fixtures/project/', import.meta.url));
const PROTOCOL = 'content/sip/protocol.yaml';
const CODE = 'content/sip/codes/437.yaml';

/** The fixture project with some files edited (`edit` gets each one's text). */
function project(edits: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-facts-'));
  cpSync(fixture, dir, { recursive: true });
  for (const [path, edit] of Object.entries(edits)) {
    const text = readFileSync(join(fixture, path), 'utf8');
    const edited = edit(text);
    expect(edited, `the edit of ${path} changes it`).not.toBe(text);
    writeFileSync(join(dir, path), edited);
  }
  return dir;
}

/** `file:line:column rule message` of every error, and whether the protocol still loaded. */
async function errors(edits: Record<string, (text: string) => string>): Promise<{ errors: string[]; loaded: boolean }> {
  const dir = project(edits);
  const { protocols, diagnostics } = await loadContent(join(dir, 'content'));
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file.slice(dir.length + 1)}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
  return { errors, loaded: protocols.some((p) => p.id === 'sip' && p.codes.some((c) => c.code === 437)) };
}

const inProtocol = (edit: (text: string) => string) => ({ [PROTOCOL]: edit });
const inCode = (edit: (text: string) => string) => ({ [CODE]: edit });

describe('the fact declaration in protocol.yaml', () => {
  test('the fixture loads as it is', async () => {
    const dir = project({});
    const { diagnostics } = await loadContent(join(dir, 'content'));
    expect(diagnostics).toEqual([]);
  });

  test('an unknown kind, with a suggestion', async () => {
    const result = await errors(inProtocol((t) => t.replace('{ id: retry, kind: retry }', '{ id: retry, kind: retyr }')));
    expect(result.errors).toEqual([`${PROTOCOL}:13:24 protocol/fact-kind unknown fact kind 'retyr': did you mean 'retry'?`]);
    expect(result.loaded).toBe(false);
  });

  test('`of` that names no vocabulary', async () => {
    const result = await errors(inProtocol((t) => t.replace('kind: tokens, of: methods', 'kind: tokens, of: method')));
    expect(result.errors).toEqual([`${PROTOCOL}:15:38 protocol/fact-vocabulary fact 'methods' has 'of: method', which names no vocabulary: did you mean 'methods'?`]);
  });

  test('parties without a vocabulary', async () => {
    const result = await errors(inProtocol((t) => t.replace('{ id: senders, kind: parties, of: senders }', '{ id: senders, kind: parties }')));
    expect(result.errors).toEqual([`${PROTOCOL}:12:5 protocol/fact-vocabulary fact 'senders' of kind 'parties' needs 'of', the vocabulary of its parties`]);
  });

  test('a key that does not apply to the kind', async () => {
    const result = await errors(inProtocol((t) => t.replace('{ id: retry, kind: retry }', '{ id: retry, kind: retry, empty: any }')));
    expect(result.errors).toEqual([`${PROTOCOL}:13:38 protocol/fact-key 'empty' does not apply to a fact of kind 'retry'`]);
  });

  test('a pattern that is not a regular expression', async () => {
    const result = await errors(inProtocol((t) => t.replace("pattern: '^[A-Za-z][A-Za-z0-9-]*$'", "pattern: '^[A-Z'")));
    expect(result.errors).toEqual([`${PROTOCOL}:14:43 protocol/fact-pattern fact 'headers' has a pattern that is not a valid regular expression`]);
  });

  test('a fact named like a field every code has, and a fact declared twice', async () => {
    const result = await errors(inProtocol((t) => t.replace('{ id: retry, kind: retry }', '{ id: status, kind: flag }\n  - { id: senders, kind: flag }')));
    expect(result.errors).toEqual([
      `${PROTOCOL}:13:11 protocol/fact-id fact id 'status' is the name of a field every code has`,
      `${PROTOCOL}:14:11 protocol/duplicate-fact fact 'senders' is declared twice`,
    ]);
  });

  test('an exchange that is not one of the five', async () => {
    const result = await errors(inProtocol((t) => t.replace('exchange: request', 'exchange: requests')));
    expect(result.errors).toEqual([`${PROTOCOL}:10:11 schema/type 'exchange' must be one of 'request', 'command', 'query', 'call', 'connection', found the string "requests"`]);
  });

  test('a vocabulary value that is not a token', async () => {
    const result = await errors(inProtocol((t) => t.replace('senders: [uas, proxy,', 'senders: [uas, "<b>x</b>",')));
    expect(result.errors).toEqual([`${PROTOCOL}:17:18 schema/type 'vocabularies.senders[1]' must be a token (letters, digits, -), found the string "<b>x</b>"`]);
  });
});

describe('classes', () => {
  test('an id of any lower-case letters, digits and dashes; others are reported', async () => {
    expect((await errors(inProtocol((t) => t.replace('  - id: 1xx', '  - id: no-error2')))).errors).toEqual([]);
    const result = await errors(inProtocol((t) => t.replace('  - id: 1xx', '  - id: 1XX')));
    expect(result.errors).toEqual([`${PROTOCOL}:20:9 schema/type 'classes[0].id' must be a lower-case class id like '4xx', '2yz' or 'noerror', found the string "1XX"`]);
  });

  test('ranges from 0 to 9999', async () => {
    expect((await errors(inProtocol((t) => t.replace('range: [100, 199]', 'range: [0, 199]')))).errors).toEqual([]);
    const result = await errors(inProtocol((t) => t.replace('range: [100, 199]', 'range: [100, 10000]')));
    expect(result.errors).toEqual([`${PROTOCOL}:21:18 schema/type 'classes[0].range[1]' must be a status code (a whole number from 0 to 9999), found the number 10000`]);
  });

  test('ranges that overlap, or run backwards', async () => {
    const overlap = await errors(inProtocol((t) => t.replace('range: [200, 299]', 'range: [150, 299]')));
    expect(overlap.errors).toEqual([`${PROTOCOL}:27:12 protocol/class-range class 2xx (150-299) overlaps class 1xx (100-199)`]);
    const backwards = await errors(inProtocol((t) => t.replace('range: [200, 299]', 'range: [299, 200]')));
    expect(backwards.errors).toEqual([`${PROTOCOL}:27:12 protocol/class-range class 2xx has range 299-200, whose lower bound is above its upper bound`]);
  });

  test('outcome is required and one of five', async () => {
    const missing = await errors(inProtocol((t) => t.replace('    outcome: information\n', '')));
    expect(missing.errors).toEqual([`${PROTOCOL}:20:5 schema/required missing required field 'classes[0].outcome'`]);
    const wrong = await errors(inProtocol((t) => t.replace('outcome: information', 'outcome: progress')));
    expect(wrong.errors).toEqual([`${PROTOCOL}:23:14 schema/type 'classes[0].outcome' must be one of 'success', 'failure', 'redirect', 'information', 'intermediate', found the string "progress"`]);
  });
});

describe('a code against its protocol\'s facts', () => {
  test('a declared fact missing', async () => {
    const result = await errors(inCode((t) => t.replace('retry: with-changes\n', '')));
    expect(result.errors).toEqual([`${CODE}:1:1 schema/required missing required field 'retry'`]);
    expect(result.loaded).toBe(false);
  });

  test('a key that is neither a field nor a declared fact', async () => {
    const result = await errors(inCode((t) => t.replace('retry: with-changes\n', 'retry: with-changes\ncacheable: true\n')));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(new RegExp(`^${CODE}:10:1 schema/unknown-field unknown field 'cacheable'`));
  });

  test('a value not in the vocabulary, with a suggestion', async () => {
    const result = await errors(inCode((t) => t.replace('senders: [uas, proxy]', 'senders: [uas, proxi]')));
    expect(result.errors).toEqual([`${CODE}:8:16 code/unknown-value 'proxi' in 'senders' is not in the vocabulary 'senders': did you mean 'proxy'?`]);
    const method = await errors(inCode((t) => t.replace('methods: []', 'methods: [INVITE, PUBLISH]')));
    expect(method.errors).toEqual([`${CODE}:11:19 code/unknown-value 'PUBLISH' in 'methods' is not in the vocabulary 'methods'`]);
  });

  test('a token that does not match the pattern', async () => {
    const result = await errors(inCode((t) => t.replace('headers: [Identity]', 'headers: [Identity, 9-Bad]')));
    expect(result.errors).toEqual([`${CODE}:10:21 code/token-pattern '9-Bad' in 'headers' does not match the pattern the protocol declares`]);
  });

  test('a value of the wrong kind: a flag that is not true or false, a retry out of its list', async () => {
    const flag = await errors({
      [PROTOCOL]: (t) => t.replace('vocabularies:', '  - { id: cacheable, kind: flag }\nvocabularies:'),
      [CODE]: (t) => t.replace('methods: []', 'methods: []\ncacheable: "yes"'),
      'content/sip/codes/200.yaml': (t) => t.replace('methods: []', 'methods: []\ncacheable: false'),
    });
    expect(flag.errors).toEqual([`${CODE}:12:12 schema/type 'cacheable' must be true or false, found the string "yes"`]);
    const retry = await errors(inCode((t) => t.replace('retry: with-changes', 'retry: later')));
    expect(retry.errors).toHaveLength(1);
    expect(retry.errors[0]).toMatch(new RegExp(`^${CODE}:9:8 schema/type 'retry' must be one of 'not-needed', 'never'`));
  });

  test('no parties on a current code', async () => {
    const result = await errors(inCode((t) => t.replace('senders: [uas, proxy]', 'senders: []')));
    expect(result.errors).toEqual([`${CODE}:8:10 code/no-parties a current code needs at least one value in 'senders' (who sends it)`]);
  });

  test('a code outside every class', async () => {
    const result = await errors({
      [CODE]: (t) => t.replace('code: 437', 'code: 9437'),
    });
    expect(result.errors).toContain(`${CODE}:1:7 code/class-range code 9437 is outside every class of SIP: 1xx (100-199), 2xx (200-299), 4xx (400-499)`);
  });
});
