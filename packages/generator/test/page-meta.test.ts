// What an HTML page says about itself in <head> (meta description, Open Graph, links to its
// other forms) and the anchors of its headings.
import { loadContent, loadTranslations, type Protocol } from '@statusbook/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { anchorHeadings } from '../src/formats/heading-anchors.js';
import { metaDescription, ogLocale } from '../src/page-meta.js';
import { createSite, sourceContent, translatedContent, type Format, type SiteOptions } from '../src/index.js';
import { repo } from './bundled-site.js';

let protocols: readonly Protocol[];
let content: NonNullable<SiteOptions['content']>;

beforeAll(async () => {
  protocols = (await loadContent(`${repo}content`)).protocols.filter((p) => p.id === 'sip');
  const { translations } = await loadTranslations(`${repo}locales`, ['vi', 'ja'], protocols);
  content = (locale) => (locale === 'en' ? sourceContent : translatedContent(translations.get(locale)!));
});

/** The HTML page at `path` of a site in en, vi and ja with these options. */
async function htmlPage(path: string, options: { formats?: Format[]; baseUrl?: string; mdProfile?: SiteOptions['mdProfile'] } = {}): Promise<string> {
  const site = await createSite({
    protocols,
    templatesDir: `${repo}templates`,
    localesDir: `${repo}locales`,
    locales: ['en', 'vi', 'ja'],
    formats: options.formats ?? ['html'],
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.mdProfile ? { mdProfile: options.mdProfile } : {}),
    content,
  });
  // Only the page asked for is rendered: pages are told apart by their kind and fields.
  const [, locale, ...rest] = path.split('/').slice(0, -1);
  const key = rest.slice(1).join('/');
  for (const page of site.pages()) {
    if (page.format !== 'html' || page.locale !== locale) continue;
    const own = page.kind === 'home' ? '' : page.kind === 'protocol' ? '' : page.kind === 'code' ? String(page.code.code) : page.kind === 'compare' ? `compare/${page.pair.slug}` : undefined;
    if (own !== key || (page.kind === 'protocol') !== (rest.length === 1) || (page.kind === 'home') !== (rest.length === 0)) continue;
    const file = site.render(page);
    if (file.path === path) return file.contents;
  }
  throw new Error(`no page ${path}`);
}

