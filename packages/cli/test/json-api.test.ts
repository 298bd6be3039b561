// The json format as other sites read it: every file of a full build of the bundled content
// (en, vi, ja) valid against its published schema, the same bytes from the same input, and
// a rebuild that rewrites only the documents an edit changed.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, test } from 'vitest';
import { makeProject, repoRoot, snapshotTree, statusbook, TRANSLATED } from './helpers.js';

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

/** Folders this file made: full builds are ~15,000 files each, removed at the end. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function build(args: readonly string[], cwd = repoRoot): string {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-json-'));
  made.push(dir);
  const out = join(dir, 'out');
  const run = statusbook(['build', '--out', out, ...args], cwd);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

describe('a full build of the bundled content with --format json', () => {
  const out = build(['--format', 'json', '--base-url', 'https://docs.example.org/']);
  const json = join(out, 'json');
  const all = files(json);

  test('holds every document kind for en, vi and ja, the index, the schemas and _headers', () => {
    for (const locale of ['en', 'vi', 'ja']) {
      for (const path of ['sip/index.json', 'sip/compare/index.json', 'sip/437.json', 'sip/compare/200-vs-437.json', 'http/404.json']) expect(all).toContain(`${locale}/${path}`);
    }
    expect(all).toEqual(expect.arrayContaining(['index.json', '_headers', ...['index', 'protocol', 'compare-index', 'code', 'compare'].map((k) => `schema/${k}.json`)]));
  });

  test('every file is valid against its schema, and no file is without one', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: false });
    const schemas = new Map<string, ReturnType<typeof ajv.compile>>();
    for (const path of all.filter((p) => p.startsWith('schema/'))) {
      const schema = JSON.parse(readFileSync(join(json, path), 'utf8')) as { $schema: string; $id: string };
      expect(schema.$schema, path).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(ajv.validateSchema(schema), `${path}: ${ajv.errorsText()}`).toBe(true);
      schemas.set(path, ajv.compile(schema));
    }
    const index = JSON.parse(readFileSync(join(json, 'index.json'), 'utf8')) as { schemas: Record<string, { id: string; url: string }> };
    // The index names each schema by the $id its file carries.
    for (const [kind, { id, url }] of Object.entries(index.schemas)) {
      expect(url).toBe(`schema/${kind}.json`);
      expect((JSON.parse(readFileSync(join(json, url), 'utf8')) as { $id: string }).$id).toBe(id);
    }
    let validated = 0;
    for (const path of all) {
      if (path.startsWith('schema/') || path === '_headers') continue;
      expect(path, 'a file that is not a JSON document').toMatch(/\.json$/);
      const doc = JSON.parse(readFileSync(join(json, path), 'utf8')) as { $schema?: unknown; kind?: unknown };
      expect(typeof doc.$schema, `${path} names no schema`).toBe('string');
      const schemaPath = relative(json, resolve(dirname(join(json, path)), doc.$schema as string));
      const validate = schemas.get(schemaPath);
      expect(validate, `${path}: its schema ${schemaPath} is not in json/schema/`).toBeDefined();
      expect(schemaPath).toBe(`schema/${String(doc.kind)}.json`);
      if (!validate!(doc)) expect.fail(`${path}: ${ajv.errorsText(validate!.errors)}`);
      validated++;
    }
    // All but the five schemas and _headers.
    expect(validated).toBe(all.length - 6);
  });

  test('keys come in the order the schema lists them', () => {
    for (const path of ['index.json', 'vi/sip/index.json', 'ja/sip/compare/index.json', 'vi/sip/437.json', 'ja/http/compare/404-vs-410.json']) {
      const doc = JSON.parse(readFileSync(join(json, path), 'utf8')) as { kind: string };
      const schema = JSON.parse(readFileSync(join(json, 'schema', `${doc.kind}.json`), 'utf8')) as { properties: object };
      expect(Object.keys(doc), path).toEqual(Object.keys(schema.properties));
    }
  });

  test('links resolve: other documents relative, the HTML page under the base URL, only to forms the output holds', () => {
    const doc = JSON.parse(readFileSync(join(json, 'vi/sip/437.json'), 'utf8')) as {
      comparisons: { href: string }[];
      links: { self: string; html?: string; md?: string; locales: Record<string, string> };
    };
    // This build has no html or md: no links to them.
    const others = TRANSLATED.filter((l) => l !== 'vi');
    expect(doc.links).toEqual({ self: '437.json', locales: Object.fromEntries(['en', ...others].sort().map((l) => [l, `../../${l}/sip/437.json`])) });
    for (const href of [...Object.values(doc.links.locales), ...doc.comparisons.map((c) => c.href)]) expect(all).toContain(relative(json, resolve(join(json, 'vi/sip'), href)));
    const both = build(['--format', 'json,html,md', '--locale', 'en', '--protocol', 'sip', '--base-url', 'https://docs.example.org/sb/']);
    const links = (JSON.parse(readFileSync(join(both, 'json/en/sip/compare/200-vs-437.json'), 'utf8')) as { links: object }).links;
    expect(links).toEqual({ self: '200-vs-437.json', html: 'https://docs.example.org/sb/en/sip/compare/200-vs-437/', md: 'md/en/sip/compare/200-vs-437.md', locales: {} });
    expect(statSync(join(both, 'md/en/sip/compare/200-vs-437.md')).isFile()).toBe(true);
  });

  test('the same input gives the same bytes', () => {
    const again = build(['--format', 'json', '--base-url', 'https://docs.example.org/']);
    expect(snapshotTree(join(again, 'json'))).toEqual(snapshotTree(json));
  });

  test("the summary is the HTML comparison page's first sentence; each contrast comes as data and a sentence", () => {
    const html = build(['--format', 'html', '--locale', 'ja', '--protocol', 'sip']);
    for (const slug of ['200-vs-437', '100-vs-437']) {
      const page = readFileSync(join(html, `html/ja/sip/compare/${slug}/index.html`), 'utf8');
      const doc = JSON.parse(readFileSync(join(json, `ja/sip/compare/${slug}.json`), 'utf8')) as { contrasts: { kind: string; html: string }[]; summary: string };
      expect(page).toContain(doc.summary);
      expect(doc.contrasts.length).toBeGreaterThan(2);
      expect(doc.contrasts.map((c) => c.kind)).toContain('class');
      for (const c of doc.contrasts) expect(c.html).toMatch(/。$/);
    }
  });

  test('_headers: any origin may read the API as JSON; the HTML site has the same rules under /json/ and /embed/', () => {
    expect(readFileSync(join(json, '_headers'), 'utf8')).toBe(
      '# Statusbook JSON API, published as a site of its own (Netlify, Cloudflare Pages)\n/*\n  Access-Control-Allow-Origin: *\n  X-Content-Type-Options: nosniff\n/*.json\n  Content-Type: application/json; charset=utf-8\n',
    );
    const site = build(['--format', 'html', '--locale', 'en', '--protocol', 'sip', '--base-url', 'https://docs.example.org/sb/']);
    const headers = readFileSync(join(site, 'html/_headers'), 'utf8');
    expect(headers).toBe(
      '# Statusbook: output/json and output/embed published beside this site, at /json/ and /embed/\n/sb/json/*\n  Access-Control-Allow-Origin: *\n  X-Content-Type-Options: nosniff\n/sb/json/*.json\n  Content-Type: application/json; charset=utf-8\n/sb/embed/*\n  Access-Control-Allow-Origin: *\n',
    );
    expect(headers).not.toMatch(/X-Frame-Options|frame-ancestors/i);
  });

  test('index.json gives each locale its translation coverage, as i18n status counts it', () => {
    const index = JSON.parse(readFileSync(join(json, 'index.json'), 'utf8')) as { locales: { locale: string; default: boolean; coverage: unknown }[]; contentHash: string };
    // The coverage of the content fields (i18n status counts UI strings beside them).
    const status = JSON.parse(statusbook(['i18n', 'status', '--json'], repoRoot).stdout) as Record<string, { content: unknown }>;
    expect(index.locales.map((l) => [l.locale, l.default, l.coverage])).toEqual([['en', true, null], ...TRANSLATED.map((l) => [l, false, status[l]?.content])]);
    expect(index.contentHash).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('incremental rebuilds rewrite exactly the documents an edit changed', () => {
  /** A project with English and Vietnamese, built with --format json. */
  function project(): { dir: string; json: string } {
    const dir = makeProject('translated');
    made.push(dir);
    cpSync(join(repoRoot, 'locales/vi/ui.json'), join(dir, 'locales/vi/ui.json'));
    const run = statusbook(['build', '--format', 'json'], dir);
    expect(run.code, run.stderr).toBe(0);
    return { dir, json: join(dir, 'output', 'json') };
  }

  /** Each file's bytes and inode: a file the build rewrote has a new inode, one it kept the same. */
  function state(json: string): Map<string, { bytes: string; ino: number }> {
    return new Map(files(json).map((path) => [path, { bytes: readFileSync(join(json, path), 'utf8'), ino: statSync(join(json, path)).ino }]));
  }

  function rebuild(dir: string, json: string, edit: () => void): { changed: string[]; rewritten: string[] } {
    const before = state(json);
    edit();
    const run = statusbook(['build', '--format', 'json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const after = state(json);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after].filter(([path, f]) => f.bytes !== before.get(path)!.bytes).map(([path]) => path);
    const rewritten = [...after].filter(([path, f]) => f.ino !== before.get(path)!.ino).map(([path]) => path);
    return { changed, rewritten };
  }

  test("one code's English summary: that code, its comparisons and its protocol's index, and index.json", () => {
    const { dir, json } = project();
    const file = join(dir, 'content/sip/codes/437.yaml');
    const { changed, rewritten } = rebuild(dir, json, () => writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*$/m, 'summary: The verifier refuses the credential it fetched.')));
    const documents = (l: string) => [`${l}/sip/437.json`, `${l}/sip/compare/180-vs-437.json`, `${l}/sip/compare/200-vs-437.json`, `${l}/sip/index.json`];
    expect(changed.sort()).toEqual(['index.json', ...documents('en')].sort());
    // Vietnamese pages are made from the English too (a translation with a recorded source
    // turns stale): rendered again; this fixture's translations record none, so the same bytes.
    expect(rewritten.sort()).toEqual(['index.json', ...documents('en'), ...documents('vi')].sort());
    expect(JSON.parse(readFileSync(join(json, 'en/sip/437.json'), 'utf8')).text.summary.markdown).toBe('The verifier refuses the credential it fetched.');
  });

  test('one translated field: nothing in English, nothing of other codes', () => {
    const { dir, json } = project();
    const file = join(dir, 'locales/vi/content/sip/codes/437.yaml');
    const { changed, rewritten } = rebuild(dir, json, () => writeFileSync(file, readFileSync(file, 'utf8').replace(/^howToFix: .*$/m, 'howToFix: Gửi lại yêu cầu.')));
    expect(changed.sort()).toEqual(['index.json', 'vi/sip/437.json']);
    // Comparisons of 437 are made from its whole translation: rendered again, with the same bytes.
    expect(rewritten.sort()).toEqual(['index.json', 'vi/sip/437.json', 'vi/sip/compare/180-vs-437.json', 'vi/sip/compare/200-vs-437.json']);
  });

  test('html built beside json later: the documents link to the pages', () => {
    const { dir, json } = project();
    expect(JSON.parse(readFileSync(join(json, 'vi/sip/437.json'), 'utf8')).links.html).toBeUndefined();
    const run = statusbook(['build', '--format', 'json,html'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(json, 'vi/sip/437.json'), 'utf8')).links.html).toBe('/vi/sip/437/');
  });

  test('nothing changed: nothing is written', () => {
    const { dir, json } = project();
    expect(rebuild(dir, json, () => undefined)).toEqual({ changed: [], rewritten: [] });
  });
});

