// Every vi and ja page must read in its language from title to footer: no English sentence
// outside the protocol tokens (reason phrases, header and method names, RFC titles, code).
import type { Protocol } from '@statusbook/core';
import { describe, expect, test } from 'vitest';
import { bundledSite } from './bundled-site.js';
import type { OutputFile, Page } from '../src/index.js';

const locales = ['vi', 'ja'];
const { protocols, site } = await bundledSite(['md', 'html', 'print'], { redirectPages: true });

/** A sample of every kind: indexes, books, some codes, curated and derived comparisons, redirects. */
function sample(locale: string): Page[] {
  const pick = new Set(['sip:437', 'sip:202', 'sip:183', 'http:413', 'http:418', 'http:503']);
  const pairs = new Set(['sip:200-vs-437', 'sip:486-vs-600', 'sip:182-vs-505', 'http:301-vs-308', 'http:204-vs-511']);
  return [...site.pages()].filter((p) => {
    if (p.locale !== locale) return false;
    if (p.kind === 'code') return pick.has(`${p.protocol.id}:${p.code.code}`);
    if (p.kind === 'compare' || p.kind === 'redirect') return pairs.has(`${p.protocol.id}:${p.pair.slug}`);
    return true;
  });
}

/** Words and phrases that stay English on purpose: protocol tokens and names. */
function allowed(all: readonly Protocol[]): string[] {
  const out = new Set<string>(['Statusbook']);
  for (const p of all) {
    out.add(p.title);
    out.add(p.registry.name);
    for (const ref of p.references) if (ref.title) out.add(ref.title);
    for (const c of p.codes) {
      out.add(c.reason);
      for (const f of c.formerReasons) out.add(f.reason);
      for (const a of c.alsoNamed) out.add(a.reason);
      for (const ref of c.references) if (ref.title) out.add(ref.title);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const ENGLISH = /\b(the|and|of|to|is|are|with|for|when|that|this|from|by|be|not|it|its|an|as|or|on|at|was|which|can|may|must|should|will|has|have|does|do|if|than|then|into|only|also|but|you|your)\b/gi;

/** Plain visible text of a page, without code, URLs and allowed tokens. */
function visibleText(file: OutputFile, tokens: readonly string[]): string {
  let text = file.contents;
  // Registered names such as SMTP's "<domain> Service ready" appear escaped: `\<` in Markdown, `&lt;` in HTML.
  for (const token of tokens) {
    for (const escaped of [token.replaceAll('<', '\\<'), token.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')]) text = text.split(escaped).join(' ');
  }
  if (file.path.endsWith('.md')) {
    text = text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/`[^`]*`/g, ' ').replace(/\]\([^)]*\)/g, '] ');
  } else {
    text = text
      .replace(/<(style|script|code)[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z#0-9]+;/gi, ' ');
  }
  text = text.replace(/https?:\/\/\S+/g, ' ');
  for (const token of tokens) text = text.split(token).join(' ');
  return text;
}

/** Runs of Latin words in which English function words show an English sentence. */
function englishSentences(text: string): string[] {
  const found: string[] = [];
  const words = text.split(/\s+/).filter((w) => w !== '');
  for (let i = 0; i + 6 <= words.length; i++) {
    const window = words.slice(i, i + 6);
    if (!window.every((w) => /^[A-Za-z'’,.;:()-]+$/.test(w))) continue;
    const hits = window.join(' ').match(ENGLISH) ?? [];
    if (hits.length >= 2) found.push(window.join(' '));
  }
  return found;
}

test('the check finds English sentences where there are some', () => {
  const english = [...site.pages()].find((p) => p.locale === 'en' && p.kind === 'code' && p.format === 'html')!;
  expect(englishSentences(visibleText(site.render(english), allowed(protocols))).length).toBeGreaterThan(5);
});

describe.each(locales)('%s pages read in their language', (locale) => {
  const tokens = allowed(protocols);
  const pages = sample(locale);

  test('the sample covers every kind and format', () => {
    const kinds = new Set(pages.map((p) => `${p.kind}:${p.format}`));
    for (const k of ['home:md', 'home:html', 'protocol:md', 'protocol:html', 'compare-index:md', 'compare-index:html', 'code:md', 'code:html', 'code:print', 'compare:md', 'compare:html', 'compare:print', 'redirect:html', 'book:print']) {
      expect(kinds).toContain(k);
    }
  });

  test('no English sentence from title to footer', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const file = site.render(page);
      for (const s of englishSentences(visibleText(file, tokens))) problems.push(`${file.path}: ${s}`);
    }
    expect(problems).toEqual([]);
  });

  test('the page says its language, and nothing fell back to English', () => {
    const page = site.render(pages.find((p) => p.kind === 'code' && p.format === 'html')!);
    expect(page.contents).toContain(`<html lang="${locale}" dir="ltr">`);
    expect(page.contents).not.toContain('<span lang="en">');
    expect(page.contents).not.toContain('i18n-note');
  });
});
