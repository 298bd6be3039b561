// Facts checked against the RFCs (issue 20): each test catches the return of one error that a
// review found in the bundled content, and the last ones are rules every code must follow.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { factOfKind, loadContent, retryOf, type Protocol, type StatusCode } from '../src/index.js';

const contentDir = fileURLToPath(new URL('../../../content/', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/project/', import.meta.url));

/** All English text fields of a code, joined. */
const textOf = (code: StatusCode): string => Object.values(code.text).map((t) => t.source).join('\n');

/** The curated notes that involve a code, joined. */
function notesOf(protocol: Protocol, code: number): string {
  return protocol.curated
    .filter((n) => n.low === code || n.high === code)
    .flatMap((n) => Object.values(n.text).map((t) => t.source))
    .join('\n');
}

/** The RFC numbers a text cites as "RFC NNNN" (links included). */
const citedRfcs = (text: string): number[] => [...new Set([...text.matchAll(/\bRFC ?(\d{3,5})\b/g)].map((m) => Number(m[1])))];

// Codes whose texts cite an RFC that is not in their references, when this rule was added:
// mostly history ("RFC 2616 called it ...") or a neighbouring spec. Each deserves a review
// (add the RFC to `references` or drop the citation); the list must only shrink.
const KNOWN_UNREFERENCED: Readonly<Record<string, readonly number[]>> = {
  'http 101': [8441, 9220, 6455, 9113],
  'http 102': [4918],
  'http 305': [2616, 7231],
  'http 306': [2616],
  'http 308': [7238, 7538],
  'http 401': [6750],
  'http 413': [2616, 7231],
  'http 414': [7231],
  'http 415': [5789],
  'http 416': [7233],
  'http 418': [2324, 7168],
  'http 421': [7540],
  'http 422': [4918],
  'http 426': [2817],
  'http 507': [4331],
  'sip 180': [3262],
  'sip 183': [3262, 3312],
  'sip 202': [3515, 3428, 5438],
  'sip 407': [8760],
  'sip 423': [6665, 3903],
  'sip 428': [4474],
  'sip 436': [4474],
  'sip 437': [4474],
  'sip 482': [5393],
  'sip 484': [3578],
  'sip 489': [3903, 3265],
  'sip 491': [3311, 4028],
  'sip 501': [4733],
  'sip 503': [3263, 7339],
  'sip 604': [8688],
};

describe('facts checked against the RFCs', async () => {
  const { protocols, diagnostics } = await loadContent(contentDir);
  const protocol = (id: string) => protocols.find((p) => p.id === id)!;
  const sip = protocol('sip');
  const http = protocol('http');
  const code = (p: Protocol, n: number) => p.codes.find((c) => c.code === n)!;

  test('the bundled content loads', () => {
    expect(diagnostics).toEqual([]);
  });

  test('SIP 437: an unsupported PASSporT algorithm is not given as a cause (RFC 8224 6.2.2: that is 438)', () => {
    const c437 = code(sip, 437);
    const text = textOf(c437);
    expect(text).not.toMatch(/ES256/);
    expect(text).not.toMatch(/`alg`/);
    expect(c437.text.whenYouSeeIt.source).toMatch(/PASSporT[^.]*438/);
    // The summary keeps 437 apart from 436 (credential not obtained) and 438 (signature invalid).
    expect(c437.text.summary.source).toMatch(/436/);
    expect(c437.text.summary.source).toMatch(/438/);
    const note = sip.curated.find((n) => n.low === 200 && n.high === 437)!;
    expect(note.text.difference.source).not.toMatch(/could not validate/);
    expect(note.text.whenToUse.source).toMatch(/436/);
    expect(note.text.whenToUse.source).toMatch(/438/);
  });

  test('SIP 437: every RFC cited by its texts and curated notes is in its references', () => {
    const c437 = code(sip, 437);
    const refs = new Set(c437.references.map((r) => ('rfc' in r ? r.rfc : undefined)));
    // RFC 4474 is named as the RFC that first called it "Unsupported Certificate" (see formerReasons).
    const cited = citedRfcs(`${textOf(c437)}\n${notesOf(sip, 437)}`).filter((rfc) => rfc !== 4474);
    expect(cited.filter((rfc) => !refs.has(rfc))).toEqual([]);
  });

  test('SIP 580: an unsupported precondition option tag gets 420, not 580 (RFC 3261 8.2.2.3, RFC 3312)', () => {
    const text = textOf(code(sip, 580));
    expect(text).not.toMatch(/does not support the precondition type/);
    expect(text).toMatch(/420 Bad Extension/);
    expect(text).toMatch(/`Unsupported`/);
  });

  test('SIP 199: the definition reference is not the introduction of RFC 6228', () => {
    const def = code(sip, 199).references.find((r) => r.role === 'definition')!;
    expect('rfc' in def && def.rfc).toBe(6228);
    expect(def.section).not.toBe('1');
  });

  test('HTTP 421: no proxy may generate it, not only forward proxies (RFC 9110 15.5.20)', () => {
    const text = textOf(code(http, 421));
    expect(text).not.toMatch(/forward prox/i);
    expect(text).toMatch(/proxy must not generate it/i);
  });

  test('HTTP 425: the example is a safe request in early data, not a POST (RFC 8470)', () => {
    const when = code(http, 425).text.whenYouSeeIt.source;
    expect(when).not.toMatch(/POST/);
    expect(when).toMatch(/`GET`/);
  });

  test('HTTP 1xx are interim (informational) responses, never "provisional" (RFC 9110 15.2)', () => {
    expect(http.nonFinal).toBe('interim');
    expect(sip.nonFinal).toBe('provisional');
    for (const c of http.codes) expect(textOf(c), `http ${c.code}`).not.toMatch(/provisional/i);
    for (const cls of http.classes) {
      expect(`${cls.name.source} ${cls.description.source}`, `http ${cls.id}`).not.toMatch(/provisional/i);
    }
    for (const n of http.curated) {
      const text = Object.values(n.text).map((t) => t.source).join('\n');
      expect(text, `http ${n.low}/${n.high}`).not.toMatch(/provisional/i);
    }
    expect(http.description.source).not.toMatch(/provisional/i);
  });

  test('HTTP 306 lists no sender: it is never sent (RFC 9110 15.4.7)', () => {
    const c306 = code(http, 306);
    expect(c306.status).toBe('unused');
    expect(factOfKind(c306, 'parties')?.values).toEqual([]);
  });

  test('SIP 470: retry once consent is granted or the targets are removed, not after a delay (RFC 5360)', () => {
    expect(retryOf(code(sip, 470))).not.toBe('after-delay');
    expect(retryOf(code(sip, 470))).toBe('with-changes');
  });

  test('every current code has a sender', () => {
    for (const p of protocols) {
      for (const c of p.codes) if (c.status === 'current') expect(factOfKind(c, 'parties')?.values.length, `${p.id} ${c.code}`).toBeGreaterThan(0);
    }
  });

  test('every RFC cited in a code\'s texts is in its references, or a known exception', () => {
    const found: Record<string, number[]> = {};
    for (const p of protocols) {
      for (const c of p.codes) {
        const refs = new Set(c.references.map((r) => ('rfc' in r ? r.rfc : undefined)));
        const missing = citedRfcs(textOf(c)).filter((rfc) => !refs.has(rfc));
        if (missing.length > 0) found[`${p.id} ${c.code}`] = missing;
      }
    }
    for (const [key, missing] of Object.entries(found)) {
      expect(KNOWN_UNREFERENCED[key] ?? [], `${key} cites RFC ${missing.join(', RFC ')} without a reference`).toEqual(expect.arrayContaining(missing));
    }
  });
});

describe('senders: []', () => {
  const codeFile = 'content/sip/codes/437.yaml';
  async function errorsWith(edit: (text: string) => string): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'statusbook-facts-'));
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, codeFile), edit(readFileSync(join(fixture, codeFile), 'utf8')));
    const { diagnostics } = await loadContent(join(dir, 'content'));
    return diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.message}`);
  }
  const noSenders = (text: string) => text.replace(/^senders: .*$/m, 'senders: []');

  test('is an error for a current code', async () => {
    const text = readFileSync(join(fixture, codeFile), 'utf8');
    expect(text).toMatch(/^status: current$/m);
    expect(await errorsWith(noSenders)).toEqual(["code/no-parties a current code needs at least one value in 'senders' (who sends it)"]);
  });

  test('is allowed for an unused code', async () => {
    expect(await errorsWith((t) => noSenders(t).replace(/^status: current$/m, 'status: unused'))).toEqual([]);
  });
});
