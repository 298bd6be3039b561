import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { loadContent, loadTranslations, sourceHash } from '../src/index.js';

const fixture = fileURLToPath(new URL('./fixtures/project/', import.meta.url));

// A hash of digits and one `e` is a number to YAML: 053020e4 reads as 530200000.
test('a source hash that YAML reads as a number still matches its English', async () => {
  const english = 'Sign with a credential the verifier trusts, attempt 38.';
  const hash = sourceHash(english);
  expect(hash).toMatch(/^\d+e\d+$/);
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-hash-'));
  cpSync(fixture, dir, { recursive: true });
  const code = join(dir, 'content/sip/codes/437.yaml');
  writeFileSync(code, readFileSync(code, 'utf8').replace(/^howToFix: .*$/m, `howToFix: ${english}`));
  const translation = join(dir, 'locales/vi/content/sip/codes/437.yaml');
  writeFileSync(translation, readFileSync(translation, 'utf8').replace(/^howToFix: (.*)$/m, `howToFix:\n  text: $1\n  source: ${hash}`));

  const content = await loadContent(join(dir, 'content'));
  const { translations, diagnostics } = await loadTranslations(join(dir, 'locales'), ['vi'], content.protocols);
  expect(diagnostics.filter((d) => d.ruleId === 'translation/stale' && d.file === translation && d.message.includes('howToFix'))).toEqual([]);
  expect(translations.get('vi')?.protocols.get('sip')?.codes.get(437)?.howToFix?.state).toBe('translated');
});
