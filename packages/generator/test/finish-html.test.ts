import { describe, expect, it } from 'vitest';
import { finishHtml } from '../src/formats/html.js';

/** What every HTML and print page goes through last: the slow, obviously right version. */
const reference = (body: string) => `${body.replace(/\n{3,}/g, '\n\n').trim()}\n`;

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
    for (const body of bodies) expect(finishHtml(body), JSON.stringify(body)).toBe(reference(body));
  });
});
