export type { Format, Page, PageKind, Target, OutputFile, FormatRenderer } from './types.js';
export { FORMATS } from './types.js';
export { createSite, prepareSite, type Site, type SiteOptions, type SitePreparation } from './site.js';
export { formats, formatRenderer } from './formats/index.js';
export { TemplateError } from './templates.js';
export { checkLocaleFiles, LocaleFilesError } from './ui-strings.js';
export { escapeHtml } from './formats/html.js';
export { sourceContent, translatedContent, SOURCE_LOCALE, type ContentText, type Localized } from './i18n.js';
export { pageRefs, pageRefCount, pageUnits, unitsPass, refOf, refPath, resolveRef, unitHashes, type PageRef, type PairSelection } from './page-refs.js';
