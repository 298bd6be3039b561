// Protocols that are not shaped like SIP and HTTP (issue 22): codes from 0 to four digits,
// document references, a code with two names, equivalents across protocols, a second
// grouping and number ranges. The fixture's `rpc` has codes 0, 7, 16, 1000 and 1015.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { derivePairs, displayReason, loadContent, loadTranslations, sourceFields, sourceHash, translatedField, translationStatus, type Protocol } from '../src/index.js';

const fixture = fileURLToPath(new URL('./fixtures/shapes/', import.meta.url));
const RPC = 'content/rpc';

function original(path: string): string {
  return readFileSync(join(fixture, path), 'utf8');
}

/** A copy of the fixture with `files` written over it. */
function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-shapes-'));
  cpSync(fixture, dir, { recursive: true });
  for (const [path, data] of Object.entries(files)) writeFileSync(join(dir, path), data);
  return dir;
}

/** The errors of loading the project, as `file:line:column  message  rule`. */
async function errors(files: Record<string, string>): Promise<string[]> {
  const dir = project(files);
  const { diagnostics } = await loadContent(join(dir, 'content'));
  return diagnostics.filter((d) => d.severity === 'error').map((d) => `${relative(dir, d.file)}:${d.line}:${d.column}  ${d.message}  ${d.ruleId}`);
}

/** A file of the fixture with one line replaced. */
function edit(path: string, from: string, to: string): Record<string, string> {
  const text = original(path);
  if (!text.includes(from)) throw new Error(`${path} has no '${from}'`);
  return { [path]: text.replace(from, to) };
}

describe('the fixture loads', async () => {
  const { protocols, diagnostics } = await loadContent(join(fixture, 'content'));
  const rpc = protocols.find((p) => p.id === 'rpc') as Protocol;
  const sip = protocols.find((p) => p.id === 'sip') as Protocol;

  test('without errors, codes 0 to 1015 in numeric order, each in its class', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(rpc.codes.map((c) => [c.code, c.classId])).toEqual([
      [0, 'ok'],
      [7, 'errors'],
      [16, 'errors'],
      [1000, 'close'],
      [1015, 'close'],
    ]);
  });

  test('pairs are lower code first, numerically: 0-vs-7, 7-vs-16, 16-vs-1000', () => {
    const slugs = [...derivePairs(rpc)].map((p) => p.slug);
    expect(slugs).toEqual(['0-vs-7', '0-vs-16', '0-vs-1000', '0-vs-1015', '7-vs-16', '7-vs-1000', '7-vs-1015', '16-vs-1000', '16-vs-1015', '1000-vs-1015']);
  });

  test('a code with two registered names shows both; its second name keeps its references', () => {
    const c16 = rpc.codes.find((c) => c.code === 16)!;
    expect(displayReason(c16)).toBe('BADVERS / BADSIG');
    expect(c16.alsoNamed).toEqual([{ reason: 'BADSIG', references: [{ rfc: 8945, section: '5.3.2', role: 'definition' }] }]);
  });

  test('document references keep their URL and title; the first is the definition', () => {
    expect(rpc.codes.find((c) => c.code === 7)!.references).toEqual([
      { url: 'https://example.org/rpc/doc/statuscodes.html', title: 'Status codes and their use', role: 'definition' },
    ]);
  });

  test('equivalents: written on one side, the reverse derived on the other', () => {
    expect(rpc.codes.find((c) => c.code === 0)!.equivalents).toEqual([{ protocol: 'sip', code: 200, relation: 'maps-to', derived: false }]);
    expect(sip.codes.find((c) => c.code === 200)!.equivalents).toEqual([{ protocol: 'rpc', code: 0, relation: 'maps-from', derived: true }]);
    expect(sip.codes.find((c) => c.code === 437)!.equivalents).toEqual([{ protocol: 'rpc', code: 1000, relation: 'maps-to', derived: true }]);
  });

  test('a mapping both ways is two links; a link written on both sides is shown once', async () => {
    const dir = project({
      [`${RPC}/codes/0.yaml`]: original(`${RPC}/codes/0.yaml`).replace('relation: maps-to }', 'relation: maps-to }\n  - { protocol: sip, code: 200, relation: maps-from }'),
      'content/sip/codes/200.yaml': `${original('content/sip/codes/200.yaml')}equivalents:\n  - { protocol: rpc, code: 0, relation: maps-from }\n`,
    });
    const loaded = await loadContent(join(dir, 'content'));
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const of = (p: string, c: number) => loaded.protocols.find((x) => x.id === p)!.codes.find((x) => x.code === c)!.equivalents;
    expect(of('rpc', 0)).toEqual([
      { protocol: 'sip', code: 200, relation: 'maps-to', derived: false },
      { protocol: 'sip', code: 200, relation: 'maps-from', derived: false },
    ]);
    expect(of('sip', 200)).toEqual([
      { protocol: 'rpc', code: 0, relation: 'maps-to', derived: true },
      { protocol: 'rpc', code: 0, relation: 'maps-from', derived: false },
    ]);
  });

  test('comparisons contrast the grouping and a definition in another kind of document', () => {
    const pair = [...derivePairs(rpc)].find((p) => p.slug === '7-vs-16')!;
    expect(pair.contrasts.filter((c) => c.kind === 'definedIn')).toEqual([
      {
        kind: 'definedIn',
        low: { url: 'https://example.org/rpc/doc/statuscodes.html', title: 'Status codes and their use', role: 'definition' },
        high: { rfc: 6891, section: '6.1.3', role: 'definition' },
      },
    ]);
    const first = [...derivePairs(rpc)].find((p) => p.slug === '0-vs-7')!;
    expect(first.contrasts.find((c) => c.kind === 'grouping')).toEqual({ kind: 'grouping', low: 0, high: 7 });
    // Codes 16 and 1000 both start with a 1: no grouping contrast.
    expect([...derivePairs(rpc)].find((p) => p.slug === '16-vs-1000')!.contrasts.map((c) => c.kind)).not.toContain('grouping');
  });

  test('grouping and ranges', () => {
    expect(rpc.grouping?.values.map((v) => v.digit)).toEqual([0, 1, 7]);
    expect(rpc.ranges.map((r) => r.range)).toEqual([
      [3000, 3999],
      [4000, 4999],
    ]);
  });
});

