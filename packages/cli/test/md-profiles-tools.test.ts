// The hugo and mkdocs Markdown profiles, fed to the real tools (Debian's hugo 0.111 and
// mkdocs 1.4, installed by .ci/run): the sites build, and every link of our pages resolves.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, statusbook } from './helpers.js';

const LOCALES = ['en', 'vi', 'ja'];
// Each holds a build of the bundled content and a site built from it: removed at the end.
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function build(profile: string): string {
  const dir = mkdtempSync(join(tmpdir(), `statusbook-${profile}-`));
  made.push(dir);
  const out = join(dir, 'output');
  const run = statusbook(['build', '--root', repoRoot, '--out', out, '--format', 'md', '--md-profile', profile, '--pairs', 'curated'], repoRoot);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

function files(dir: string, ext: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(ext)) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

/** Internal links of every built page that lead to no file of the site (`<a href>`, resolved as a browser does). */
function brokenLinks(site: string): { checked: number; broken: string[] } {
  const broken: string[] = [];
  let checked = 0;
  for (const file of files(site, '.html')) {
    const url = `/${relative(site, file).replaceAll('\\', '/')}`;
    for (const [, href = ''] of readFileSync(file, 'utf8').matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//')) continue;
      checked++;
      const path = decodeURIComponent(href.replace(/[#?].*$/, ''));
      let target = path.startsWith('/') ? path : posix.join(posix.dirname(url), path);
      if (target.endsWith('/')) target += 'index.html';
      const onDisk = join(site, target);
      if (!existsSync(onDisk) || (statSync(onDisk).isDirectory() && !existsSync(join(onDisk, 'index.html')))) broken.push(`${url}: ${href}`);
    }
  }
  return { checked, broken };
}

function run(command: string, args: string[]): { code: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command}: ${result.error.message} (apt-get install -y ${command}; .ci/run does it)`);
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const layout = `<!doctype html><html lang="{{ .Lang }}"><head><title>{{ .Title }}</title><meta name="description" content="{{ .Description }}"></head>
<body>{{ range .Translations }}<a hreflang="{{ .Lang }}" href="{{ .RelPermalink }}">{{ .Lang }}</a>{{ end }}<main>{{ .Content }}</main></body></html>
`;

describe('hugo profile', () => {
  test('Hugo builds a site of every locale from it with 0 errors, and every link of the built pages resolves', () => {
    const out = build('hugo');
    const site = join(dirname(out), 'site');
    cpSync(join(out, 'hugo'), site, { recursive: true });
    mkdirSync(join(site, 'layouts', '_default'), { recursive: true });
    for (const name of ['single', 'list']) writeFileSync(join(site, 'layouts', '_default', `${name}.html`), layout);
    writeFileSync(
      join(site, 'config.toml'),
      `baseURL = "http://example.org/"\ndefaultContentLanguage = "en"\ndefaultContentLanguageInSubdir = true\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n` +
        LOCALES.map((l, i) => `[languages.${l}]\ncontentDir = "content/${l}"\nweight = ${i + 1}\n`).join(''),
    );
    // No index.md anywhere: in Hugo it is a leaf bundle, which would hide the pages under it.
    expect(files(join(site, 'content'), 'index.md').filter((f) => !f.endsWith('/_index.md'))).toEqual([]);

    const hugo = run('hugo', ['-s', site, '-d', 'public']);
    expect(hugo.code, hugo.output).toBe(0);
    expect(hugo.output).not.toMatch(/ERROR|WARN/);
    const built = join(site, 'public');
    for (const locale of LOCALES) {
      expect(existsSync(join(built, locale, 'index.html')), locale).toBe(true);
      expect(existsSync(join(built, locale, 'sip', '437', 'index.html')), locale).toBe(true);
      expect(existsSync(join(built, locale, 'sip', 'compare', '200-vs-437', 'index.html')), locale).toBe(true);
    }
    const { checked, broken } = brokenLinks(built);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(3000);
    // translationKey ties each page to its translations.
    const page = readFileSync(join(built, 'vi', 'sip', '437', 'index.html'), 'utf8');
    expect(page).toContain('hreflang="en" href="/en/sip/437/"');
    expect(page).toContain('hreflang="ja" href="/ja/sip/437/"');
    expect(page).toContain('<title>SIP 437 Unsupported Credential</title>');
  });
});

describe('mkdocs profile', () => {
  const out = build('mkdocs');

  // The generated nav appended to mkdocs.yml, as docs/markdown-profiles.md says: --strict
  // fails on a nav entry whose file is missing, and MkDocs names any page the nav leaves out.
  const configWithNav = (name: string, docs: string, nav: string) => {
    const config = join(dirname(out), `${name}.yml`);
    writeFileSync(config, `site_name: Statusbook\ndocs_dir: ${docs}\nsite_dir: ${join(dirname(out), `site-${name}`)}\n${readFileSync(nav, 'utf8')}`);
    return config;
  };

  test.each(LOCALES)('mkdocs build --strict passes on the %s site, with the generated nav', (locale) => {
    const dir = dirname(out);
    const config = configWithNav(`mkdocs-${locale}`, join(out, 'mkdocs', locale, 'docs'), join(out, 'mkdocs', locale, 'nav.yml'));
    const mkdocs = run('mkdocs', ['build', '--strict', '-f', config]);
    expect(mkdocs.code, mkdocs.output).toBe(0);
    expect(mkdocs.output).not.toContain('not included in the "nav"');
    expect(readFileSync(config, 'utf8')).toContain('\nnav:\n');
    expect(existsSync(join(dir, `site-mkdocs-${locale}`, 'sip', 'compare', '200-vs-437', 'index.html'))).toBe(true);
    const { checked, broken } = brokenLinks(join(dir, `site-mkdocs-${locale}`));
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  test('--strict fails when a page a link points to is missing (the check above can fail)', () => {
    const docs = join(dirname(out), 'broken-docs');
    cpSync(join(out, 'mkdocs', 'en', 'docs'), docs, { recursive: true });
    rmSync(join(docs, 'sip', '437.md'));
    const config = join(dirname(out), 'mkdocs-broken.yml');
    writeFileSync(config, `site_name: Statusbook\ndocs_dir: ${docs}\nsite_dir: ${join(dirname(out), 'site-broken')}\n`);
    const mkdocs = run('mkdocs', ['build', '--strict', '-f', config]);
    expect(mkdocs.code).not.toBe(0);
    expect(mkdocs.output).toContain('437.md');
  });

  test('--strict fails when a page the nav names is missing (the nav is checked)', () => {
    const docs = join(dirname(out), 'nav-broken-docs');
    cpSync(join(out, 'mkdocs', 'ja', 'docs'), docs, { recursive: true });
    // A file that is not there: only the nav names it.
    const nav = join(dirname(out), 'nav-broken.yml');
    writeFileSync(nav, readFileSync(join(out, 'mkdocs', 'ja', 'nav.yml'), 'utf8').replace('http/100.md', 'http/100-missing.md'));
    const mkdocs = run('mkdocs', ['build', '--strict', '-f', configWithNav('mkdocs-nav-broken', docs, nav)]);
    expect(mkdocs.code).not.toBe(0);
    expect(mkdocs.output).toContain('100-missing.md');
  });
});
