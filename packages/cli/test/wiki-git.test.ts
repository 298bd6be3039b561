import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, test } from 'vitest';
import { makeProject, repoRoot, statusbook } from './helpers.js';
import { scratch } from './real-wikis.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit);
}

/** The link targets of a page that name another page of the wiki (not http URLs). */
function pageLinks(markdown: string): string[] {
  const links: string[] = [];
  walk(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), (node) => {
    if (node.type === 'link' && !/^https?:/.test(node.url)) links.push(node.url);
  });
  return links;
}

/** A project with the hostile fixture in en and vi, built as gitwiki pages. */
function hostileGitwiki(): string {
  const dir = makeProject('translated');
  cpSync(fileURLToPath(new URL('./fixtures/wiki-hostile/', import.meta.url)), dir, { recursive: true });
  cpSync(join(repoRoot, 'locales/vi/ui.json'), join(dir, 'locales/vi/ui.json'));
  const run = statusbook(['build', '--format', 'gitwiki'], dir);
  expect(run.code, run.stderr).toBe(0);
  return dir;
}

describe('gitwiki: pages for GitHub, GitLab and Gitea wikis', () => {
  test('flat unique names, links without .md that all resolve, Home, _Sidebar and _Footer, in en, vi and ja', () => {
    const dir = scratch('statusbook-gitwiki-');
    for (const part of ['content', 'locales', 'templates']) cpSync(join(repoRoot, part), join(dir, part), { recursive: true });
    writeFileSync(join(dir, 'statusbook.config.yaml'), 'pairs: curated\n');
    const run = statusbook(['build', '--format', 'gitwiki'], dir);
    expect(run.code, run.stderr).toBe(0);
    for (const locale of ['en', 'vi', 'ja']) {
      const folder = join(dir, 'output/gitwiki', locale);
      const names = readdirSync(folder);
      expect(names).toEqual(expect.arrayContaining(['Home.md', '_Sidebar.md', '_Footer.md', 'SIP-200.md', 'HTTP-200.md', 'SIP-compare-200-vs-437.md']));
      for (const name of names) {
        expect(name).toMatch(/^[A-Za-z0-9_-]+\.md$/);
        const text = readFileSync(join(folder, name), 'utf8');
        expect(text.startsWith('---')).toBe(false);
        for (const link of pageLinks(text)) {
          expect(link, `${locale}/${name}`).not.toMatch(/\.md(#|$)/);
          expect(names, `${locale}/${name} links to ${link}`).toContain(`${link.replace(/#.*$/, '')}.md`);
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('hostile text stays text: no HTML, no link from content', () => {
    const dir = hostileGitwiki();
    for (const locale of ['en', 'vi']) {
      for (const name of ['SIP-437.md', 'SIP-compare-200-vs-437.md']) {
        const text = readFileSync(join(dir, 'output/gitwiki', locale, name), 'utf8');
        walk(fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), (node) => {
          expect(node.type).not.toBe('html');
          // Links without a position come from mdast-util-gfm's literal-autolink transform, which
          // reads the text after unescaping (`http\\://evil.example`); GitHub's cmark-gfm does not.
          if (node.type === 'link' && node.position) expect(node.url).toMatch(/^(SIP-[0-9a-z-]+|https:\/\/www\.(rfc-editor|iana)\.org\/.*)$/);
        });
      }
    }
  });
});

// GitHub renders wiki pages with its own cmark-gfm (Debian's cmark-gfm is that program), with
// these extensions; its autolinker reads the source, not the unescaped text.
const hasCmarkGfm = spawnSync('cmark-gfm', ['--version']).status === 0;

describe.skipIf(!hasCmarkGfm)('gitwiki pages as GitHub renders them (cmark-gfm)', () => {
  test('hostile text stays text in the HTML: no tag and no link from content, in en and vi', () => {
    const dir = hostileGitwiki();
    for (const locale of ['en', 'vi']) {
      for (const name of ['SIP-437.md', 'SIP-compare-200-vs-437.md']) {
        const source = readFileSync(join(dir, 'output/gitwiki', locale, name), 'utf8');
        // The fixture's hostile strings are in the page (else this test proves nothing).
        expect(source).toContain('evil.example');
        const html = execFileSync('cmark-gfm', ['--extension', 'autolink', '--extension', 'table', '--extension', 'strikethrough', '--extension', 'tagfilter', '--extension', 'tasklist'], { input: source, encoding: 'utf8' });
        const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
        expect(hrefs.length).toBeGreaterThan(0);
        for (const href of hrefs) expect(href, `${locale}/${name}`).toMatch(/^(SIP-[0-9a-z-]+|https:\/\/www\.(rfc-editor|iana)\.org\/.*)$/);
        const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
        for (const tag of tags) expect(['p', 'a', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'code', 'em', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'blockquote', 'pre', 'br', 'del'], `${locale}/${name}: <${tag}>`).toContain(tag);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('statusbook publish git, to a local bare repository', () => {
  test('commits and pushes the pages, makes no commit when nothing changed, and removes only pages it wrote', () => {
    const dir = makeProject();
    const remote = scratch('statusbook-wiki-remote-');
    git(remote, 'init', '--quiet', '--bare', '--initial-branch=master');
    const build = () => {
      const run = statusbook(['build', '--format', 'gitwiki'], dir);
      expect(run.code, run.stderr).toBe(0);
    };
    const publish = () => {
      const run = statusbook(['publish', 'git', '--repo', remote, '--json'], dir);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { added: string[]; changed: string[]; removed: string[]; commit?: string; branch: string };
    };
    const commits = () => Number(git(remote, 'rev-list', '--count', 'master'));

    build();
    const pages = readdirSync(join(dir, 'output/gitwiki/en')).sort();
    const first = publish();
    expect(first.added).toEqual(pages);
    expect(first.branch).toBe('master');
    expect(commits()).toBe(1);
    expect(git(remote, 'ls-tree', '--name-only', 'master').split('\n').sort()).toEqual(['.statusbook-pages', ...pages].sort());

    // Unchanged: no commit.
    const second = publish();
    expect(second.commit).toBeUndefined();
    expect(commits()).toBe(1);

    // Someone adds a page of their own to the wiki.
    const work = scratch('statusbook-wiki-work-');
    git(work, 'clone', '--quiet', remote, 'w');
    writeFileSync(join(work, 'w', 'Runbook.md'), '# Our runbook\n');
    git(join(work, 'w'), 'add', 'Runbook.md');
    git(join(work, 'w'), '-c', 'user.name=Someone', '-c', 'user.email=someone@example.org', 'commit', '--quiet', '-m', 'Our runbook');
    git(join(work, 'w'), 'push', '--quiet', 'origin', 'master');

    // A code is removed and another one changed: its pages go, the changed ones are committed, nothing else.
    rmSync(join(dir, 'content/sip/codes/180.yaml'));
    const file = join(dir, 'content/sip/codes/200.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*$/m, 'summary: The request succeeded, said again.'));
    build();
    const third = publish();
    expect(third.removed).toEqual(['SIP-180.md', 'SIP-compare-180-vs-200.md', 'SIP-compare-180-vs-437.md']);
    expect(third.changed).toContain('SIP-200.md');
    expect(third.added).toEqual([]);
    expect(commits()).toBe(3);
    const touched = git(remote, 'show', '--name-only', '--format=', 'master').split('\n').sort();
    expect(touched).toEqual(['.statusbook-pages', ...third.removed, ...third.changed].sort());
    expect(touched.length).toBeLessThan(pages.length);
    const tree = git(remote, 'ls-tree', '--name-only', 'master').split('\n');
    expect(tree).toContain('Runbook.md');
    expect(tree).not.toContain('SIP-180.md');
    expect(git(remote, 'log', '-1', '--format=%s', 'master')).toMatch(/^Statusbook \d+\.\d+\.\d+: update the en pages$/);
    expect(existsSync(join(dir, 'output/gitwiki/en/SIP-180.md'))).toBe(false);
    for (const folder of [remote, work]) rmSync(folder, { recursive: true, force: true });
  });
});
