// Markdown front matter is written by hand for the usual shape; it must be what the yaml
// library writes, and read back as the same data, whatever the strings hold.
import { expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { frontMatterYaml } from '../src/formats/md.js';

const pages: Record<string, unknown>[] = [
  { title: 'SIP 200 OK vs 437 Unsupported Credential', locale: 'en', kind: 'compare', protocol: 'sip', codes: [200, 437], canonical: '/en/sip/compare/200-vs-437/', alternates: { ja: '/ja/sip/compare/200-vs-437/', vi: '/vi/sip/compare/200-vs-437/' } },
  { title: 'SIP 437 Unsupported Credential', locale: 'ja', kind: 'code', protocol: 'sip', code: 437, canonical: '/ja/sip/437/', alternates: { en: '/en/sip/437/' } },
  { title: 'So sánh SIP 200 OK và 437 Unsupported Credential', locale: 'vi', kind: 'code', code: 437 },
  { title: 'HTTP 418 (Unused): a note', locale: 'en' },
  { title: 'yes', locale: 'no' },
  { title: '#hash', locale: 'en' },
  { title: "it's 'quoted' \"twice\"", locale: 'en' },
  { title: 'ends with a dot.', locale: 'en' },
  { title: '100', locale: 'en' },
  { title: '<script>alert(1)</script> | *bold*', locale: 'en', alternates: { 'x y': '/a b/' } },
  { title: '- starts like a list', locale: 'en', codes: [] },
];

test.each(pages)('front matter %# is what the yaml library writes and reads back the same', (data) => {
  expect(frontMatterYaml(data)).toBe(stringify(data, { lineWidth: 0 }));
  expect(parse(frontMatterYaml(data))).toEqual(data);
});
