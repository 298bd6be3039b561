import type { Format, MdProfile, PageKind, Target } from '../types.js';

/** The URL path segments of a target, shared by every format: `/<locale>/<protocol>/...`. */
export function segments(target: Target): string[] {
  switch (target.kind) {
    case 'home':
      return [target.locale];
    case 'protocol':
    case 'book':
      return [target.locale, target.protocol];
    case 'compare-index':
      return [target.locale, target.protocol, 'compare'];
    case 'code':
      return [target.locale, target.protocol, String(target.code)];
    case 'compare':
    case 'redirect':
      return [target.locale, target.protocol, 'compare', target.slug];
  }
}

/** Index-like targets are folders: their page is the folder's index file. */
export function isFolder(target: Target): boolean {
  return target.kind === 'home' || target.kind === 'protocol' || target.kind === 'compare-index';
}

/** The site-absolute URL of a target's HTML page, e.g. `/en/sip/compare/200-vs-437/`. */
export function urlPath(target: Target): string {
  return `/${segments(target).join('/')}/`;
}

export function unsupported(format: string, target: Target): never {
  throw new Error(`format '${format}' has no page of kind '${target.kind}'`);
}

/** The page kinds each format has. */
export const FORMAT_KINDS: Readonly<Record<Format, readonly PageKind[]>> = {
  md: ['home', 'protocol', 'compare-index', 'code', 'compare'],
  html: ['home', 'protocol', 'compare-index', 'code', 'compare', 'redirect'],
  print: ['code', 'compare', 'book'],
};

/** Markdown: a file per page, `index.md` for folders. */
export function mdPath(target: Target): string {
  if (target.kind === 'redirect' || target.kind === 'book') unsupported('md', target);
  const base = `md/${segments(target).join('/')}`;
  return isFolder(target) ? `${base}/index.md` : `${base}.md`;
}

/** The locale the docs tools' layouts treat as the default (Docusaurus' `docs/`): the source language. */
export const PROFILE_DEFAULT_LOCALE = 'en';

/** Where each Markdown profile writes a locale's pages, relative to the output folder. */
export const MD_PROFILE_ROOTS: Readonly<Record<MdProfile, (locale: string) => string>> = {
  plain: (l) => `md/${l}`,
  hugo: (l) => `hugo/content/${l}`,
  docusaurus: (l) => (l === PROFILE_DEFAULT_LOCALE ? 'docusaurus/docs' : `docusaurus/i18n/${l}/docusaurus-plugin-content-docs/current`),
  starlight: (l) => `starlight/src/content/docs/${l}`,
  mkdocs: (l) => `mkdocs/${l}/docs`,
};

/** Markdown as a profile lays it out: a file per page; folders' pages are `index.md` (Hugo: `_index.md`, a section, never a leaf bundle). */
export function mdProfilePath(profile: MdProfile, target: Target): string {
  if (profile === 'plain') return mdPath(target);
  if (target.kind === 'redirect' || target.kind === 'book') unsupported('md', target);
  const path = [MD_PROFILE_ROOTS[profile](target.locale), ...segments(target).slice(1)];
  if (isFolder(target)) path.push(profile === 'hugo' ? '_index.md' : 'index.md');
  else path[path.length - 1] += '.md';
  return path.join('/');
}

/** The locale of a file a Markdown profile other than plain wrote, from its path; undefined for any other file. */
export function mdProfileLocale(path: string): string | undefined {
  const s = path.split('/', 5);
  switch (s[0]) {
    case 'hugo':
      return s[1] === 'content' ? s[2] : undefined;
    case 'docusaurus':
      return s[1] === 'docs' ? PROFILE_DEFAULT_LOCALE : s[1] === 'i18n' ? s[2] : undefined;
    case 'starlight':
      return s[1] === 'src' && s[2] === 'content' && s[3] === 'docs' ? s[4] : undefined;
    case 'mkdocs':
      return s[1];
    default:
      return undefined;
  }
}

/** HTML: a folder per page (directory URLs). */
export function htmlPath(target: Target): string {
  if (target.kind === 'book') unsupported('html', target);
  return `html/${segments(target).join('/')}/index.html`;
}

/** Print: a file per code and comparison page, and one book per protocol. */
export function printPath(target: Target): string {
  if (target.kind === 'book') return `print/${target.locale}/${target.protocol}.html`;
  if (target.kind !== 'code' && target.kind !== 'compare') unsupported('print', target);
  return `print/${segments(target).join('/')}.html`;
}

/** The folder a Markdown page is in, and its file's path, as segments under `md/`. */
export function mdFolder(target: Target): string[] {
  const s = segments(target);
  return isFolder(target) ? s : s.slice(0, -1);
}

export function mdFile(target: Target): string[] {
  const s = segments(target);
  if (isFolder(target)) return [...s, 'index.md'];
  s[s.length - 1] += '.md';
  return s;
}

/** The same for print pages under `print/`: a file per code and comparison, a book per protocol. */
export function printFolder(target: Target): string[] {
  return target.kind === 'book' ? [target.locale] : segments(target).slice(0, -1);
}

export function printFile(target: Target): string[] {
  if (target.kind === 'book') return [target.locale, `${target.protocol}.html`];
  const s = segments(target);
  s[s.length - 1] += '.html';
  return s;
}

/** Where a format writes a target's page, relative to the output folder. */
export const FORMAT_PATHS: Readonly<Record<Format, (target: Target) => string>> = { md: mdPath, html: htmlPath, print: printPath };

/** A format's entry of a table, for a format named at run time; throws on an unknown one. */
export function byFormat<T>(table: Readonly<Record<Format, T>>, format: string): T {
  const entry = (table as Readonly<Record<string, T | undefined>>)[format];
  if (entry === undefined) throw new Error(`unknown format '${format}': expected one of ${Object.keys(table).join(', ')}`);
  return entry;
}

/** The path of a page, for a format named at run time. */
export function pagePath(format: string, target: Target): string {
  return byFormat(FORMAT_PATHS, format)(target);
}
