import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A build writes into a staging folder beside `out` and swaps it in at the end, so a build
 * that fails or is killed leaves the previous output as it was.
 */
export class StagedOutput {
  readonly staging: string;

  private constructor(readonly out: string) {
    this.staging = join(dirname(out), `.${basename(out)}.staging-${process.pid}`);
  }

  /** Prepares an empty staging folder (and finishes any swap a killed build left half-done). */
  static open(out: string): StagedOutput {
    const staged = new StagedOutput(out);
    recover(out);
    rmSync(staged.staging, { recursive: true, force: true });
    mkdirSync(staged.staging, { recursive: true });
    return staged;
  }

  /**
   * Replaces `out` with the staging folder: two renames. The old output is then moved to a
   * trash folder and removed by a detached process, so the build does not wait for the disk
   * (the next build removes whatever a killed removal left).
   */
  commit(): void {
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

  /** Drops the staging folder; the previous output stays. */
  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
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

/** Cleans up after a killed build: puts back an output moved aside mid-swap, removes leftovers. */
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
    else if (name.startsWith(`${prefix}trash-`)) removeInBackground(path);
    else rmSync(path, { recursive: true, force: true });
  }
}

