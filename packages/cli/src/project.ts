import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './errors.js';

/** The folders of a Statusbook project. */
export interface Project {
  readonly root: string;
  readonly content: string;
  readonly templates: string;
  readonly locales: string;
}

/**
 * The project at `root` (default: the current folder) with its conventional layout; a
 * folder with neither content/ nor locales/ is a usage error (most likely a wrong --root).
 */
export function projectAt(root: string): Project {
  const abs = resolve(root);
  const project = { root: abs, content: resolve(abs, 'content'), templates: resolve(abs, 'templates'), locales: resolve(abs, 'locales') };
  const hint = 'run statusbook in the project folder, or name it with --root <dir>';
  if (!existsSync(abs)) throw new UsageError(`project folder ${abs} does not exist`, hint);
  if (!existsSync(project.content) && !existsSync(project.locales)) {
    throw new UsageError(`${abs} is not a statusbook project: it has no content/ and no locales/ folder`, hint);
  }
  return project;
}
