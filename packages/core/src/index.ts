export type * from './types.js';
export { loadContent } from './load-content.js';
export { derivePairs, findPair, pairCount, pairSlug } from './derive-pairs.js';
export { compareCodes, definingRfc } from './compare-codes.js';
export { countDiagnostics, sortDiagnostics, compareStrings } from './diagnostics.js';
export { parseText } from './text.js';
export { suggest } from './suggest.js';
export { CODE_STATUSES, RETRY_VALUES } from './content-schema.js';
