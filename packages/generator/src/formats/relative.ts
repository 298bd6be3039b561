/**
 * A relative link from one output file to another (both relative to the output folder, '/'
 * separated); `index.html` is dropped so links stay clean. Done by hand: path.relative
 * resolves against the working folder, which is slow on a path taken per link.
 */
export function relativeHref(fromFile: string, toFile: string): string {
  const from = fromFile.split('/');
  from.pop();
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  let rel = '../'.repeat(from.length - common) + to.slice(common).join('/');
  if (rel.endsWith('index.html')) {
    rel = rel.slice(0, -'index.html'.length);
    return rel === '' ? './' : rel;
  }
  return rel;
}
