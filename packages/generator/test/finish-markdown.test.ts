import { describe, expect, it } from 'vitest';
import { finishMarkdown } from '../src/formats/md.js';

/** The slow, obviously right version: strip line-end spaces, fold blank lines, trim. */
const reference = (body: string) => `${body.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;

describe('finishing a Markdown page body', () => {
  it('gives the same bytes as stripping line-end spaces, folding blank lines and trimming', () => {
    const bodies = [
      '# Title\n\nText.\n',
      '# Title\n\nText.',
      '# Title\n\nText.\n\n',
      '# Title  \nText.\n',
      '# Title\t\nText.\n',
      '# Title\n\nText. ',
      '# Title\n\nText.\t',
      '\n# Title\n',
      '  # Title\n',
      '# Title\n\n\n\n- a\n',
      '# Title \n\n\n\n- a \n',
      '# 日本語の見出し\n\n本文。\n',
      '# Title\n\n本文。\n',
      '# Title\n\n\u00a0\n',
      '\u3000# Title\n',
      'x\n',
      '\n',
      ' ',
      '',
    ];
    for (const body of bodies) expect(finishMarkdown(body), JSON.stringify(body)).toBe(reference(body));
  });
});
