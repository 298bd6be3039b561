// What `statusbook dev` watches. Node 20's recursive fs.watch misses writes to a file after it
// was replaced by a rename (it keeps watching the old inode), which is how vim, JetBrains IDEs
// and VS Code's atomic save write; chokidar watches every folder and file on its own and
// watches a file again when its inode changes.
import { relative, sep } from 'node:path';
import { watch } from 'chokidar';
import { CONFIG_FILE } from './config.js';
import type { Project } from './project.js';

/** The names under the project root that a build reads. */
const INPUTS = new Set(['content', 'templates', 'locales', CONFIG_FILE]);

/** A running watcher; `close` stops it. */
export interface InputWatcher {
  close(): Promise<void>;
}

/**
 * Watches content/, templates/, locales/ and statusbook.config.yaml, each of which may also
 * be created or removed, and calls `changed` with every path added, changed or removed.
 * Resolves once the folders have been read (a change from then on is seen).
 */
export async function watchInputs(project: Project, changed: (path: string) => void, failed: (error: Error) => void): Promise<InputWatcher> {
  const watcher = watch(project.root, {
    ignoreInitial: true,
    // Everything else at the root (output/, node_modules/, .git/) is never read, nor watched.
    ignored: (path) => {
      const rel = relative(project.root, path);
      return rel !== '' && !INPUTS.has(rel.split(sep)[0] ?? '');
    },
  });
  watcher.on('all', (_event, path) => changed(path));
  watcher.on('error', (error) => failed(error instanceof Error ? error : new Error(String(error))));
  await new Promise<void>((ready) => watcher.once('ready', ready));
  return watcher;
}
