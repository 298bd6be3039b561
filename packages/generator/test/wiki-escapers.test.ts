import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent } from '@statusbook/core';
import { createSite, type OutputFile } from '../src/index.js';
import { dokuText, finishDokuwiki, titleText } from '../src/formats/dokuwiki.js';
import { wikiText, wikiUrl } from '../src/formats/wikitext.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/hostile/content/', import.meta.url));

const HOSTILE = [
  '{{Template}}',
  '[[Link]]',
  "''italic'' '''bold'''",
  '__NOTOC__',
  '<ref>x</ref>',
  '~~~~',
  '</nowiki>',
  '</NOWIKI >',
  '<nowiki>',
  '%%x%%',
  '<html><b>h</b></html>',
  '<php>echo 1;</php>',
  '~~NOTOC~~',
  '{{wiki:logo.png}}',
  '-{x}-',
  '----',
  '== h ==',
  '* item',
  '# item',
  ': indent',
  '; term',
  '{| table',
  '| cell || cell',
  '! head',
  'RFC 1234',
  'ISBN 0-306-40615-2',
  'http://evil.example',
  'www.example.com',
  "l'apostrophe",
  "'edge'",
  ' leading space',
  'a\nnew line',
];

/** Wikitext with our nowiki runs taken out: what MediaWiki parses as markup. */
const outsideNowiki = (s: string) => s.replace(/<nowiki>[^<]*<\/nowiki>/g, '');
const outsideDoku = (s: string) => s.replace(/<nowiki>[^<]*<\/nowiki>|%%<%%/g, '');

describe('wikitext escaping', () => {
  test.each(HOSTILE)('%j is plain words or one nowiki run that it cannot end', (value) => {
    const out = wikiText(value);
    expect(out).not.toContain('\n');
    const rest = outsideNowiki(out);
    // What is left outside nowiki is only letters, digits, spaces and harmless punctuation.
    expect(rest).toMatch(/^[\p{L}\p{N} ,.()?"“”’‘–—、。，「」『』（）・：；？！;'-]*$/u);
    expect(rest).not.toMatch(/''|^['\-;]|'$|RFC|ISBN/);
    // Inside, no tag and no signature can start.
    for (const m of out.matchAll(/<nowiki>([^<]*)<\/nowiki>/g)) expect(m[1]).not.toMatch(/[<>~]/);
  });

  test('plain text is left as it is', () => {
    expect(wikiText('The request succeeded.')).toBe('The request succeeded.');
    expect(wikiText('Tiếng Việt, 日本語。')).toBe('Tiếng Việt, 日本語。');
  });

  test('URLs of external links keep their meaning and cannot end the link or start markup', () => {
    expect(wikiUrl('https://www.rfc-editor.org/rfc/rfc8224#section-6.2.2')).toBe('https://www.rfc-editor.org/rfc/rfc8224#section-6.2.2');
    expect(wikiUrl("https://x.example/a b]c''{{d}}__NOTOC__~|!%20")).toBe('https://x.example/a%20b%5Dc%27%27%7B%7Bd%7D%7D%5F%5FNOTOC%5F%5F%7E%7C%21%20');
  });
});

describe('DokuWiki escaping', () => {
  test.each(HOSTILE)('%j is plain words or nowiki runs without `<`', (value) => {
    const out = dokuText(value);
    expect(out).not.toContain('\n');
    expect(outsideDoku(out)).toMatch(/^[\p{L}\p{N} ,.?“”’‘–—、。，「」『』（）・：；？！]*$/u);
  });

  test('link titles and headings are plain text that cannot end the link or heading', () => {
    expect(titleText(dokuText('a ]] b'))).toBe('a ]\u200b] b');
    expect(titleText(dokuText('{{wiki:logo.png}}'))).toBe('\u200b{{wiki:logo.png}}');
    expect(titleText(dokuText('x <nowiki> y'))).toBe('x <nowiki> y');
    expect(finishDokuwiki(`====== ${dokuText('== a =')} ======\n`)).toBe('====== \u200b== a =\u200b ======\n');
    expect(finishDokuwiki(`  * [[:a:b|${dokuText('x]] [[y')}]]\n`)).toBe('  * [[:a:b|x]\u200b] [[y]]\n');
  });
});

describe('hostile content in the wiki formats', async () => {
  const { protocols, diagnostics } = await loadContent(fixture);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const site = await createSite({ protocols, templatesDir: `${repo}templates`, localesDir: `${repo}locales`, locales: ['en'], formats: ['mediawiki', 'dokuwiki', 'gitwiki'] });
  const files: OutputFile[] = [...site.pages()].map((page) => site.render(page));

  test('MediaWiki: no markup from content outside nowiki runs', () => {
    for (const file of files.filter((f) => f.path.endsWith('.wiki'))) {
      const rest = outsideNowiki(file.contents);
      expect(rest, file.path).not.toMatch(/<script|<img|<iframe|\{\{t\}\}|\{\{#each|javascript:/);
      // The only templates, tags and switches are the templates' own: none at all.
      expect(rest, file.path).not.toMatch(/\{\{|__[A-Z]+__|~~~/);
    }
  });

  test('DokuWiki: no markup from content outside nowiki runs, one level-1 heading per page', () => {
    for (const file of files.filter((f) => f.path.endsWith('.txt'))) {
      const rest = outsideDoku(file.contents.replace(/^=+ .* =+$/gm, '').replace(/\[\[(?:[^\]]|\](?!\]))*\]\]/g, ''));
      expect(rest, file.path).not.toMatch(/<script|<img|<iframe|<html|<php|\{\{|~~|javascript:/);
      expect(file.contents.match(/^====== /gm) ?? [], file.path).toHaveLength(1);
    }
  });

  test('the import dump is the same bytes each time, with a fixed timestamp', () => {
    const dump = files.find((f) => f.path === 'mediawiki/en/import.xml')!;
    expect(dump.contents).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<mediawiki xmlns="http:\/\/www.mediawiki.org\/xml\/export-0.11\/"/);
    expect(new Set(dump.contents.match(/<timestamp>[^<]*<\/timestamp>/g))).toEqual(new Set(['<timestamp>2001-01-15T00:00:00Z</timestamp>']));
    const again = [...site.pages()].filter((p) => p.kind === 'dump').map((p) => site.render(p));
    expect(again[0]!.contents).toBe(dump.contents);
  });
});
