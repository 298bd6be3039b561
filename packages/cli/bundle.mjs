// Bundles the compiled CLI (dist/) into bin/: one file per entry point, the command and its
// render worker, plus the chunks they share. A run then loads a handful of files instead of
// ~200 modules (yaml alone is 72), in the main thread and again in each worker: start-up,
// and with it every build, is shorter (docs/performance.md).
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';

rmSync('bin', { recursive: true, force: true });
await build({
  // The worker must sit beside the chunk that starts it (`new URL('./worker.js', ...)`).
  entryPoints: { statusbook: 'dist/bin.js', worker: 'dist/engine/worker.js' },
  outdir: 'bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Loaded only for PDFs and docsets; each finds its own files (a browser driver, a
  // WebAssembly SQLite) beside its package.
  external: ['playwright-core', 'sql.js'],
  // CommonJS dependencies (handlebars, yaml) call require(), which ES modules lack.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync('bin/statusbook.js', 0o755);
