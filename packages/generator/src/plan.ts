// The page plan without the renderers: what a build's main thread needs to list pages, name
// their files and tell which changed, and to check the locale files before workers render,
// without loading Handlebars, i18next or remark.
export type { Format, MdProfile, PageKind, Target } from './types.js';
export { FORMATS, DEFAULT_FORMATS, WIKI_FORMATS, MD_PROFILES } from './types.js';
export { mdProfileLocale } from './formats/paths.js';
export { pageRefs, pageRefCount, pageUnits, unitsPass, refPath, unitHashes, redirectRuleCount, REDIRECT_LIMIT, type PageRef, type PairSelection } from './page-refs.js';
export type { RedirectRules } from './site-files.js';
export { FORMAT_LINKS } from './formats/paths.js';
export { inert } from './formats/inert.js';
export { checkLocaleFiles, localeFolders, readUiStrings, LocaleFilesError, type UiStrings } from './ui-strings.js';
export { uiKeyUsed } from './ui-use.js';
