import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Project } from '../project.js';

/** A hash of every file a build reads (content/, templates/, locales/), by path from the project root. */
export function hashInputs(project: Project): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of [project.content, project.templates, project.locales]) {
    for (const file of walk(dir)) {
      out[relative(project.root, file)] = createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 16);
    }
  }
  return out;
}

/** Hash of a group of input files (those whose path starts with one of `prefixes`). */
export function groupHash(inputs: Readonly<Record<string, string>>, prefixes: readonly string[]): string {
  const h = createHash('sha1');
  for (const [path, hash] of Object.entries(inputs)) {
    if (prefixes.some((p) => path.startsWith(p))) h.update(`${path}\0${hash}\0`);
  }
  return h.digest('hex').slice(0, 16);
}

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) files.push(...walk(path));
    else if (e.isFile()) files.push(path);
  }
  return files;
}
