import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BuildError } from '../errors.js';
import { Renderer, type Batch, type BatchResult, type RenderSetup } from './render-task.js';

/** Runs batches on worker threads, or on this thread when the build is small. */
export interface RenderPool {
  readonly size: number;
  /** Resolves when a worker can take another batch. */
  submit(batch: Batch): Promise<void>;
  /** Waits for every batch submitted so far. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Worker count: one per core, at most 8; none below `threshold` pages (start-up would cost more). */
export function poolSize(pages: number, threshold = 400): number {
  if (pages < threshold) return 0;
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** A pool of `size` workers, each with at most two batches in flight. */
export async function createPool(size: number, setup: RenderSetup, onResult: (result: BatchResult) => void): Promise<RenderPool> {
  if (size === 0) {
    const renderer = await Renderer.create(setup);
    return {
      size: 0,
      submit: async (batch) => onResult(renderer.run(batch)),
      drain: async () => undefined,
      close: async () => undefined,
    };
  }
  const url = new URL('./worker.js', import.meta.url);
  const workers = Array.from({ length: size }, () => new Worker(url, { workerData: setup }));
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
          worker.on('message', (message: { ready?: true; ok?: boolean; result?: BatchResult; error?: string }) => {
            if (message.ready) return resolve();
            inFlight[i]!--;
            if (message.ok && message.result) onResult(message.result);
            else failure ??= new BuildError(`rendering failed: ${message.error}`);
            notify();
          });
          worker.on('error', (error) => {
            failure ??= error;
            reject(error);
            notify();
          });
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
    size,
    async submit(batch) {
      await waitFor(() => inFlight.some((n) => n < 2));
      const i = inFlight.indexOf(Math.min(...inFlight));
      inFlight[i]!++;
      workers[i]!.postMessage(batch);
    },
    drain: () => waitFor(() => inFlight.every((n) => n === 0)),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
