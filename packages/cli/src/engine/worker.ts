// A render worker: starts while the build loads content, compiling the templates and UI
// strings it was started with; is then set up once with the model, and renders the batches
// it is sent.
import { prepareSite } from '@statusbook/generator';
import { parentPort, workerData } from 'node:worker_threads';
import { Renderer, type Batch, type RenderSetup, type SiteInputs } from './render-task.js';

// Errors surface when the setup awaits it.
const prepared = prepareSite(workerData as SiteInputs);
prepared.catch(() => undefined);

let renderer: Renderer | undefined;
parentPort!.on('message', async (message: { setup: RenderSetup } | Batch) => {
  try {
    if ('setup' in message) {
      renderer = await Renderer.create(message.setup, prepared);
      parentPort!.postMessage({ ready: true });
      return;
    }
    renderer!.run(message, (result) => parentPort!.postMessage({ ok: true, result }));
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
