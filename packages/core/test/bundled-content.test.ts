import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../src/index.js';

const contentDir = fileURLToPath(new URL('../../../content/', import.meta.url));

describe('the bundled content', async () => {
  const { protocols, diagnostics } = await loadContent(contentDir);
  const sip = protocols.find((p) => p.id === 'sip')!;

  test('loads with no errors and no warnings', () => {
    expect(diagnostics).toEqual([]);
    expect(protocols.map((p) => p.id)).toEqual(['dns', 'grpc', 'http', 'sip', 'smtp', 'websocket']);
  });

  test('has the first SIP examples with their current names', () => {
    const reasons = Object.fromEntries(sip.codes.map((c) => [c.code, c.reason]));
    expect(reasons).toMatchObject({
      180: 'Ringing',
      182: 'Queued',
      183: 'Session Progress',
      199: 'Early Dialog Terminated',
      200: 'OK',
      202: 'Accepted',
      437: 'Unsupported Credential',
    });
  });

  test('records that 437 was renamed by RFC 8224 and that 202 is deprecated', () => {
    const c437 = sip.codes.find((c) => c.code === 437)!;
    expect(c437.formerReasons).toEqual([{ reason: 'Unsupported Certificate', rfc: 8224 }]);
    expect(c437.references[0]).toMatchObject({ rfc: 8224, role: 'definition' });
    expect(sip.codes.find((c) => c.code === 202)!.status).toBe('deprecated');
  });

  test('codes are sorted and each lies in its class range', () => {
    for (const protocol of protocols) {
      const codes = protocol.codes.map((c) => c.code);
      expect(codes).toEqual([...codes].sort((a, b) => a - b));
      for (const code of protocol.codes) {
        const cls = protocol.classes.find((c) => c.id === code.classId)!;
        expect(code.code).toBeGreaterThanOrEqual(cls.range[0]);
        expect(code.code).toBeLessThanOrEqual(cls.range[1]);
      }
    }
  });
});
