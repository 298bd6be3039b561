// A translated reason gloss is part of the code's heading, not a paragraph of its own.
import { expect, test } from 'vitest';
import { bundledSite } from './bundled-site.js';
import type { Page } from '../src/index.js';

const { site } = await bundledSite(['md', 'html', 'print']);

function render(find: (p: Page) => boolean): string {
  return site.render([...site.pages()].find(find)!).contents;
}
const code401 = (locale: string, format: string) => (p: Page) =>
  p.kind === 'code' && p.locale === locale && p.format === format && p.protocol.id === 'http' && p.code.code === 401;

// The first render of each locale and format compiles its templates and sentences.
test('code pages: the gloss ends the h1 / the # heading, in the locale’s parentheses', { timeout: 30_000 }, () => {
  expect(render(code401('vi', 'html'))).toContain('<h1>HTTP 401 Unauthorized<span class="gloss"> (Chưa được xác thực)</span></h1>');
  expect(render(code401('ja', 'html'))).toContain('<h1>HTTP 401 Unauthorized<span class="gloss">（未認証）</span></h1>');
  expect(render(code401('ja', 'print'))).toContain('<h1>HTTP 401 Unauthorized<span class="gloss">（未認証）</span></h1>');
  const md = render(code401('vi', 'md'));
  expect(md).toContain('\n# HTTP 401 Unauthorized (Chưa được xác thực)\n');
  // No stray one-line paragraph holding the gloss alone.
  expect(md).not.toMatch(/^Chưa được xác thực$/m);
  expect(render(code401('vi', 'html'))).not.toContain('<p class="gloss">');
  // English has no gloss: the phrase is its own.
  expect(render(code401('en', 'html'))).toContain('<h1>HTTP 401 Unauthorized</h1>');
});

test('books: each code’s entry heading carries its gloss', { timeout: 30_000 }, () => {
  const book = render((p) => p.kind === 'book' && p.locale === 'ja' && p.protocol.id === 'sip');
  expect(book).toContain('<h3>401 Unauthorized<span class="gloss">（未認証）</span></h3>');
  expect(book).not.toContain('<p class="gloss">');
});

test('a gloss in brackets of its own ("(Unused)") is not bracketed twice, in the heading or the index', { timeout: 30_000 }, () => {
  const code306 = (locale: string, format: string) => (p: Page) =>
    p.kind === 'code' && p.locale === locale && p.format === format && p.protocol.id === 'http' && p.code.code === 306;
  expect(render(code306('vi', 'html'))).toContain('<h1>HTTP 306 (Unused)<span class="gloss"> (Không sử dụng)</span></h1>');
  expect(render(code306('ja', 'html'))).toContain('<h1>HTTP 306 (Unused)<span class="gloss">（未使用）</span></h1>');
  expect(render(code306('vi', 'md'))).toContain('\n# HTTP 306 (Unused) (Không sử dụng)\n');
  const index = render((p) => p.kind === 'protocol' && p.locale === 'vi' && p.format === 'md' && p.protocol.id === 'http');
  expect(index).toContain('(Unused)](306.md) (Không sử dụng)');
  expect(index).not.toContain('((');
});