describe('bad input: a positioned error', () => {
  test('an unknown relation', async () => {
    expect(await errors(edit(`${RPC}/codes/0.yaml`, 'relation: maps-to', 'relation: maps-onto'))).toEqual([
      `${RPC}/codes/0.yaml:10:43  'equivalents[0].relation' must be one of 'same-meaning', 'maps-to', 'maps-from', found the string "maps-onto"  schema/type`,
    ]);
  });

  test('an equivalent whose code has no file', async () => {
    expect(await errors(edit(`${RPC}/codes/0.yaml`, 'code: 200, relation', 'code: 299, relation'))).toEqual([
      `${RPC}/codes/0.yaml:10:5  equivalent names sip 299, which has no file in content/sip/codes/  equivalent/unknown-code`,
    ]);
  });

  test('an equivalent in a protocol that does not exist', async () => {
    expect(await errors(edit(`${RPC}/codes/0.yaml`, 'protocol: sip', 'protocol: smtp'))).toEqual([
      `${RPC}/codes/0.yaml:10:5  equivalent names protocol 'smtp', which has no folder in content/  equivalent/unknown-protocol`,
    ]);
  });

  test('an equivalent in its own protocol', async () => {
    expect(await errors(edit(`${RPC}/codes/0.yaml`, 'protocol: sip, code: 200', 'protocol: rpc, code: 7'))).toEqual([
      `${RPC}/codes/0.yaml:10:5  equivalent rpc 7 is a code of this protocol  equivalent/same-protocol`,
    ]);
  });

  test('the same equivalent twice in one file', async () => {
    expect(await errors(edit(`${RPC}/codes/0.yaml`, '  - { protocol: sip, code: 200, relation: maps-to }\n', '  - { protocol: sip, code: 200, relation: maps-to }\n  - { protocol: sip, code: 200, relation: maps-to }\n'))).toEqual([
      `${RPC}/codes/0.yaml:11:5  equivalent sip 200 maps-to is listed twice  equivalent/duplicate`,
    ]);
  });

  test('overlapping classes', async () => {
    expect(await errors(edit(`${RPC}/protocol.yaml`, 'range: [1000, 1999]', 'range: [99, 1999]'))).toEqual([
      `${RPC}/protocol.yaml:31:12  class close (99-1999) overlaps class errors (1-99)  protocol/class-range`,
    ]);
  });

  test('a class range with its bounds reversed', async () => {
    expect(await errors(edit(`${RPC}/protocol.yaml`, 'range: [1, 99]', 'range: [99, 1]'))).toEqual([
      `${RPC}/protocol.yaml:25:12  class errors has range 99-1, whose lower bound is above its upper bound  protocol/class-range`,
    ]);
  });

  test('a code outside every class', async () => {
    const text = original(`${RPC}/codes/7.yaml`).replace('code: 7', 'code: 500');
    expect(await errors({ [`${RPC}/codes/500.yaml`]: text })).toEqual([
      `${RPC}/codes/500.yaml:1:7  code 500 is outside every class of RPC: ok (0-0), errors (1-99), close (1000-1999)  code/class-range`,
    ]);
  });

  test('a code beyond four digits', async () => {
    const text = original(`${RPC}/codes/7.yaml`).replace('code: 7', 'code: 10000');
    expect(await errors({ [`${RPC}/codes/10000.yaml`]: text })).toEqual([
      `${RPC}/codes/10000.yaml:1:7  'code' must be a status code (a whole number from 0 to 9999), found the number 10000  schema/type`,
    ]);
  });

  test('a file named with a leading zero', async () => {
    const text = original(`${RPC}/codes/7.yaml`);
    const dir = { [`${RPC}/codes/007.yaml`]: text };
    expect(await errors(dir)).toEqual([
      `${RPC}/codes/007.yaml:1:7  code 7 is in a file named '007.yaml', expected '7.yaml'  code/file-name`,
    ]);
  });

  test('a url reference that is not https', async () => {
    expect(await errors(edit(`${RPC}/codes/7.yaml`, 'url: "https://example.org', 'url: "http://example.org'))).toEqual([
      `${RPC}/codes/7.yaml:5:12  'references[0].url' must be an https:// URL, found the string "http://example.org/rpc/doc/statuscode..."  schema/type`,
    ]);
  });

  test('a url reference without a title', async () => {
    expect(await errors(edit(`${RPC}/codes/7.yaml`, ', title: "Status codes and their use" }', ' }'))).toEqual([
      `${RPC}/codes/7.yaml:5:5  missing required field 'references[0].title'  schema/required`,
    ]);
  });

  test('a second name equal to the reason', async () => {
    expect(await errors(edit(`${RPC}/codes/16.yaml`, '- reason: BADSIG', '- reason: BADVERS'))).toEqual([
      `${RPC}/codes/16.yaml:4:13  'BADVERS' is already a name of code 16  code/also-named`,
    ]);
  });

  test('a number range that overlaps a class', async () => {
    expect(await errors(edit(`${RPC}/protocol.yaml`, 'range: [3000, 3999]', 'range: [1500, 3999]'))).toEqual([
      `${RPC}/protocol.yaml:44:14  range 1500-3999 overlaps class close (1000-1999)  protocol/range`,
    ]);
  });

  test('a grouping value listed twice', async () => {
    expect(await errors(edit(`${RPC}/protocol.yaml`, '{ digit: 7, name: Seven', '{ digit: 1, name: Seven'))).toEqual([
      `${RPC}/protocol.yaml:42:16  grouping value 1 is listed twice (also entry 2)  protocol/grouping-digit`,
    ]);
  });
});

