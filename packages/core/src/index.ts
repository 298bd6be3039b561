export type * from './types.js';
export { loadContent } from './load-content.js';
export { derivePairs, findPair, pairCount, pairSlug } from './derive-pairs.js';
export { compareCodes, definingRfc, definitionOf, factOfKind, groupOf, leadOf, retryOf, succeeded } from './compare-codes.js';
export { displayReason } from './names.js';
export { countDiagnostics, sortDiagnostics, compareStrings } from './diagnostics.js';
export { parseText } from './text.js';
export { suggest } from './suggest.js';
export { CODE_STATUSES, EXCHANGES, FACT_KINDS, OUTCOMES, RETRY_VALUES } from './content-schema.js';
export {
  loadTranslations,
  sourceFields,
  sourceHash,
  translatedField,
  translationStatus,
  CODE_TRANSLATION_FIELDS,
  PAIR_TRANSLATION_FIELDS,
  type CodeTranslationField,
  type LocaleTranslation,
  type ProtocolTranslation,
  type SourceField,
  type TranslatedText,
  type TranslationCounts,
} from './load-translations.js';
export { parseConfig, type Config } from './config.js';
export { cached, type CheckCache } from './check-cache.js';
export { readYamlValue } from './yaml-file.js';
export { loadGlossary, lintLocale, type Glossary, type GlossaryTerm, type ReasonPhrase } from './lint-glossary.js';
export { textDirection } from './text-direction.js';
