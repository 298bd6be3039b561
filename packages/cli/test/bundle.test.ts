// statusbook bundle: archives a user downloads, checks with sha256sum and unpacks with the real
// unzip and tar; the HTML archive opened from file:// in Chromium; the Downloads page; and a
// run killed while it packs, which must leave no archive under its final name.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeSynthetic } from '../../../scripts/synthetic.mjs';
import { makeProject, repoRoot, snapshotTree, statusbook, until } from './helpers.js';

// Browser globals used by functions that run in the page (this package has no DOM types).
declare const document: { querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; href?: string; src?: string }> };

const CHROMIUM = process.env.STATUSBOOK_CHROMIUM ?? '/usr/bin/chromium';
const LOCALES = ['en', 'vi', 'ja'];
const bin = fileURLToPath(new URL('../bin/statusbook.js', import.meta.url));

interface Indexed {
  path: string;
  kind: string;
  locale: string;
  format?: string;
  size: number;
  sha256: string;
}
interface Index {
  statusbook: string;
  contentHash: string;
  bundles: Indexed[];
}

const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** The archive kinds, which most tests here are about (the book kinds have tests of their own). */
const ARCHIVES = ['--kind', 'zip,tar.gz'];

/** The base fixture (SIP 180, 200, 437) with the real vi and ja UI strings: three locales. */
function project(): string {
  const dir = makeProject();
  temps.push(dir);
  for (const locale of ['vi', 'ja']) cpSync(join(repoRoot, 'locales', locale, 'ui.json'), join(dir, 'locales', locale, 'ui.json'));
  return dir;
}

const readIndex = (out: string): Index => JSON.parse(readFileSync(join(out, 'bundles', 'index.json'), 'utf8')) as Index;
const sha256sum = (file: string) => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];

