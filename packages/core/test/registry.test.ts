import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent, type CodeTextField } from '../src/index.js';

const contentDir = fileURLToPath(new URL('../../../content/', import.meta.url));
const { protocols } = await loadContent(contentDir);

// The IANA registries as they stand: code, registered reason phrase, status. Written out
// here, independently of content/, so a missing, extra or misnamed code fails.
const SIP = `
100 Trying; 180 Ringing; 181 Call Is Being Forwarded; 182 Queued; 183 Session Progress;
199 Early Dialog Terminated; 200 OK; 202 Accepted [deprecated]; 204 No Notification;
300 Multiple Choices; 301 Moved Permanently; 302 Moved Temporarily; 305 Use Proxy;
380 Alternative Service; 400 Bad Request; 401 Unauthorized; 402 Payment Required;
403 Forbidden; 404 Not Found; 405 Method Not Allowed; 406 Not Acceptable;
407 Proxy Authentication Required; 408 Request Timeout; 410 Gone;
412 Conditional Request Failed; 413 Request Entity Too Large; 414 Request-URI Too Long;
415 Unsupported Media Type; 416 Unsupported URI Scheme; 417 Unknown Resource-Priority;
420 Bad Extension; 421 Extension Required; 422 Session Interval Too Small;
423 Interval Too Brief; 424 Bad Location Information; 425 Bad Alert Message;
428 Use Identity Header; 429 Provide Referrer Identity; 430 Flow Failed;
433 Anonymity Disallowed; 436 Bad Identity Info; 437 Unsupported Credential;
438 Invalid Identity Header; 439 First Hop Lacks Outbound Support; 440 Max-Breadth Exceeded;
469 Bad Info Package; 470 Consent Needed; 480 Temporarily Unavailable;
481 Call/Transaction Does Not Exist; 482 Loop Detected; 483 Too Many Hops;
484 Address Incomplete; 485 Ambiguous; 486 Busy Here; 487 Request Terminated;
488 Not Acceptable Here; 489 Bad Event; 491 Request Pending; 493 Undecipherable;
494 Security Agreement Required; 500 Server Internal Error; 501 Not Implemented;
502 Bad Gateway; 503 Service Unavailable; 504 Server Time-out; 505 Version Not Supported;
513 Message Too Large; 555 Push Notification Service Not Supported; 580 Precondition Failure;
600 Busy Everywhere; 603 Decline; 604 Does Not Exist Anywhere; 606 Not Acceptable;
607 Unwanted; 608 Rejected`;

const HTTP = `
100 Continue; 101 Switching Protocols; 102 Processing; 103 Early Hints; 200 OK; 201 Created;
202 Accepted; 203 Non-Authoritative Information; 204 No Content; 205 Reset Content;
206 Partial Content; 207 Multi-Status; 208 Already Reported; 226 IM Used;
300 Multiple Choices; 301 Moved Permanently; 302 Found; 303 See Other; 304 Not Modified;
305 Use Proxy [deprecated]; 306 (Unused) [unused]; 307 Temporary Redirect;
308 Permanent Redirect; 400 Bad Request; 401 Unauthorized; 402 Payment Required;
403 Forbidden; 404 Not Found; 405 Method Not Allowed; 406 Not Acceptable;
407 Proxy Authentication Required; 408 Request Timeout; 409 Conflict; 410 Gone;
411 Length Required; 412 Precondition Failed; 413 Content Too Large; 414 URI Too Long;
415 Unsupported Media Type; 416 Range Not Satisfiable; 417 Expectation Failed;
418 (Unused) [unused]; 421 Misdirected Request; 422 Unprocessable Content; 423 Locked;
424 Failed Dependency; 425 Too Early; 426 Upgrade Required; 428 Precondition Required;
429 Too Many Requests; 431 Request Header Fields Too Large; 451 Unavailable For Legal Reasons;
500 Internal Server Error; 501 Not Implemented; 502 Bad Gateway; 503 Service Unavailable;
504 Gateway Timeout; 505 HTTP Version Not Supported; 506 Variant Also Negotiates;
507 Insufficient Storage; 508 Loop Detected; 510 Not Extended [obsolete];
511 Network Authentication Required`;

function parseRegistry(text: string) {
  return text
    .split(';')
    .map((entry) => /^\s*(\d{3}) (.+?)(?: \[(\w+)\])?\s*$/.exec(entry)!)
    .map(([, code, reason, status]) => ({ code: Number(code), reason, status: status ?? 'current' }));
}

const TEXT_FIELDS: CodeTextField[] = ['summary', 'description', 'whenYouSeeIt', 'howToFix'];

describe.each([
  ['sip', SIP],
  ['http', HTTP],
])('%s content matches the IANA registry', (id, registry) => {
  const protocol = protocols.find((p) => p.id === id)!;

  test('same codes, reason phrases and statuses, nothing missing or extra', () => {
    const actual = protocol.codes.map((c) => ({ code: c.code, reason: c.reason, status: c.status }));
    expect(actual).toEqual(parseRegistry(registry));
  });

  test('every code has every text field and at least one reference', () => {
    for (const code of protocol.codes) {
      for (const field of TEXT_FIELDS) expect(code.text[field].source.trim(), `${id} ${code.code} ${field}`).not.toBe('');
      expect(code.references.length, `${id} ${code.code} references`).toBeGreaterThan(0);
    }
  });

  test('has at least 25 curated pairs', () => {
    expect(protocol.curated.length).toBeGreaterThanOrEqual(25);
  });
});

test('renamed codes keep their former names with the RFC that renamed them', () => {
  const former = (id: string, code: number) =>
    protocols.find((p) => p.id === id)!.codes.find((c) => c.code === code)!.formerReasons;
  expect(former('sip', 437)).toEqual([{ reason: 'Unsupported Certificate', rfc: 8224 }]);
  expect(former('sip', 436)).toEqual([{ reason: 'Bad Identity-Info', rfc: 8224 }]);
  expect(former('http', 413).map((f) => f.reason)).toEqual(['Request Entity Too Large', 'Payload Too Large']);
  expect(former('http', 422)).toEqual([{ reason: 'Unprocessable Entity', rfc: 9110 }]);
  expect(former('http', 414).map((f) => f.reason)).toContain('Request-URI Too Long');
  expect(former('http', 416).map((f) => f.reason)).toContain('Requested Range Not Satisfiable');
});

test('no text still describes 436-438 in terms of the removed Identity-Info header as current', () => {
  const sip = protocols.find((p) => p.id === 'sip')!;
  for (const code of sip.codes.filter((c) => [436, 437, 438].includes(c.code))) {
    expect(code.text.summary.source).not.toContain('Identity-Info');
    expect(code.text.howToFix.source).not.toContain('Identity-Info');
  }
});
