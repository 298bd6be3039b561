// The page list: its count (used for progress and to choose how a rebuild writes) must be
// the number of pages listed, for every choice of formats, pairs and redirect pages.
import { loadContent } from '@statusbook/core';
import { expect, test } from 'vitest';
import { pageRefCount, pageRefs } from '../src/page-refs.js';
import type { Format } from '../src/types.js';

const { protocols } = await loadContent(new URL('../../../content/', import.meta.url).pathname);

test.each([
  [['html'], 'all', false],
  [['html'], 'all', true],
  [['md', 'html', 'print'], 'all', false],
  [['md', 'html', 'print'], 'curated', true],
  [['print'], 'curated', false],
] as const)('%j, %s pairs, redirect pages %s: the count is the length of the list', (formats, pairs, redirectPages) => {
  const listed = [...pageRefs(protocols, ['en', 'ja'], formats as readonly Format[], pairs, redirectPages)];
  expect(pageRefCount(protocols, ['en', 'ja'], formats as readonly Format[], pairs, redirectPages)).toBe(listed.length);
  expect(listed.some((r) => r.kind === 'redirect')).toBe(redirectPages && formats.includes('html'));
});
