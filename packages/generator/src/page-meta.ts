import { FORMAT_KINDS, jsonPath, mdPath } from './formats/paths.js';
import type { RenderEnv } from './pages/types.js';
import type { Target } from './types.js';

/** Longest meta description, in columns (a CJK character counts two): what search results show. */
const DESCRIPTION_COLUMNS = 160;

const segmenters = new Map<string, { sentence: Intl.Segmenter; word: Intl.Segmenter }>();

function segmentersOf(locale: string) {
  let s = segmenters.get(locale);
  if (!s) segmenters.set(locale, (s = { sentence: new Intl.Segmenter(locale, { granularity: 'sentence' }), word: new Intl.Segmenter(locale, { granularity: 'word' }) }));
  return s;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const WIDE_ALL = new RegExp(WIDE.source, 'g');

/** Columns of text on a screen: two for a wide (CJK) character, one for any other. */
function columns(text: string): number {
  // Most text has no wide character: one search, no loop.
  return text.length + (WIDE.test(text) ? (text.match(WIDE_ALL)?.length ?? 0) : 0);
}

/**
 * A page's meta description from its plain-text summary: whole sentences while they fit
 * 160 columns; a first sentence longer than that is cut at a word boundary (the locale's
 * words: Japanese has no spaces) and ends with "…".
 */
export function metaDescription(text: string, locale: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  // Fits even if every character is wide: nothing to measure.
  if (plain.length <= DESCRIPTION_COLUMNS / 2) return plain;
  const wide = WIDE.test(plain);
  if (!wide && plain.length <= DESCRIPTION_COLUMNS) return plain;
  if (wide && columns(plain) <= DESCRIPTION_COLUMNS) return plain;
  // Only the start can be kept: nothing past it is looked at.
  const head = plain.slice(0, DESCRIPTION_COLUMNS + 1);
  const sentences = wide ? segmentEnds(head, locale, 'sentence') : spacedEnds(head, /[.!?]["”’)]* (?=[^a-z])/g);
  let end = 0;
  for (const e of sentences) {
    // The last piece of the start is a whole sentence only if the text ends there too.
    if (e === head.length && head.length < plain.length) break;
    if (columns(head.slice(0, e)) > DESCRIPTION_COLUMNS) break;
    end = e;
  }
  if (end > 0) return head.slice(0, end).trim();
  const words = wide ? segmentEnds(head, locale, 'word') : spacedEnds(head, /(?= )/g);
  for (const e of words) {
    if (columns(head.slice(0, e)) > DESCRIPTION_COLUMNS - 1) break;
    end = e;
  }
  let cut = head.slice(0, end);
  // No punctuation or space before the ellipsis.
  while (cut.length > 0 && /[\s,.;:、。，]/.test(cut.charAt(cut.length - 1))) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Where each segment of the text ends (Intl.Segmenter: words and sentences in any script). */
function segmentEnds(text: string, locale: string, granularity: 'sentence' | 'word'): number[] {
  return Array.from(segmentersOf(locale)[granularity].segment(text), (s) => s.index + s.segment.length);
}

/** Where each piece ends in text whose words are spaced: after each match of `boundary`, and at the end. */
function spacedEnds(text: string, boundary: RegExp): number[] {
  const ends = Array.from(text.matchAll(boundary), (m) => m.index + m[0].length);
  ends.push(text.length);
  return ends;
}

const ogLocales = new Map<string, string>();

/** A locale as Open Graph writes it, language_TERRITORY (`ja` -> `ja_JP`), the likeliest region when it names none. */
export function ogLocale(locale: string): string {
  let og = ogLocales.get(locale);
  if (og === undefined) {
    try {
      const full = new Intl.Locale(locale).maximize();
      og = full.region ? `${full.language}_${full.region}` : full.language;
    } catch {
      og = locale.replace('-', '_');
    }
    ogLocales.set(locale, og);
  }
  return og;
}

/**
 * The page's other forms the output holds, for `<link rel="alternate" type>`: its plain
 * Markdown file and its JSON document, published beside the site at `/md/` and `/json/`
 * (root-relative without a base URL, as the embeds are).
 */
export function formLinks(env: RenderEnv, target: Target): { type: string; href: string }[] {
  const links: { type: string; href: string }[] = [];
  if (env.forms.includes('md') && env.mdProfile === 'plain' && FORMAT_KINDS.md.includes(target.kind)) {
    links.push({ type: 'text/markdown', href: env.format.url(`${env.baseUrl}/${mdPath(target)}`) });
  }
  if (env.forms.includes('json') && FORMAT_KINDS.json.includes(target.kind)) {
    links.push({ type: 'application/json', href: env.format.url(`${env.baseUrl}/${jsonPath(target)}`) });
  }
  return links;
}

/** Plain text of HTML the templates rendered (tags are theirs: content text is escaped). */
export function renderedToPlain(rendered: string): string {
  return rendered.replace(/<small class="i18n-note">[\s\S]*?<\/small>/g, '').replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
