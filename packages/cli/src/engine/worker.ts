// A render worker: set up once with the model, then renders batches sent by the build.
import { parentPort, workerData } from 'node:worker_threads';
import { Renderer, type Batch, type RenderSetup } from './render-task.js';

const renderer = await Renderer.create(workerData as RenderSetup);
parentPort!.on('message', (batch: Batch) => {
  try {
    parentPort!.postMessage({ ok: true, result: renderer.run(batch) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error), id: batch.id });
  }
});
parentPort!.postMessage({ ready: true });