test('a document links to its Markdown form where the Markdown profile wrote it, and to kept forms', () => {
  const out = build(['--format', 'json,md', '--md-profile', 'hugo', '--locale', 'en', '--protocol', 'sip', '--pairs', 'curated']);
  const links = () => (JSON.parse(readFileSync(join(out, 'json/en/sip/437.json'), 'utf8')) as { links: { md?: string; html?: string } }).links;
  expect(links().md).toBe('hugo/content/en/sip/437.md');
  expect(existsSync(join(out, links().md!))).toBe(true);
  expect(links().html).toBeUndefined();
  // HTML built later beside them: the JSON documents, kept, now lag; built again, they link to it.
  const html = statusbook(['build', '--out', out, '--format', 'html', '--locale', 'en', '--protocol', 'sip', '--pairs', 'curated'], repoRoot);
  expect(html.stderr).toContain('note: json/en was built when the output had other languages or formats');
  const again = statusbook(['build', '--out', out, '--format', 'json', '--md-profile', 'hugo', '--locale', 'en', '--protocol', 'sip', '--pairs', 'curated'], repoRoot);
  expect(again.code, again.stderr).toBe(0);
  expect(links()).toMatchObject({ md: 'hugo/content/en/sip/437.md', html: '/en/sip/437/' });
});
