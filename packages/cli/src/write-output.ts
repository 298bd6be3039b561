import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MANIFEST } from './engine/manifest.js';

/** Where a build puts its files until it commits them. */
export interface BuildOutput {
  /** A folder holding the whole new output before the commit (staged builds only). */
  readonly staging?: string;
  /** Writes a file; `append` adds to the file of the same path written just before. */
  write(path: string, contents: string, append?: boolean): void;
  /** Keeps the previous build's file; false when there is none (the page is then rendered). */
  keep(path: string): boolean;
  /** Makes the new output, with this manifest, the output. */
  commit(manifest: string): void;
  /** Drops everything written; the previous output stays. */
  abort(): void;
}

/**
 * A whole new output in a staging folder beside `out`, swapped in at the end, so a build
 * that fails or is killed leaves the previous output as it was. Unchanged pages are
 * hard-linked from the previous output (no bytes written). Pages come grouped by folder,
 * so remembering the last folder made is enough.
 */
export class StagedOutput implements BuildOutput {
  readonly staging: string;
  private lastDir = '';

  private constructor(
    readonly out: string,
    private readonly previous: string | undefined,
  ) {
    this.staging = join(dirname(out), `.${basename(out)}.staging-${process.pid}`);
  }

  /** Prepares an empty staging folder (and finishes any swap a killed build left half-done). */
  static open(out: string, previous?: string): StagedOutput {
    const staged = new StagedOutput(out, previous);
    recover(out);
    rmSync(staged.staging, { recursive: true, force: true });
    mkdirSync(staged.staging, { recursive: true });
    return staged;
  }

  write(path: string, contents: string, append = false): void {
    const target = join(this.staging, path);
    this.ensureDir(target);
    if (append) appendFileSync(target, contents);
    else writeFileSync(target, contents);
  }

  keep(path: string): boolean {
    if (!this.previous) return false;
    const target = join(this.staging, path);
    this.ensureDir(target);
    try {
      linkSync(join(this.previous, path), target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  private ensureDir(path: string): void {
    const dir = dirname(path);
    if (dir === this.lastDir) return;
    mkdirSync(dir, { recursive: true });
    this.lastDir = dir;
  }

  /**
   * Replaces `out` with the staging folder: two renames. The old output is then moved to a
   * trash folder and removed by a detached process, so the build does not wait for the disk
   * (the next build removes whatever a killed removal left).
   */
  commit(manifest: string): void {
    writeManifestFile(this.staging, manifest);
    const old = join(dirname(this.out), `.${basename(this.out)}.old-${process.pid}`);
    const hadOutput = existsSync(this.out);
    if (hadOutput) renameSync(this.out, old);
    renameSync(this.staging, this.out);
    if (hadOutput) {
      const trash = join(dirname(this.out), `.${basename(this.out)}.trash-${process.pid}`);
      renameSync(old, trash);
      removeInBackground(trash);
    }
  }

  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}

/**
 * Only the changed files, for a rebuild whose page list is the previous one's: they are
 * written as numbered files into a patch folder beside `out`, then a journal naming their
 * places is committed (one rename) and each file is renamed into place, the manifest last.
 * Unchanged pages are not touched at all, so a one-code change costs its own pages only.
 * Killed before the journal is committed, the build leaves the output as it was; killed
 * while the files are moved (milliseconds), the next build first finishes the moves.
 */
export class PatchOutput implements BuildOutput {
  private readonly dir: string;
  private readonly paths: string[] = [];

  private constructor(private readonly out: string) {
    this.dir = join(dirname(out), `.${basename(out)}.patch-${process.pid}`);
  }

  static open(out: string): PatchOutput {
    const patch = new PatchOutput(out);
    recover(out);
    rmSync(patch.dir, { recursive: true, force: true });
    mkdirSync(patch.dir, { recursive: true });
    return patch;
  }

  write(path: string, contents: string, append = false): void {
    if (append && this.paths.at(-1) === path) return appendFileSync(join(this.dir, String(this.paths.length - 1)), contents);
    writeFileSync(join(this.dir, String(this.paths.length)), contents);
    this.paths.push(path);
  }

  keep(): boolean {
    return true;
  }

  commit(manifest: string): void {
    writeFileSync(join(this.dir, 'manifest'), manifest);
    writeFileSync(join(this.dir, 'journal.tmp'), JSON.stringify(this.paths));
    if (process.env.STATUSBOOK_TEST_KILL_AT === 'journal') process.kill(process.pid, 'SIGKILL');
    renameSync(join(this.dir, 'journal.tmp'), join(this.dir, JOURNAL));
    applyPatch(this.dir, this.out);
  }

  abort(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const JOURNAL = 'journal.json';

/** Moves a committed patch's files into `out` (those not moved yet), the manifest last, and removes the patch. */
function applyPatch(dir: string, out: string): void {
  const paths = JSON.parse(readFileSync(join(dir, JOURNAL), 'utf8')) as string[];
  // Tests stop a build here to check that the next one finishes the moves.
  const killAt = /^move:(\d+)$/.exec(process.env.STATUSBOOK_TEST_KILL_AT ?? '');
  paths.forEach((path, i) => {
    if (killAt && i === Number(killAt[1])) process.kill(process.pid, 'SIGKILL');
    moveInto(join(dir, String(i)), join(out, path));
  });
  moveInto(join(dir, 'manifest'), join(out, MANIFEST));
  rmSync(dir, { recursive: true, force: true });
}

/** Renames a file into place, making its folder when it is new; a file already moved is skipped. */
function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw error;
    if (!existsSync(from)) return;
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
  }
}

function writeManifestFile(dir: string, manifest: string): void {
  mkdirSync(join(dir, dirname(MANIFEST)), { recursive: true });
  writeFileSync(join(dir, MANIFEST), manifest);
}

/** Removes a folder in a detached `rm -rf` (a second one over a folder already going is harmless). */
function removeInBackground(dir: string): void {
  try {
    const child = spawn('rm', ['-rf', '--', dir], { detached: true, stdio: 'ignore' });
    child.on('error', () => rmSync(dir, { recursive: true, force: true }));
    child.unref();
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Cleans up after a killed build: puts back an output moved aside mid-swap, finishes a
 * committed patch, removes leftovers.
 */
export function recover(out: string): void {
  const parent = dirname(out);
  const prefix = `.${basename(out)}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names.filter((n) => n.startsWith(prefix)).sort()) {
    const path = join(parent, name);
    if (name.startsWith(`${prefix}old-`) && !existsSync(out)) renameSync(path, out);
    else if (name.startsWith(`${prefix}patch-`) && existsSync(join(path, JOURNAL))) applyPatch(path, out);
    else if (name.startsWith(`${prefix}trash-`)) removeInBackground(path);
    else rmSync(path, { recursive: true, force: true });
  }
}
