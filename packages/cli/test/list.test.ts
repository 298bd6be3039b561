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

test('list --facts adds the class and one column per declared fact, in declaration order', () => {
  const run = statusbook(['list', 'sip', '--facts'], makeProject());
  expect(run.code).toBe(0);
  const [head, , ...rows] = run.stdout.split('\n');
  expect(head!.split(/\s{2,}/)).toEqual(['Code', 'Reason', 'Status', 'Formerly', 'Class', 'senders', 'retry', 'headers', 'methods']);
  expect(rows[2]!.split(/\s{2,}/)).toEqual(['437', 'Unsupported Credential', 'current', 'Unsupported Certificate (renamed by RFC 8224)', '4xx', 'uas, proxy', 'with-changes', 'Identity', '(any)']);
  const json = JSON.parse(statusbook(['list', 'http', '--facts', '--json'], repoRoot).stdout) as { code: number; class: string; facts: Record<string, unknown> }[];
  expect(json.find((r) => r.code === 304)).toMatchObject({ class: '3xx', facts: { retry: 'not-needed', cacheable: false } });
  expect(json.find((r) => r.code === 200)).toMatchObject({ class: '2xx', facts: { cacheable: true } });
  expect(Object.keys(json[0]!.facts)).toEqual(['senders', 'retry', 'headers', 'methods', 'cacheable']);
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
  expect(run.stdout).toBe('✔ content is valid: 6 protocols, 225 codes\n');
  expect(run.code).toBe(0);
});
