// Links between pages are relative, so a site works from any folder and from file://.
import { expect, test } from 'vitest';
import { html, print } from '../src/formats/html.js';
import { md } from '../src/formats/md.js';
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

test('every Markdown and print link is the relative path between the two files', () => {
  const has = (kinds: readonly string[]) => targets.filter((t) => kinds.includes(t.kind));
  for (const [format, pages] of [
    [md, has(md.kinds)],
    [print, [...has(print.kinds), { kind: 'book', locale: 'en', protocol: 'sip' } as Target, { kind: 'book', locale: 'ja', protocol: 'http' } as Target]],
  ] as const) {
    for (const from of pages) {
      for (const to of pages) expect(format.href(from, to), `${format.path(from)} -> ${format.path(to)}`).toBe(relativeHref(format.path(from), format.path(to)));
    }
  }
  expect(md.href(targets[8]!, targets[5]!)).toBe('../437.md');
  expect(md.href(targets[2]!, targets[8]!)).toBe('compare/200-vs-437.md');
  expect(md.href(targets[5]!, targets[0]!)).toBe('../index.md');
  expect(() => md.href(targets[5]!, targets[11]!)).toThrow(/no page of kind 'redirect'/);
});
