import { describe, expect, it } from 'vitest';
import { finishHtml } from '../src/formats/html.js';
import { finishMarkdown } from '../src/formats/md.js';

// What every page goes through last, against the slow, obviously right versions.
const foldAndTrim = (body: string) => `${body.replace(/\n{3,}/g, '\n\n').trim()}\n`;
const stripFoldAndTrim = (body: string) => foldAndTrim(body.replace(/[ \t]+$/gm, ''));

describe('finishing an HTML page', () => {
  it('gives the same bytes as folding blank lines and trimming, whatever the page starts or ends with', () => {
    const bodies = [
      '<!doctype html>\n<p>x</p>\n',
      '<!doctype html>\n<p>x</p>',
      '<!doctype html>\n<p>x</p>\n\n',
      '<!doctype html>\n<p>x</p>  \n',
      '\n<!doctype html>\n<p>x</p>\n',
      ' <p>x</p>\n',
      '<p>x</p>\n\n\n\n<p>y</p>\n',
      '<p>日本語</p>\n',
      '<p>末尾が日本語\n',
      '<p>x</p>\u00a0\n',
      '\u3000<p>x</p>\n',
      'x\n',
      '\n',
      '',
    ];
    for (const body of bodies) expect(finishHtml(body), JSON.stringify(body)).toBe(foldAndTrim(body));
  });
});

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
    for (const body of bodies) expect(finishMarkdown(body), JSON.stringify(body)).toBe(stripFoldAndTrim(body));
  });
});
