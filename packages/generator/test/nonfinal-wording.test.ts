// Each protocol's word for a non-final response in generated sentences: SIP 1xx are
// "provisional" (RFC 3261 section 7.2), HTTP 1xx "interim" / informational (RFC 9110 section 15.2).
import { describe, expect, test } from 'vitest';
import { bundledSite } from './bundled-site.js';

const { site } = await bundledSite(['md'], { redirectPages: false });

function compare(locale: string, protocol: string, slug: string): string {
  const page = [...site.pages()].find((p) => p.kind === 'compare' && p.locale === locale && p.protocol.id === protocol && p.pair.slug === slug);
  return site.render(page!).contents;
}

describe('the word for a non-final response', () => {
  test('HTTP 1xx are interim, never provisional', () => {
    const en = compare('en', 'http', '100-vs-200');
    expect(en).toContain('**100 Continue** is an interim response');
    expect(en).not.toMatch(/provisional/i);
    expect(compare('vi', 'http', '100-vs-200')).not.toContain('phản hồi tạm thời');
    expect(compare('ja', 'http', '100-vs-200')).not.toContain('暫定');
  });

  test('SIP 1xx stay provisional', () => {
    const en = compare('en', 'sip', '180-vs-200');
    expect(en).toContain('| **Kind** | provisional response | final response |');
    expect(en).not.toContain('interim');
  });
});
