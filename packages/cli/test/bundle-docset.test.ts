// Dash/Zeal docsets from the bundled content, read as Dash and Zeal read them: Info.plist,
// the SQLite search index opened with the real sqlite3 command (437 found in Japanese, its
// page in Documents), every link inside the docset landing on a file it holds, the .tgz
// and feed, and the same bytes from the same output.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { docset, localLinks } from '../src/bundle/docset.js';
import type { BundleJob } from '../src/bundle/kind.js';
import { buildBundledContent, type BuiltContent } from './bundle-books.js';

let built: BuiltContent;
let ja: BundleJob;
beforeAll(async () => {
  built = await buildBundledContent(['html']);
  ja = built.job('ja');
  await makeAndUnpack(ja);
});

/** Makes the locale's docset and unpacks its .tgz beside it with the real tar, as Dash and Zeal do. */
async function makeAndUnpack(job: BundleJob) {
  const files = await docset.make(job);
  const tar = spawnSync('tar', ['-xzf', join(job.staging, `${job.locale}/statusbook-${job.locale}.tgz`), '-C', join(job.staging, job.locale)], { encoding: 'utf8' });
  expect(tar.status, tar.stderr).toBe(0);
  return files;
}
afterAll(() => built?.remove());

function sqlite(db: string, sql: string): string[][] {
  const run = spawnSync('sqlite3', ['-readonly', '-separator', '\t', db, sql], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim().split('\n').filter(Boolean).map((line) => line.split('\t'));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

describe('the docset kind on the bundled content', () => {
  const folder = () => join(ja.staging, 'ja/statusbook-ja.docset');

  test('returns the .tgz and the feed, which unpacks to a .docset Dash opens', async () => {
    const files = await docset.make(built.job('en'));
    expect(files.map((f) => f.path)).toEqual(['en/statusbook-en.tgz', 'en/statusbook-en.xml']);
    const plist = readFileSync(join(folder(), 'Contents/Info.plist'), 'utf8');
    for (const key of ['CFBundleIdentifier', 'CFBundleName', 'DocSetPlatformFamily', 'isDashDocset', 'dashIndexFilePath']) expect(plist).toContain(`<key>${key}</key>`);
    expect(plist).toContain('<key>dashIndexFilePath</key><string>ja/index.html</string>');
    expect(plist).toContain('<key>CFBundleName</key><string>Statusbook (日本語)</string>');
    expect(existsSync(join(folder(), 'Contents/Resources/Documents/ja/index.html'))).toBe(true);
  });

  test('sqlite3 finds 437 in ja by its Japanese gloss, with a page that exists in Documents', () => {
    const db = join(folder(), 'Contents/Resources/docSet.dsidx');
    expect(sqlite(db, "SELECT sql FROM sqlite_master WHERE name = 'searchIndex'")[0]![0]).toBe('CREATE TABLE searchIndex(id INTEGER PRIMARY KEY, name TEXT, type TEXT, path TEXT)');
    expect(sqlite(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql LIKE 'CREATE UNIQUE INDEX%'")[0]![0]).toBe('1');
    const hits = sqlite(db, "SELECT name, type, path FROM searchIndex WHERE name LIKE '%サポートされていない認証情報%'");
    expect(hits).toEqual([['SIP 437 Unsupported Credential（サポートされていない認証情報）', 'Value', 'ja/sip/437/index.html']]);
    expect(existsSync(join(folder(), 'Contents/Resources/Documents', hits[0]![2]!))).toBe(true);
    expect(readFileSync(join(folder(), 'Contents/Resources/Documents', hits[0]![2]!), 'utf8')).toContain('<h1>SIP 437 Unsupported Credential');
  });

  test('every code is a Value and every curated pair a Guide, each with its page', () => {
    const db = join(folder(), 'Contents/Resources/docSet.dsidx');
    const rows = sqlite(db, 'SELECT name, type, path FROM searchIndex ORDER BY id');
    for (const protocol of built.content.protocols) {
      const values = rows.filter((r) => r[1] === 'Value' && r[2]!.startsWith(`ja/${protocol.id}/`));
      expect(values.map((r) => r[2])).toEqual(protocol.codes.map((c) => `ja/${protocol.id}/${c.code}/index.html`));
      const guides = rows.filter((r) => r[1] === 'Guide' && r[2]!.startsWith(`ja/${protocol.id}/`));
      expect(guides).toHaveLength(protocol.curated.length);
    }
    for (const [, , path] of rows) expect(existsSync(join(folder(), 'Contents/Resources/Documents', path!)), path).toBe(true);
  });

  test('every link in the docset lands on a file it holds', () => {
    const documents = join(folder(), 'Contents/Resources/Documents');
    let links = 0;
    for (const file of walk(documents).filter((f) => f.endsWith('.html'))) {
      for (const [, href] of readFileSync(file, 'utf8').matchAll(/<a [^>]*href="([^"#]+)[^"]*"/g)) {
        if (href!.includes(':')) continue;
        expect(existsSync(join(dirname(file), href!)) && statSync(join(dirname(file), href!)).isFile(), `${relative(documents, file)} -> ${href}`).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(1000);
  });

  test('the .tgz has fixed owners, modes and times, the feed names it, and a second run gives the same bytes', async () => {
    const tgz = join(ja.staging, 'ja/statusbook-ja.tgz');
    const listing = spawnSync('tar', ['-tvzf', tgz], { encoding: 'utf8' }).stdout;
    expect(listing).toMatch(/^-rw-r--r-- 0\/0 .* 2026-11-30 00:00 statusbook-ja\.docset\/Contents\/Info\.plist$/m);
    const odd = listing.trim().split('\n').filter((line) => !/^(-rw-r--r--|drwxr-xr-x) 0\/0 .* 2026-11-30 00:00 statusbook-ja\.docset\//.test(line));
    expect(odd).toEqual([]);
    const feed = readFileSync(join(ja.staging, 'ja/statusbook-ja.xml'), 'utf8');
    expect(feed).toMatch(/^<entry>\n<version>0\.1\.0\/2026-11-30\.[^<]+<\/version>\n<url>statusbook-ja\.tgz<\/url>\n<\/entry>\n$/);
    const again = built.job('ja');
    await makeAndUnpack(again);
    const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    for (const path of ['ja/statusbook-ja.tgz', 'ja/statusbook-ja.xml', 'ja/statusbook-ja.docset/Contents/Resources/docSet.dsidx']) {
      expect(hash(join(again.staging, path)), path).toBe(hash(join(ja.staging, path)));
    }
  });
});

describe('links inside a docset', () => {
  const held = new Set(['ja/index.html', 'ja/sip/index.html', 'ja/sip/437/index.html', 'assets/site.css']);
  test('a folder link names its index.html, a link outside the docset loses its href', () => {
    const page = '<link rel="stylesheet" href="../../../assets/site.css"><a href="../">up</a> <a href="./">here</a> <a href="../../../en/sip/437/" hreflang="en">English</a> <a href="#main">skip</a> <a href="https://example.org/x/">out</a>';
    expect(localLinks(page, 'ja/sip/437/index.html', held)).toBe(
      '<link rel="stylesheet" href="../../../assets/site.css"><a href="../index.html">up</a> <a href="index.html">here</a> <a hreflang="en">English</a> <a href="#main">skip</a> <a href="https://example.org/x/">out</a>',
    );
    expect(posix.sep).toBe('/');
  });
});
