import { posix } from 'node:path';

/** The home page's link to the Downloads page: the archive holds no bundles, so it goes. */
const DOWNLOADS_LINK = /<p class="downloads"><a href="downloads\.html">[^<]*<\/a><\/p>\n?/;
/** Tags whose href or src a browser follows or loads. */
const TAG = /<(a|link|img|script|source|iframe)\b[^>]*>/gi;
const URL_ATTRIBUTE = /\s(href|src)="([^"]*)"/i;

/**
 * An HTML page of the site made to work from file:// inside an archive that holds `files`
 * (paths from the archive's root, which is the site's root): a link to a folder names its
 * index.html (file:// serves no folder index), a root-relative URL becomes relative, and a
 * link to a page the archive lacks (another language, the Markdown and JSON forms) is
 * dropped: an `<a>` keeps its text without its href, a `<link>` or `<img>` goes.
 */
export function offlineHtml(html: string, from: string, files: ReadonlySet<string>): string {
  const dir = posix.dirname(from);
  return html.replace(DOWNLOADS_LINK, '').replace(TAG, (tag: string, name: string) => {
    const attribute = URL_ATTRIBUTE.exec(tag);
    if (!attribute) return tag;
    const url = attribute[2]!;
    const target = offlineTarget(url, dir, files);
    if (target === url) return tag;
    if (target !== undefined) return tag.replace(attribute[0], ` ${attribute[1]}="${target}"`);
    return name.toLowerCase() === 'a' ? tag.replace(attribute[0], '') : '';
  });
}

/** The URL to write for `url` (the same when it works as it is), or undefined when the archive lacks its target. */
function offlineTarget(url: string, dir: string, files: ReadonlySet<string>): string | undefined {
  // Fragments, other schemes (https:, mailto:) and network paths are not files of the archive.
  if (url === '' || url.startsWith('#') || url.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  const cut = url.search(/[?#]/);
  const path = cut < 0 ? url : url.slice(0, cut);
  const fragment = cut < 0 ? '' : url.slice(url.indexOf('#') < 0 ? url.length : url.indexOf('#'));
  const resolved = path.startsWith('/') ? posix.normalize(path.slice(1) || '.') : posix.join(dir, decodeURIComponent(path) || '.');
  if (resolved === '..' || resolved.startsWith('../')) return undefined;
  const file = files.has(resolved) ? resolved : [resolved === '.' ? 'index.html' : `${resolved.replace(/\/$/, '')}/index.html`].find((f) => files.has(f));
  if (file === undefined) return undefined;
  const relative = posix.relative(dir, file);
  const written = encodeURI(relative);
  return written === path ? url : `${written}${fragment}`;
}
