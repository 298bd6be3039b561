// UI strings are looked up as own properties only: a key or placeholder named like a
// property of Object.prototype finds nothing there (it used to find `function Object()`).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { loadContent } from '@statusbook/core';
import { createSite, LocaleFilesError } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/hostile/content/', import.meta.url));
const english = readFileSync(join(repo, 'locales/en/ui.json'), 'utf8');

function locales(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-lookups-'));
  for (const [locale, text] of Object.entries(files)) {
    mkdirSync(join(dir, locale));
    writeFileSync(join(dir, locale, 'ui.json'), text);
  }
  return dir;
}

test("senders named like Object.prototype's properties are missing UI strings, not its functions", async () => {
  const { protocols } = await loadContent(fixture);
  // Sender names are tokens declared by protocol.yaml; these are valid ones.
  const names = ['constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  const odd = protocols.map((p) => ({
    ...p,
    vocabularies: p.vocabularies.map((v) => (v.id === 'senders' ? { ...v, values: names } : v)),
    codes: p.codes.map((c) => ({ ...c, facts: c.facts.map((f) => (f.kind === 'parties' ? { ...f, values: names } : f)) })),
  }));
  const site = await createSite({ protocols: odd, templatesDir: join(repo, 'templates'), localesDir: locales({ en: english, de: english }), locales: ['en', 'de'], formats: ['md', 'html'] });
  const pages = [...site.pages()].map((page) => site.render(page).contents).join('\n');
  // A party no ui.json names is shown by its own name.
  expect(pages).toMatch(/Sent by[^\n]*constructor/);
  expect(pages).not.toMatch(/native code|function Object|function toString/);
});

test('a placeholder named like a property of Object.prototype is an error at load, with its position', async () => {
  const dir = locales({ en: english, de: english.replace('"title": "{{protocol}} {{label}}"', '"title": "{{protocol}} {{constructor}}"') });
  const loading = createSite({ protocols: [], templatesDir: join(repo, 'templates'), localesDir: dir, locales: ['en', 'de'], formats: ['html'] });
  await expect(loading).rejects.toBeInstanceOf(LocaleFilesError);
  await expect(loading).rejects.toMatchObject({
    diagnostics: [{ file: join(dir, 'de/ui.json'), line: english.split('\n').findIndex((l) => l.includes('"title": "{{protocol}} {{label}}"')) + 1, column: 28, ruleId: 'ui/placeholder', hint: 'the English string uses {{protocol}}, {{label}}' }],
  });
});
