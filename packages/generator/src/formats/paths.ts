import type { Format, MdProfile, PageKind, Target } from '../types.js';

/** The URL path segments of a target, shared by every format: `/<locale>/<protocol>/...`. */
export function segments(target: Target): string[] {
  switch (target.kind) {
    case 'home':
      return [target.locale];
    case 'dump':
    case 'sidebar':
    case 'footer':
    case 'nav':
    case 'search':
      return [target.locale, target.kind];
    case 'protocol':
    case 'book':
    case 'category':
      return [target.locale, target.protocol];
    case 'compare-index':
    case 'compare-category':
      return [target.locale, target.protocol, 'compare'];
    case 'code':
    case 'badge':
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
  html: ['home', 'protocol', 'compare-index', 'code', 'compare', 'redirect', 'search'],
  print: ['code', 'compare', 'book'],
  json: ['protocol', 'compare-index', 'code', 'compare'],
  embed: ['code', 'compare', 'badge'],
  mediawiki: ['home', 'protocol', 'compare-index', 'code', 'compare', 'dump'],
  dokuwiki: ['home', 'protocol', 'compare-index', 'code', 'compare'],
  gitwiki: ['home', 'protocol', 'compare-index', 'code', 'compare', 'sidebar', 'footer'],
};

/**
 * The page kinds the \`md\` format has besides its own under a Markdown profile: files of the
 * tool's that are not pages (Docusaurus' \`_category_.json\` per folder, MkDocs' \`nav\`).
 */
export const MD_PROFILE_KINDS: Readonly<Record<MdProfile, readonly PageKind[]>> = {
  plain: [],
  hugo: [],
  docusaurus: ['category', 'compare-category'],
  starlight: [],
  mkdocs: ['nav'],
};

const profileKinds = new Map<MdProfile, readonly PageKind[]>();

/** The page kinds a format has, with a Markdown profile's own for \`md\`. */
export function formatKinds(format: string, mdProfile: MdProfile = 'plain'): readonly PageKind[] {
  const kinds = byFormat(FORMAT_KINDS, format);
  if (format !== 'md' || mdProfile === 'plain') return kinds;
  let all = profileKinds.get(mdProfile);
  if (!all) profileKinds.set(mdProfile, (all = [...kinds, ...byFormat(MD_PROFILE_KINDS as Readonly<Record<string, readonly PageKind[]>>, mdProfile)]));
  return all;
}

/**
 * The other forms of a page that each format's pages link to (when the output holds them):
 * a kept page of this format is out of date when one of these formats comes or goes.
 */
export const FORMAT_LINKS: Readonly<Record<Format, readonly Format[]>> = {
  md: [],
  html: ['embed', 'md', 'json'],
  print: [],
  json: ['html', 'md'],
  embed: [],
  mediawiki: [],
  dokuwiki: [],
  gitwiki: [],
};

/**
 * Formats whose comparison pages are the curated pairs only, whatever the build's pair
 * selection: an embed is made for a pair someone chose to explain, not for each of n².
 */
export const CURATED_ONLY: ReadonlySet<Format> = new Set(['embed']);

/**
 * Formats whose code and comparison pages show nothing of their protocol but its own fields
 * (no list of its codes): they depend on those (`meta:` unit), not on every code's label.
 */
export const SELF_CONTAINED: ReadonlySet<Format> = new Set(['embed']);

/** Page kinds no Markdown profile has a file for (\`md\` pages of plain and every profile have). */
function mdUnsupported(profile: MdProfile, target: Target): boolean {
  const kind = target.kind;
  if (kind === 'redirect' || kind === 'book' || kind === 'badge' || kind === 'dump' || kind === 'sidebar' || kind === 'footer' || kind === 'search') return true;
  return (kind === 'category' || kind === 'compare-category' || kind === 'nav') && !MD_PROFILE_KINDS[profile].includes(kind);
}

/** Markdown: a file per page, \`index.md\` for folders. */
export function mdPath(target: Target): string {
  if (mdUnsupported('plain', target)) unsupported('md', target);
  const base = `md/${segments(target).join('/')}`;
  return isFolder(target) ? `${base}/index.md` : `${base}.md`;
}

/** JSON: a document per page, `index.json` for folders (protocol and comparison indexes). */
export function jsonPath(target: Target): string {
  if (target.kind !== 'protocol' && target.kind !== 'compare-index' && target.kind !== 'code' && target.kind !== 'compare') unsupported('json', target);
  return `json/${jsonFile(target).join('/')}`;
}

/** A JSON document's path as segments under `json/`. */
export function jsonFile(target: Target): string[] {
  const s = segments(target);
  if (isFolder(target)) return [...s, 'index.json'];
  s[s.length - 1] += '.json';
  return s;
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
  if (mdUnsupported(profile, target)) unsupported('md', target);
  // The MkDocs nav sits beside the locale's docs/ folder (it is a part of mkdocs.yml).
  if (target.kind === 'nav') return `mkdocs/${target.locale}/nav.yml`;
  const path = [MD_PROFILE_ROOTS[profile](target.locale), ...segments(target).slice(1)];
  if (target.kind === 'category' || target.kind === 'compare-category') return [...path, '_category_.json'].join('/');
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
  if (target.kind === 'book' || target.kind === 'badge') unsupported('html', target);
  if (target.kind === 'search') return `html/${target.locale}/search.json`;
  return `html/${segments(target).join('/')}/index.html`;
}

/** Print: a file per code and comparison page, and one book per protocol. */
export function printPath(target: Target): string {
  if (target.kind === 'book') return `print/${target.locale}/${target.protocol}.html`;
  if (target.kind !== 'code' && target.kind !== 'compare') unsupported('print', target);
  return `print/${segments(target).join('/')}.html`;
}

/** Embed: a card per code (`<code>.html`) and curated pair, a badge per code (`<code>.svg`). */
export function embedPath(target: Target): string {
  if (target.kind === 'badge') return `embed/${segments(target).join('/')}.svg`;
  if (target.kind !== 'code' && target.kind !== 'compare') unsupported('embed', target);
  return `embed/${segments(target).join('/')}.html`;
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

/**
 * MediaWiki page titles come from protocol ids and codes, like URLs, never from reason
 * phrases: `SIP`, `SIP/437`, `SIP/compare`, `SIP/compare/200-vs-437`, and `Statusbook` for the
 * locale's home. They are the same in every locale: each locale is one wiki (docs/wikis.md).
 */
export function mediawikiTitle(target: Target): string {
  const protocol = (target.protocol ?? '').toUpperCase();
  switch (target.kind) {
    case 'home':
      return 'Statusbook';
    case 'protocol':
      return protocol;
    case 'compare-index':
      return `${protocol}/compare`;
    case 'code':
      return `${protocol}/${target.code}`;
    case 'compare':
      return `${protocol}/compare/${target.slug}`;
    default:
      return unsupported('mediawiki', target);
  }
}

/** MediaWiki: a wikitext file per page titled by its path, and the locale's import dump. */
export function mediawikiPath(target: Target): string {
  if (target.kind === 'dump') return `mediawiki/${target.locale}/import.xml`;
  return `mediawiki/${target.locale}/${mediawikiTitle(target)}.wiki`;
}

/**
 * DokuWiki page ids: `statusbook:<locale>:...`, a namespace per locale so that several
 * locales can share one wiki; `start` is a namespace's start page, as in DokuWiki.
 */
export function dokuwikiId(target: Target): string[] {
  const base = ['statusbook', target.locale.toLowerCase()];
  switch (target.kind) {
    case 'home':
      return [...base, 'start'];
    case 'protocol':
      return [...base, target.protocol, 'start'];
    case 'compare-index':
      return [...base, target.protocol, 'compare', 'start'];
    case 'code':
      return [...base, target.protocol, String(target.code)];
    case 'compare':
      return [...base, target.protocol, 'compare', target.slug];
    default:
      return unsupported('dokuwiki', target);
  }
}

/** DokuWiki: `data/pages/<namespaces>/<page>.txt`, the tree a wiki's data folder holds. */
export function dokuwikiPath(target: Target): string {
  return `dokuwiki/${target.locale}/data/pages/${dokuwikiId(target).join('/')}.txt`;
}

/**
 * Git wiki (GitHub, GitLab, Gitea) page names: flat and unique, since those wikis ignore
 * folders: `Home`, `SIP`, `SIP-437`, `SIP-compare`, `SIP-compare-200-vs-437`, and the
 * special `_Sidebar` and `_Footer`. One wiki per locale.
 */
export function gitwikiName(target: Target): string {
  const protocol = (target.protocol ?? '').toUpperCase();
  switch (target.kind) {
    case 'home':
      return 'Home';
    case 'sidebar':
      return '_Sidebar';
    case 'footer':
      return '_Footer';
    case 'protocol':
      return protocol;
    case 'compare-index':
      return `${protocol}-compare`;
    case 'code':
      return `${protocol}-${target.code}`;
    case 'compare':
      return `${protocol}-compare-${target.slug}`;
    default:
      return unsupported('gitwiki', target);
  }
}

export function gitwikiPath(target: Target): string {
  return `gitwiki/${target.locale}/${gitwikiName(target)}.md`;
}

/** Where a format writes a target's page, relative to the output folder. */
export const FORMAT_PATHS: Readonly<Record<Format, (target: Target) => string>> = {
  md: mdPath,
  html: htmlPath,
  print: printPath,
  json: jsonPath,
  embed: embedPath,
  mediawiki: mediawikiPath,
  dokuwiki: dokuwikiPath,
  gitwiki: gitwikiPath,
};

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
