import { resolve } from 'node:path';

/** The folders of a Statusbook project. */
export interface Project {
  readonly root: string;
  readonly content: string;
  readonly templates: string;
  readonly locales: string;
}

/** The project at `root` (default: the current folder) with its conventional layout. */
export function projectAt(root: string): Project {
  const abs = resolve(root);
  return { root: abs, content: resolve(abs, 'content'), templates: resolve(abs, 'templates'), locales: resolve(abs, 'locales') };
}
