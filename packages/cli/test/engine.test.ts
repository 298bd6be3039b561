// The build engine: incremental rebuilds, kill safety, shards and determinism, on synthetic
// content large enough to use the worker threads.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeSynthetic } from '../../../scripts/synthetic.mjs';
import { snapshotTree, statusbook } from './helpers.js';

const bin = new URL('../bin/statusbook.js', import.meta.url).pathname;

function project(n: number): { dir: string; codes: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-engine-'));
  return { dir, codes: writeSynthetic(dir, n) };
}

function build(dir: string, ...args: string[]) {
  const run = statusbook(['build', '--json', ...args], dir);
  expect(run.stderr.replace(/^.*translation\/stale.*\n(\s+hint:.*\n)?\n?/gm, '').replace(/⚠ .*\n/, '')).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { total: number; written: number; unchanged: number; removed: number; workers: number };
}

/** Inode and mtime of every file: a file written again gets a new inode (builds swap folders). */
function identities(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else {
        const s = statSync(path);
        out.set(relative(dir, path), `${s.ino}:${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out;
}

describe('rebuilds', () => {
  const { dir, codes } = project(20);
  const out = join(dir, 'output');
  const first = build(dir);

  test('the first build renders every page on worker threads', () => {
    expect(first.workers).toBeGreaterThan(0);
    expect(first.written).toBe(first.total);
    expect(first.total).toBeGreaterThan(1500);
  });

  test('a rebuild with no change writes no file', () => {
    const before = identities(out);
    const again = build(dir);
    expect(again).toMatchObject({ written: 0, unchanged: first.total, removed: 0 });
    expect(identities(out)).toEqual(before);
  });

  test("changing one code's English text re-renders exactly that code's pages and its comparison pages, in every locale", () => {
    const code = codes[7]!;
    const before = identities(out);
    const file = join(dir, 'content/syn/codes', `${code}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/howToFix: .*/, 'howToFix: Send the request again once the condition has cleared.'));
    const result = build(dir);

    const after = identities(out);
    const changed = [...after.keys()].filter((p) => before.get(p) !== after.get(p)).sort();
    const mine = (p: string) => new RegExp(`/(${code}(/index)?\\.(md|html|json)|compare/(${code}-vs-\\d+|\\d+-vs-${code})(/index)?\\.(md|html|json))$`).test(p);
    const books = changed.filter((p) => /^print\/\w+\/syn\.html$/.test(p));
    const redirects = changed.filter((p) => /compare\/(\d+)-vs-(\d+)\//.test(p) && Number(/(\d+)-vs/.exec(p)![1]) > Number(/vs-(\d+)/.exec(p)![1]));
    // json/index.json names a hash of the content.
    expect(changed.filter((p) => !mine(p) && !books.includes(p))).toEqual(['.statusbook/check-cache.json', '.statusbook/manifest.json', 'json/index.json']);
    expect(redirects).toEqual([]);
    expect(books).toEqual(['print/en/syn.html', 'print/ja/syn.html', 'print/vi/syn.html']);
    // 3 locales x (code page in md, html, print, json + 19 comparisons in md, html, print, json) + 3 books
    expect(result.written).toBe(3 * (4 + 19 * 4) + 3);
    expect(changed).toHaveLength(result.written + 3);
  });
});

