// Each escaper on its own, character by character: a control character, separator,
// noncharacter or lone surrogate never comes out as it is; it comes out as its documented
// replacement would (docs/architecture.md, "Escaping").
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cssString, scriptJson } from '../src/formats/embedded.js';
import { escapeHtml } from '../src/formats/html.js';
import { frontMatterYaml, md } from '../src/formats/md.js';
import { loadTemplates, type HelperContext } from '../src/templates.js';

const CHARS = [...Array.from({ length: 32 }, (_, i) => i), 0x7f, 0x85, 0x9b, 0x2028, 0x2029, 0xfdd0, 0xfffe, 0xffff, 0xd800, 0xdc00].map((n) => String.fromCharCode(n));
const replacement = (c: string) => (/[\t\n\v\f\r\u0085\u2028\u2029]/.test(c) ? ' ' : '\ufffd');
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\0-\x1f\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const name = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

const escapers: Record<string, (s: string) => string> = {
  'HTML text and attributes': escapeHtml,
  'Markdown text': md.text,
  'Markdown code': md.code,
  'Markdown link destination': md.url,
  'CSS string': cssString,
  // One line of YAML: the title's, and its newline.
  'front matter': (s) => frontMatterYaml({ title: s }).replace(/\n$/, ''),
};

describe.each(CHARS.map((c) => [name(c), c] as const))('%s', (_name, c) => {
  test.each(Object.keys(escapers))('%s: replaced as documented', (kind) => {
    const escape = escapers[kind]!;
    const value = `a${c}# b${c}"c" \ud83d\ude00`;
    const out = escape(value);
    expect(out).not.toMatch(RAW);
    expect(out).toBe(escape(value.replaceAll(c, replacement(c))));
  });

  test('front matter reads back on one line', () => {
    const yaml = frontMatterYaml({ title: `a${c}---${c}b: c` });
    expect(parseYaml(yaml)).toEqual({ title: `a${replacement(c)}---${replacement(c)}b: c` });
  });

  test('a CSS string stays one string token', () => {
    expect(cssString(`a${c}"; } x { y: "${c}</style>`)).toMatch(/^"(?:[^"\\\n\r\f<]|\\[0-9a-f]{1,6} )*"$/);
  });

  test('JSON in a script reads back as the value, lone surrogates as U+FFFD', () => {
    const value = { s: `a${c}</script><!--${c}` };
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).not.toMatch(RAW);
    const expected = { s: /[\ud800-\udfff]/.test(c) ? value.s.replaceAll(c, '\ufffd') : value.s };
    expect(JSON.parse(json)).toEqual(expected);
    // As JavaScript source, too (U+2028 and U+2029 once ended string literals).
    expect(new Function(`return ${json};`)()).toEqual(expected);
  });
});

test('the json helper embeds a value in a script element that it cannot end', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-json-helper-'));
  mkdirSync(join(dir, 'layouts'));
  mkdirSync(join(dir, 'pages'));
  writeFileSync(join(dir, 'layouts/default.html.hbs'), '{{body}}');
  writeFileSync(join(dir, 'pages/not-found.html.hbs'), '<script>var data = {{json data}};</script>');
  writeFileSync(join(dir, 'pages/root.html.hbs'), '');
  const templates = await loadTemplates(dir, [{ format: 'html', kinds: [] }]);
  const data = { title: '</script><script>alert(1)</script>\u2028<!--', n: 1 };
  const html = templates.page('not-found', 'html')({ data }, {} as HelperContext);
  expect(html.match(/<\/?script/g)).toEqual(['<script', '</script']);
  expect(new Function(`${/<script>([\s\S]*)<\/script>/.exec(html)![1]!} return data;`)()).toEqual(data);
});
