import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { BuildError, UsageError } from './errors.js';

/**
 * The output folder a reader sees is a symbolic link to one complete build (a version) kept
 * in a state folder beside it, `.statusbook-<name>/`. A build makes its new version there,
 * invisible, and makes it the output by renaming one new link over the old one, which is
 * atomic: at every instant the output is the complete old build or the complete new one.
 * The state folder also holds the lock that keeps two builds from writing one output, and
 * the previous version (the spare), which a patch rebuild brings up to date and reuses.
 */
export class OutputStore {
  /** The version the output links to; undefined before the first build. */
  readonly current: string | undefined;

  private constructor(
    readonly out: string,
    readonly state: string,
    private readonly lock: string,
    current: string | undefined,
  ) {
    this.current = current;
  }

  /** Takes the output's lock, finishes or sweeps what a killed build left, and finds the current version. */
  static open(out: string): OutputStore {
    const state = stateFolder(out);
    currentVersion(out, state);
    claimState(state, out);
    const lock = acquireLock(state, out);
    let store: OutputStore;
    try {
      // Read again under the lock: a build that held it may have swapped in a new version.
      store = new OutputStore(out, state, lock, currentVersion(out, state));
    } catch (error) {
      releaseLock(state, lock);
      throw error;
    }
    try {
      store.sweep();
    } catch (error) {
      store.close();
      throw error;
    }
    return store;
  }

  /** Releases the lock; a state folder that never held a build (its first build failed) goes too. */
  close(): void {
    const unused = !this.current && readdirSync(this.state).every((name) => name === OWNER || name === LOCK);
    if (unused) rmSync(join(this.state, OWNER), { force: true });
    releaseLock(this.state, this.lock);
    if (unused) {
      try {
        rmdirSync(this.state);
      } catch {
        // another build has started meanwhile
      }
    }
  }

