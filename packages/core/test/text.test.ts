import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseText } from '../src/index.js';

test('inline Markdown is parsed into phrasing nodes', () => {
  const { text, blockFound } = parseText('Send `ACK` for *every* 2xx.');
  expect(blockFound).toBeUndefined();
  expect(text.nodes.map((n) => n.type)).toEqual(['text', 'inlineCode', 'text', 'emphasis', 'text']);
});

test('block structure is refused and kept as plain text', () => {
  const { text, blockFound } = parseText('# Not a heading');
  expect(blockFound).toBe('a heading');
  expect(text.nodes).toEqual([{ type: 'text', value: '# Not a heading' }]);
  expect(parseText('- one\n- two').blockFound).toBe('a list');
});

describe('the hand-read path for one-line text with code spans', () => {
  const viaParser = (source: string) => {
    const [paragraph] = fromMarkdown(source).children;
    return JSON.parse(JSON.stringify(paragraph?.type === 'paragraph' ? paragraph.children : [], (k, v: unknown) => (k === 'position' ? undefined : v)));
  };

  test.each([
    'Send `ACK` now.',
    '`INVITE` first',
    'ends with `code`',
    'a ``double `tick` span`` here',
    'spaces `  padded  ` and ` one `',
    'unclosed `tick stays text',
    'mismatched ``run` stays text',
    'empty `` ` `` span and `x``y`',
  ])('%s reads as the Markdown parser reads it', (source) => {
    expect(parseText(source).text.nodes).toEqual(viaParser(source));
  });

  test('every text of the bundled content and its translations reads as the parser reads it', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const files = [join(root, 'content'), join(root, 'locales')].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f)),
    );
    const texts: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') texts.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const file of files) collect(parse(readFileSync(file, 'utf8')));
    const withCode = texts.filter((t) => t.includes('`'));
    expect(withCode.length).toBeGreaterThan(500);
    for (const text of withCode) {
      const parsed = parseText(text);
      if (!parsed.blockFound) expect(parsed.text.nodes, text).toEqual(viaParser(text));
    }
  }, 60_000);
});
