/**
 * Gives every section heading (h2, h3) of an HTML page an id and a "#" link to it after the
 * heading, named by the heading through `aria-labelledby` with the layout's
 * `#anchor-label` ("Link to section"). Ids a template gives are kept; a heading without one
 * gets a slug of its text, unique in the page. The page's markup is the templates' own
 * (content text is escaped), so a heading is found by its tags.
 */
export function anchorHeadings(page: string): string {
  let out = '';
  let from = 0;
  // The page's ids, read only when a heading needs one made (templates give most of them).
  let used: Set<string> | undefined;
  for (let at = page.indexOf('<h', from); at !== -1; at = page.indexOf('<h', at + 2)) {
    const level = page.charCodeAt(at + 2);
    if (level !== 50 && level !== 51) continue; // h2, h3
    const tag = page.slice(at + 1, at + 3);
    let id: string | undefined;
    let open = at + 3;
    if (page.startsWith(' id="', open)) {
      const close = page.indexOf('"', open + 5);
      id = page.slice(open + 5, close);
      open = close + 1;
    }
    // Another attribute, or not a tag at all (<header>): left as it is.
    if (page.charCodeAt(open) !== 62) continue;
    const closing = page.indexOf(`</${tag}>`, open);
    if (closing === -1) break;
    const inner = page.slice(open + 1, closing);
    if (id === undefined) {
      used ??= new Set(Array.from(page.matchAll(/\sid="([^"]*)"/g), (m) => m[1]!));
      const base = slug(inner) || 'section';
      id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
    }
    out += `${page.slice(from, at)}<div class="heading"><${tag} id="${id}">${inner}</${tag}><a class="anchor" href="#${id}" aria-labelledby="anchor-label ${id}">#</a></div>`;
    from = closing + tag.length + 3;
    at = from - 2;
  }
  return from === 0 ? page : out + page.slice(from);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** A heading's text as an id: letters and digits of any script, lowercased, words joined by `-`. */
function slug(inner: string): string {
  return inner
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
