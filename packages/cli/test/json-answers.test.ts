// Machine-readable answers: validate, show, compare and build take --json, and a failed
// build says why in JSON on stdout.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { makeProject, statusbook } from './helpers.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

function json(args: string[], cwd: string): { code: number | null; body: Record<string, unknown>; stderr: string } {
  const run = statusbook(args, cwd);
  return { code: run.code, body: JSON.parse(run.stdout) as Record<string, unknown>, stderr: run.stderr };
}

const wrongType = {
  file: 'content/sip/codes/437.yaml',
  line: 10,
  column: 10,
  rule: 'schema/type',
  severity: 'error',
};

describe('valid content', () => {
  const project = makeProject();

  test('validate --json counts protocols and codes', () => {
    const { code, body } = json(['validate', '--json'], project);
    expect(code).toBe(0);
    expect(body).toEqual({ ok: true, protocols: 1, codes: 3, errors: 0, warnings: 0, diagnostics: [] });
  });

  test('show --json gives the page, its path and its Markdown', () => {
    const { code, body } = json(['show', 'sip', '437', '--json'], project);
    expect(code).toBe(0);
    expect(body).toMatchObject({ ok: true, protocol: 'sip', kind: 'code', code: 437, locale: 'en', path: 'md/en/sip/437.md' });
    expect(body.markdown).toContain('# SIP 437 Unsupported Credential');
  });

  test('compare --json names the canonical pair, whichever order is given', () => {
    const { code, body } = json(['compare', 'sip', '437', '200', '--json'], project);
    expect(code).toBe(0);
    expect(body).toMatchObject({ ok: true, kind: 'compare', a: 200, b: 437, path: 'md/en/sip/compare/200-vs-437.md' });
  });
});

describe('broken content', () => {
  const project = makeProject();
  cpSync(join(fixtures, 'wrong-type'), project, { recursive: true });

  test('validate --json lists each problem with its position and exits 1', () => {
    const { code, body, stderr } = json(['validate', '--json'], project);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(body).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(body.diagnostics).toEqual([expect.objectContaining(wrongType)]);
  });

  test('a failed build --json prints its diagnostics as JSON on stdout and exits 1', () => {
    const { code, body, stderr } = json(['build', '--json'], project);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(body).toMatchObject({ ok: false, errors: 1 });
    const [problem] = body.diagnostics as Record<string, unknown>[];
    expect(problem).toMatchObject(wrongType);
    expect(problem!.message).toBe('\'headers\' must be a list, found the string "Identity"');
  });

  test('show --json reports the content errors instead of a page', () => {
    const { code, body } = json(['show', 'sip', '200', '--json'], project);
    expect(code).toBe(1);
    expect(body).toMatchObject({ ok: false, errors: 1 });
  });
});
