// The model without its loaders: types and the derived pairs, for code that renders pages
// from a model it was given (render workers), without loading the YAML and Markdown parsers.
export type * from './types.js';
export type { CodeTranslationField, LocaleTranslation, NamedTranslation, ProtocolTranslation, TranslatedText } from './load-translations.js';
export { derivePairs, findPair, pairCount, pairSlug } from './derive-pairs.js';
export { compareCodes, definingRfc, definitionOf, factOfKind, groupOf, leadOf, retryOf, succeeded } from './compare-codes.js';
export { displayReason } from './names.js';
export { textDirection } from './text-direction.js';
