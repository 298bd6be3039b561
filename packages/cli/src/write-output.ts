import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CHECK_CACHE, MANIFEST } from './engine/manifest.js';
import type { OutputStore } from './output-store.js';

/** The files a build made, one path a line (`.statusbook/` aside): what a later build may check the output against. */
export const FILES = '.statusbook/files';
/** Files statusbook did not make that `--force` kept in the output, one path a line. */
export const KEPT = '.statusbook/kept';

/** The lines of a list file (FILES, KEPT); none when it is missing. */
export function readList(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** Where a build puts its files until it commits them. */
export interface BuildOutput {
  /** The folder of the new version (staged builds only), complete but for the manifest before the commit. */
  readonly staging?: string;
  /** Writes a file; `append` adds to the file of the same path written just before. */
  write(path: string, contents: string, append?: boolean): void;
  /** Keeps the previous build's file; false when there is none (the page is then rendered). */
  keep(path: string): boolean;
  /** Records a page of the build, in page order (staged builds list every page; a patch keeps the list). */
  list(path: string): void;
  /** Keeps files of slices this build does not make, from the current version; returns how many there were. */
  carry(paths: readonly string[]): number;
  /** Makes the new output, with this manifest, the output; `files` are the build's files that are not pages. */
  commit(manifest: string, files: readonly string[]): Promise<void>;
  /** Drops everything written; the previous output stays. */
  abort(): void;
}

/**
 * A whole new version of the output, made in the state folder and swapped in at the end, so
 * a build that fails or is killed leaves the previous output as it was. Unchanged pages are
 * hard-linked from the previous version (no bytes written). Pages come grouped by folder, so
 * remembering the last folder made is enough.
 */
export class StagedOutput implements BuildOutput {
  readonly staging: string;
  private lastDir = '';
  private listed = '';
  private readonly listFd: number;

  private constructor(
    private readonly store: OutputStore,
    private readonly previous: string | undefined,
    private readonly others: readonly string[],
  ) {
    this.staging = store.fresh('v');
    mkdirSync(join(this.staging, dirname(FILES)), { recursive: true });
    this.listFd = openSync(join(this.staging, FILES), 'w');
  }

  /**
   * A new, empty version; `previous` is the version unchanged pages are linked from, and
   * `others` the files that are not statusbook's which it keeps (`--force`).
   */
  static open(store: OutputStore, previous: string | undefined, others: readonly string[] = []): StagedOutput {
    return new StagedOutput(store, previous, others);
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

  carry(paths: readonly string[]): number {
    let kept = 0;
    for (const path of paths) {
      if (!this.linkFromCurrent(path)) continue;
      this.list(path);
      kept++;
    }
    return kept;
  }

  list(path: string): void {
    this.listed += `${path}\n`;
    if (this.listed.length > 1 << 16) this.flushList();
  }

  private flushList(): void {
    writeSync(this.listFd, this.listed);
    this.listed = '';
  }

  private ensureDir(path: string): void {
    const dir = dirname(path);
    if (dir === this.lastDir) return;
    mkdirSync(dir, { recursive: true });
    this.lastDir = dir;
  }

  async commit(manifest: string, files: readonly string[]): Promise<void> {
    for (const path of files) this.list(path);
    this.flushList();
    closeSync(this.listFd);
    const kept = this.others.filter((path) => this.keepOther(path));
    if (kept.length > 0) writeFileSync(join(this.staging, KEPT), `${kept.join('\n')}\n`);
    writeFileSync(join(this.staging, MANIFEST), manifest);
    // The spare is a copy of the version before: the new version makes it useless.
    const spare = this.store.takeSpare();
    this.store.swap(this.staging);
    if (spare) this.store.discard(spare.dir);
    this.store.copyInBackground();
    return Promise.resolve();
  }

  /** Links a file that is not statusbook's from the current version (even for `--clean`), unless the build made one of that name. */
  private keepOther(path: string): boolean {
    return !existsSync(join(this.staging, path)) && this.linkFromCurrent(path);
  }

  /** Links a file of the current version into the new one; false when there is none. */
  private linkFromCurrent(path: string): boolean {
    const from = this.store.current;
    const target = join(this.staging, path);
    if (!from) return false;
    try {
      mkdirSync(dirname(target), { recursive: true });
      linkSync(join(from, path), target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  abort(): void {
    try {
      closeSync(this.listFd);
    } catch {
      // closed at commit
    }
    this.store.discard(this.staging);
  }
}

/**
 * Only the changed files, for a rebuild whose page list is the previous one's. They are
 * written as numbered files into a temporary folder while a copy of the current version is
 * made of hard links (the spare, the version before it, brought up to date, when a patch
 * made it; else `cp -al`, beside the rendering); at the end they are renamed into the copy,
 * which is swapped in like any new version. Unchanged pages are not written, and readers
 * never see a mix: the copy is invisible until the swap.
 */
export class PatchOutput implements BuildOutput {
  private readonly dir: string;
  private readonly paths: string[] = [];
  /** The number of the temporary file each path was last written to. */
  private readonly numbers = new Map<string, number>();
  /** The copy of the current version that the changed files go into. */
  private readonly copy: { readonly target: string; readonly ready: Promise<void> };

  private constructor(private readonly store: OutputStore) {
    this.copy = PatchOutput.copyOf(store);
    this.dir = store.fresh('tmp');
    mkdirSync(this.dir);
  }

  /** Starts the copy at once, beside the rendering: without a spare, it takes as long as rendering a one-code change. */
  static open(store: OutputStore): PatchOutput {
    return new PatchOutput(store);
  }

  /** The spare brought up to date (a link per path the previous patch wrote), or a new copy of the current version. */
  private static copyOf(store: OutputStore): { readonly target: string; readonly ready: Promise<void> } {
    const current = store.current;
    if (!current) throw new Error('a patch needs a current version');
    const spare = store.takeSpare();
    if (spare) {
      for (const path of spare.differs) relink(current, spare.dir, path);
      return { target: spare.dir, ready: Promise.resolve() };
    }
    if (store.copying()) {
      // The copy the last full build started in the background is not finished: wait for
      // it (beside the rendering) rather than make a second one that competes with it.
      const target = store.fresh('v');
      const ready = store.awaitCopy().then((copy) => (copy ? rename(copy, target) : linkTree(current, target)));
      return { target, ready };
    }
    const target = store.fresh('v');
    return { target, ready: linkTree(current, target) };
  }

  write(path: string, contents: string, append = false): void {
    // Pieces of a long file may come between other workers' pages: each goes to its file.
    const written = append ? this.numbers.get(path) : undefined;
    if (written !== undefined) return appendFileSync(join(this.dir, String(written)), contents);
    this.numbers.set(path, this.paths.length);
    writeFileSync(join(this.dir, String(this.paths.length)), contents);
    this.paths.push(path);
  }

  keep(): boolean {
    return true;
  }

  list(): void {
    // the page list is the previous one's, and so is the file listing it
  }

  carry(): number {
    return 0; // the copy of the current version holds every slice
  }

  async commit(manifest: string): Promise<void> {
    const { target, ready } = this.copy;
    await ready;
    if (!this.paths.some((path) => path !== CHECK_CACHE)) {
      // No page changed: the current version is this build already, and the copy a spare.
      rmSync(this.dir, { recursive: true, force: true });
      this.store.keepAsSpare(target);
      return;
    }
    writeFileSync(join(this.dir, 'manifest'), manifest);
    // Tests stop a build here: the output must still be the previous one.
    const killAt = /^move:(\d+)$/.exec(process.env.STATUSBOOK_TEST_KILL_AT ?? '');
    this.paths.forEach((path, i) => {
      if (killAt && i === Number(killAt[1])) process.kill(process.pid, 'SIGKILL');
      // A rename replaces the copy's link, never the bytes the current version shares with it.
      moveInto(join(this.dir, String(i)), join(target, path));
    });
    moveInto(join(this.dir, 'manifest'), join(target, MANIFEST));
    rmSync(this.dir, { recursive: true, force: true });
    this.store.swap(target, [...new Set([...this.paths, MANIFEST])]);
  }

  abort(): void {
    rmSync(this.dir, { recursive: true, force: true });
    const { target, ready } = this.copy;
    void ready.then(
      () => this.store.discard(target),
      () => this.store.discard(target),
    );
  }
}

/** Renames a folder, as a promise (for the copy a patch waits for). */
function rename(from: string, to: string): Promise<void> {
  renameSync(from, to);
  return Promise.resolve();
}

/** Renames a file into place, making its folder when it is new. */
function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
  }
}

/** Makes `to/path` a hard link to `from/path`, or removes it when `from` has none. */
function relink(from: string, to: string, path: string): void {
  const target = join(to, path);
  rmSync(target, { force: true });
  try {
    linkSync(join(from, path), target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync(join(from, path))) return;
    mkdirSync(dirname(target), { recursive: true });
    linkSync(join(from, path), target);
  }
}

/** Copies a folder as hard links: `cp -al` in a child process (native, beside the build's own work), else in this one. */
function linkTree(from: string, to: string): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn('cp', ['-al', '--', from, to], { stdio: 'ignore' });
    const fallback = () => {
      rmSync(to, { recursive: true, force: true });
      linkTreeSync(from, to);
      resolve();
    };
    child.on('error', fallback);
    child.on('exit', (code) => (code === 0 ? resolve() : fallback()));
  });
}

function linkTreeSync(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) linkTreeSync(join(from, entry.name), join(to, entry.name));
    else linkSync(join(from, entry.name), join(to, entry.name));
  }
}
