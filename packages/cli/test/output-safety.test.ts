// What a build may touch: only its output (a link to a complete version) and its state
// folder beside it. Hostile --out values, user files beside and inside the output, two
// builds at once, and kills at random moments.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeSynthetic } from '../../../scripts/synthetic.mjs';
import { makeProject, snapshotTree, statusbook } from './helpers.js';

const bin = new URL('../bin/statusbook.js', import.meta.url).pathname;

function synthetic(n: number): { dir: string; codes: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-safety-'));
  return { dir, codes: writeSynthetic(dir, n) };
}

function edit(dir: string, code: number, summary: string): void {
  const file = join(dir, 'content/syn/codes', `${code}.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/summary: .*/, `summary: ${summary}`));
}

function ok(dir: string, ...args: string[]): { written: number; unchanged: number } {
  const run = statusbook(['build', '--json', ...args], dir);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { written: number; unchanged: number };
}

describe('--out', () => {
  test("an output folder that holds the project is refused, whatever its manifest says, and nothing around it is touched", () => {
    const parent = mkdtempSync(join(tmpdir(), 'statusbook-parent-'));
    const project = join(parent, 'project');
    makeProjectAt(project);
    mkdirSync(join(parent, '.statusbook'));
    writeFileSync(join(parent, '.statusbook/manifest.json'), '{}');
    writeFileSync(join(parent, 'notes.txt'), 'mine');
    const before = snapshotTree(parent);
    const run = statusbook(['build', '--out', '..'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("would overwrite the project's own files: it holds the project folder");
    expect(snapshotTree(parent)).toEqual(before);
  });

  test('an output inside content/, templates/ or locales/ is refused, even behind `..x` names', () => {
    const project = makeProject();
    for (const out of ['content/..x', 'content', 'templates/site', 'locales/en/out']) {
      const run = statusbook(['build', '--out', out], project);
      expect(run.code, out).toBe(2);
      expect(run.stderr).toContain("would overwrite the project's own files: it is inside");
    }
    expect(existsSync(join(project, 'content/..x'))).toBe(false);
  });

  test('--out is a path, not a URL: spaces, # and // are taken as written', () => {
    const project = makeProject();
    const elsewhere = mkdtempSync(join(tmpdir(), 'statusbook-abs-'));
    for (const out of ['my out', 'o#1', `/${elsewhere}/site`]) {
      expect(statusbook(['build', '--format', 'md', '--out', out], project).code, out).toBe(0);
    }
    expect(existsSync(join(project, 'my out/md/en/index.md'))).toBe(true);
    expect(existsSync(join(project, 'o#1/md/en/index.md'))).toBe(true);
    expect(existsSync(join(elsewhere, 'site/md/en/index.md'))).toBe(true);
    expect(readdirSync(project).sort()).toEqual(['.statusbook-my out', '.statusbook-o#1', 'content', 'locales', 'my out', 'o#1', 'templates']);
  });

  test('a folder statusbook did not make, or a link it did not make, is not replaced', () => {
    const project = makeProject();
    mkdirSync(join(project, 'site'));
    writeFileSync(join(project, 'site/index.html'), 'mine');
    const run = statusbook(['build', '--out', 'site'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a folder statusbook did not make');
    expect(readFileSync(join(project, 'site/index.html'), 'utf8')).toBe('mine');
    spawnSync('ln', ['-s', 'site', join(project, 'link')]);
    expect(statusbook(['build', '--out', 'link'], project).code).toBe(2);
    expect(lstatSync(join(project, 'link')).isSymbolicLink()).toBe(true);
  });
});

describe('files beside and inside the output', () => {
  const { dir, codes } = synthetic(6);
  const out = join(dir, 'output');
  mkdirSync(join(dir, '.output.notes'));
  writeFileSync(join(dir, '.output.notes/todo.txt'), 'keep me');
  writeFileSync(join(dir, '.output.bak'), 'keep me too');
  ok(dir);

  test('names that merely start like the output are never touched, by any kind of build', () => {
    ok(dir);
    edit(dir, codes[1]!, 'An edit for a patch build.');
    ok(dir);
    ok(dir, '--clean');
    expect(readFileSync(join(dir, '.output.notes/todo.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, '.output.bak'), 'utf8')).toBe('keep me too');
  });

  test('a page removed by hand comes back on the next build, even when nothing else changed', () => {
    const page = join(out, `md/en/syn/${codes[2]}.md`);
    const text = readFileSync(page, 'utf8');
    unlinkSync(page);
    expect(ok(dir).written).toBeGreaterThanOrEqual(1);
    expect(readFileSync(page, 'utf8')).toBe(text);
  });

  test('a file added to the output by hand stops the build unless --force keeps it, from then on', () => {
    writeFileSync(join(out, 'html/CNAME'), 'docs.example.org\n');
    edit(dir, codes[3]!, 'An edit while a user file sits in the output.');
    const before = snapshotTree(out);
    const refused = statusbook(['build'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('holds a file statusbook did not write (html/CNAME)');
    expect(refused.stderr).toContain('--force');
    expect(snapshotTree(out)).toEqual(before);
    ok(dir, '--force');
    expect(readFileSync(join(out, 'html/CNAME'), 'utf8')).toBe('docs.example.org\n');
    edit(dir, codes[3]!, 'Another edit, without --force.');
    ok(dir);
    ok(dir, '--clean');
    expect(readFileSync(join(out, 'html/CNAME'), 'utf8')).toBe('docs.example.org\n');
  });
});

describe('the copy a patch rebuild starts from', () => {
  test('a full build leaves a copy of itself, made in the background, that the next patch takes instead of copying while the user waits', async () => {
    const { dir, codes } = synthetic(6);
    const state = join(dir, '.statusbook-output');
    ok(dir);
    const current = readlinkSync(join(dir, 'output')).split('/')[1]!;
    const deadline = Date.now() + 20_000;
    while (!existsSync(join(state, `copy-of-${current}`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(join(state, `copy-of-${current}`))).toBe(true);
    // Its files are the current version's, linked: no byte is written twice.
    expect(snapshotTree(join(state, `copy-of-${current}`))).toEqual(snapshotTree(join(state, current)));
    edit(dir, codes[2]!, 'An edit after the copy was made.');
    ok(dir);
    const names = readdirSync(state);
    expect(names.filter((n) => n.startsWith('copy-of-'))).toEqual([]);
    // The previous version is now the spare, for the patch after this one.
    expect((JSON.parse(readFileSync(join(state, 'spare.json'), 'utf8')) as { dir: string }).dir).toBe(current);
    expect(snapshotTree(join(dir, 'output'))).toEqual(cleanBuild(dir));
  });
});

describe('a failed build', () => {
  test('leaves nothing behind: no output and no state folder on a first build, only the current version after', () => {
    const project = makeProject();
    const code = join(project, 'content/sip/codes/437.yaml');
    const good = readFileSync(code, 'utf8');
    writeFileSync(code, `${good}bad: [\n`);
    expect(statusbook(['build'], project).code).toBe(1);
    expect(readdirSync(project).sort()).toEqual(['content', 'locales', 'templates']);
    writeFileSync(code, good);
    expect(statusbook(['build'], project).code).toBe(0);
    const state = join(project, '.statusbook-output');
    const before = readdirSync(state).sort();
    // A template that does not compile fails the render workers after the new version was begun.
    const template = join(project, 'templates/pages/code.md.hbs');
    writeFileSync(template, `${readFileSync(template, 'utf8')}{{#if}}\n`);
    const failed = statusbook(['build'], project);
    expect(failed.code).toBe(1);
    // (A copy of the current version made in the background may have finished meanwhile.)
    const versions = (names: string[]) => names.filter((n) => !/^(trash-|copy-of-|tmp-copy-)/.test(n)).sort();
    expect(versions(readdirSync(state))).toEqual(versions(before));
  });
});

describe('two builds of one output', () => {
  const { dir, codes } = synthetic(30);
  const out = join(dir, 'output');
  const state = join(dir, '.statusbook-output');
  ok(dir);

  test('while one build runs, a second one exits 1 with a clear message and changes nothing', async () => {
    edit(dir, codes[4]!, 'Changed while two builds race.');
    const first = spawn(process.execPath, [bin, 'build', '--clean'], { cwd: dir, stdio: 'ignore' });
    const firstDone = new Promise<number | null>((resolve) => first.on('exit', resolve));
    const deadline = Date.now() + 10_000;
    while (!existsSync(join(state, 'lock')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const second = statusbook(['build', '--clean'], dir);
    expect(await firstDone).toBe(0);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/another statusbook build \(pid \d+ on .*\) is writing .*output; nothing was written/);
    // The output is the first build's, whole: a rebuild finds every file and changes none.
    expect(ok(dir)).toMatchObject({ written: 0 });
    expect(snapshotTree(out)).toEqual(cleanBuild(dir));
  });

  test("a lock left by a build that was killed is taken over; a live one's is not", () => {
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(state, 'lock'), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
    ok(dir);
    expect(existsSync(join(state, 'lock'))).toBe(false);
    writeFileSync(join(state, 'lock'), JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
    const run = statusbook(['build'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`another statusbook build (pid ${process.pid}`);
    unlinkSync(join(state, 'lock'));
  });
});

/** A clean build of the same project into a folder of its own, as a reference. */
function cleanBuild(dir: string): Record<string, string> {
  const out = mkdtempSync(join(dir, 'reference-'));
  rmSync(out, { recursive: true });
  ok(dir, '--clean', '--out', out);
  return snapshotTree(out);
}

/** A small pseudo-random sequence (mulberry32): the same seed, the same kill times. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('kill -9 at random moments', () => {
  const { dir, codes } = synthetic(20);
  const out = join(dir, 'output');
  ok(dir);

  test('the output is at every kill either the complete old build or the complete new one, and the next build completes it', async () => {
    const next = random(23);
    let killedBefore = 0;
    let finished = 0;
    for (let seed = 0; seed < 10; seed++) {
      const before = snapshotTree(out);
      edit(dir, codes[seed % codes.length]!, `Edited for kill number ${seed}.`);
      const started = Date.now();
      const expected = cleanBuild(dir);
      const duration = Date.now() - started;
      // Patch rebuilds and whole new versions, killed anywhere from start-up to the swap.
      const args = seed % 3 === 2 ? ['build', '--clean'] : ['build'];
      const child = spawn(process.execPath, [bin, ...args], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * duration * 0.8)));
      child.kill('SIGKILL');
      await exited;
      const seen = snapshotTree(out);
      if (seen['.statusbook/manifest.json'] === before['.statusbook/manifest.json']) {
        expect(seen, `kill ${seed}`).toEqual(before);
        killedBefore++;
      } else {
        expect(seen, `kill ${seed}`).toEqual(expected);
        finished++;
      }
      ok(dir);
      expect(snapshotTree(out)).toEqual(expected);
    }
    // Kills land inside builds, not only after them (a patch is faster than the clean build timed).
    expect(killedBefore).toBeGreaterThanOrEqual(3);
    expect(killedBefore + finished).toBe(10);
  }, 120_000);
});

function makeProjectAt(path: string): string {
  const made = makeProject();
  spawnSync('mv', [made, path]);
  return join(path, 'output');
}
