// Comparison pages a reader can use: the first sentence says what the two codes mean and the
// difference that decides what to do; generated English is grammatical; no section restates
// another or copies the code pages.
import { describe, expect, test } from 'vitest';
import { bundledSite } from './bundled-site.js';
import { measureOverlap } from '../../../scripts/overlap.mjs';
import type { Page } from '../src/index.js';

const { site } = await bundledSite(['md']);
const pages = [...site.pages()];

function compare(locale: string, protocol: string, slug: string): string {
  const page = pages.find((p) => p.kind === 'compare' && p.locale === locale && p.protocol.id === protocol && p.pair.slug === slug);
  return site.render(page!).contents;
}

/** The paragraph right after the page's title. */
function lead(md: string): string {
  return md.split('\n# ')[1]!.split('\n\n')[1]!;
}

/** One in seven derived comparison pages of a locale, with their pairs. */
function derived(locale: string): { page: Page & { kind: 'compare' }; md: string }[] {
  return pages
    .filter((p): p is Page & { kind: 'compare' } => p.kind === 'compare' && p.locale === locale && p.pair.kind === 'derived')
    .filter((_, i) => i % 7 === 0)
    .map((page) => ({ page, md: site.render(page).contents }));
}

describe('the first sentence', { timeout: 60_000 }, () => {
  const classSentence = { en: /^\d+ is in class/, vi: /^\d+ thuộc lớp/, ja: /^\d+ はクラス/ };
  for (const [locale, pattern] of Object.entries(classSentence)) {
    test(`${locale}: names both codes with their reason phrases, and is never the class sentence`, () => {
      const sample = derived(locale);
      expect(sample.length).toBeGreaterThan(500);
      for (const { page, md } of sample) {
        const first = lead(md);
        expect(first).not.toMatch(pattern);
        expect(first).toContain(`**${page.pair.low.code} `);
        expect(first).toContain(`**${page.pair.high.code} `);
      }
    });
  }

  test('turns on the difference that decides what to do', () => {
    expect(lead(compare('en', 'sip', '180-vs-486'))).toBe(
      '**180 Ringing** only reports progress and a final response is still to come, while **486 Busy Here** is a final response that ends the transaction.',
    );
    expect(lead(compare('en', 'http', '200-vs-410'))).toBe(
      '**200 OK** means the request succeeded, while **410 Gone** means it was not carried out as sent: after it, do not repeat the request.',
    );
    expect(lead(compare('en', 'sip', '481-vs-500'))).toBe(
      '**481 Call/Transaction Does Not Exist** and **500 Server Internal Error** are both final responses, but they call for different next steps: after 481, do not repeat the request; after 500, retry later.',
    );
    expect(lead(compare('ja', 'sip', '481-vs-500'))).toBe(
      '**481 Call/Transaction Does Not Exist** と **500 Server Internal Error** はどちらも最終応答ですが、次に取るべき対応が異なります。481 の後は「リクエストを繰り返さない」、500 の後は「時間をおいて再試行」です。',
    );
  });
});

describe('generated English', { timeout: 60_000 }, () => {
  test('sender lists take articles and read as alternatives', () => {
    const page = compare('en', 'http', '501-vs-502');
    expect(page).toContain('**501 Not Implemented**: It comes from an origin server, a proxy, or a gateway;');
    expect(page).toContain('**502 Bad Gateway**: It comes from a proxy or a gateway;');
    expect(compare('en', 'sip', '481-vs-500')).toContain('It comes from a user agent server (UAS);');
  });

  test('no bare sender after "from" or "by", and no "relies on" for a header that may be absent', () => {
    for (const { md } of derived('en')) {
      expect(md).not.toMatch(/\b(from|by) (user agent server|origin server|proxy|registrar|redirect server|gateway|cache)\b/);
      expect(md).not.toContain('relies on');
    }
  });
});

describe('sections say new things', { timeout: 60_000 }, () => {
  test('"Key differences" names the rows that differ and repeats none of their values', () => {
    for (const { md } of derived('en')) {
      const section = md.split('## Key differences\n\n')[1]!.split('\n\n')[0]!;
      const rows = md.split('\n').filter((l) => l.startsWith('| **'));
      for (const row of rows) {
        const [label, low, high] = row.split(' | ').map((c) => c.replace(/^\| |\*\*/g, ''));
        expect(section).toContain(`“${label}”`);
        for (const value of [low, high]) if (value && value.length > 3) expect(section).not.toContain(value);
      }
    }
  });

  test('"When to use which" says who sends each code, whether to retry and which header to check', () => {
    const page = compare('en', 'sip', '481-vs-500');
    const section = page.split('## When to use which\n\n')[1]!.split('\n\n')[0]!;
    expect(section).toBe(
      [
        '- **481 Call/Transaction Does Not Exist**: It comes from a user agent server (UAS); sending the same request again will not help.',
        '- **500 Server Internal Error**: It comes from a user agent server (UAS), a proxy, a registrar, or a redirect server; the same request may succeed later, so wait before retrying. Header field to check: `Retry-After`.',
      ].join('\n'),
    );
  });

  for (const locale of ['en', 'vi', 'ja']) {
    test(`${locale}: under 40% of comparison prose is copied from the two code pages (200-page sample)`, () => {
      const r = measureOverlap(site, { locale, sampleSize: 200 });
      expect(r.pages).toBe(200);
      expect(r.total).toBeGreaterThan(50_000);
      expect(r.share).toBeLessThan(0.4);
    });
  }
});
