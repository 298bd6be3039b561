// A render worker: starts (loads its modules) while the build loads content, is then set up
// once with the model, and renders the batches it is sent.
import { parentPort } from 'node:worker_threads';
import { Renderer, type Batch, type RenderSetup } from './render-task.js';

let renderer: Renderer | undefined;
parentPort!.on('message', async (message: { setup: RenderSetup } | Batch) => {
  try {
    if ('setup' in message) {
      renderer = await Renderer.create(message.setup);
      parentPort!.postMessage({ ready: true });
      return;
    }
    parentPort!.postMessage({ ok: true, result: renderer!.run(message) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
