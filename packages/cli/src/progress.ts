import { colors, type Io } from './io.js';

/**
 * Build progress: on a terminal (and not in CI) a bar with pages done / total, rate and time
 * left, redrawn at most ten times a second; otherwise nothing until the summary.
 */
export class Progress {
  private readonly live: boolean;
  private readonly started = performance.now();
  private last = 0;
  private drawn = false;

  constructor(
    private readonly io: Io,
    quiet: boolean,
  ) {
    this.live = !quiet && Boolean(io.stderr.isTTY) && !io.env.CI;
  }

  update(done: number, total: number): void {
    if (!this.live) return;
    const now = performance.now();
    if (now - this.last < 100 && done < total) return;
    this.last = now;
    const c = colors(this.io.stderr, this.io.env);
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const left = rate > 0 ? (total - done) / rate : 0;
    const width = 28;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const bar = `${'█'.repeat(filled)}${c.dim('░'.repeat(width - filled))}`;
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    this.io.stderr.write(`\r\u001b[2K${bar} ${n(done)}/${n(total)} pages  ${n(rate)}/s  ${left.toFixed(1)} s left`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.io.stderr.write('\r\u001b[2K');
  }
}
