import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeProject, snapshotTree, statusbook } from './helpers.js';

describe('statusbook build', () => {
  const project = makeProject();
  const out = join(project, 'output');
  const run = statusbook(['build'], project);

  test('succeeds and says how many pages it wrote', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // 3 codes + 3 pairs, in md and html
    expect(run.stdout).toMatch(/^✔ wrote 12 pages to output in \d+\.\d\d s\n$/);
  });

  test('writes code and compare pages in Markdown and HTML at their documented paths', () => {
    expect(Object.keys(snapshotTree(out))).toEqual([
      'html/en/sip/180/index.html',
      'html/en/sip/200/index.html',
      'html/en/sip/437/index.html',
      'html/en/sip/compare/180-vs-200/index.html',
      'html/en/sip/compare/180-vs-437/index.html',
      'html/en/sip/compare/200-vs-437/index.html',
      'md/en/sip/180.md',
      'md/en/sip/200.md',
      'md/en/sip/437.md',
      'md/en/sip/compare/180-vs-200.md',
      'md/en/sip/compare/180-vs-437.md',
      'md/en/sip/compare/200-vs-437.md',
    ]);
  });

  test('a code page shows the current reason phrase, the former one and the facts', () => {
    const page = readFileSync(join(out, 'md/en/sip/437.md'), 'utf8');
    expect(page).toContain('# SIP 437 Unsupported Credential');
    expect(page).toContain('Formerly “Unsupported Certificate” (renamed by RFC 8224).');
    expect(page).toContain('| Sent by | user agent server (UAS) and proxy |');
    expect(page).toContain('[SIP 437 vs 200 OK](compare/200-vs-437.md)');
  });

  test('a compare page puts the lower code first, links both codes and adds the curated notes', () => {
    const page = readFileSync(join(out, 'html/en/sip/compare/200-vs-437/index.html'), 'utf8');
    expect(page).toContain('<h1>SIP 200 OK vs 437 Unsupported Credential</h1>');
    expect(page).toContain('<a href="../../200/">200 OK</a>');
    expect(page).toContain('<li>200 is in class 2xx, while 437 is in class 4xx.</li>');
    expect(page).toContain('One rejects the request over its identity credential; the other accepts it.');
  });

  test('the same input gives the same bytes', () => {
    const first = snapshotTree(out);
    expect(statusbook(['build'], project).code).toBe(0);
    expect(snapshotTree(out)).toEqual(first);
  });

  test('a new build replaces the previous output entirely', () => {
    writeFileSync(join(out, 'stale.txt'), 'left over');
    expect(statusbook(['build'], project).code).toBe(0);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(existsSync(join(out, 'md/en/sip/437.md'))).toBe(true);
  });

  test('--out writes elsewhere', () => {
    const other = join(project, 'site');
    expect(statusbook(['build', '--out', 'site'], project).code).toBe(0);
    expect(existsSync(join(other, 'md/en/sip/200.md'))).toBe(true);
  });
});
