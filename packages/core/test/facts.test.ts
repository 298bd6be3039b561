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
  // Named in passing: Extended DNS Errors, NXDOMAIN cut, DNS Push, the BADALG/TSIG and NSID
  // background, the SMTP predecessors (821, 1846), null MX (7505), STARTTLS, SMTPUTF8 and the
  // enhanced-code registry.
  'dns 2': [8914],
  'dns 3': [8020],
  'dns 11': [8765],
  'dns 19': [3645],
  'dns 21': [8945],
  'smtp 452': [821],
  'smtp 504': [3207],
  'smtp 521': [1846, 7505],
  'smtp 538': [5248],
  'smtp 552': [821, 3463],
  'smtp 553': [6531],
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

  test('every current code of a protocol with parties has one, but the WebSocket codes an API reports itself', () => {
    const nobody = protocols.flatMap((p) => p.codes.filter((c) => c.status === 'current' && factOfKind(c, 'parties')?.values.length === 0).map((c) => `${p.id} ${c.code}`));
    // RFC 6455 7.4.1: 1005, 1006 and 1015 must not be set as a status code in a Close frame.
    expect(nobody).toEqual(['websocket 1005', 'websocket 1006', 'websocket 1015']);
  });

  test('every RFC cited in a code\'s texts is in its references, or a known exception', () => {
    const found: Record<string, number[]> = {};
    for (const p of protocols) {
      for (const c of p.codes) {
        const all = [...c.references, ...c.alsoNamed.flatMap((a) => a.references)];
        const refs = new Set(all.map((r) => ('rfc' in r ? r.rfc : undefined)));
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

describe('SMTP, DNS, WebSocket and gRPC codes carry their registered names', async () => {
  const { protocols } = await loadContent(contentDir);
  const names = (id: string) => Object.fromEntries(protocols.find((p) => p.id === id)!.codes.map((c) => [c.code, [c.reason, ...c.alsoNamed.map((a) => a.reason)].join(' / ')]));

  test('DNS RCODEs as the IANA registry spells them, 16 under both its names, 12-15 unassigned', () => {
    expect(names('dns')).toEqual({
      0: 'NoError', 1: 'FormErr', 2: 'ServFail', 3: 'NXDomain', 4: 'NotImp', 5: 'Refused', 6: 'YXDomain', 7: 'YXRRSet', 8: 'NXRRSet', 9: 'NotAuth',
      10: 'NotZone', 11: 'DSOTYPENI', 16: 'BADVERS / BADSIG', 17: 'BADKEY', 18: 'BADTIME', 19: 'BADMODE', 20: 'BADNAME', 21: 'BADALG', 22: 'BADTRUNC', 23: 'BADCOOKIE',
    });
  });

  test('WebSocket close codes 1000-1015 as registered; 1005, 1006 and 1015 never on the wire', () => {
    const ws = protocols.find((p) => p.id === 'websocket')!;
    expect(names('websocket')).toEqual({
      1000: 'Normal Closure', 1001: 'Going Away', 1002: 'Protocol error', 1003: 'Unsupported Data', 1004: 'Reserved', 1005: 'No Status Rcvd',
      1006: 'Abnormal Closure', 1007: 'Invalid frame payload data', 1008: 'Policy Violation', 1009: 'Message Too Big', 1010: 'Mandatory Ext.',
      1011: 'Internal Error', 1012: 'Service Restart', 1013: 'Try Again Later', 1014: 'Bad Gateway', 1015: 'TLS handshake',
    });
    const offWire = ws.codes.filter((c) => factOfKind(c, 'flag')?.value === false).map((c) => c.code);
    expect(offWire).toEqual([1004, 1005, 1006, 1015]);
  });

  test('gRPC status codes 0-16 as the gRPC project names them', () => {
    expect(Object.values(names('grpc'))).toEqual([
      'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED',
      'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
    ]);
  });

  test('SMTP has the RFC 5321 replies, the AUTH replies of RFC 4954 and 521/556 of RFC 7504', () => {
    const smtp = names('smtp');
    expect(Object.keys(smtp).map(Number)).toEqual([211, 214, 220, 221, 235, 250, 251, 252, 334, 354, 421, 432, 450, 451, 452, 454, 455, 500, 501, 502, 503, 504, 521, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555, 556]);
    expect(smtp[250]).toBe('Requested mail action okay, completed');
    expect(smtp[354]).toBe('Start mail input; end with <CRLF>.<CRLF>');
    expect(smtp[535]).toBe('Authentication credentials invalid');
    expect(smtp[556]).toBe('Domain does not accept mail');
  });
});
