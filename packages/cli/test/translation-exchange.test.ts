// XLIFF and PO export/import, checked with the translators' own tools: translate-toolkit's
// pocount, xliff2po and po2xliff (Debian's translate-toolkit) read our files and write files
// we read back.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { makeProject, repoRoot, snapshotTree, statusbook } from './helpers.js';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function temp(dir: string): string {
  temps.push(dir);
  return dir;
}

/** A copy of the repository's project: its content, templates and every locale. */
function repoProject(): string {
  const dir = temp(mkdtempSync(join(tmpdir(), 'statusbook-exchange-')));
  for (const sub of ['content', 'templates', 'locales']) cpSync(join(repoRoot, sub), join(dir, sub), { recursive: true });
  return dir;
}

/**
 * The test fixture translated into Vietnamese (sources recorded), then one field left
 * missing, one made stale (its English changed) and one UI string left out: every state.
 */
function mixedProject(): string {
  const dir = temp(makeProject('translated'));
  const ui = JSON.parse(readFileSync(join(repoRoot, 'locales/vi/ui.json'), 'utf8')) as { nav: Record<string, string> };
  delete ui.nav.skip;
  writeFileSync(join(dir, 'locales/vi/ui.json'), JSON.stringify(ui, null, 2));
  expect(statusbook(['i18n', 'sync'], dir).code).toBe(0);
  const code = join(dir, 'locales/vi/content/sip/codes/200.yaml');
  writeFileSync(code, readFileSync(code, 'utf8').replace(/howToFix:\n {2}text: .*\n {2}source: \w+\n/, ''));
  const english = join(dir, 'content/sip/codes/437.yaml');
  writeFileSync(english, readFileSync(english, 'utf8').replace(/^howToFix: .*$/m, 'howToFix: Sign with a credential that the verifier trusts, then send the request again.'));
  return dir;
}

interface Counts {
  total: number;
  translated: number;
  missing: number;
  stale: number;
}

function status(dir: string, locale: string): Counts & { content: Counts; ui: Omit<Counts, 'stale'> } {
  const run = statusbook(['i18n', 'status', '--json', '--locale', locale], dir);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout)[locale];
}

