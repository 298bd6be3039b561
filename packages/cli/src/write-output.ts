import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from '@statusbook/generator';

/** How many files are written at once. */
const WRITE_CONCURRENCY = 32;

/**
 * Writes a build into a staging folder beside `out` and swaps it in at the end, so a build
 * that fails or is killed leaves the previous output as it was.
 */
export class StagedOutput {
  readonly staging: string;
  private readonly dirs = new Map<string, Promise<unknown>>();
  private readonly pending = new Set<Promise<void>>();
  written = 0;

  private constructor(readonly out: string) {
    this.staging = join(dirname(out), `.${basename(out)}.staging-${process.pid}`);
  }

  /** Prepares an empty staging folder (and finishes any swap a killed build left half-done). */
  static async open(out: string): Promise<StagedOutput> {
    const staged = new StagedOutput(out);
    await recover(out);
    await rm(staged.staging, { recursive: true, force: true });
    await mkdir(staged.staging, { recursive: true });
    return staged;
  }

  /** Queues a file; waits while too many writes are under way. */
  async write(file: OutputFile): Promise<void> {
    while (this.pending.size >= WRITE_CONCURRENCY) await Promise.race(this.pending);
    const task = this.writeNow(file).finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  private async writeNow(file: OutputFile): Promise<void> {
    const target = join(this.staging, file.path);
    const dir = dirname(target);
    let made = this.dirs.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true });
      this.dirs.set(dir, made);
    }
    await made;
    await writeFile(target, file.contents);
    this.written++;
  }

  /** Waits until every queued file is on disk. */
  async flush(): Promise<void> {
    await Promise.all(this.pending);
  }

  /** Waits for every write, then replaces `out` with the staging folder. */
  async commit(): Promise<void> {
    await this.flush();
    const old = join(dirname(this.out), `.${basename(this.out)}.old-${process.pid}`);
    const hadOutput = await exists(this.out);
    if (hadOutput) await rename(this.out, old);
    await rename(this.staging, this.out);
    if (hadOutput) await rm(old, { recursive: true, force: true });
  }

  /** Drops the staging folder; the previous output stays. */
  async abort(): Promise<void> {
    await Promise.allSettled(this.pending);
    await rm(this.staging, { recursive: true, force: true });
  }
}

/** If a build was killed between the two renames of a swap, put the previous output back. */
async function recover(out: string): Promise<void> {
  const parent = dirname(out);
  const prefix = `.${basename(out)}.`;
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  for (const name of names.filter((n) => n.startsWith(prefix)).sort()) {
    const path = join(parent, name);
    if (name.startsWith(`${prefix}old-`) && !(await exists(out))) await rename(path, out);
    else await rm(path, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
