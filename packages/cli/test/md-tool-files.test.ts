// The files a docs tool reads beside the Markdown pages: Docusaurus' `_category_.json` per
// folder and MkDocs' `nav` per locale. They are pages of the md slice (made only under their
// profile), so they are listed, counted, rebuilt when a title they show changes, and pruned.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { makeProject, repoRoot, snapshotTree, statusbook } from './helpers.js';

const LOCALES = ['en', 'vi', 'ja'];
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The output's files (not statusbook's own) with their contents. */
function tree(out: string): Record<string, string> {
  return Object.fromEntries(Object.keys(snapshotTree(out)).filter((p) => !p.startsWith('.statusbook/')).map((p) => [p, readFileSync(join(out, p), 'utf8')]));
}

function build(root: string, out: string, ...args: string[]): { written: number; kept: number } {
  const run = statusbook(['build', '--json', '--root', root, '--out', out, '--format', 'md', '--pairs', 'curated', ...args], repoRoot);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { written: number; kept: number };
}

function repoBuild(profile: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), `statusbook-tool-files-${profile}-`));
  made.push(dir);
  const out = join(dir, 'output');
  build(repoRoot, out, '--md-profile', profile);
  return tree(out);
}

/** A page's front matter value (plain scalars and quoted strings as the profiles write them). */
function frontMatter(page: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(page);
  expect(match).not.toBeNull();
  return parse(match![1]!) as Record<string, unknown>;
}

const docusaurusRoot = (locale: string) => (locale === 'en' ? 'docusaurus/docs' : `docusaurus/i18n/${locale}/docusaurus-plugin-content-docs/current`);

describe('docusaurus: _category_.json', () => {
  const files = repoBuild('docusaurus');

  test.each(LOCALES)('each folder of %s has one: its index page\'s title and position, the page as its link', (locale) => {
    const root = docusaurusRoot(locale);
    const categories = Object.keys(files).filter((p) => p.startsWith(`${root}/`) && p.endsWith('/_category_.json')).sort();
    expect(categories).toEqual(['dns', 'grpc', 'http', 'sip', 'smtp', 'websocket'].flatMap((p) => [`${root}/${p}/_category_.json`, `${root}/${p}/compare/_category_.json`]));
    for (const path of categories) {
      const folder = path.slice(root.length + 1, -'/_category_.json'.length);
      const index = frontMatter(files[`${root}/${folder}/index.md`]!);
      const text = files[path]!;
      expect(text.endsWith('}\n')).toBe(true);
      const category = JSON.parse(text) as Record<string, unknown>;
      expect(Object.keys(category)).toEqual(['label', 'position', 'link']);
      expect(category).toEqual({ label: index.title, position: index.sidebar_position, link: { type: 'doc', id: `${folder}/${String(index.id)}` } });
    }
  });

  test('labels are localized', () => {
    const label = (locale: string) => (JSON.parse(files[`${docusaurusRoot(locale)}/sip/_category_.json`]!) as { label: string }).label;
    expect(label('en')).toBe('SIP status codes');
    expect(new Set(LOCALES.map(label)).size).toBe(3);
    expect(label('ja')).toMatch(/SIP/);
  });

  test('other profiles write none, and mkdocs is the only one with a nav', () => {
    expect(Object.keys(files).filter((p) => p.endsWith('nav.yml'))).toEqual([]);
  });
});

