import { expect, test } from 'vitest';
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
