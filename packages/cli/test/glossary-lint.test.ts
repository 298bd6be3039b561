import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeProject, repoRoot, statusbook } from './helpers.js';

test('the bundled vi and ja translations follow their glossaries: i18n lint finds nothing', () => {
  const run = statusbook(['i18n', 'lint', '--json'], repoRoot);
  const answer = JSON.parse(run.stdout) as { ok: boolean; locales: Record<string, number>; diagnostics: { file: string; line: number; message: string }[] };
  // Listed on failure, so a regression names its file and line.
  expect(answer.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  expect(answer).toMatchObject({ ok: true, locales: { ja: 0, vi: 0 } });
  expect(run.code).toBe(0);
});

describe('a variant in a translation', () => {
  const dir = makeProject('translated');
  cpSync(join(repoRoot, 'locales/vi/ui.json'), join(dir, 'locales/vi/ui.json'));
  expect(statusbook(['i18n', 'sync'], dir).code).toBe(0);
  writeFileSync(join(dir, 'locales/vi/glossary.yaml'), 'terms:\n  - term: verifier\n    use: dịch vụ xác minh\n    variants: [bên xác minh]\n');

  test('i18n lint reports it at file:line:column and exits 1', () => {
    const run = statusbook(['i18n', 'lint'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "locales/vi/content/sip/codes/437.yaml:5:9  warning  'Bên xác minh' is a variant of the term 'verifier': use 'dịch vụ xác minh'  glossary/variant",
    );
    expect(run.stderr).toContain('⚠ 0 errors, 4 warnings');
  });

  test('build warns and still writes the pages', () => {
    const run = statusbook(['build', '--locale', 'vi', '--format', 'md'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("warning  'Bên xác minh' is a variant of the term 'verifier'");
    expect(existsSync(join(dir, 'output/md/vi/sip/437.md'))).toBe(true);
  });

  test('build --strict stops on it and writes nothing new', () => {
    const run = statusbook(['build', '--locale', 'vi', '--format', 'html', '--strict', '--out', 'strict-out'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('glossary/variant');
    expect(run.stderr).toContain('build stopped: nothing was written');
    expect(existsSync(join(dir, 'strict-out/html'))).toBe(false);
  });
});