function tool(name: string, args: readonly string[]): string {
  const run = spawnSync(name, args, { encoding: 'utf8' });
  expect(run.status, `${name} ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run.stdout;
}

/** What pocount counts in a file: units, translated, fuzzy (needs review), untranslated. */
function pocount(file: string): { total: number; translated: number; fuzzy: number; untranslated: number } {
  const out = tool('pocount', ['--short-strings', '--no-color', file]);
  const m = /total: (\d+)\s*\|\s*(\d+)t\s+(\d+)f\s+(\d+)u/.exec(out);
  expect(m, out).not.toBeNull();
  const [, total, translated, fuzzy, untranslated] = m!.map(Number);
  return { total: total!, translated: translated!, fuzzy: fuzzy!, untranslated: untranslated! };
}

function exportTo(dir: string, locale: string, format: 'xliff' | 'po'): string {
  const file = join(dir, `${locale}.${format === 'po' ? 'po' : 'xlf'}`);
  const run = statusbook(['i18n', 'export', '--locale', locale, '--format', format, '--out', file], dir);
  expect(run.code, run.stderr).toBe(0);
  return file;
}

describe('a round trip without edits changes no byte of locales/', () => {
  const dir = repoProject();
  const before = snapshotTree(join(dir, 'locales'));

  for (const locale of ['vi', 'ja']) {
    for (const format of ['xliff', 'po'] as const) {
      test(`${locale}, ${format}: every unit unchanged, no file written`, () => {
        const file = exportTo(dir, locale, format);
        const run = statusbook(['i18n', 'import', file], dir);
        expect(run.code, run.stderr).toBe(0);
        const total = status(dir, locale).total;
        expect(run.stdout).toContain(`${locale.padEnd(6)}  0      0        ${String(total).padEnd(9)}  0`);
        expect(snapshotTree(join(dir, 'locales'))).toEqual(before);
      });
    }
  }

  test('pocount counts what i18n status counts, for XLIFF and PO', () => {
    for (const locale of ['vi', 'ja']) {
      const s = status(dir, locale);
      const expected = { total: s.total, translated: s.translated, fuzzy: s.stale, untranslated: s.missing };
      expect(pocount(exportTo(dir, locale, 'xliff'))).toEqual(expected);
      expect(pocount(exportTo(dir, locale, 'po'))).toEqual(expected);
    }
  });

  test('the export is deterministic and names each unit by a stable id, with its note', () => {
    const first = readFileSync(exportTo(dir, 'vi', 'xliff'), 'utf8');
    expect(readFileSync(exportTo(dir, 'vi', 'xliff'), 'utf8')).toBe(first);
    expect(first).toContain('<trans-unit id="sip/437/summary" resname="sip/437/summary" xml:space="preserve" approved="yes">');
    expect(first).toContain('<note from="statusbook">SIP 437 Unsupported Credential, field summary</note>');
    expect(first).toContain('<trans-unit id="ui/code.title"');
    expect(first).toContain('<trans-unit id="sip/100-vs-180/difference"');
  });
});

describe('every state travels, and translate-toolkit agrees on the counts', () => {
  const dir = mixedProject();
  const s = status(dir, 'vi');
  const xliff = exportTo(dir, 'vi', 'xliff');
  const po = exportTo(dir, 'vi', 'po');

  test('status counts the UI strings too', () => {
    expect(s.content).toEqual({ total: 25, translated: 23, missing: 1, stale: 1 });
    expect(s.ui.missing).toBe(1);
    expect(s.total).toBe(25 + s.ui.total);
    expect(statusbook(['i18n', 'status'], dir).stdout).toMatch(/vi {6}23\/25 {4}\d+\/\d+ +\d+ +\d+ +2 +1 +\d+(\.\d)?%/);
  });

  test('XLIFF states: translated, needs-review-translation for stale, new for missing', () => {
    const text = readFileSync(xliff, 'utf8');
    expect(text).toMatch(/<trans-unit id="sip\/437\/howToFix"[^>]*approved="no">\n {8}<source>Sign with a credential that the verifier trusts, then send the request again\.<\/source>\n {8}<target state="needs-review-translation">Ký bằng/);
    expect(text).toMatch(/<trans-unit id="sip\/200\/howToFix"[^>]*>\n {8}<source>[^<]*<\/source>\n {8}<target state="new"><\/target>/);
    expect(text).toMatch(/<trans-unit id="ui\/nav.skip"[^>]*>\n {8}<source>Skip to content<\/source>\n {8}<target state="new"><\/target>/);
  });

  test('PO: msgctxt is the id, a stale unit is fuzzy', () => {
    const text = readFileSync(po, 'utf8');
    expect(text).toMatch(/#, fuzzy\nmsgctxt "sip\/437\/howToFix"\nmsgid "Sign with a credential that the verifier trusts, then send the request again\."\nmsgstr "Ký bằng/);
    expect(text).toContain('msgctxt "sip/200/howToFix"\nmsgid "Send an ACK for a 2xx to INVITE and carry on."\nmsgstr ""');
  });

  test('pocount reads our XLIFF and PO and counts the same totals as i18n status', () => {
    const expected = { total: s.total, translated: s.translated, fuzzy: s.stale, untranslated: s.missing };
    expect(expected.fuzzy).toBe(1);
    expect(expected.untranslated).toBe(2);
    expect(pocount(xliff)).toEqual(expected);
    expect(pocount(po)).toEqual(expected);
  });
});

/** The XLIFF a translator sends back: the missing unit filled, the stale one reviewed, a UI string added, another edited. */
function translate(xliff: string): string {
  return xliff
    .replace(/(<trans-unit id="sip\/200\/howToFix"[^>]*)>(\n[^\n]*\n {8})<target state="new"><\/target>/, '$1 approved="yes">$2<target state="translated">Gửi `ACK` cho phản hồi 2xx.</target>')
    .replace(/(<trans-unit id="sip\/437\/howToFix"[^>]*) approved="no">(\n[^\n]*\n {8})<target state="needs-review-translation">[^<]*<\/target>/, '$1 approved="yes">$2<target state="translated">Ký bằng thông tin xác thực mà bên xác minh tin cậy, rồi gửi lại yêu cầu.</target>')
    .replace(/(<trans-unit id="ui\/nav.skip"[^>]*)>(\n[^\n]*\n {8})<target state="new"><\/target>/, '$1 approved="yes">$2<target state="translated">Chuyển đến nội dung</target>')
    .replace(/(<trans-unit id="sip\/200\/summary"[^>]*>\n[^\n]*\n {8}<target state="translated">)[^<]*</, '$1Yêu cầu đã hoàn tất thành công.<');
}

describe('import records what the translator did', () => {
  const dir = mixedProject();
  const file = join(dir, 'vi-done.xlf');
  writeFileSync(file, translate(readFileSync(exportTo(dir, 'vi', 'xliff'), 'utf8')));
  const total = status(dir, 'vi').total;
  const run = statusbook(['i18n', 'import', file], dir);

  test('it reports what was added, updated and left unchanged', () => {
    expect(run.code, run.stderr).toBe(0);
    // Added: 200/howToFix and nav.skip; updated: 437/howToFix (reviewed) and 200/summary;
    // written: codes/200.yaml, codes/437.yaml and ui.json.
    expect(run.stdout).toContain(`vi      2      2        ${String(total - 4).padEnd(9)}  3`);
  });

  test('the locale is complete and current, with the source hashes recorded', () => {
    expect(status(dir, 'vi')).toMatchObject({ total, translated: total, missing: 0, stale: 0 });
    const code = parse(readFileSync(join(dir, 'locales/vi/content/sip/codes/200.yaml'), 'utf8')) as Record<string, { text: string; source: string }>;
    expect(code.howToFix).toEqual({ text: 'Gửi `ACK` cho phản hồi 2xx.', source: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(code.summary?.text).toBe('Yêu cầu đã hoàn tất thành công.');
    const ui = JSON.parse(readFileSync(join(dir, 'locales/vi/ui.json'), 'utf8')) as { nav: Record<string, string> };
    expect(ui.nav.skip).toBe('Chuyển đến nội dung');
  });

  test('the same file through xliff2po, imported as PO, gives the same locales/ as the XLIFF', () => {
    const other = mixedProject();
    const po = join(other, 'vi-done.po');
    tool('xliff2po', ['--progress=none', file, po]);
    const viaPo = statusbook(['i18n', 'import', po, '--locale', 'vi'], other);
    expect(viaPo.code, viaPo.stderr).toBe(0);
    expect(viaPo.stdout).toBe(run.stdout);
    expect(snapshotTree(join(other, 'locales'))).toEqual(snapshotTree(join(dir, 'locales')));
  });

  test('po2xliff output of our PO imports, and changes nothing when nothing was edited', () => {
    const po = exportTo(dir, 'vi', 'po');
    const back = join(dir, 'back.xlf');
    tool('po2xliff', ['--progress=none', po, back]);
    const before = snapshotTree(join(dir, 'locales'));
    const again = statusbook(['i18n', 'import', back, '--locale', 'vi'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`vi      0      0        ${String(total).padEnd(9)}  0`);
    expect(snapshotTree(join(dir, 'locales'))).toEqual(before);
  });
});

describe('a file made from older English is refused', () => {
  const dir = mixedProject();
  const file = exportTo(dir, 'vi', 'xliff');
  const english = join(dir, 'content/sip/codes/200.yaml');
  writeFileSync(english, readFileSync(english, 'utf8').replace(/^summary: .*$/m, 'summary: The request has succeeded.'));
  const before = snapshotTree(join(dir, 'locales'));
  const run = statusbook(['i18n', 'import', file], dir);

  test('it names the stale unit with its position and writes nothing', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/vi\.xlf:\d+:\d+ {2}error {2}unit 'sip\/200\/summary' was translated from English that is no longer current {2}import\/stale-source/);
    expect(run.stderr).toContain('hint: the English is now "The request has succeeded.": export the locale again');
    expect(run.stderr).toContain('nothing imported');
    expect(snapshotTree(join(dir, 'locales'))).toEqual(before);
  });
});

describe('malformed files get file:line:column errors', () => {
  const dir = mixedProject();

  test('XLIFF that is not well-formed XML', () => {
    const file = join(dir, 'broken.xlf');
    const text = readFileSync(exportTo(dir, 'vi', 'xliff'), 'utf8').replace('</source>', '</sourc>');
    writeFileSync(file, text);
    const run = statusbook(['i18n', 'import', file], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.xlf:6:\d+ {2}error {2}malformed XML: unexpected close tag\. {2}xliff\/format/);
  });

  test('a PO string without its closing quote', () => {
    const file = join(dir, 'broken.po');
    const lines = readFileSync(exportTo(dir, 'vi', 'po'), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('msgstr "') && l.length > 12);
    lines[at] = lines[at]!.slice(0, -1);
    writeFileSync(file, lines.join('\n'));
    const run = statusbook(['i18n', 'import', file], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`broken\\.po:${at + 1}:\\d+ {2}error {2}the string has no closing quote {2}po/format`));
  });

  test('a unit the project does not have', () => {
    const file = join(dir, 'unknown.po');
    writeFileSync(file, 'msgid ""\nmsgstr "Language: vi\\n"\n\nmsgctxt "sip/999/summary"\nmsgid "x"\nmsgstr "y"\n');
    const run = statusbook(['i18n', 'import', file], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown\.po:4:1 {2}error {2}unit 'sip\/999\/summary' is not a field or UI string of this project/);
  });
});

describe('i18n sync shows the English beside each empty field', () => {
  const dir = mixedProject();
  expect(statusbook(['i18n', 'sync'], dir).code).toBe(0);
  const text = readFileSync(join(dir, 'locales/vi/content/sip/codes/200.yaml'), 'utf8');

  test('as a YAML comment above the skeleton, which the loader ignores', () => {
    expect(text).toContain('howToFix:\n  # en: Send an ACK for a 2xx to INVITE and carry on.\n  text: ""\n');
    expect(status(dir, 'vi').content.missing).toBe(1);
    const build = statusbook(['build', '--locale', 'vi', '--format', 'md'], dir);
    expect(build.code, build.stderr).toBe(0);
  });

  test('a second sync changes nothing', () => {
    const before = snapshotTree(join(dir, 'locales'));
    expect(statusbook(['i18n', 'sync'], dir).code).toBe(0);
    expect(snapshotTree(join(dir, 'locales'))).toEqual(before);
  });
});