  /** A fresh, unique folder name in the state folder (a version or a temporary folder). */
  fresh(kind: 'v' | 'tmp'): string {
    return join(this.state, `${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
  }

  /** Files in the current version, `.statusbook/` aside (one walk, no stat per file). */
  countFiles(): number {
    if (!this.current) return 0;
    let n = 0;
    walk(this.current, () => n++);
    return n;
  }

  /** Files in the current version, `.statusbook/` aside, that `listed` does not hold. */
  unlisted(listed: ReadonlySet<string>): string[] {
    const found: string[] = [];
    if (this.current) walk(this.current, (path) => listed.has(path) || found.push(path));
    return found.sort();
  }

  /**
   * The previous version and what differs between it and the current one, when a patch
   * rebuild recorded them; the record is removed first, so a build killed while changing
   * the spare leaves one that the next build throws away.
   */
  takeSpare(): { dir: string; differs: string[] } | undefined {
    const file = join(this.state, SPARE);
    let spare: { dir?: unknown; differs?: unknown };
    try {
      spare = JSON.parse(readFileSync(file, 'utf8')) as typeof spare;
      unlinkSync(file);
    } catch {
      return this.takeCopy();
    }
    if (typeof spare.dir !== 'string' || !/^v-[\w-]+$/.test(spare.dir) || !Array.isArray(spare.differs)) return undefined;
    const dir = join(this.state, spare.dir);
    if (dir === this.current || !isDir(dir)) return undefined;
    return { dir, differs: spare.differs.filter((p): p is string => typeof p === 'string') };
  }

  /**
   * Makes `version` the output (one rename of a new link over the old one). The previous
   * version becomes the spare when `differs` says how the two differ, else it is removed.
   */
  swap(version: string, differs?: readonly string[]): void {
    const link = join(this.state, `link-${process.pid}-${randomBytes(4).toString('hex')}`);
    symlinkSync(join(basename(this.state), basename(version)), link);
    if (process.env.STATUSBOOK_TEST_KILL_AT === 'swap') process.kill(process.pid, 'SIGKILL');
    // An empty folder (made by hand) is the one thing a link cannot be renamed over.
    if (isDir(this.out) && !isLink(this.out)) rmdirSync(this.out);
    renameSync(link, this.out);
    const previous = this.current;
    if (previous && differs) writeFileSync(join(this.state, SPARE), JSON.stringify({ dir: basename(previous), differs }));
    else if (previous) this.discard(previous);
    (this as { current: string | undefined }).current = version;
  }

  /**
   * The copy of the current version that a new version's build started in the background
   * (`copyInBackground`), when it has finished: renamed to a version name, it is the spare.
   */
  private takeCopy(): { dir: string; differs: string[] } | undefined {
    if (!this.current) return undefined;
    const copy = join(this.state, `${COPY}${basename(this.current)}`);
    const dir = this.fresh('v');
    try {
      renameSync(copy, dir);
    } catch {
      return undefined;
    }
    return { dir, differs: [] };
  }

  /**
   * Waits for a background copy of the current version that is still being made, as long
   * as its process runs, and takes it; a copy whose process is gone (killed) is removed and
   * the caller makes its own.
   */
  async awaitCopy(): Promise<string | undefined> {
    if (!this.current) return undefined;
    const pending = join(this.state, `${PENDING}${basename(this.current)}`);
    // (A pid reused by another process cannot hold a build for more than two minutes.)
    const deadline = Date.now() + 120_000;
    while (this.copying() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const taken = this.takeCopy();
    if (taken) return taken.dir;
    if (isDir(pending)) this.discard(pending);
    return undefined;
  }

  /** Whether a background copy of the current version is being made by a process that still runs. */
  copying(): boolean {
    if (!this.current || !isDir(join(this.state, `${PENDING}${basename(this.current)}`))) return false;
    let pid: number;
    try {
      pid = Number(readFileSync(join(this.state, `${PENDING}${basename(this.current)}.pid`), 'utf8'));
    } catch {
      return false;
    }
    return running({ pid, host: hostname(), started: '' });
  }

  /**
   * Starts a copy of the current version, made of hard links, in a detached process: the
   * next patch rebuild then finds a spare instead of making the copy while the user waits
   * (0.4-1.1 s at 80 codes). `cp -al` writes `tmp-copy-<version>`, renamed to
   * `copy-of-<version>` only once complete; a build that finds no finished copy makes its own.
   */
  copyInBackground(): void {
    if (!this.current) return;
    const name = basename(this.current);
    // The shell records its pid, so that a build waiting for the copy knows whether it still runs.
    const script = 'echo $$ > "$4"; cp -al -- "$1" "$2" && mv -- "$2" "$3"; rm -f -- "$4"';
    const pending = join(this.state, `${PENDING}${name}`);
    try {
      const child = spawn('sh', ['-c', script, 'sh', this.current, pending, join(this.state, `${COPY}${name}`), `${pending}.pid`], { detached: true, stdio: 'ignore' });
      child.on('error', () => undefined);
      child.unref();
    } catch {
      // no shell: the next patch makes its copy itself
    }
  }

  /** Keeps `dir`, a copy of the current version, as the spare: nothing differs between them. */
  keepAsSpare(dir: string): void {
    writeFileSync(join(this.state, SPARE), JSON.stringify({ dir: basename(dir), differs: [] }));
  }

  /** Removes a folder of the state folder without waiting for the disk (renamed first, so it is gone at once). */
  discard(dir: string): void {
    const trash = join(this.state, `trash-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      renameSync(dir, trash);
    } catch {
      return;
    }
    removeInBackground(trash);
  }

  /** Removes what killed builds left in the state folder: anything but the current version, the spare and the lock. */
  private sweep(): void {
    let spare: string | undefined;
    try {
      spare = (JSON.parse(readFileSync(join(this.state, SPARE), 'utf8')) as { dir?: string }).dir;
    } catch {
      rmSync(join(this.state, SPARE), { force: true });
    }
    const current = this.current && basename(this.current);
    // A copy of the current version, made or being made in the background, is kept too.
    const copies = current ? [`${COPY}${current}`, `${PENDING}${current}`, `${PENDING}${current}.pid`] : [];
    for (const name of readdirSync(this.state)) {
      if (name === OWNER || name === SPARE || name.startsWith(LOCK) || name === current || name === spare || copies.includes(name)) continue;
      if (name.startsWith('trash-')) removeInBackground(join(this.state, name));
      else this.discard(join(this.state, name));
    }
  }
}

const OWNER = 'README';
const LOCK = 'lock';
const SPARE = 'spare.json';
/** A finished copy of a version (`copy-of-<version>`), and one being made. */
const COPY = 'copy-of-';
const PENDING = 'tmp-copy-';

/** The state folder of an output: beside it, named after it. */
export function stateFolder(out: string): string {
  return join(dirname(out), `.statusbook-${basename(out)}`);
}

