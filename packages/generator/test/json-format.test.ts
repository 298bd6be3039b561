// The json format with hostile text in every field: documents parse and match their schemas,
// their `html` fields hold no markup from content, their `markdown` fields the exact source.
// And the schemas' versions: a changed schema must come with a new version.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhrasingContent } from 'mdast';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { loadContent, pairSlug, type LocaleTranslation, type Protocol, type Text, type TranslatedText } from '@statusbook/core';
import { createSite, JSON_KINDS, jsonSchema, SCHEMA_VERSIONS, sourceContent, translatedContent, type OutputFile } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/hostile/content/', import.meta.url));
const { protocols: clean } = await loadContent(fixture);

/** Markup, a script URL, a template tag, a JSON string's end, a line separator and a control character. */
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)>"}]\\ {{t}} [x](javascript:alert(1)) \u2028\u0001 </style>';

function hostileText(base: Text, s: string): Text {
  const nodes: PhrasingContent[] = [
    ...base.nodes,
    { type: 'text', value: ` ${s} ` },
    { type: 'inlineCode', value: s },
    { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: s }] },
    { type: 'html', value: '<script>alert(2)</script>' },
  ];
  return { source: `${base.source} ${s}`, nodes };
}

function inject(s: string): Protocol[] {
  return clean.map((p) => ({
    ...p,
    name: `${p.name} ${s}`,
    title: `${p.title} ${s}`,
    description: hostileText(p.description, s),
    registry: { name: `${p.registry.name} ${s}`, url: p.registry.url },
    classes: p.classes.map((c) => ({ ...c, name: hostileText(c.name, s), description: hostileText(c.description, s) })),
    codes: p.codes.map((c) => ({
      ...c,
      reason: `${c.reason} ${s}`,
      formerReasons: [...c.formerReasons, { reason: s, rfc: 8224 }],
      facts: c.facts.map((f) => (f.kind === 'tokens' && f.id === 'headers' ? { ...f, values: [...f.values, s.replace(/[|`]/g, '')] } : f)),
      text: { summary: hostileText(c.text.summary, s), description: hostileText(c.text.description, s), whenYouSeeIt: hostileText(c.text.whenYouSeeIt, s), howToFix: hostileText(c.text.howToFix, s) },
    })),
    curated: p.curated.map((n) => ({ ...n, text: { difference: hostileText(n.text.difference, s), whenToUse: hostileText(n.text.whenToUse, s), scenario: hostileText(n.text.scenario, s) } })),
  }));
}

/** A German translation of every field but `howToFix` (a fallback), every other one stale. */
function translation(protocols: readonly Protocol[], s: string): LocaleTranslation {
  let n = 0;
  const tx = (t: Text): TranslatedText => ({ text: hostileText(t, s), state: n++ % 2 ? 'stale' : 'translated' });
  return {
    locale: 'de',
    protocols: new Map(
      protocols.map((p) => [
        p.id,
        {
          description: tx(p.description),
          classes: new Map(p.classes.map((c) => [c.id, { name: tx(c.name), description: tx(c.description) }])),
          codes: new Map(p.codes.map((c) => [c.code, { reason: tx({ source: s, nodes: [{ type: 'text', value: s }] }), summary: tx(c.text.summary), description: tx(c.text.description), whenYouSeeIt: tx(c.text.whenYouSeeIt) }])),
          pairs: new Map(p.curated.map((c) => [pairSlug(c.low, c.high), { difference: tx(c.text.difference), whenToUse: tx(c.text.whenToUse), scenario: tx(c.text.scenario) }])),
        },
      ]),
    ),
  };
}

/** English as it is, German with the hostile text after every UI string. */
function localesWith(s: string): string {
  const english = JSON.parse(readFileSync(join(repo, 'locales/en/ui.json'), 'utf8')) as Record<string, unknown>;
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-json-hostile-'));
  const suffix = (value: unknown): unknown =>
    typeof value === 'string' ? `${value} ${s}` : Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, suffix(v)]));
  for (const [locale, strings] of [['en', english], ['de', suffix(english)]] as const) {
    mkdirSync(join(dir, locale));
    writeFileSync(join(dir, locale, 'ui.json'), JSON.stringify(strings));
  }
  return dir;
}

const protocols = inject(HOSTILE);
const german = translation(protocols, HOSTILE);
const site = await createSite({
  protocols,
  templatesDir: join(repo, 'templates'),
  // ui.json placeholders are checked on load: the hostile text without its template tag.
  localesDir: localesWith(HOSTILE.replace('{{t}}', '')),
  locales: ['en', 'de'],
  formats: ['json', 'html', 'md'],
  content: (locale) => (locale === 'de' ? translatedContent(german) : sourceContent),
  json: { version: HOSTILE, contentHash: HOSTILE, coverage: {} },
});
const files: OutputFile[] = [...[...site.pages()].map((page) => site.render(page)), ...site.files()].filter((f) => f.path.startsWith('json/'));
const documents = files.filter((f) => f.path.endsWith('.json') && !f.path.startsWith('json/schema/'));

/** Every string under a key named `key`, anywhere in a document. */
function valuesOf(value: unknown, key: string, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => valuesOf(v, key, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'string') out.push(v);
      else valuesOf(v, key, out);
    }
  }
  return out;
}

describe('json documents with hostile text in every field, name, translation and UI string', () => {
  test('every document parses and is valid against its schema', () => {
    expect(documents.map((f) => f.path)).toEqual(expect.arrayContaining(['json/index.json', 'json/de/sip/437.json', 'json/de/sip/compare/200-vs-437.json', 'json/en/sip/compare/index.json']));
    const ajv = new Ajv2020({ strict: true });
    const validators = new Map(JSON_KINDS.map((kind) => [kind, ajv.compile(jsonSchema(kind))]));
    for (const file of documents) {
      const doc = JSON.parse(file.contents) as { kind: (typeof JSON_KINDS)[number] };
      const validate = validators.get(doc.kind)!;
      if (!validate(doc)) expect.fail(`${file.path}: ${ajv.errorsText(validate.errors)}`);
    }
  });

  test('the files hold no markup: < > & are escapes, whatever a host serves them as', () => {
    for (const file of files.filter((f) => f.path.endsWith('.json'))) expect(file.contents, file.path).not.toMatch(/[<>&\u2028]/);
  });

  test('html fields and rendered sentences keep the hostile text inert', () => {
    let checked = 0;
    for (const file of documents) {
      const doc = JSON.parse(file.contents) as unknown;
      // `html` fields, facts and summaries (rendered sentences), as the HTML site renders them.
      const rendered = [...valuesOf(doc, 'html'), ...valuesOf(doc, 'low'), ...valuesOf(doc, 'high'), ...valuesOf(doc, 'summary')];
      for (const html of rendered) {
        expect(html, file.path).not.toMatch(/<(script|img|iframe|style|\/style)[\s>]/i);
        expect(html, file.path).not.toMatch(/href="javascript:/i);
        expect(html, file.path).not.toMatch(/<[a-z][^>]*\sonerror=/i);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    const code = JSON.parse(documents.find((f) => f.path === 'json/de/sip/437.json')!.contents) as { text: { summary: { html: string; state: string } } };
    expect(code.text.summary.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  test('markdown fields hold the exact source, names and reasons the exact text, states as translated', () => {
    const doc = JSON.parse(documents.find((f) => f.path === 'json/de/sip/437.json')!.contents) as {
      reason: string;
      protocol: { name: string };
      gloss: { markdown: string };
      formerReasons: { reason: string }[];
      text: Record<string, { markdown: string; state: string; lang: string }>;
    };
    const code = protocols[0]!.codes.find((c) => c.code === 437)!;
    const de = german.protocols.get('sip')!.codes.get(437)!;
    expect(doc.reason).toBe(code.reason);
    expect(doc.protocol.name).toBe(protocols[0]!.name);
    expect(doc.gloss.markdown).toBe(de.reason!.text.source);
    expect(doc.formerReasons.at(-1)!.reason).toBe(HOSTILE);
    expect(doc.text.summary).toMatchObject({ markdown: de.summary!.text.source, state: de.summary!.state, lang: 'de' });
    expect(doc.text.description).toMatchObject({ markdown: de.description!.text.source, state: de.description!.state });
    // No translation: the English, marked as such.
    expect(doc.text.howToFix).toMatchObject({ markdown: code.text.howToFix.source, state: 'fallback', lang: 'en' });
    const index = JSON.parse(documents.find((f) => f.path === 'json/index.json')!.contents) as { tool: { version: string } };
    expect(index.tool.version).toBe(HOSTILE);
  });
});

describe('schema versions', () => {
  // The hash of every published version of each schema. A schema whose content changes must
  // get a new version (SCHEMA_VERSIONS), recorded here with its hash: consumers that pinned
  // a version's `$id` rely on it never changing.
  const published: Record<string, Record<number, string>> = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/json-schema-versions.json', import.meta.url)), 'utf8'));

  test.each(JSON_KINDS)('%s: its content is the one recorded for its version', (kind) => {
    const schema = jsonSchema(kind);
    expect(schema.$id).toBe(`urn:statusbook:json:${kind}:v${SCHEMA_VERSIONS[kind]}`);
    const hash = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
    expect(published[kind]?.[SCHEMA_VERSIONS[kind]], `schema '${kind}' v${SCHEMA_VERSIONS[kind]} changed: raise its version in SCHEMA_VERSIONS and record the new hash`).toBe(hash);
  });

  test('every schema is valid JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: true });
    for (const kind of JSON_KINDS) expect(ajv.validateSchema(jsonSchema(kind)), `${kind}: ${ajv.errorsText()}`).toBe(true);
  });
});
