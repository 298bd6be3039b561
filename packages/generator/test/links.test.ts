// Links between pages are relative, so a site works from any folder and from file://.
import { expect, test } from 'vitest';
import { html } from '../src/formats/html.js';
import { relativeHref } from '../src/formats/relative.js';
import type { Target } from '../src/types.js';

const targets: Target[] = [
  { kind: 'home', locale: 'en' },
  { kind: 'home', locale: 'ja' },
  { kind: 'protocol', locale: 'en', protocol: 'sip' },
  { kind: 'compare-index', locale: 'en', protocol: 'sip' },
  { kind: 'compare-index', locale: 'vi', protocol: 'http' },
  { kind: 'code', locale: 'en', protocol: 'sip', code: 437 },
  { kind: 'code', locale: 'en', protocol: 'sip', code: 200 },
  { kind: 'code', locale: 'en', protocol: 'http', code: 200 },
  { kind: 'compare', locale: 'en', protocol: 'sip', slug: '200-vs-437' },
  { kind: 'compare', locale: 'en', protocol: 'sip', slug: '180-vs-183' },
  { kind: 'compare', locale: 'ja', protocol: 'sip', slug: '200-vs-437' },
  { kind: 'redirect', locale: 'en', protocol: 'sip', slug: '437-vs-200' },
];

test('every HTML link is the relative path between the two pages, with the folder index left out', () => {
  for (const from of targets) {
    for (const to of targets) {
      expect(html.href(from, to), `${html.path(from)} -> ${html.path(to)}`).toBe(relativeHref(html.path(from), html.path(to)));
    }
  }
  expect(html.href(targets[8]!, targets[9]!)).toBe('../180-vs-183/');
  expect(html.href(targets[8]!, targets[5]!)).toBe('../../437/');
  expect(html.href(targets[8]!, targets[10]!)).toBe('../../../../ja/sip/compare/200-vs-437/');
  expect(html.href(targets[8]!, targets[8]!)).toBe('./');
  expect(html.href(targets[0]!, targets[2]!)).toBe('sip/');
});
