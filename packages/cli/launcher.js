#!/usr/bin/env node
// The file npm links as `statusbook` (package.json "bin"). The command itself is the esbuild
// bundle in bin/, a build output that git ignores: npm links bins at install time, before
// anything is built, and skips a bin whose file does not exist, so this small file is the
// one committed and linked, and loads the bundle when it runs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('./bin/statusbook.js', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write(`error: statusbook is not built yet: ${fileURLToPath(bundle)} is missing\nhint: run 'npm run build' at the repository root first\n`);
  process.exitCode = 1;
}
