import { expect, test } from 'vitest';
import { makeProject, repoRoot, statusbook } from './helpers.js';

test('list prints a table of codes with former names', () => {
  const run = statusbook(['list', 'sip'], makeProject());
  expect(run.code).toBe(0);
  expect(run.stdout).toMatchInlineSnapshot(`
    "Code  Reason                  Status   Formerly
    ----  ----------------------  -------  ---------------------------------------------
    180   Ringing                 current
    200   OK                      current
    437   Unsupported Credential  current  Unsupported Certificate (renamed by RFC 8224)

    3 SIP codes
    "
  `);
});

test('list --json has the documented shape for the bundled content', () => {
  const run = statusbook(['list', 'sip', '--json'], repoRoot);
  expect(run.code).toBe(0);
  const rows = JSON.parse(run.stdout) as { code: number; reason: string; alsoNamed: string[]; status: string; formerReasons: unknown[] }[];
  expect(rows.find((r) => r.code === 437)).toEqual({
    code: 437,
    reason: 'Unsupported Credential',
    alsoNamed: [],
    status: 'current',
    formerReasons: [{ reason: 'Unsupported Certificate', rfc: 8224 }],
  });
  expect(rows.find((r) => r.code === 202)?.status).toBe('deprecated');
  expect(rows.map((r) => Object.keys(r).join())).toEqual(rows.map(() => 'code,reason,alsoNamed,status,formerReasons'));
});

test('list of an unknown protocol exits 2 with a suggestion', () => {
  const run = statusbook(['list', 'sipp'], makeProject());
  expect(run.code).toBe(2);
  expect(run.stderr).toBe("error: unknown protocol 'sipp'\nhint: did you mean 'sip'?\n");
});

test('list without a protocol exits 2', () => {
  const run = statusbook(['list'], makeProject());
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('statusbook list needs a protocol');
});

test('the bundled content validates with no errors and no warnings', () => {
  const run = statusbook(['validate', '--strict'], repoRoot);
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('✔ content is valid: 2 protocols, 138 codes\n');
  expect(run.code).toBe(0);
});
