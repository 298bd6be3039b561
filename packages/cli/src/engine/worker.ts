// A render worker: starts (loads its modules) as early as the CLI knows a build is coming;
// compiles the templates and UI strings once it is told where they are, while the build
// loads content; is then set up once with the model, and renders the batches it is sent.
import { prepareSite, type SitePreparation } from '@statusbook/generator';
import { parentPort } from 'node:worker_threads';
import { diagnosticsOf } from '../errors.js';
import { Renderer, withSharedNames, type Batch, type RenderSetup, type SiteInputs } from './render-task.js';

let prepared: Promise<SitePreparation> | undefined;
let renderer: Renderer | undefined;
parentPort!.on('message', async (message: { prepare: SiteInputs } | { setup: RenderSetup } | Batch) => {
  try {
    if ('prepare' in message) {
      prepared = prepareSite(withSharedNames(message.prepare));
      // Errors surface when the setup awaits it.
      prepared.catch(() => undefined);
      return;
    }
    if ('setup' in message) {
      renderer = await Renderer.create(withSharedNames(message.setup), prepared);
      parentPort!.postMessage({ ready: true });
      return;
    }
    renderer!.run(message, (result) => parentPort!.postMessage({ ok: true, result }));
  } catch (error) {
    // Problems with locale files go with their files and positions, for the build to report.
    const diagnostics = diagnosticsOf(error);
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error), ...(diagnostics ? { diagnostics } : {}) });
  }
});
