// The site of the bundled content (content/ and locales/ of the repository), for tests that
// read what users get.
import { fileURLToPath } from 'node:url';
import { loadContent, loadTranslations, type Protocol } from '@statusbook/core';
import { createSite, sourceContent, translatedContent, type Format, type Site } from '../src/index.js';

export const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The bundled content's protocols and its site in en, vi and ja, in these formats. */
export async function bundledSite(formats: readonly Format[], options: { redirectPages?: boolean } = {}): Promise<{ protocols: readonly Protocol[]; site: Site }> {
  const { protocols } = await loadContent(`${repo}content`);
  const { translations } = await loadTranslations(`${repo}locales`, ['vi', 'ja'], protocols);
  const site = await createSite({
    protocols,
    templatesDir: `${repo}templates`,
    localesDir: `${repo}locales`,
    locales: ['en', 'vi', 'ja'],
    formats,
    ...(options.redirectPages === undefined ? {} : { redirectPages: options.redirectPages }),
    content: (locale) => (locale === 'en' ? sourceContent : translatedContent(translations.get(locale)!)),
  });
  return { protocols, site };
}
