// npm run measure:overlap: the share of comparison-page prose copied verbatim from the two
// code pages, on a 200-page sample per locale (see overlap.mjs for the measure).
import { fileURLToPath } from 'node:url';
import { loadContent, loadTranslations } from '@statusbook/core';
import { createSite, sourceContent, translatedContent } from '@statusbook/generator';
import { measureOverlap } from './overlap.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const locales = ['en', 'vi', 'ja'];
const { protocols } = await loadContent(`${repo}content`);
const { translations } = await loadTranslations(`${repo}locales`, ['vi', 'ja'], protocols);
const site = await createSite({
  protocols,
  templatesDir: `${repo}templates`,
  localesDir: `${repo}locales`,
  locales,
  formats: ['md'],
  content: (locale) => (locale === 'en' ? sourceContent : translatedContent(translations.get(locale))),
});
for (const locale of locales) {
  const r = measureOverlap(site, { locale, sampleSize: 200 });
  console.log(`${locale}: ${(r.share * 100).toFixed(1)}% of compare-page prose copied from the code pages (${r.copied.toLocaleString('en')} of ${r.total.toLocaleString('en')} characters, ${r.pages} pages, ${r.curated} curated)`);
}
