// Facts a protocol declares (issue 22): a protocol with one fact of each kind, none of them
// named in ui.json, and one with no parties and no retry fact. Their pages build, and every
// comparison sentence is a whole sentence of its kind, in the protocol's exchange form.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent } from '@statusbook/core';
import { readFileSync } from 'node:fs';
import { createSite, uiKeyUsed, type OutputFile } from '../src/index.js';
import { PENDING_TRANSLATION } from './pending-translation.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/facts/content/', import.meta.url));

async function renderAll(): Promise<OutputFile[]> {
  const { protocols, diagnostics } = await loadContent(fixture);
  expect(diagnostics).toEqual([]);
  const site = await createSite({ protocols, templatesDir: `${repo}templates`, localesDir: `${repo}locales`, locales: ['en'], formats: ['md', 'html', 'json'] });
  return [...site.pages()].map((page) => site.render(page));
}

describe('declared facts', async () => {
  const files = await renderAll();
  const file = (path: string) => files.find((f) => f.path === path)!.contents;
  /** A comparison's lead and its contrasts, as the JSON document gives them. */
  const comparison = (protocol: string, slug: string): { summary: string; contrasts: string[] } => {
    const doc = JSON.parse(file(`json/en/${protocol}/compare/${slug}.json`)) as { summary: string; contrasts: { html: string }[] };
    return { summary: doc.summary, contrasts: doc.contrasts.map((c) => c.html) };
  };

  test('every page of both protocols builds in md and html', () => {
    const paths = files.map((f) => f.path);
    for (const [protocol, codes] of [['relay', [250, 354, 550, 551]], ['flat', [200, 404, 416]]] as const) {
      for (const code of codes) {
        expect(paths).toContain(`md/en/${protocol}/${code}.md`);
        expect(paths).toContain(`html/en/${protocol}/${code}/index.html`);
      }
    }
    expect(paths).toContain('md/en/relay/compare/250-vs-550.md');
    expect(paths).toContain('html/en/flat/compare/404-vs-416/index.html');
  });

  test('the facts table has a row per declared fact, in declaration order, valued by kind', () => {
    const page = file('md/en/relay/550.md');
    const rows = page.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Fact') && !l.startsWith('| ---'));
    expect(rows).toEqual([
      '| Class | 5yz Refused |',
      '| Kind | final reply |',
      '| verbs | any command |',
      '| stamps | `5.1` and `5.2` |',
      '| next | retry with a changed command |',
      '| origins | edge or core |',
      '| logged | no |',
      '| Registry status | current |',
      '| Defined in | RFC 9999, section 2 |',
    ]);
    expect(file('md/en/relay/354.md')).toContain('| Kind | intermediate reply (more input expected) |');
  });

  test('a comparison has one sentence per differing fact, by its kind, with the fact named', () => {
    expect(comparison('relay', '250-vs-550')).toEqual({
      summary: '<strong>250 Done</strong> means the command succeeded, while <strong>550 Refused</strong> means it was not carried out: after it, retry with a changed command.',
      contrasts: [
        '250 is in class 2yz, while 550 is in class 5yz.',
        'verbs: <code>SEND</code> for 250; any command for 550.',
        'stamps: <code>2.0</code> only for 250, <code>5.1</code> and <code>5.2</code> only for 550.',
        'After 250: nothing to retry. After 550: retry with a changed command.',
        '250 is sent by edge; 550 by edge or core.',
        'logged: yes for 250, no for 550.',
      ],
    });
  });

  test('an intermediate code against a final one leads with finality', () => {
    const { summary, contrasts } = comparison('relay', '250-vs-354');
    expect(summary).toBe('<strong>354 Go On</strong> asks for more input and the final reply is still to come, while <strong>250 Done</strong> is a final reply.');
    expect(contrasts).toContain('354 is an intermediate reply that asks for more input, while 250 is a final reply.');
    expect(contrasts).toContain('stamps: <code>2.0</code> for 250, not for 354.');
  });

  test('two failures with different next steps lead with the retry, in the command form', () => {
    expect(comparison('relay', '550-vs-551').summary).toBe(
      '<strong>550 Refused</strong> and <strong>551 Elsewhere</strong> are both final replies, but they call for different next steps: after 550, retry with a changed command; after 551, retry at another server.',
    );
  });

  test('"when to use which" says who sends it, what to do and which free tokens to read', () => {
    const page = file('md/en/relay/compare/250-vs-550.md');
    expect(page).toContain('- **250 Done**: It comes from edge and completes the command: there is nothing to retry. stamps to check: `2.0`.');
    expect(page).toContain('- **550 Refused**: It comes from edge or core; change the command before sending it again, since the same command gets the same reply. stamps to check: `5.1` and `5.2`.');
  });

  test('a protocol with no parties and no retry fact: no "It comes from", no next step in the lead', () => {
    expect(comparison('flat', '200-vs-404')).toEqual({
      summary: '<strong>200 OK</strong> means the call succeeded, while <strong>404 Nope</strong> means it did not.',
      contrasts: ['200 is in class ok, while 404 is in class errors.', 'cached: yes for 200, no for 404.', '404 needs <code>EDNS</code>; 200 does not.'],
    });
    expect(comparison('flat', '404-vs-416').summary).toBe('<strong>404 Nope</strong> and <strong>416 Worse</strong> are both in class Failures: what tells them apart is the situation each one reports.');
    const page = file('md/en/flat/compare/200-vs-404.md');
    expect(page).toContain('- **404 Nope**: The call has ended with this status.');
    expect(page).not.toMatch(/comes from|retry/i);
  });

  test('JSON fact rows carry the kind and the value', () => {
    const doc = JSON.parse(file('json/en/relay/550.json')) as { facts: { key: string; kind?: string; value?: unknown }[] };
    const data = doc.facts.filter((f) => f.kind !== undefined).map(({ key, kind, value }) => ({ key, kind, value }));
    expect(data).toEqual([
      { key: 'verbs', kind: 'tokens', value: [] },
      { key: 'stamps', kind: 'tokens', value: ['5.1', '5.2'] },
      { key: 'next', kind: 'retry', value: { id: 'with-changes', label: 'retry with a changed command' } },
      { key: 'origins', kind: 'parties', value: [{ id: 'edge', label: 'edge' }, { id: 'core', label: 'core' }] },
      { key: 'logged', kind: 'flag', value: false },
    ]);
  });
});

