import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '@statusbook/core';
import { BuildError } from '../errors.js';
import type { Batch, BatchResult, RenderSetup, SiteInputs } from './render-task.js';

/** Runs batches on worker threads, or on this thread when the build is small. */
export interface RenderPool {
  readonly size: number;
  /** Resolves when a worker can take another batch. */
  submit(batch: Batch): Promise<void>;
  /** Waits for every batch submitted so far. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Worker count: one per core but the one this thread writes on, at least one and at most 8;
 * none below `threshold` pages (start-up would cost more).
 */
export function poolSize(pages: number, threshold = 400): number {
  if (pages < threshold) return 0;
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * A render worker. Its young generation is bounded, so its memory stays flat at any size of
 * site: pages are short-lived garbage. 32 MB holds a batch's pages until they are posted
 * (with 8 MB, rendering took ~10% longer, spent copying them between scavenges).
 *
 * Its old generation is bounded at 1 GB, ~70 times what a worker keeps at N = 320 (~14 MB:
 * the content and one locale and format's fragments). V8 lets a heap grow by a factor that
 * scales with that bound: without one (4 GB here) a worker collected its old generation
 * twice in a 20-second build, and the fragments of finished locales and formats piled up to
 * ~50 MB of garbage; with it, it is collected every few seconds and stays under ~35 MB.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 1024 };

function spawnWorker(): Worker {
  return new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS });
}

/** A worker's failure as the build reports it. */
function workerFailure(error: Error): Error {
  if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return error;
  return new BuildError(`a render worker ran out of memory (its limit is ${WORKER_LIMITS.maxOldGenerationSizeMb} MB); build fewer protocols or locales at a time (--protocol, --locale)`);
}

/** Workers started when the CLI saw a build coming, before it loaded anything else. */
const early: Worker[] = [];

/**
 * Starts the workers a build will most likely use (one per core but one), so that they load
 * their modules while this thread loads its own. They do not keep the process alive until
 * a build takes them; `releaseEarlyWorkers` stops those no build took.
 */
export function startWorkersEarly(): void {
  if (early.length > 0) return;
  for (let i = poolSize(Infinity); i > 0; i--) {
    const worker = spawnWorker();
    worker.unref();
    early.push(worker);
  }
}

export async function releaseEarlyWorkers(): Promise<void> {
  await Promise.all(early.splice(0).map((w) => w.terminate()));
}

/**
 * Workers started ahead of time: their modules load, and they compile the templates and UI
 * strings, while the build reads and checks the content; `open` then hands them the model.
 */
export class WorkerStart {
  private readonly workers: Worker[];

  /** `inputs`: what the workers compile while they wait for the content (templates, UI strings). */
  constructor(
    readonly size: number,
    inputs: SiteInputs,
  ) {
    this.workers = Array.from({ length: size }, () => {
      const worker = early.shift() ?? spawnWorker();
      worker.ref();
      return worker;
    });
    for (const worker of this.workers) worker.postMessage({ prepare: inputs });
    void releaseEarlyWorkers();
  }

  /** A pool on these workers (none: this thread), set up with the model. */
  async open(setup: RenderSetup, onResult: (result: BatchResult) => void): Promise<RenderPool> {
    if (this.size === 0) {
      // Loaded here: the renderers' modules (Handlebars, i18next, remark) stay out of this
      // thread when workers render.
      const { Renderer } = await import('./render-task.js');
      return inThread(await Renderer.create(setup), onResult);
    }
    return onWorkers(this.workers, setup, onResult);
  }

  /** Stops workers that will not be used (the build stopped before rendering). */
  async cancel(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function inThread(renderer: { run(batch: Batch, emit: (result: BatchResult) => void): void }, onResult: (result: BatchResult) => void): RenderPool {
  return {
    size: 0,
    submit: async (batch) => renderer.run(batch, onResult),
    drain: async () => undefined,
    close: async () => undefined,
  };
}

/** Each worker has at most two batches in flight, so none waits while another has a queue. */
async function onWorkers(workers: readonly Worker[], setup: RenderSetup, onResult: (result: BatchResult) => void): Promise<RenderPool> {
  const inFlight = workers.map(() => 0);
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  await Promise.all(
    workers.map(
      (worker, i) =>
        new Promise<void>((resolve, reject) => {
          worker.on('message', (message: { ready?: true; ok?: boolean; result?: BatchResult; error?: string; diagnostics?: Diagnostic[] }) => {
            if (message.ready) return resolve();
            // With diagnostics (files and positions), those are the message; the CLI prints them.
            const why = message.diagnostics ? '' : `: ${message.error}`;
            if (message.ok === false && inFlight[i] === 0) return reject(new BuildError(`render worker failed to start${why}`, message.diagnostics));
            if (message.ok && message.result) {
              onResult(message.result);
              if (!message.result.last) return;
            } else failure ??= new BuildError(`rendering failed${why}`, message.diagnostics);
            inFlight[i]!--;
            notify();
          });
          worker.on('error', (raw) => {
            const error = workerFailure(raw);
            failure ??= error;
            reject(error);
            notify();
          });
          worker.postMessage({ setup });
        }),
    ),
  );
  const waitFor = async (ready: () => boolean) => {
    while (!ready()) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure) throw failure;
  };
  return {
    size: workers.length,
    async submit(batch) {
      // Site files go on from where the last batch stopped, so they all go to the first worker.
      const pinned = batch.siteFiles !== undefined;
      await waitFor(() => (pinned ? inFlight[0]! < 2 : inFlight.some((n) => n < 2)));
      const i = pinned ? 0 : inFlight.indexOf(Math.min(...inFlight));
      inFlight[i]!++;
      workers[i]!.postMessage(batch);
    },
    drain: () => waitFor(() => inFlight.every((n) => n === 0)),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
