import { displayReason } from '@statusbook/core/model';
import { segments } from '../formats/paths.js';
import { inert } from '../formats/inert.js';
import { jsonText } from '../json/stringify.js';
import { to } from '../targets.js';
import { plainText } from './badge-text.js';
import type { PageModule } from './types.js';

/** Version of the search index's shape; `templates/assets/search.js` reads it. */
export const SEARCH_INDEX_VERSION = 1;

/** One code in a locale's search index: what a result shows and what a query is matched against. */
export interface SearchRecord {
  readonly protocol: string;
  readonly name: string;
  readonly code: number;
  readonly reason: string;
  readonly formerReasons: readonly string[];
  /** The locale's gloss of the reason phrase ('' in English, where the phrase is its own). */
  readonly gloss: string;
  readonly summary: string;
  /** The code page, relative to the locale's folder (where the index is). */
  readonly url: string;
}

/**
 * A locale's search index (`html/<locale>/search.json`): every code of every protocol, as
 * plain text (control characters made inert, `<>&` as JSON escapes). The browser folds and
 * matches it (search.js) and shows it as text only.
 */
export const searchPage: PageModule<'search'> = {
  target: (page) => to.localeFile('search', page.locale),
  title: () => 'search',
  view: () => ({ title: 'search' }),
  document(page, env) {
    const { translator: tr } = env;
    const codes: SearchRecord[] = [];
    for (const protocol of page.protocols) {
      for (const code of protocol.codes) {
        const gloss = tr.content.reasonGloss(code);
        codes.push({
          protocol: protocol.id,
          name: inert(protocol.name),
          code: code.code,
          // Both names of a code with two ("BADVERS / BADSIG"): a search for either finds it.
          reason: inert(displayReason(code)),
          formerReasons: code.formerReasons.map((f) => inert(f.reason)),
          gloss: gloss ? inert(plainText(gloss.text)) : '',
          summary: inert(plainText(tr.content.code(code, 'summary').text)),
          url: `${segments(to.code(page.locale, protocol.id, code.code)).slice(1).join('/')}/`,
        });
      }
    }
    return jsonText({ version: SEARCH_INDEX_VERSION, locale: page.locale, codes });
  },
  frontMatter: () => ({}),
  breadcrumbs: () => [],
  layout: false,
};