describe('a rebuild that writes only the changed files', () => {
  const { dir, codes } = project(20);
  const out = join(dir, 'output');
  build(dir);
  const edit = (text: string) => {
    const file = join(dir, 'content/syn/codes', `${codes[3]}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/summary: .*/, `summary: ${text}`));
  };
  const killedAt = (point: string) => {
    const run = spawnSync(process.execPath, [bin, 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, STATUSBOOK_TEST_KILL_AT: point } });
    expect(run.signal).toBe('SIGKILL');
  };
  const cleanBuild = () => {
    build(dir, '--clean', '--out', 'clean');
    return snapshotTree(join(dir, 'clean'));
  };

  test('the check results kept for the next build hold the current files only, and edits show up', () => {
    const entries = () => Object.keys((JSON.parse(readFileSync(join(out, '.statusbook/check-cache.json'), 'utf8')) as { entries: object }).entries).length;
    const before = entries();
    // 20 codes, each with a vi and a ja translation; each locale's protocol.yaml and pairs.yaml.
    expect(before).toBe(66);
    for (const n of [1, 2, 3]) {
      edit(`Edited summary number ${n}.`);
      build(dir);
      expect(entries()).toBe(before);
      expect(readFileSync(join(out, `md/en/syn/${codes[3]}.md`), 'utf8')).toContain(`Edited summary number ${n}.`);
    }
  });

  test("edits to a translation's protocol.yaml and pairs.yaml show up in a rebuild", () => {
    const protocolFile = join(dir, 'locales/vi/content/syn/protocol.yaml');
    const pairsFile = join(dir, 'locales/vi/content/syn/pairs.yaml');
    const before = { protocol: readFileSync(protocolFile, 'utf8'), pairs: readFileSync(pairsFile, 'utf8') };
    const difference = /difference:\n {4}text: (.*)/.exec(before.pairs)![1]!;
    writeFileSync(protocolFile, before.protocol.replace('text: Nhóm 2xx', 'text: Nhóm hai trăm'));
    writeFileSync(pairsFile, before.pairs.replace(difference, 'Câu đã sửa cho phép so sánh.'));
    try {
      build(dir);
      const success = codes.find((c) => c >= 200 && c < 300)!;
      expect(readFileSync(join(out, `md/vi/syn/${success}.md`), 'utf8')).toContain('Nhóm hai trăm');
      const slug = /^(\d+-vs-\d+):/m.exec(before.pairs)![1]!;
      expect(readFileSync(join(out, `md/vi/syn/compare/${slug}.md`), 'utf8')).toContain('Câu đã sửa cho phép so sánh.');
    } finally {
      writeFileSync(protocolFile, before.protocol);
      writeFileSync(pairsFile, before.pairs);
    }
  });

  test("edits to content's protocol.yaml and pairs.yaml show up, and a pair whose code file went away is reported", () => {
    const protocolFile = join(dir, 'content/syn/protocol.yaml');
    const pairsFile = join(dir, 'content/syn/pairs.yaml');
    const before = { protocol: readFileSync(protocolFile, 'utf8'), pairs: readFileSync(pairsFile, 'utf8') };
    const [, low, high] = /^- codes:\n {4}- (\d+)\n {4}- (\d+)/.exec(before.pairs)!;
    const slug = `${low}-vs-${high}`;
    writeFileSync(protocolFile, before.protocol.replace('title: Synthetic Benchmark Protocol', 'title: Edited Protocol Title'));
    writeFileSync(pairsFile, before.pairs.replace(/difference: .*/, 'difference: An edited difference between the two codes.'));
    const codeFile = join(dir, 'content/syn/codes', `${low}.yaml`);
    const code = readFileSync(codeFile, 'utf8');
    try {
      build(dir);
      expect(readFileSync(join(out, 'md/en/index.md'), 'utf8')).toContain('Edited Protocol Title');
      expect(readFileSync(join(out, `md/en/syn/compare/${slug}.md`), 'utf8')).toContain('An edited difference between the two codes.');
      // pairs.yaml is unchanged, but the code it names no longer has a file.
      rmSync(codeFile);
      const run = statusbook(['build'], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`pair names code ${low}, which has no file in codes/`);
    } finally {
      writeFileSync(protocolFile, before.protocol);
      writeFileSync(pairsFile, before.pairs);
      writeFileSync(codeFile, code);
    }
  });

  test('a build of other formats keeps the formats built before, byte for byte; --clean drops them', () => {
    const other = join(dir, 'formats');
    build(dir, '--format', 'html', '--out', 'formats');
    const html = snapshotTree(join(other, 'html'));
    // Print: HTML pages do not link to it (they do to md, json and embed, which would update them).
    const print = build(dir, '--format', 'print', '--out', 'formats');
    expect(print.written).toBe(print.total);
    expect(readdirSync(other).filter((n) => !n.startsWith('.')).sort()).toEqual(['html', 'print']);
    expect(snapshotTree(join(other, 'html'))).toEqual(html);
    build(dir, '--format', 'print', '--out', 'formats', '--clean');
    expect(readdirSync(other).filter((n) => !n.startsWith('.'))).toEqual(['print']);
  });

  test('killed at any point of its commit, it leaves the output byte-identical, and the next build completes it', () => {
    for (const point of ['move:0', 'move:10', 'swap']) {
      const before = snapshotTree(out);
      edit(`Changed by a build killed at ${point}.`);
      killedAt(point);
      expect(snapshotTree(out)).toEqual(before);
      build(dir);
      expect(snapshotTree(out)).toEqual(cleanBuild());
    }
  });
});

describe('a killed build', () => {
  const { dir, codes } = project(40);
  const out = join(dir, 'output');
  build(dir);

  for (const delay of [150, 600, 1400]) {
    test(`killed after ${delay} ms leaves the previous output byte-identical`, async () => {
      const before = snapshotTree(out);
      const file = join(dir, 'content/syn/codes', `${codes[delay % codes.length]}.yaml`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/summary: .*/, `summary: Changed before a build killed after ${delay} ms.`));
      const child = spawn(process.execPath, [bin, 'build', '--clean'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      // The build either was killed (the old output) or had finished (the new one, whole).
      const after = snapshotTree(out);
      if (after['.statusbook/manifest.json'] !== before['.statusbook/manifest.json']) expect(Object.keys(after).length).toBe(Object.keys(before).length);
      else expect(after).toEqual(before);
    });
  }

  test('the next build finishes the job and leaves only the current and previous versions behind', () => {
    build(dir);
    const stateDir = join(dir, '.statusbook-output');
    const spare = readdirSync(stateDir).includes('spare.json') ? [(JSON.parse(readFileSync(join(stateDir, 'spare.json'), 'utf8')) as { dir: string }).dir] : [];
    const kept = readdirSync(stateDir).filter((n) => !/^(trash-|copy-of-|tmp-copy-)/.test(n) && !['README', 'spare.json'].includes(n));
    expect(kept.sort()).toEqual([readlinkSync(out).split('/')[1]!, ...spare].sort());
  });
});

describe('shards and determinism', () => {
  const { dir } = project(15);
  const full = join(dir, 'full');
  build(dir, '--out', 'full');

  test('two full builds give the same bytes', () => {
    build(dir, '--out', 'again');
    expect(snapshotTree(join(dir, 'again'))).toEqual(snapshotTree(full));
  });

  test('the union of the shards equals the full build, byte for byte', () => {
    const union: Record<string, string> = {};
    for (const k of [1, 2, 3]) {
      build(dir, '--shard', `${k}/3`, '--out', `shard-${k}`);
      for (const [path, hash] of Object.entries(snapshotTree(join(dir, `shard-${k}`)))) {
        if (path.startsWith('.statusbook/')) continue;
        expect(union[path], `${path} is in two shards`).toBeUndefined();
        union[path] = hash;
      }
    }
    const expected = Object.fromEntries(Object.entries(snapshotTree(full)).filter(([p]) => !p.startsWith('.statusbook/')));
    expect(union).toEqual(expected);
  });

  test('a malformed shard is a usage error', () => {
    expect(statusbook(['build', '--shard', '4/3'], dir).code).toBe(2);
  });
});
