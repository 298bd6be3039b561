// Broken locale folders and ui.json files: a build stops before rendering with the file and
// the position of each problem (not "render worker failed to start"), writes nothing and
// leaves nothing beside the output; `validate` reports the same. Errors raised inside a
// render worker carry the file and position too.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeSynthetic } from '../../../scripts/synthetic.mjs';
import type * as Errors from '../src/errors.js';
import type * as Pool from '../src/engine/pool.js';
import { repoRoot, statusbook } from './helpers.js';

// The compiled modules: the pool starts its worker from the file beside it (dist/engine/worker.js).
const { WorkerStart } = (await import(new URL('../dist/engine/pool.js', import.meta.url).href)) as typeof Pool;
const { BuildError } = (await import(new URL('../dist/errors.js', import.meta.url).href)) as typeof Errors;

const english = readFileSync(join(repoRoot, 'locales/en/ui.json'), 'utf8');

/** Synthetic content large enough to render on worker threads, English and Vietnamese. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-locale-files-'));
  writeSynthetic(dir, 20, ['en', 'vi']);
  return dir;
}

/** A locale folder with a ui.json. */
function addLocale(dir: string, name: string, text: string): void {
  mkdirSync(join(dir, 'locales', name), { recursive: true });
  writeFileSync(join(dir, 'locales', name, 'ui.json'), text);
}

/** The diagnostic lines of a run, `file:line:column  severity  message  rule`. */
const problems = (stderr: string) => stderr.split('\n').filter((line) => /^\S+:\d+:\d+ {2}error {2}/.test(line));

/** Builds, expecting a stop before rendering: exit 1, no output, nothing left beside it; returns the problems. */
function buildStops(dir: string): string[] {
  const run = statusbook(['build'], dir);
  expect(run.code).toBe(1);
  expect(run.stderr).not.toContain('render worker failed to start');
  expect(run.stderr).toContain('build stopped: nothing was written');
  expect(readdirSync(dir).sort()).toEqual(['content', 'locales', 'templates']);
  const validate = statusbook(['validate'], dir);
  expect(validate.code).toBe(1);
  expect(problems(validate.stderr)).toEqual(problems(run.stderr));
  return problems(run.stderr);
}

describe('a broken locale stops the build with a positioned error', () => {
  test('a folder whose name is not a BCP 47 tag', () => {
    const dir = project();
    addLocale(dir, 'en_US!', english);
    addLocale(dir, 'pt_BR', english);
    expect(buildStops(dir)).toEqual([
      "locales/en_US!:1:1  error  the locale folder 'en_US!' is not named by a BCP 47 language tag; expected a tag such as 'en', 'pt-BR' or 'zh-Hant'  locale/tag",
      "locales/pt_BR:1:1  error  the locale folder 'pt_BR' is not named by a BCP 47 language tag; expected a tag such as 'en', 'pt-BR' or 'zh-Hant'  locale/tag",
    ]);
    expect(statusbook(['validate'], dir).stderr).toContain("hint: rename it to 'pt-BR'");
  });

  test('ui.json that is not JSON', () => {
    const dir = project();
    addLocale(dir, 'de', '{\n  "site": {\n    "name": "Statusbook",\n  }\n}\n');
    expect(buildStops(dir)).toEqual([
      "locales/de/ui.json:4:3  error  invalid JSON: expected a key in double quotes (JSON has no comma before '}'), found '}'  ui/syntax",
    ]);
  });

  test('ui.json with values of the wrong type', () => {
    const dir = project();
    addLocale(dir, 'de', '{\n  "site": { "name": 42, "tagline": ["a"] },\n  "nav": null\n}\n');
    expect(buildStops(dir)).toEqual([
      "locales/de/ui.json:2:21  error  'site.name' must be a string or an object of strings, found the number 42  ui/type",
      "locales/de/ui.json:2:36  error  'site.tagline' must be a string or an object of strings, found an array  ui/type",
      "locales/de/ui.json:3:10  error  'nav' must be a string or an object of strings, found null  ui/type",
    ]);
  });
});

describe('ui.json placeholders name only the arguments passed for their key', () => {
  test('{{constructor}} and a misspelt placeholder are errors at their position, not "function Object()" or nothing', () => {
    const dir = project();
    const vi = JSON.parse(readFileSync(join(dir, 'locales/vi/ui.json'), 'utf8')) as Record<string, Record<string, string>>;
    vi.code!.title = '{{protocol}} {{constructor}} {{label}}';
    vi.compare!.vs = '{{low}} và {{hihg}}';
    const text = JSON.stringify(vi, null, 2);
    writeFileSync(join(dir, 'locales/vi/ui.json'), text);
    // Where a placeholder is in the file written: line and column, 1-based.
    const at = (placeholder: string) => {
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes(placeholder));
      return `${line + 1}:${lines[line]!.indexOf(placeholder) + 1}`;
    };
    expect(buildStops(dir)).toEqual([
      `locales/vi/ui.json:${at('{{constructor}}')}  error  unknown placeholder {{constructor}} in 'code.title': expected one of {{protocol}}, {{label}} (what the code passes), found {{constructor}}  ui/placeholder`,
      `locales/vi/ui.json:${at('{{hihg}}')}  error  unknown placeholder {{hihg}} in 'compare.vs': expected one of {{low}}, {{high}} (what the code passes), found {{hihg}}  ui/placeholder`,
    ]);
    expect(statusbook(['validate'], dir).stderr).toContain('hint: the English string uses {{low}}, {{high}}');
  });

  test('in English too, and a placeholder in a string that takes none', () => {
    const dir = project();
    writeFileSync(join(dir, 'locales/en/ui.json'), english.replace('"home": "Home"', '"home": "Home of {{toString}}"'));
    expect(buildStops(dir)).toEqual([
      "locales/en/ui.json:7:22  error  unknown placeholder {{toString}} in 'nav.home': this string takes no placeholders, found {{toString}}  ui/placeholder",
    ]);
  });
});

test('an error raised inside a render worker carries its file and position', async () => {
  const dir = project();
  addLocale(dir, 'de', '{ "site": { "name": "Statusbook" } ');
  // The workers read ui.json themselves: here one that the main thread did not check first.
  const workers = new WorkerStart(1, { templatesDir: join(dir, 'templates'), localesDir: join(dir, 'locales'), locales: ['en', 'de'], formats: ['html'] });
  const opened = workers.open({ templatesDir: join(dir, 'templates'), localesDir: join(dir, 'locales'), locales: ['en', 'de'], formats: ['html'], protocols: [], translations: new Map(), baseUrl: '', pairs: 'all', redirects: 'auto' }, () => undefined);
  const error = await opened.then(
    () => undefined,
    (e: unknown) => e,
  );
  await workers.cancel();
  expect(error).toBeInstanceOf(BuildError);
  expect((error as Errors.BuildError).diagnostics).toEqual([
    {
      file: join(dir, 'locales/de/ui.json'),
      line: 1,
      column: 36,
      severity: 'error',
      ruleId: 'ui/syntax',
      message: "invalid JSON: expected ',' or '}' after a value, found the end of the file",
    },
  ]);
});

test('the bundled locales pass', () => {
  const run = statusbook(['validate'], repoRoot);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});
