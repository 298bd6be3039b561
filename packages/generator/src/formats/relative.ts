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

/**
 * The same as `relativeHref`, from path segments: the folder the linking file is in and the
 * linked file's path (without the format's top folder, which both share). No strings are
 * split, which matters on pages with dozens of links.
 */
export function hrefBetween(fromDir: readonly string[], toFile: readonly string[]): string {
  let common = 0;
  while (common < fromDir.length && common < toFile.length - 1 && fromDir[common] === toFile[common]) common++;
  let rel = '../'.repeat(fromDir.length - common);
  for (let i = common; i < toFile.length; i++) rel += i === toFile.length - 1 ? toFile[i] : `${toFile[i]}/`;
  return rel;
}
