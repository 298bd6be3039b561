import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from '@statusbook/generator';

/**
 * The build's one writer: every file of the staging folder is written (or linked) by the
 * main thread, while the workers render. On ext4, two threads creating folders and files at
 * once take longer than one thread doing both halves (19,200 folders with a file each:
 * 1.6 s against 1.1 s on our 2-core machine), and the main thread has nothing else to do.
 * Pages come grouped by folder, so remembering the last folder made is enough.
 */
export class Writer {
  /** Milliseconds spent in file system calls. */
  ms = 0;
  private lastDir = '';

  constructor(
    private readonly staging: string,
    /** The previous output, whose unchanged files are linked instead of written again. */
    private readonly previous?: string,
  ) {}

  write(file: OutputFile): void {
    const started = performance.now();
    const target = join(this.staging, file.path);
    this.ensureDir(target);
    writeFileSync(target, file.contents);
    this.ms += performance.now() - started;
  }

  /** Hard-links the previous build's file (no bytes written); false when it has none. */
  link(path: string): boolean {
    if (!this.previous) return false;
    const started = performance.now();
    const target = join(this.staging, path);
    this.ensureDir(target);
    try {
      linkSync(join(this.previous, path), target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    } finally {
      this.ms += performance.now() - started;
    }
  }

  private ensureDir(path: string): void {
    const dir = dirname(path);
    if (dir === this.lastDir) return;
    mkdirSync(dir, { recursive: true });
    this.lastDir = dir;
  }
}
