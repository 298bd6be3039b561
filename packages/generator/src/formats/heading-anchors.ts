const SECTION_HEADING = /<(h[23])( id="([^"]*)")?>([\s\S]*?)<\/\1>/g;

/**
 * Gives every section heading (h2, h3) of an HTML page an id and a "#" link to it after the
 * heading, named by the heading through `aria-labelledby` with the layout's
 * `#anchor-label` ("Link to section"). Ids a template gives are kept; a heading without one
 * gets a slug of its text, unique in the page. The page's markup is the templates' own
 * (content text is escaped), so a heading is found by its tags.
 */
export function anchorHeadings(page: string): string {
  if (!page.includes('<h2') && !page.includes('<h3')) return page;
  // The page's ids, read only when a heading needs one made (templates give most of them).
  let used: Set<string> | undefined;
  return page.replace(SECTION_HEADING, (_all, tag: string, _attr: string | undefined, given: string | undefined, inner: string) => {
    let id = given;
    if (id === undefined) {
      used ??= new Set(Array.from(page.matchAll(/\sid="([^"]*)"/g), (m) => m[1]!));
      const base = slug(inner) || 'section';
      id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
    }
    return `<div class="heading"><${tag} id="${id}">${inner}</${tag}><a class="anchor" href="#${id}" aria-labelledby="anchor-label ${id}">#</a></div>`;
  });
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
