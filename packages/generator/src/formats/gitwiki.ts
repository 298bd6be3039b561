import type { FormatRenderer } from '../types.js';
import { finishMarkdown, md } from './md.js';
import { FORMAT_KINDS, gitwikiName, gitwikiPath } from './paths.js';

/**
 * Git-backed wikis (GitHub, GitLab, Gitea): Markdown escaped as for `md`, flat page names
 * (`SIP-437`), links by page name without `.md`, no front matter (GitHub shows it as a table).
 */
export const gitwiki: FormatRenderer = {
  ...md,
  id: 'gitwiki',
  kinds: FORMAT_KINDS.gitwiki,
  path: gitwikiPath,
  href: (_from, to) => gitwikiName(to),
  finish: (body) => finishMarkdown(body),
};
