import { posix } from 'node:path';

/** A relative link from one output file to another; `index.html` is dropped so links stay clean. */
export function relativeHref(fromFile: string, toFile: string): string {
  const rel = posix.relative(posix.dirname(fromFile), toFile);
  if (rel.endsWith('index.html')) {
    const dir = rel.slice(0, -'index.html'.length);
    return dir === '' ? './' : dir;
  }
  return rel;
}