describe('statusbook bundle on three locales', () => {
  let root: string;
  let out: string;
  let index: Index;

  beforeAll(() => {
    root = project();
    out = join(root, 'output');
    const run = statusbook(['bundle', '--root', root, ...ARCHIVES], root);
    expect(run.stderr).toMatch(/bundle zip ja: statusbook-ja-html\.zip, statusbook-ja-md\.zip, statusbook-ja-print\.zip, statusbook-ja-json\.zip/);
    expect(run.code, run.stderr).toBe(0);
    index = readIndex(out);
  });

  test('index.json lists a zip and a tar.gz per locale and format, each as sha256sum sees it', () => {
    const expected = LOCALES.flatMap((l) => ['html', 'json', 'md', 'print'].flatMap((f) => [`bundles/${l}/statusbook-${l}-${f}.tar.gz`, `bundles/${l}/statusbook-${l}-${f}.zip`])).sort();
    expect(index.bundles.map((b) => b.path)).toEqual(expected);
    const json = JSON.parse(readFileSync(join(out, 'json', 'index.json'), 'utf8')) as { tool: { version: string }; contentHash: string };
    expect(index.contentHash).toBe(json.contentHash);
    expect(index.statusbook).toBe(json.tool.version);
    for (const b of index.bundles) {
      expect(sha256sum(join(out, b.path)), b.path).toBe(b.sha256);
      expect(statSync(join(out, b.path)).size).toBe(b.size);
    }
  });

  test('every archive unpacks with unzip and tar into exactly the files its manifest lists, with their sums', () => {
    for (const b of index.bundles) {
      const dir = temp('statusbook-unpack-');
      if (b.kind === 'zip') execFileSync('unzip', ['-q', join(out, b.path), '-d', dir]);
      else execFileSync('tar', ['-xzf', join(out, b.path), '-C', dir]);
      const top = `statusbook-${b.locale}-${b.format}`;
      expect(readdirSync(dir)).toEqual([top]);
      const manifest = JSON.parse(readFileSync(join(dir, top, 'manifest.json'), 'utf8')) as { statusbook: string; contentHash: string; locale: string; format: string; files: { path: string; size: number; sha256: string }[] };
      expect({ statusbook: manifest.statusbook, contentHash: manifest.contentHash, locale: manifest.locale, format: manifest.format }).toEqual({ statusbook: index.statusbook, contentHash: index.contentHash, locale: b.locale, format: b.format });
      const unpacked = Object.keys(snapshotTree(join(dir, top))).filter((p) => p !== 'manifest.json');
      expect(manifest.files.map((f) => f.path).sort()).toEqual(unpacked.sort());
      for (const f of manifest.files) {
        expect(sha256sum(join(dir, top, f.path)), `${b.path}: ${f.path}`).toBe(f.sha256);
        expect(statSync(join(dir, top, f.path)).size).toBe(f.size);
      }
      rmSync(dir, { recursive: true, force: true });
    }
    // Fixed times, owners and permissions, entries sorted (the manifest last).
    const listing = execFileSync('tar', ['-tzvf', join(out, 'bundles/ja/statusbook-ja-md.tar.gz')], { encoding: 'utf8' }).trim().split('\n');
    expect(listing.every((line) => /^-rw-r--r-- 0\/0 .* 2000-01-01 00:00 statusbook-ja-md\//.test(line))).toBe(true);
    const names = listing.map((line) => line.split(' ').pop()!);
    expect(names.at(-1)).toBe('statusbook-ja-md/manifest.json');
    expect(names.slice(0, -1)).toEqual([...names.slice(0, -1)].sort());
    expect(names.some((n) => n.startsWith('statusbook-ja-md/ja/sip/'))).toBe(true);
    expect(names.some((n) => n.includes('/en/') || n.includes('/vi/'))).toBe(false);
  });

  test('every kind by default: the EPUB, docset and PDF land in index.json and on the Downloads page, with their sums', () => {
    const all = join(temp('statusbook-bundle-all-'), 'output');
    const run = statusbook(['bundle', '--root', root, '--locale', 'ja', '--out', all], root);
    expect(run.code, run.stderr).toBe(0);
    const listed = readIndex(all).bundles;
    for (const kind of ['zip', 'tar.gz', 'epub', 'docset', 'pdf']) expect(listed.some((b) => b.kind === kind), kind).toBe(true);
    expect(listed.filter((b) => b.kind !== 'zip' && b.kind !== 'tar.gz').map((b) => b.path)).toEqual([
      'bundles/ja/statusbook-ja-sip.epub',
      'bundles/ja/statusbook-ja-sip.pdf',
      'bundles/ja/statusbook-ja.tgz',
      'bundles/ja/statusbook-ja.xml',
    ]);
    const page = readFileSync(join(all, 'html', 'ja', 'downloads.html'), 'utf8');
    for (const b of listed) {
      expect(sha256sum(join(all, b.path)), b.path).toBe(b.sha256);
      expect(page, b.path).toContain(b.sha256);
    }
    // Nothing under bundles/ that index.json does not list (a later run would refuse it as a user's file).
    const files = readdirSync(join(all, 'bundles'), { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(all, 'bundles', f)).isFile());
    expect(files.map((f) => `bundles/${f}`).sort()).toEqual([...listed.map((b) => b.path), 'bundles/index.json'].sort());
  });

  test('the same input gives the same archive bytes: again into the same output, and into another in another time zone', () => {
    const again = statusbook(['bundle', '--root', root, ...ARCHIVES], root);
    expect(again.code, again.stderr).toBe(0);
    expect(readIndex(out)).toEqual(index);
    const other = temp('statusbook-bundle-tz-');
    const elsewhere = execFileSync(process.execPath, [bin, 'bundle', '--root', root, ...ARCHIVES, '--out', join(other, 'output')], { cwd: root, env: { ...process.env, TZ: 'Asia/Tokyo', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(elsewhere.toString()).toMatch(/24 bundles/);
    expect(readIndex(join(other, 'output'))).toEqual(index);
  });

  test('the Downloads page of each locale links every bundle of its locale, with its sha256, and the home page links it', () => {
    for (const locale of LOCALES) {
      const page = readFileSync(join(out, 'html', locale, 'downloads.html'), 'utf8');
      const links = [...page.matchAll(/<a href="([^"]+)" download>/g)].map((m) => m[1]!);
      // Published: output/html at the base URL, output/bundles beside it at bundles/.
      const published = links.map((href) => new URL(href, `https://docs.example.org/${locale}/downloads.html`).pathname.slice(1));
      const own = index.bundles.filter((b) => b.locale === locale);
      expect(published).toEqual(own.map((b) => b.path));
      for (const b of own) expect(page).toContain(`<code>${b.sha256}</code>`);
      expect(page).toContain(`<html lang="${locale}"`);
      expect(readFileSync(join(out, 'html', locale, 'index.html'), 'utf8')).toMatch(/<p class="downloads"><a href="downloads\.html">/);
    }
    expect(readFileSync(join(out, 'html', 'ja', 'downloads.html'), 'utf8')).toContain('<h1>ダウンロード</h1>');
    expect(readFileSync(join(out, 'html', 'vi', 'downloads.html'), 'utf8')).toContain('<h1>Tải xuống</h1>');
  });

  test('a later build keeps the bundles and the Downloads page; files statusbook did not write are refused, not removed', () => {
    const before = snapshotTree(join(out, 'bundles'));
    const build = statusbook(['build', '--root', root, '--format', 'html', '--locale', 'ja', '--clean'], root);
    // --clean drops every slice it does not make, bundles too: the homes stop linking them.
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(join(out, 'bundles'))).toBe(false);
    expect(readFileSync(join(out, 'html', 'ja', 'index.html'), 'utf8')).not.toContain('downloads.html');
    expect(statusbook(['bundle', '--root', root, ...ARCHIVES], root).code).toBe(0);
    expect(snapshotTree(join(out, 'bundles'))).toEqual(before);
    const rebuild = statusbook(['build', '--root', root, '--format', 'html'], root);
    expect(rebuild.code, rebuild.stderr).toBe(0);
    expect(snapshotTree(join(out, 'bundles'))).toEqual(before);
    expect(existsSync(join(out, 'html', 'ja', 'downloads.html'))).toBe(true);
    expect(readFileSync(join(out, 'html', 'ja', 'index.html'), 'utf8')).toContain('<a href="downloads.html">');
    writeFileSync(join(out, 'bundles', 'mine.txt'), 'my notes');
    const refused = statusbook(['bundle', '--root', root, ...ARCHIVES], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('statusbook did not write (bundles/mine.txt)');
    expect(readFileSync(join(out, 'bundles', 'mine.txt'), 'utf8')).toBe('my notes');
    rmSync(join(out, 'bundles', 'mine.txt'));
  });

  test('the HTML archive, unpacked, works from file:// in Chromium: every page and asset by relative links', async () => {
    const dir = temp('statusbook-file-');
    execFileSync('unzip', ['-q', join(out, 'bundles/ja/statusbook-ja-html.zip'), '-d', dir]);
    const top = join(dir, 'statusbook-ja-html');
    const files = Object.keys(snapshotTree(top));
    const browser = await chromium.launch({ executablePath: CHROMIUM });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('requestfailed', (request) => {
        // Chromium aborts a page's favicon request when the crawl moves on to the next page;
        // an aborted request for a file the archive holds is not a broken link.
        const aborted = request.failure()?.errorText === 'net::ERR_ABORTED' && request.url().startsWith('file://') && existsSync(fileURLToPath(request.url()));
        if (!aborted) problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      const start = pathToFileURL(join(top, 'index.html')).href;
      await page.goto(start);
      await page.waitForURL(/\/ja\/index\.html$/);
      // The archive's index.html opens the locale's home.
      const seen = new Set<string>([start]);
      const queue = [page.url()];
      while (queue.length > 0) {
        const url = queue.shift()!;
        if (seen.has(url)) continue;
        seen.add(url);
        await page.goto(url);
        const targets = await page.evaluate(() =>
          [...document.querySelectorAll('a[href], link[href], img[src], script[src], iframe[src]')].map((el) => ({ raw: el.getAttribute('href') ?? el.getAttribute('src') ?? '', url: el.href ?? el.src ?? '' })),
        );
        for (const target of targets) {
          const link = new URL(target.url);
          // Sources on the web (the RFCs, IANA) stay links to the web.
          if (target.raw.startsWith('#') || link.protocol === 'https:') continue;
          expect(link.protocol, `${url}: ${target.raw}`).toBe('file:');
          const path = fileURLToPath(link);
          expect(path.startsWith(top), `${url}: ${target.raw} leaves the archive`).toBe(true);
          expect(existsSync(path) && statSync(path).isFile(), `${url}: ${target.raw} is not a file of the archive`).toBe(true);
          link.hash = '';
          if (path.endsWith('.html')) queue.push(link.href);
        }
      }
      expect(problems).toEqual([]);
      // Every page of the archive is reached by following links from its index.html.
      const pages = files.filter((f) => f.endsWith('.html')).map((f) => pathToFileURL(join(top, f)).href);
      expect([...seen].sort()).toEqual(pages.sort());
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe('statusbook bundle usage', () => {
  test('--help lists the kinds and options; bad values are usage errors that say what is expected', () => {
    const help = statusbook(['bundle', '--help'], repoRoot);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}zip {6}a \.zip per locale and format/m);
    expect(help.stdout).toContain('--paper <size>');
    expect(statusbook(['--help'], repoRoot).stdout).toMatch(/^ {2}bundle +build, then pack/m);
    const root = project();
    const cases: [string[], string][] = [
      [['--kind', 'rar'], "error: --kind rar: unknown bundle kind 'rar'\nhint: available: zip, tar.gz"],
      [['--format', 'html,embed'], "error: --format html,embed: archives pack html, md, print, json, not 'embed'"],
      [['--paper', 'a3'], 'error: --paper a3: expected a4 or letter'],
      [['--locale', 'fr'], "error: --locale fr: unknown locale 'fr'"],
      [['--zip'], "error: unknown option --zip for 'statusbook bundle'"],
    ];
    for (const [args, message] of cases) {
      const run = statusbook(['bundle', '--root', root, ...args], root);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
    expect(existsSync(join(root, 'output'))).toBe(false);
  });

  test('--json answers with the bundles as index.json lists them', () => {
    const root = project();
    const run = statusbook(['bundle', '--root', root, '--json', '--locale', 'vi', '--format', 'md', '--kind', 'tar.gz'], root);
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as Index & { ok: boolean; out: string };
    expect(answer.ok).toBe(true);
    expect(answer.out).toBe('output');
    expect(answer.bundles).toEqual(readIndex(join(root, 'output')).bundles);
    expect(answer.bundles.map((b) => b.path)).toEqual(['bundles/vi/statusbook-vi-md.tar.gz']);
    // No HTML was built for vi, so there is no Downloads page to write.
    expect(existsSync(join(root, 'output', 'html'))).toBe(false);
  });
});

test('UI strings reach the Downloads page as text, never as markup', () => {
  const root = project();
  const file = join(root, 'locales', 'ja', 'ui.json');
  const ui = JSON.parse(readFileSync(file, 'utf8')) as { downloads: Record<string, string> };
  ui.downloads.title = '<img src=x onerror=alert(1)>';
  ui.downloads.made = '<b>{{version}}</b> "{{hash}}"';
  writeFileSync(file, JSON.stringify(ui));
  const run = statusbook(['bundle', '--root', root, '--locale', 'ja', '--format', 'html', '--kind', 'zip'], root);
  expect(run.code, run.stderr).toBe(0);
  const page = readFileSync(join(root, 'output', 'html', 'ja', 'downloads.html'), 'utf8');
  expect(page).toContain('<h1>&#60;img src=x onerror=alert(1)&#62;</h1>');
  expect(page).toMatch(/<p>&#60;b&#62;\d+\.\d+\.\d+&#60;\/b&#62; &#34;<code>[0-9a-f]+<\/code>&#34;<\/p>/);
  expect(page).not.toContain('<img');
});

describe('a killed bundle run', () => {
  test('leaves the previous bundles as they were and no archive under its final name', async () => {
    const root = temp('statusbook-bundle-kill-');
    writeSynthetic(root, 40, ['en', 'ja']);
    const out = join(root, 'output');
    const first = statusbook(['bundle', '--root', root, ...ARCHIVES, '--format', 'html,md'], root);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshotTree(join(out, 'bundles'));
    // An edit, so that the next run's archives differ from these.
    const code = join(root, 'content', 'syn', 'codes', readdirSync(join(root, 'content', 'syn', 'codes')).sort()[0]!);
    writeFileSync(code, readFileSync(code, 'utf8').replace(/summary: .*/, 'summary: Edited before the killed run.'));
    const state = join(root, '.statusbook-output');
    const child = spawn(process.execPath, [bin, 'bundle', '--root', root, ...ARCHIVES, '--format', 'html,md'], { cwd: root, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Killed while it writes an archive: one exists in the new version, not yet swapped in.
    const archive = await until(() => findArchive(state, out), 60_000);
    child.kill('SIGKILL');
    await exited;
    expect(archive).toMatch(/\/v-[^/]+\/bundles\//);
    expect(realpathSync(out)).not.toBe(archive.split('/bundles/')[0]);
    expect(snapshotTree(join(out, 'bundles'))).toEqual(before);
    const index = readIndex(out);
    for (const b of index.bundles) expect(sha256sum(join(out, b.path))).toBe(b.sha256);
    // The next run clears what the killed one left and makes the new bundles.
    const next = statusbook(['bundle', '--root', root, ...ARCHIVES, '--format', 'html,md'], root);
    expect(next.code, next.stderr).toBe(0);
    expect(readIndex(out).contentHash).not.toBe(index.contentHash);
  }, 180_000);
});

/** An archive being written in a version of the output that is not swapped in yet (not the one `out` links to). */
function findArchive(state: string, out: string): string | undefined {
  try {
    const current = existsSync(out) ? realpathSync(out) : '';
    for (const name of readdirSync(state)) {
      const dir = join(state, name, 'bundles');
      if (!name.startsWith('v-') || join(state, name) === current || !existsSync(dir)) continue;
      for (const locale of readdirSync(dir)) {
        const found = readdirSync(join(dir, locale)).find((f) => f.endsWith('.zip') || f.endsWith('.tar.gz'));
        if (found) return join(dir, locale, found);
      }
    }
  } catch {
    // a folder went away while it was read: look again
  }
  return undefined;
}