describe('translations of the grouping and ranges', () => {
  const translation = `grouping:
  name: { text: Chữ số đầu, source: SOURCE_NAME }
  values:
    1: { name: Một }
    7: { description: Mã bắt đầu bằng số bảy. }
ranges:
  3000-3999: { name: Đăng ký cho thư viện }
  5000-5999: { name: Không có }
`;

  async function loaded() {
    const dir = project();
    const { protocols } = await loadContent(join(dir, 'content'));
    const rpc = protocols.find((p) => p.id === 'rpc')!;
    const hash = sourceHash(rpc.grouping!.name.source);
    mkdirSync(join(dir, 'locales/vi/content/rpc'), { recursive: true });
    writeFileSync(join(dir, 'locales/vi/content/rpc/protocol.yaml'), translation.replace('SOURCE_NAME', hash));
    const { translations, diagnostics } = await loadTranslations(join(dir, 'locales'), ['vi'], protocols);
    return { dir, protocols, vi: translations.get('vi')!, diagnostics };
  }

  test('every name and description is a source field, by digit and by range', async () => {
    const { protocols } = await loaded();
    const paths = [...sourceFields(protocols)].filter((f) => f.protocol === 'rpc' && f.file === 'protocol.yaml').map((f) => f.path.join('.'));
    expect(paths.filter((p) => /^(grouping|ranges)/.test(p))).toEqual([
      'grouping.name',
      'grouping.values.0.name',
      'grouping.values.0.description',
      'grouping.values.1.name',
      'grouping.values.1.description',
      'grouping.values.7.name',
      'grouping.values.7.description',
      'ranges.3000-3999.name',
      'ranges.3000-3999.description',
      'ranges.4000-4999.name',
      'ranges.4000-4999.description',
    ]);
  });

  test('translated fields are found, stale without a source, and an unknown range is reported', async () => {
    const { dir, protocols, vi, diagnostics } = await loaded();
    const fields = [...sourceFields(protocols)].filter((f) => f.protocol === 'rpc' && /^(grouping|ranges)$/.test(f.path[0]!));
    const found = fields.map((f) => [f.path.join('.'), translatedField(vi, f)?.text.source, translatedField(vi, f)?.state]).filter(([, text]) => text !== undefined);
    expect(found).toEqual([
      ['grouping.name', 'Chữ số đầu', 'translated'],
      ['grouping.values.1.name', 'Một', 'stale'],
      ['grouping.values.7.description', 'Mã bắt đầu bằng số bảy.', 'stale'],
      ['ranges.3000-3999.name', 'Đăng ký cho thư viện', 'stale'],
    ]);
    const unknown = diagnostics.filter((d) => d.ruleId === 'translation/unknown-range').map((d) => `${relative(dir, d.file)}:${d.line}:${d.column}  ${d.severity}`);
    expect(unknown).toEqual(['locales/vi/content/rpc/protocol.yaml:8:3  warning']);
    expect(translationStatus(protocols.filter((p) => p.id === 'rpc'), vi).translated).toBe(1);
  });
});
