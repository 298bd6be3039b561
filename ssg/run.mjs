// npm run test:ssg: Docusaurus and Starlight, installed here from the committed lockfile (not
// a workspace: never in the root lockfile or CI's npm ci), build a minimal site each from the
// docusaurus and starlight Markdown profiles, with the curated pairs and every locale, broken
// links set to throw. A hostile project (MDX syntax in every text field) is built through
// Docusaurus too: its MDX compiler must accept every page. Prints pass/fail and the times.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..');
const sites = join(here, '.sites');
const statusbook = join(repo, 'packages', 'cli', 'bin', 'statusbook.js');
const LOCALES = ['en', 'vi', 'ja'];
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', DOCUSAURUS_NO_TELEMETRY: '1', NO_COLOR: '1', FORCE_COLOR: '0', NODE_OPTIONS: '' };

function sh(command, args, cwd) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { ok: result.status === 0, output, seconds: (performance.now() - started) / 1000 };
}

function must(step, run) {
  if (!run.ok) {
    console.error(run.output.split('\n').slice(-60).join('\n'));
    throw new Error(`${step} failed`);
  }
  return run;
}

/** Builds the project at `root` with a profile into a fresh output folder; returns the profile's folder. */
function profileOutput(profile, root, name) {
  const out = join(sites, `output-${name}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(join(sites, `.statusbook-output-${name}`), { recursive: true, force: true });
  must(`statusbook build --md-profile ${profile}`, sh(process.execPath, [statusbook, 'build', '--root', root, '--out', out, '--format', 'md', '--md-profile', profile, '--pairs', 'curated'], repo));
  return join(out, profile);
}

function htmlFiles(dir) {
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/** Links in the built pages' main content that lead to no page of the built site. */
function brokenLinks(site) {
  const broken = [];
  let checked = 0;
  for (const file of htmlFiles(site)) {
    const url = `/${relative(site, file)}`;
    const html = readFileSync(file, 'utf8');
    const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    for (const [, href] of main.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//')) continue;
      checked++;
      let target = decodeURIComponent(href.replace(/[#?].*$/, ''));
      target = target.startsWith('/') ? target : posix.join(posix.dirname(url), target);
      if (!target.endsWith('.html')) target = posix.join(target, 'index.html');
      if (!existsSync(join(site, target))) broken.push(`${url}: ${href}`);
    }
  }
  return { checked, broken };
}

function docusaurusSite(name, profileDir, locales) {
  const site = join(sites, name);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  cpSync(join(profileDir, 'docs'), join(site, 'docs'), { recursive: true });
  if (existsSync(join(profileDir, 'i18n'))) cpSync(join(profileDir, 'i18n'), join(site, 'i18n'), { recursive: true });
  // Not "type": "module" (as ssg/package.json is): webpack would read Docusaurus' generated
  // route registry as strict ESM and leave require.resolveWeak calls in the server bundle.
  writeFileSync(join(site, 'package.json'), '{ "name": "statusbook-docusaurus-check", "private": true }\n');
  writeFileSync(
    join(site, 'docusaurus.config.mjs'),
    `export default {
  title: 'Statusbook',
  url: 'http://127.0.0.1',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: { hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' } },
  i18n: { defaultLocale: 'en', locales: ${JSON.stringify(locales)} },
  presets: [['classic', { docs: { routeBasePath: '/' }, blog: false, pages: false }]],
};
`,
  );
  return site;
}

function starlightSite(profileDir) {
  const site = join(sites, 'starlight');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'src'), { recursive: true });
  cpSync(join(profileDir, 'src'), join(site, 'src'), { recursive: true });
  writeFileSync(
    join(site, 'src', 'content.config.mjs'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(
    join(site, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
export default defineConfig({
  integrations: [
    starlight({
      title: 'Statusbook',
      defaultLocale: 'en',
      locales: { en: { label: 'English' }, vi: { label: 'Tiếng Việt' }, ja: { label: '日本語' } },
      // Our links are relative page URLs: the validator checks the absolute ones, the walk below every one.
      plugins: [starlightLinksValidator({ errorOnRelativeLinks: false })],
    }),
  ],
});
`,
  );
  writeFileSync(join(site, 'package.json'), '{ "name": "statusbook-starlight-check", "private": true, "type": "module" }\n');
  return site;
}

/** The generator's hostile fixture with MDX syntax in every text field, and a hostile translation. */
function hostileProject() {
  const dir = join(sites, 'hostile-project');
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(repo, 'packages', 'generator', 'test', 'fixtures', 'hostile', 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(repo, 'templates'), join(dir, 'templates'), { recursive: true });
  const mdx = "import x from 'y'\nexport default {a}\n<Foo bar={1} /> and a lone } and { and <b>";
  const code = join(dir, 'content', 'sip', 'codes', '437.yaml');
  writeFileSync(code, readFileSync(code, 'utf8').replace(/^howToFix: .*$/m, `howToFix: ${JSON.stringify(mdx)}`));
  const pairs = join(dir, 'content', 'sip', 'pairs.yaml');
  writeFileSync(pairs, readFileSync(pairs, 'utf8').replace(/^ {2}difference: .*$/m, `  difference: ${JSON.stringify("export const a = {b: '<i>'}")}`));
  for (const locale of ['en', 'vi']) {
    mkdirSync(join(dir, 'locales', locale), { recursive: true });
    cpSync(join(repo, 'locales', locale, 'ui.json'), join(dir, 'locales', locale, 'ui.json'));
  }
  mkdirSync(join(dir, 'locales', 'vi', 'content', 'sip', 'codes'), { recursive: true });
  writeFileSync(
    join(dir, 'locales', 'vi', 'content', 'sip', 'codes', '437.yaml'),
    `reason: ${JSON.stringify('{gloss} <x>')}\nsummary: ${JSON.stringify("import {a} from 'b' <div>")}\ndescription: ${JSON.stringify(mdx)}\n`,
  );
  return dir;
}

const results = [];
function check(name, fn) {
  const started = performance.now();
  try {
    const detail = fn();
    results.push({ name, ok: true, seconds: (performance.now() - started) / 1000, detail });
  } catch (error) {
    results.push({ name, ok: false, seconds: (performance.now() - started) / 1000, detail: error instanceof Error ? error.message : String(error) });
  }
}

const started = performance.now();
if (!existsSync(join(here, 'node_modules', '@docusaurus', 'core'))) must('npm ci (ssg/)', sh('npm', ['ci', '--no-audit', '--no-fund'], here));
if (!existsSync(statusbook)) must('npm run build', sh('npm', ['run', 'build'], repo));
mkdirSync(sites, { recursive: true });
const docusaurus = join(here, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
// webpack's persistent cache would carry modules over from an earlier run's sites.
rmSync(join(here, 'node_modules', '.cache'), { recursive: true, force: true });
const astro = join(here, 'node_modules', 'astro', 'astro.js');

check('docusaurus: bundled content, en vi ja, curated pairs', () => {
  const site = docusaurusSite('docusaurus', profileOutput('docusaurus', repo, 'docusaurus'), LOCALES);
  const run = must('docusaurus build', sh(process.execPath, [docusaurus, 'build', site], here));
  for (const locale of LOCALES) {
    const prefix = locale === 'en' ? '' : `${locale}/`;
    if (!existsSync(join(site, 'build', `${prefix}sip/437/index.html`))) throw new Error(`no /${prefix}sip/437/ page`);
  }
  const { checked, broken } = brokenLinks(join(site, 'build'));
  if (broken.length > 0) throw new Error(`broken links:\n${broken.slice(0, 20).join('\n')}`);
  return `${checked} links in pages checked, built in ${run.seconds.toFixed(1)} s`;
});

check('docusaurus: hostile content (MDX syntax in every field), en vi', () => {
  const site = docusaurusSite('docusaurus-hostile', profileOutput('docusaurus', hostileProject(), 'hostile'), ['en', 'vi']);
  const run = must('docusaurus build (hostile)', sh(process.execPath, [docusaurus, 'build', site], here));
  const page = readFileSync(join(site, 'build', 'sip', '437', 'index.html'), 'utf8');
  if (!page.includes('&lt;Foo bar={1} /&gt; and a lone } and { and &lt;b&gt;')) throw new Error('the hostile text is not shown as written on docs/sip/437/');
  if (/<(script|img|iframe|foo)[\s>]/i.test(/<article[\s\S]*<\/article>/.exec(page)?.[0] ?? '')) throw new Error('an element came from content');
  return `built in ${run.seconds.toFixed(1)} s, text shown as written`;
});

check('starlight: bundled content, en vi ja, curated pairs', () => {
  const site = starlightSite(profileOutput('starlight', repo, 'starlight'));
  const run = must('astro build', sh(process.execPath, [astro, 'build', '--root', site], here));
  for (const locale of LOCALES) {
    if (!existsSync(join(site, 'dist', locale, 'sip', '437', 'index.html'))) throw new Error(`no ${locale}/sip/437/ page`);
  }
  const { checked, broken } = brokenLinks(join(site, 'dist'));
  if (broken.length > 0) throw new Error(`broken links:\n${broken.slice(0, 20).join('\n')}`);
  if (checked < 1000) throw new Error(`only ${checked} links found in the pages`);
  return `${checked} links in pages checked, built in ${run.seconds.toFixed(1)} s`;
});

for (const r of results) console.log(`${r.ok ? 'pass' : 'FAIL'}  ${r.name}  (${r.seconds.toFixed(1)} s)  ${r.detail}`);
console.log(`test:ssg: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed, ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
