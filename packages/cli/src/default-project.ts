import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE } from './config.js';
import type { Io } from './io.js';

/** How a command uses a project: reads it, or also builds it into an output folder. */
export type ProjectUse = 'read' | 'build';

/** Whether `dir` is a Statusbook project: it has content/ or a statusbook.config.yaml. */
export function isProject(dir: string): boolean {
  return existsSync(join(dir, 'content')) || existsSync(join(dir, CONFIG_FILE));
}

/**
 * The folder of the project that comes with statusbook (content/, locales/, templates/), or
 * undefined if it is missing: in a checkout (the package folder has bundle.mjs, which is not
 * packed) the repository root, else the example/ that `npm pack` put in the package
 * (pack-example.mjs). This module sits one folder below the package both as compiled (dist/)
 * and as bundled (bin/), so the relative path holds for both.
 */
export function bundledProject(): string | undefined {
  const pkg = fileURLToPath(new URL('../', import.meta.url));
  const dir = existsSync(join(pkg, 'bundle.mjs')) ? resolve(pkg, '../..') : join(pkg, 'example');
  return existsSync(join(dir, 'content')) ? dir : undefined;
}

/**
 * The arguments a command that uses a project runs with. Given `--root`, or run inside a
 * project, they are unchanged; elsewhere the command reads the bundled project in place and
 * a build writes its output into the current folder (`--out output`), never into statusbook's
 * own files.
 */
export function withDefaultProject(use: ProjectUse, argv: readonly string[], io: Io): readonly string[] {
  if (hasFlag(argv, 'root') || isProject(io.cwd)) return argv;
  const bundled = bundledProject();
  if (bundled === undefined) return argv;
  io.stderr.write(
    `note: no content/ here: using the example database that comes with statusbook (${bundled}); ` +
      "'statusbook init <dir>' makes a project of your own\n",
  );
  const out = use === 'build' && !hasFlag(argv, 'out') ? ['--out', 'output'] : [];
  return ['--root', bundled, ...out, ...argv];
}

function hasFlag(argv: readonly string[], name: string): boolean {
  return argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
}
