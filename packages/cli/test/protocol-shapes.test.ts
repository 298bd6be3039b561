// A protocol with codes 0, 7, 16, 1000 and 1015 (issue 22): pages at code-based URLs in every
// format, in numeric order, both names of code 16 in titles, equivalents on both pages, the
// grouping and ranges on the protocol page, and the commands that name codes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeProject, statusbook } from './helpers.js';

const FORMATS = 'md,html,print,json,embed,mediawiki,dokuwiki,gitwiki';

describe('codes beyond 100-699', () => {
  const dir = makeProject('codes');
  const build = statusbook(['build', '--format', FORMATS], dir);
  const read = (path: string) => readFileSync(join(dir, 'output', path), 'utf8');

  test('the build succeeds', () => {
    expect(build.stderr).not.toMatch(/error/);
    expect(build.code).toBe(0);
  });

  test('every code has its page at /<locale>/<protocol>/<code>/ in every format, 0.yaml included', () => {
    for (const code of [0, 7, 16, 1000, 1015]) {
      for (const path of [`md/en/rpc/${code}.md`, `html/en/rpc/${code}/index.html`, `json/en/rpc/${code}.json`, `embed/en/rpc/${code}.html`, `embed/en/rpc/${code}.svg`, `gitwiki/en/RPC-${code}.md`]) {
        expect(existsSync(join(dir, 'output', path)), path).toBe(true);
      }
    }
    // Lower code first, compared as numbers: 16 before 1000, 7 before 16.
    for (const slug of ['0-vs-7', '0-vs-16', '7-vs-16', '16-vs-1000', '1000-vs-1015']) expect(existsSync(join(dir, 'output/html/en/rpc/compare', slug, 'index.html')), slug).toBe(true);
    expect(existsSync(join(dir, 'output/html/en/rpc/compare/1000-vs-16'))).toBe(false);
  });

  test('pages list codes in numeric order: 0 < 7 < 16 < 1000 < 1015', () => {
    const order = (text: string, labels: readonly string[]) => labels.map((l) => text.indexOf(l));
    const labels = ['0 OK', '7 PERMISSION_DENIED', '16 BADVERS / BADSIG', '1000 Normal Closure', '1015 TLS handshake'];
    for (const path of ['md/en/rpc/index.md', 'html/en/rpc/index.html', 'print/en/rpc.html', 'gitwiki/en/RPC.md', 'dokuwiki/en/data/pages/statusbook/en/rpc/start.txt']) {
      const at = order(read(path), labels);
      expect(at.every((x) => x >= 0), path).toBe(true);
      expect([...at].sort((a, b) => a - b), path).toEqual(at);
    }
    const search = JSON.parse(read('html/en/search.json')) as { codes: { protocol: string; code: number; reason: string }[] };
    expect(search.codes.filter((c) => c.protocol === 'rpc').map((c) => [c.code, c.reason])).toEqual([
      [0, 'OK'],
      [7, 'PERMISSION_DENIED'],
      [16, 'BADVERS / BADSIG'],
      [1000, 'Normal Closure'],
      [1015, 'TLS handshake'],
    ]);
    // The pager follows the same order.
    expect(read('html/en/rpc/16/index.html')).toMatch(/rel="prev"><small>Previous<\/small>← 7 PERMISSION_DENIED<\/a>[\s\S]*rel="next"><small>Next<\/small>1000 Normal Closure →/);
  });

  test('a code with two names shows both wherever its title is shown', () => {
    expect(read('md/en/rpc/16.md')).toContain('\n# RPC 16 BADVERS / BADSIG\n');
    expect(read('html/en/rpc/16/index.html')).toContain('<h1>RPC 16 BADVERS / BADSIG</h1>');
    expect(read('gitwiki/en/RPC-16.md')).toContain('# RPC 16 BADVERS / BADSIG');
    expect(read('md/en/rpc/compare/7-vs-16.md')).toContain('title: RPC 7 PERMISSION_DENIED vs 16 BADVERS / BADSIG');
    const json = JSON.parse(read('json/en/rpc/16.json')) as { title: string; reason: string; alsoNamed: { reason: string }[] };
    expect([json.title, json.reason, json.alsoNamed.map((a) => a.reason)]).toEqual(['RPC 16 BADVERS / BADSIG', 'BADVERS', ['BADSIG']]);
    // The second name's own reference is listed with the code's.
    expect(read('md/en/rpc/16.md')).toContain('- [RFC 8945, section 5.3.2](https://www.rfc-editor.org/rfc/rfc8945#section-5.3.2)');
  });

  test('document references are links with their title; "Defined in" names them', () => {
    const page = read('md/en/rpc/7.md');
    expect(page).toContain('- [Status codes and their use](https://example.org/rpc/doc/statuscodes.html)');
    expect(page).toContain('| Defined in | Status codes and their use |');
    expect(read('md/en/rpc/compare/7-vs-16.md')).not.toMatch(/RFC undefined/);
    const compare = JSON.parse(read('json/en/rpc/compare/7-vs-16.json')) as { contrasts: { kind: string; html: string }[] };
    expect(compare.contrasts.find((c) => c.kind === 'definedIn')?.html).toBe('7 is defined in Status codes and their use, 16 in RFC 6891, section 6.1.3.');
  });

  test('equivalents show on both pages, the reverse derived, as links', () => {
    expect(read('md/en/rpc/0.md')).toContain('## In other protocols\n\n- A gateway turns this code into [SIP 200 OK](../sip/200.md).\n');
    expect(read('md/en/sip/200.md')).toContain('## In other protocols\n\n- A gateway turns [RPC 0 OK](../rpc/0.md) into this code.\n');
    expect(read('html/en/sip/437/index.html')).toContain('<li>A gateway turns this code into <a href="../../rpc/1000/">RPC 1000 Normal Closure</a>.</li>');
    // A print book stands alone (EPUBs are made of it): the other code is named, not linked.
    expect(read('print/en/sip.html')).toContain('<li>A gateway turns RPC 0 OK into this code.</li>');
    expect(read('print/en/sip/200.html')).toContain('<li>A gateway turns <a href="../rpc/0.html">RPC 0 OK</a> into this code.</li>');
    const json = JSON.parse(read('json/en/sip/200.json')) as { equivalents: unknown[] };
    expect(json.equivalents).toEqual([
      { protocol: { id: 'rpc', name: 'RPC' }, code: 0, reason: 'OK', relation: 'maps-from', derived: true, html: 'A gateway turns <a href="../rpc/0.json">RPC 0 OK</a> into this code.', href: '../rpc/0.json' },
    ]);
  });

  test('the grouping is a fact row and a section; ranges are explained on the protocol page', () => {
    expect(read('md/en/rpc/1000.md')).toContain('| Leading digit | 1 One |');
    const index = read('md/en/rpc/index.md');
    expect(index).toContain('## Leading digit\n\n- **0 Zero**: Codes that start with a zero.');
    expect(index).toContain('## Number ranges without code pages\n\n- **3000–3999 Registered for libraries**: Numbers that libraries register for their own use.');
    expect(read('print/en/rpc.html')).toContain('<dt>4000–4999 Private use</dt>');
    expect(read('md/en/rpc/compare/0-vs-7.md')).toContain('| **Leading digit** | 0 Zero | 7 Seven |');
  });

  test('list and show name codes as numbers', () => {
    const list = statusbook(['list', 'rpc', '--json'], dir);
    expect((JSON.parse(list.stdout) as { code: number; alsoNamed: string[] }[]).map((r) => [r.code, r.alsoNamed])).toEqual([
      [0, []],
      [7, []],
      [16, ['BADSIG']],
      [1000, []],
      [1015, []],
    ]);
    expect(statusbook(['show', 'rpc', '0'], dir).stdout).toContain('# RPC 0 OK');
    expect(statusbook(['compare', 'rpc', '1000', '16'], dir).stdout).toContain('# RPC 16 BADVERS / BADSIG vs 1000 Normal Closure');
    const bad = statusbook(['show', 'rpc', '1e3'], dir);
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([2, "error: RPC has no code '1e3'"]);
  });
});