describe('mkdocs: nav.yml', () => {
  const files = repoBuild('mkdocs');

  type Entry = string | Record<string, string | Entry[]>;
  const leaves = (entries: Entry[], out: [string | undefined, string][] = []): [string | undefined, string][] => {
    for (const entry of entries) {
      if (typeof entry === 'string') out.push([undefined, entry]);
      else {
        for (const [title, value] of Object.entries(entry)) {
          if (typeof value === 'string') out.push([title, value]);
          else leaves(value, out);
        }
      }
    }
    return out;
  };

  test.each(LOCALES)('the %s nav names every page once, under its title, in class order', (locale) => {
    const text = files[`mkdocs/${locale}/nav.yml`]!;
    expect(text.startsWith('nav:\n')).toBe(true);
    const nav = (parse(text) as { nav: Entry[] }).nav;
    const pages = leaves(nav);
    const docs = `mkdocs/${locale}/docs/`;
    expect(pages.map(([, path]) => path).sort()).toEqual(Object.keys(files).filter((p) => p.startsWith(docs)).map((p) => p.slice(docs.length)).sort());
    for (const [title, path] of pages) {
      const fm = frontMatter(files[docs + path]!);
      if (title === undefined) expect(path.endsWith('index.md')).toBe(true);
      else expect(title).toBe(fm.title);
    }
    // Home, then the protocols; in a protocol its index, its classes in order (codes by number), then the comparisons.
    const sip = nav.find((e) => typeof e !== 'string' && Object.values(e)[0] !== undefined && JSON.stringify(e).includes('"sip/index.md"')) as Record<string, Entry[]>;
    const [sipTitle, sipEntries] = Object.entries(sip)[0]!;
    expect(sipTitle).toBe(frontMatter(files[`${docs}sip/index.md`]!).title);
    expect(sipEntries[0]).toBe('sip/index.md');
    const sections = sipEntries.slice(1).map((e) => Object.keys(e as object)[0]!);
    expect(sections.slice(0, -1).map((s) => s.slice(0, 3))).toEqual(['1xx', '2xx', '3xx', '4xx', '5xx', '6xx']);
    expect(sections.at(-1)).toBe(frontMatter(files[`${docs}sip/compare/index.md`]!).title);
    const codes = leaves(sipEntries.slice(1, -1) as Entry[]).map(([, p]) => Number(p.slice('sip/'.length, -'.md'.length)));
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    expect(leaves(nav)[0]).toEqual([frontMatter(files[`${docs}index.md`]!).title, 'index.md']);
  });

  test('class names are localized', () => {
    // The nav: home, then one entry per protocol; SIP's entries: its index, then its first class.
    const classes = (locale: string) => {
      const nav = (parse(files[`mkdocs/${locale}/nav.yml`]!) as { nav: Record<string, Entry[]>[] }).nav;
      const sip = nav.map((entry) => Object.values(entry)[0]!).find((entries) => JSON.stringify(entries[0]).includes('sip/index.md'))!;
      return Object.keys(sip[1] as object)[0];
    };
    expect(classes('en')).toBe('1xx Provisional');
    expect(classes('vi')).not.toBe(classes('en'));
    expect(classes('ja')).not.toBe(classes('en'));
  });
});

describe('rebuilds', () => {
  const paths = {
    docusaurus: ['docusaurus/docs/sip/_category_.json', 'docusaurus/docs/sip/compare/_category_.json'],
    mkdocs: ['mkdocs/en/nav.yml'],
  };

  test.each(['docusaurus', 'mkdocs'] as const)('%s: a title they show rewrites them; other edits do not; counted, and pruned', (profile) => {
    const dir = makeProject();
    made.push(dir);
    const out = join(dir, 'output');
    build(dir, out, '--md-profile', profile);
    const first = tree(out);
    for (const path of paths[profile]) expect(Object.keys(first)).toContain(path);
    const manifest = JSON.parse(readFileSync(join(out, '.statusbook', 'manifest.json'), 'utf8')) as { slices: Record<string, { pages: number }> };
    expect(manifest.slices['md/en']!.pages).toBe(Object.keys(first).length);

    // A code's text: its page changes, the tool files do not.
    const code = join(dir, 'content', 'sip', 'codes', '437.yaml');
    writeFileSync(code, readFileSync(code, 'utf8').replace(/^howToFix: .*$/m, 'howToFix: Edited.'));
    const edited = build(dir, out, '--md-profile', profile);
    expect(edited.written).toBeGreaterThan(0);
    const second = tree(out);
    for (const path of paths[profile]) expect(second[path]).toBe(first[path]);

    // The protocol's name and a class's name: every file that shows them is rewritten.
    const protocol = join(dir, 'content', 'sip', 'protocol.yaml');
    writeFileSync(protocol, readFileSync(protocol, 'utf8').replace(/^name: SIP$/m, 'name: SIPX').replace('name: Provisional', 'name: Provisionally'));
    build(dir, out, '--md-profile', profile);
    const third = tree(out);
    for (const path of paths[profile]) {
      expect(third[path]).not.toBe(second[path]);
      expect(third[path]).toContain('SIPX');
    }
    if (profile === 'mkdocs') expect(third['mkdocs/en/nav.yml']).toContain('1xx Provisionally');
    expect(Object.keys(third).sort()).toEqual(Object.keys(first).sort());

    // Another profile takes the slice: the tool files go with the pages.
    build(dir, out, '--md-profile', 'hugo');
    const after = Object.keys(tree(out));
    expect(after.filter((p) => p.startsWith(`${profile}/`))).toEqual([]);
  });

  test('--prune drops the locale files with their slice', () => {
    const dir = makeProject();
    made.push(dir);
    mkdirSync(join(dir, 'locales', 'vi'), { recursive: true });
    cpSync(join(repoRoot, 'locales', 'vi', 'ui.json'), join(dir, 'locales', 'vi', 'ui.json'));
    const out = join(dir, 'output');
    build(dir, out, '--md-profile', 'mkdocs', '--locale', 'en,vi');
    expect(Object.keys(tree(out))).toContain('mkdocs/vi/nav.yml');
    writeFileSync(join(dir, 'statusbook.config.yaml'), 'formats: [md]\nlocales: [en]\n');
    build(dir, out, '--md-profile', 'mkdocs', '--prune');
    const files = Object.keys(tree(out));
    expect(files).toContain('mkdocs/en/nav.yml');
    expect(files.filter((p) => p.startsWith('mkdocs/vi/'))).toEqual([]);
  });
});
