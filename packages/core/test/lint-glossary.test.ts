import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { lintLocale, loadGlossary } from '../src/index.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-glossary-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function lint(dir: string, locale: string, reasons = [] as { protocol: string; code: number; reason: string }[]) {
  const { glossary, diagnostics } = await loadGlossary(dir, locale);
  expect(diagnostics).toEqual([]);
  const found = await lintLocale(dir, locale, glossary!, reasons);
  return found.map((d) => `${relative(dir, d.file)}:${d.line}:${d.column} ${d.ruleId} ${d.actual}`);
}

const VI_GLOSSARY = `terms:
  - term: client
    use: máy khách
    variants: [client]
  - term: early dialog
    use: dialog sớm
    variants: [early dialog]
    protocol: sip
`;

test('every variant is reported at its line and column, in ui.json and content', async () => {
  const dir = project({
    'vi/glossary.yaml': VI_GLOSSARY,
    'vi/ui.json': '{\n  "a": {\n    "b": "{{code}} được client gửi"\n  }\n}\n',
    'vi/content/sip/codes/180.yaml': [
      'summary:',
      '  text: >-',
      '    Một 180 có tag tạo ra một early',
      '    dialog; Client gửi `client_id` và máy khách khác thì không.',
      '  source: 0123abcd',
      '',
    ].join('\n'),
    // Scoped to SIP: the same words in HTTP content are not a finding.
    'vi/content/http/codes/200.yaml': 'summary:\n  text: early dialog\n  source: 0123abcd\n',
  });
  expect(await lint(dir, 'vi')).toEqual([
    'vi/content/sip/codes/180.yaml:3:31 glossary/variant early dialog',
    'vi/content/sip/codes/180.yaml:4:13 glossary/variant Client',
    'vi/ui.json:3:25 glossary/variant client',
  ]);
});

test('a word that merely contains a variant is not one; allowed phrases are kept', async () => {
  const dir = project({
    'ja/glossary.yaml': 'terms:\n  - term: call\n    use: 通話\n    variants: [呼]\n    allow: [呼び]\n  - term: client\n    use: クライアント\n    variants: [client]\n',
    'ja/ui.json': '{ "a": "電話を呼び出す clients 呼" }\n',
  });
  expect(await lint(dir, 'ja')).toEqual(['ja/ui.json:1:25 glossary/variant 呼']);
});

test('with spacing: latin-cjk, Latin text, numbers and code next to kana or kanji are reported', async () => {
  const dir = project({
    'ja/glossary.yaml': 'spacing: latin-cjk\nterms:\n  - term: response\n    use: 応答\n    variants: [レスポンス]\n',
    'ja/ui.json': '{ "a": "{{code}}は RFC 3261 の応答、`INVITE`を送る", "b": "約20秒" }\n',
  });
  expect(await lint(dir, 'ja')).toEqual([
    // At the character that wants a space before it: `INVITE`を, 約20, 20秒. Punctuation (、) and placeholders take no space.
    'ja/ui.json:1:40 glossary/spacing `を',
    'ja/ui.json:1:53 glossary/spacing 約2',
    'ja/ui.json:1:55 glossary/spacing 0秒',
  ]);
});

test('one reason phrase glossed two ways in two protocols is reported at the second gloss', async () => {
  const dir = project({
    'vi/glossary.yaml': VI_GLOSSARY,
    'vi/ui.json': '{}\n',
    'vi/content/http/codes/401.yaml': 'reason:\n  text: Chưa được cấp quyền\n  source: 0123abcd\n',
    'vi/content/sip/codes/401.yaml': 'reason:\n  text: Chưa được xác thực\n  source: 0123abcd\n',
    'vi/content/sip/codes/403.yaml': 'reason:\n  text: Bị cấm\n  source: 0123abcd\n',
  });
  const reasons = [
    { protocol: 'sip', code: 401, reason: 'Unauthorized' },
    { protocol: 'http', code: 401, reason: 'Unauthorized' },
    { protocol: 'sip', code: 403, reason: 'Forbidden' },
  ];
  expect(await lint(dir, 'vi', reasons)).toEqual(['vi/content/http/codes/401.yaml:2:9 glossary/gloss Chưa được cấp quyền']);
});

test('a malformed glossary is an error at its position, and nothing is linted with it', async () => {
  const dir = project({ 'vi/glossary.yaml': 'terms:\n  - term: client\n    use: máy khách\n    variants: client\n' });
  const { glossary, diagnostics } = await loadGlossary(dir, 'vi');
  expect(glossary).toBeUndefined();
  expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`)).toEqual([
    "4:15 error glossary/schema 'variants' must be a list of strings",
    '2:5 error glossary/schema term \'client\' lists no variants',
  ]);
});