/** The version `out` links to; refuses an `out` that statusbook did not make. */
function currentVersion(out: string, state: string): string | undefined {
  let kind: 'link' | 'dir' | 'other';
  try {
    const s = lstatSync(out);
    kind = s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'dir' : 'other';
  } catch {
    return undefined;
  }
  if (kind === 'dir') {
    if (readdirSync(out).length === 0) return undefined;
    throw new UsageError(
      `--out ${out} is a folder statusbook did not make (or made before builds were versioned); it will not be replaced`,
      `statusbook keeps its builds in ${basename(state)}/ beside it and makes ${basename(out)} a link to the current one: move the folder away or choose another --out`,
    );
  }
  const target = kind === 'link' ? readlinkSync(out) : '';
  const match = new RegExp(`^${escapeRegExp(basename(state))}/(v-[\\w-]+)$`).exec(target);
  if (!match) throw new UsageError(`--out ${out} is ${kind === 'link' ? `a link to ${target}` : 'a file'}, which statusbook did not make; it will not be replaced`, 'choose another --out, or remove it first');
  const version = join(state, match[1]!);
  return isDir(version) ? version : undefined;
}

/** Makes the state folder, or checks that the one there is statusbook's. */
function claimState(state: string, out: string): void {
  mkdirSync(dirname(state), { recursive: true });
  try {
    mkdirSync(state);
    writeFileSync(join(state, OWNER), `statusbook keeps the builds of ${basename(out)} here: ${basename(out)} links to the current one.\nDo not edit; remove this folder together with ${basename(out)}.\n`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let owner = '';
    try {
      owner = readFileSync(join(state, OWNER), 'utf8');
    } catch {
      // no marker: not ours
    }
    if (!owner.startsWith('statusbook keeps the builds')) throw new UsageError(`${state} exists and was not made by statusbook; it will not be used`, 'move it away or choose another --out');
  }
}

interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

/**
 * Takes the output's lock (a file naming this process), so two builds never write one
 * output at once. A lock left by a process that no longer runs is taken over.
 */
function acquireLock(state: string, out: string): string {
  const file = join(state, LOCK);
  const mine = `${JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() })}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      return mine;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let held: string;
    try {
      held = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const holder = parseLock(held);
    if (holder && running(holder)) throw busy(holder, file, out);
    // The build that took it is gone: move its lock aside (only one taker's rename succeeds)
    // and make sure it is the one read, not one a live build took meanwhile.
    const aside = `${file}-stale-${process.pid}`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    const moved = readFileSync(aside, 'utf8');
    if (moved !== held) {
      try {
        linkSync(aside, file);
      } catch {
        // someone else holds it now
      }
      unlinkSync(aside);
      const other = parseLock(moved);
      if (other) throw busy(other, file, out);
      continue;
    }
    unlinkSync(aside);
  }
  throw new BuildError(`could not take the lock ${file}: builds keep taking it`);
}

function releaseLock(state: string, lock: string): void {
  const file = join(state, LOCK);
  try {
    if (readFileSync(file, 'utf8') === lock) unlinkSync(file);
  } catch {
    // already gone
  }
}

function parseLock(text: string): LockHolder | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    return typeof data.pid === 'number' && typeof data.host === 'string' ? { pid: data.pid, host: data.host, started: String(data.started) } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process holding a lock still runs (a lock from another machine is taken as held). */
function running(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busy(holder: LockHolder, file: string, out: string): BuildError {
  return new BuildError(
    `another statusbook build (pid ${holder.pid} on ${holder.host}, started ${holder.started}) is writing ${out}; nothing was written. Run this build again when it has finished (if no build is running, remove ${file})`,
  );
}

/** Calls `found` with the path (relative, `/`-separated) of every file under `dir`, `.statusbook/` aside. */
function walk(dir: string, found: (path: string) => unknown, prefix = ''): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (prefix === '' && entry.name === '.statusbook') continue;
      walk(join(dir, entry.name), found, `${prefix}${entry.name}/`);
    } else found(`${prefix}${entry.name}`);
  }
}

function isDir(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes a folder in a detached `rm -rf` (a second one over a folder already going is harmless). */
export function removeInBackground(dir: string): void {
  try {
    const child = spawn('rm', ['-rf', '--', dir], { detached: true, stdio: 'ignore' });
    child.on('error', () => rmSync(dir, { recursive: true, force: true }));
    child.unref();
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}