describe('which UI strings a build can use (translation coverage counts only those)', async () => {
  const flat = (o: Record<string, unknown>, prefix = ''): [string, string][] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flat(v as Record<string, unknown>, `${prefix}${k}.`)));
  const english = new Map(flat(JSON.parse(readFileSync(`${repo}locales/en/ui.json`, 'utf8')) as Record<string, unknown>));
  const bundled = (await loadContent(`${repo}content`)).protocols;
  const fixtures = (await loadContent(fixture)).protocols;

  test('the bundled protocols use no string pending translation: no locale loses coverage', () => {
    expect(bundled.map((p) => p.id).sort()).toEqual(['dns', 'grpc', 'http', 'sip', 'smtp', 'websocket']);
    expect([...PENDING_TRANSLATION].filter((key) => uiKeyUsed(key, bundled, english))).toEqual([]);
    expect(uiKeyUsed('contrast.senders', bundled, english)).toBe(true);
  });

  test('a protocol uses the forms of its exchange, its kinds and its shape', () => {
    const used = (key: string) => uiKeyUsed(key, fixtures, english);
    expect(['act.never_command', 'retry.with-changes_command', 'next.final_call', 'compare.leadOutcomeNoRetry_call', 'contrast.parties', 'contrast.tokensBoth', 'contrast.flag', 'act.tokens_one', 'fact.intermediate'].filter((k) => !used(k))).toEqual([]);
    expect(['act.never_query', 'retry.never_connection', 'fact.commands', 'contrast.onTheWire', 'sender.client'].filter(used)).toEqual([]);
  });
});
