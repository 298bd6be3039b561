import type { ProjectUse } from '../default-project.js';
import type { Command } from './types.js';

/** A command's one-line summary, and its module, loaded only when the command runs. */
interface Entry {
  readonly summary: string;
  /** Set for commands that take --root: outside a project they use the bundled one. */
  readonly project?: ProjectUse;
  load(): Promise<Command>;
}

/** Every command, by name. Modules load lazily so `statusbook --help` starts fast. */
export const commands: Readonly<Record<string, Entry>> = {
  init: { summary: 'make a new project in a folder: config, content, locales and templates to edit', load: async () => (await import('./init.js')).init },
  build: { summary: 'validate content/ and write every page into output/', project: 'build', load: async () => (await import('./build.js')).build },
  dev: { summary: 'build, serve output/html on localhost, rebuild and reload on changes', project: 'build', load: async () => (await import('./dev.js')).dev },
  validate: { summary: 'check content/ and report every problem, writing nothing', project: 'read', load: async () => (await import('./validate.js')).validate },
  list: { summary: 'list the codes of a protocol with their reason phrase and status', project: 'read', load: async () => (await import('./list.js')).list },
  show: { summary: 'print the page of one code as Markdown', project: 'read', load: async () => (await import('./show.js')).show },
  compare: { summary: 'print the comparison of two codes as Markdown (either order)', project: 'read', load: async () => (await import('./show.js')).compare },
  bundle: { summary: 'build, then pack per-locale downloads (zip, tar.gz...) into output/bundles with sizes and sha256', project: 'build', load: async () => (await import('./bundle.js')).bundle },
  publish: { summary: 'publish the wiki pages of a build to a MediaWiki (Action API) or a git-backed wiki', load: async () => (await import('./publish.js')).publish },
  i18n: { summary: 'translation status (i18n status) and skeletons and source hashes (i18n sync)', load: async () => (await import('./i18n.js')).i18n },
};
