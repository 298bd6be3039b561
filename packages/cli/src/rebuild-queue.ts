/**
 * When `statusbook dev` rebuilds: once a burst of changes is over (one save is often several
 * file events: a temporary file, a rename, a delete), never two builds at once (each takes
 * the output's lock), and a change seen during a build makes exactly one more build after it.
 */
export class RebuildQueue<T> {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<T> | undefined;
  #again = false;

  /**
   * `rebuild` builds once; `settled` gets the result of the last build of a run (a build
   * followed by another at once is not reported: its result is already out of date).
   */
  constructor(
    private readonly rebuild: () => Promise<T>,
    private readonly settled: (last: T) => void,
    private readonly delay: number,
  ) {}

  /** A change was seen: rebuild once `delay` ms pass without another. */
  changed(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.start(), this.delay);
  }

  /** Rebuilds now, or once more after the build under way; resolves with the last build's result. */
  start(): Promise<T> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => (this.#running = undefined));
    return this.#running;
  }

  /** Resolves when no build runs (at once when none does). */
  async idle(): Promise<void> {
    await this.#running?.catch(() => undefined);
  }

  /** Forgets a change not yet acted on. */
  close(): void {
    clearTimeout(this.#timer);
  }

  async #loop(): Promise<T> {
    let last: T;
    do {
      this.#again = false;
      last = await this.rebuild();
    } while (this.#again);
    this.settled(last);
    return last;
  }
}
