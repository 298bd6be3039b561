import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeProject, repoRoot, statusbook, TRANSLATED } from './helpers.js';
import { decodeEntities, dokuWiki, hasDokuWiki, scratch, type DokuWiki } from './real-wikis.js';

// Markup of every wiki syntax, in every text field of SIP 437 and the pair 200-vs-437 and in
// their Vietnamese translation (fixtures/wiki-hostile).
const HOSTILE = [
  '{{Hostile}} [[Main Page]]',
  "''it'' '''b'''",
  '__NOTOC__ <ref>r</ref> ~~~~ </nowiki> <nowiki>n</nowiki>',
  '<span style=x>s</span> <html><b>h</b></html> <php>echo 1;</php> %%p%% ~~NOTOC~~ ]] {{wiki:dokuwiki-128.png}}',
  '[http://evil.example e] RFC 1234 www.example.com FIXME (c) 640x480 ...',
];

/** What a reader sees of rendered XHTML: tags dropped, entities decoded, zero-width spaces gone. */
function textOf(html: string): string {
  return decodeEntities(html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '')).replace(/\u200b/g, '');
}

const pagesOf = (dir: string, locale: string) => join(dir, 'output/dokuwiki', locale, 'data/pages');

describe.skipIf(!hasDokuWiki)('DokuWiki (Debian) renders the exported tree', () => {
  let hostile: string;
  let wiki: DokuWiki;

  beforeAll(() => {
    hostile = makeProject('translated');
    cpSync(fileURLToPath(new URL('./fixtures/wiki-hostile/', import.meta.url)), hostile, { recursive: true });
    cpSync(join(repoRoot, 'locales/vi/ui.json'), join(hostile, 'locales/vi/ui.json'));
    const run = statusbook(['build', '--format', 'dokuwiki'], hostile);
    expect(run.code, run.stderr).toBe(0);
    wiki = dokuWiki([pagesOf(hostile, 'en'), pagesOf(hostile, 'vi')]);
  });
  afterAll(() => wiki?.remove());

  test('hostile text in every field, reason phrase, note and translation comes out as text', () => {
    const pages = {
      'en/sip/437': ['SUMMARY', 'DESCRIPTION', 'WHEN', 'FIX'],
      'en/sip/compare/200-vs-437': ['DIFFERENCE', 'WHENTOUSE', 'SCENARIO'],
      'vi/sip/437': ['TÓM TẮT', 'MÔ TẢ', 'KHI', 'SỬA'],
      'vi/sip/compare/200-vs-437': ['KHÁC BIỆT', 'KHI DÙNG', 'KỊCH BẢN'],
    };
    for (const [page, fields] of Object.entries(pages)) {
      const html = wiki.render(readFileSync(join(wiki.pages, 'statusbook', `${page}.txt`), 'utf8'));
      const text = textOf(html);
      for (const field of fields) for (const piece of HOSTILE) expect(text, `${page} ${field}`).toContain(piece);
      // Nothing from the content became an element, an image, a link or a switch.
      expect(html).not.toMatch(/<img|<b>h<\/b>|<span style|href="http:\/\/evil|href="http:\/\/www\.example/);
      expect(html).not.toMatch(/class="wikilink2"/);
      expect(html).toMatch(/<h1[^>]*>/);
      // The table of contents DokuWiki makes is not asked for by render.php; ~~NOTOC~~ stayed text above.
    }
    const code = textOf(wiki.render(readFileSync(join(wiki.pages, 'statusbook/en/sip/437.txt'), 'utf8')));
    expect(code).toContain("SIP 437 Unsupported __NOTOC__ {{Credential}} [[x]] ''y'' ~~~~ </nowiki> %% ]]");
    const compare = wiki.render(readFileSync(join(wiki.pages, 'statusbook/en/sip/compare/200-vs-437.txt'), 'utf8'));
    // The reason phrase as a link title, with its `]]` kept from ending the link.
    expect(textOf(compare)).toContain("437 Unsupported __NOTOC__ {{Credential}} [[x]] ''y'' ~~~~ </nowiki> %% ]]");
    expect(compare).toMatch(/<a href="[^"]*id=statusbook:en:sip:437" class="wikilink1"[^>]*>437 Unsupported/);
  });

  test('every internal link of the bundled content resolves, in every locale', () => {
    const dir = scratch('statusbook-dw-build-');
    cpSync(join(repoRoot, 'content'), join(dir, 'content'), { recursive: true });
    cpSync(join(repoRoot, 'locales'), join(dir, 'locales'), { recursive: true });
    cpSync(join(repoRoot, 'templates'), join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'statusbook.config.yaml'), 'pairs: curated\n');
    const run = statusbook(['build', '--format', 'dokuwiki'], dir);
    expect(run.code, run.stderr).toBe(0);
    const bundled = dokuWiki(['en', ...TRANSLATED].map((l) => pagesOf(dir, l)));
    try {
      expect(bundled.wanted()).toEqual([]);
      // The check finds a broken link when there is one.
      mkdirSync(join(bundled.pages, 'statusbook/en/extra'), { recursive: true });
      writeFileSync(join(bundled.pages, 'statusbook/en/extra/broken.txt'), '[[:statusbook:en:sip:999|nowhere]]\n');
      expect(bundled.wanted().join('\n')).toContain('statusbook:en:sip:999');
      const home = bundled.render(readFileSync(join(bundled.pages, 'statusbook/ja/start.txt'), 'utf8'));
      expect(home).toMatch(/class="wikilink1"/);
      expect(home).not.toMatch(/class="wikilink2"/);
    } finally {
      bundled.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
