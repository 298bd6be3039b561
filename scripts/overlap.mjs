// The share of a comparison page's prose copied verbatim from the two code pages.
//
// Prose: the paragraphs and list items of a Markdown page body, without front matter,
// headings, tables and lists made only of links (related comparisons, references), with
// inline Markdown reduced to its text. Sentences: prose split after . ! ? 。 and at line ends.
// A compare-page sentence is copied for the characters of every code-page sentence (20
// characters or more) it contains: "**481 ...**: <the code's summary>" counts the summary.
// Overlap = copied characters / prose characters, over every page of the sample.

/** The prose sentences of a Markdown page. */
export function proseSentences(markdown) {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const out = [];
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('|')) continue;
    const item = line.replace(/^[-*] /, '');
    if (/^\[[^\]]*\]\([^)]*\)$/.test(item)) continue;
    const text = item
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`]/g, '')
      .replace(/\\(.)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    for (const s of text.split(/(?<=[.!?。])\s+|(?<=。)/)) if (s.trim() !== '') out.push(s.trim());
  }
  return out;
}

/** Copied and total prose characters of one comparison page against its two code pages. */
export function overlapOf(compareMd, codeMds) {
  const source = codeMds.flatMap(proseSentences).filter((s) => s.length >= 20);
  let copied = 0;
  let total = 0;
  for (const s of proseSentences(compareMd)) {
    total += s.length;
    let c = 0;
    for (const t of source) if (s.includes(t)) c += t.length;
    copied += Math.min(c, s.length);
  }
  return { copied, total };
}

/**
 * The overlap of `sampleSize` comparison pages of a site (generator `createSite` result),
 * evenly spaced over every protocol's pairs in page order, in one locale's Markdown.
 */
export function measureOverlap(site, { locale = 'en', sampleSize = 200 } = {}) {
  const pages = [...site.pages()].filter((p) => p.format === 'md' && p.locale === locale);
  const compares = pages.filter((p) => p.kind === 'compare');
  const codes = new Map(pages.filter((p) => p.kind === 'code').map((p) => [`${p.protocol.id}:${p.code.code}`, p]));
  const step = compares.length / Math.min(sampleSize, compares.length);
  const sample = Array.from({ length: Math.min(sampleSize, compares.length) }, (_, i) => compares[Math.floor(i * step)]);
  const cache = new Map();
  const codeMd = (protocol, code) => {
    const key = `${protocol}:${code}`;
    if (!cache.has(key)) cache.set(key, site.render(codes.get(key)).contents);
    return cache.get(key);
  };
  let copied = 0;
  let total = 0;
  let curated = 0;
  for (const page of sample) {
    if (page.pair.kind === 'curated') curated++;
    const r = overlapOf(site.render(page).contents, [codeMd(page.protocol.id, page.pair.low.code), codeMd(page.protocol.id, page.pair.high.code)]);
    copied += r.copied;
    total += r.total;
  }
  return { pages: sample.length, curated, copied, total, share: total === 0 ? 0 : copied / total };
}