const meta = (page: string, name: string): string[] => [...page.matchAll(new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)">`, 'g'))].map((m) => m[1]!);
const alternates = (page: string) => [...page.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);

describe('head', () => {
  test('a code page: description from its summary, Open Graph and Twitter tags, og:url only with a base URL', async () => {
    const page = await htmlPage('html/ja/sip/437/index.html', { baseUrl: 'https://docs.example.org/' });
    const [description] = meta(page, 'description');
    expect(description).toMatch(/^検証サービスは Identity ヘッダーフィールドが指す認証情報を入手できたものの、.*…$/);
    expect(meta(page, 'og:description')).toEqual([description]);
    expect(meta(page, 'twitter:description')).toEqual([description]);
    expect(meta(page, 'og:title')).toEqual(['SIP 437 Unsupported Credential']);
    expect(meta(page, 'og:type')).toEqual(['article']);
    expect(meta(page, 'og:url')).toEqual(['https://docs.example.org/ja/sip/437/']);
    expect(meta(page, 'og:locale')).toEqual(['ja_JP']);
    expect(meta(page, 'og:locale:alternate')).toEqual(['en_US', 'vi_VN']);
    expect(meta(page, 'twitter:card')).toEqual(['summary']);
    expect(page).toContain('<link rel="icon" href="../../../assets/favicon.svg" type="image/svg+xml">');
    const home = await htmlPage('html/en/index.html');
    expect(meta(home, 'og:url')).toEqual([]);
    expect(meta(home, 'og:type')).toEqual(['website']);
    expect(meta(home, 'description')).toEqual(['Protocol status codes, explained and compared, from the RFCs and IANA registries.']);
  });

  test('a comparison without notes is described by its first sentence, as plain text', async () => {
    const page = await htmlPage('html/en/sip/compare/100-vs-180/index.html');
    expect(meta(page, 'description')[0]).toMatch(/^100 Trying is a hop-by-hop acknowledgement .*…$/);
  });

  test('links to the md and json forms only when the output holds them', async () => {
    expect(alternates(await htmlPage('html/en/sip/437/index.html'))).toEqual([]);
    expect(alternates(await htmlPage('html/en/sip/437/index.html', { formats: ['html', 'md', 'json'], baseUrl: 'https://x.org/docs' }))).toEqual([
      ['text/markdown', 'https://x.org/docs/md/en/sip/437.md'],
      ['application/json', 'https://x.org/docs/json/en/sip/437.json'],
    ]);
    // The home page has no JSON document; a Markdown profile's files are a docs tool's sources, not pages to read.
    expect(alternates(await htmlPage('html/vi/index.html', { formats: ['html', 'md', 'json'] }))).toEqual([['text/markdown', '/md/vi/index.md']]);
    expect(alternates(await htmlPage('html/en/sip/437/index.html', { formats: ['html', 'md'], mdProfile: 'hugo' }))).toEqual([]);
  });

  test('/ lists every locale in its own language, with no refresh to one of them', async () => {
    const site = await createSite({ protocols, templatesDir: `${repo}templates`, localesDir: `${repo}locales`, locales: ['en', 'vi', 'ja'], formats: ['html'], content });
    const root = [...site.files()].find((f) => f.path === 'html/index.html')!.contents;
    expect(root).not.toContain('http-equiv="refresh"');
    expect([...root.matchAll(/<li lang="([^"]+)" dir="ltr"><a href="([^"]+)" hreflang="[^"]+">([^<]+)<\/a>/g)].map((m) => m.slice(1))).toEqual([
      ['en', 'en/', 'English'],
      ['vi', 'vi/', 'Tiếng Việt'],
      ['ja', 'ja/', '日本語'],
    ]);
    expect(root).toContain('var locales = ["en","vi","ja"];');
  });
});

describe('meta descriptions', () => {
  test('whole sentences while they fit 160 columns; else cut at a word, with an ellipsis', () => {
    expect(metaDescription('  Short   text. ', 'en')).toBe('Short text.');
    const sentence = `Word ${'word '.repeat(11).trim()}.`;
    expect(metaDescription(`${sentence} ${sentence} ${sentence}`, 'en')).toBe(`${sentence} ${sentence}`);
    const long = metaDescription('word '.repeat(60), 'en');
    expect(long).toBe(`${'word '.repeat(31)}word…`);
    expect(long).toHaveLength(160);
    // Japanese: no spaces, two columns a character, cut between words.
    const ja = metaDescription('認証情報を入手できたものの'.repeat(20), 'ja');
    expect(ja.endsWith('…')).toBe(true);
    expect([...ja].length).toBeLessThanOrEqual(81);
  });

  test('Open Graph locales are language_TERRITORY', () => {
    expect(['en', 'vi', 'ja', 'pt-BR', 'zh-Hant'].map(ogLocale)).toEqual(['en_US', 'vi_VN', 'ja_JP', 'pt_BR', 'zh_TW']);
  });
});

describe('heading anchors', () => {
  test('every h2 and h3 gets an id (its own, or a unique slug of its text) and a link to it', () => {
    const page = '<h1>T</h1>\n<h2 id="facts">Facts</h2>\n<h2>When &amp; why</h2>\n<h3>When &amp; why</h3>\n<h2>Mã &lt;x&gt;</h2>\n<h3 class="x">kept</h3>';
    expect(anchorHeadings(page)).toBe(
      [
        '<h1>T</h1>',
        '<div class="heading"><h2 id="facts">Facts</h2><a class="anchor" href="#facts" aria-labelledby="anchor-label facts">#</a></div>',
        '<div class="heading"><h2 id="when-why">When &amp; why</h2><a class="anchor" href="#when-why" aria-labelledby="anchor-label when-why">#</a></div>',
        '<div class="heading"><h3 id="when-why-2">When &amp; why</h3><a class="anchor" href="#when-why-2" aria-labelledby="anchor-label when-why-2">#</a></div>',
        '<div class="heading"><h2 id="mã-x">Mã &lt;x&gt;</h2><a class="anchor" href="#mã-x" aria-labelledby="anchor-label mã-x">#</a></div>',
        '<h3 class="x">kept</h3>',
      ].join('\n'),
    );
  });
});

test('the document title names the page, then the site; a home page, titled by the site, names it once', async () => {
  expect(await htmlPage('html/en/index.html')).toContain('<title>Statusbook</title>');
  expect(await htmlPage('html/ja/sip/437/index.html')).toMatch(/<title>SIP 437 Unsupported Credential · Statusbook<\/title>/);
});
