import { constants, copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseFlags } from '../args.js';
import { CONFIG_FILE } from '../config.js';
import { bundledProject } from '../default-project.js';
import { EXIT, UsageError } from '../errors.js';
import { colors } from '../io.js';
import type { Command } from './types.js';
import { resolveFrom } from './validate.js';

export const init: Command = {
  help: `Usage: statusbook init <dir> [--force]

Makes a new project in <dir> (created if needed) from the database that comes with
statusbook, ready to build:

  statusbook.config.yaml  build defaults (locales, formats, base URL...), with comments
  content/                the database: SIP and HTTP, one YAML file per code, to edit
  locales/                en, vi, ja: UI strings (ui.json) and translations of content/
  templates/              the Handlebars templates and CSS of every page, to change
  .gitignore              the build output: output and .statusbook-*/
  README.md               the commands to run next

<dir> must be empty or not exist. With --force, a folder that is not empty is used too:
init adds the files it does not have and leaves every existing file as it is.

Options:
  --force      also use a folder that is not empty (existing files are never overwritten)
  -h, --help   show this help

Examples:
  statusbook init my-docs && cd my-docs && statusbook build
  statusbook init . --force

Exit codes: 0 made, 1 could not write, 2 bad usage (no <dir>, or <dir> is not empty).`,
  async run(argv, io) {
    const { values, positionals } = parseFlags('init', argv, { force: { type: 'boolean', default: false } });
    const [target, ...extra] = positionals;
    if (target === undefined) throw new UsageError('statusbook init needs the folder to make the project in', 'for example: statusbook init my-docs');
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, "see 'statusbook init --help'");
    const dir = resolveFrom(io, target);
    const existing = entries(dir, target);
    if (existing.length > 0 && !values.force) {
      throw new UsageError(
        `${target} is not empty (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? `, and ${existing.length - 3} more` : ''}): init makes a project in an empty or new folder`,
        'choose another folder, or pass --force to add the project beside what is there (no file is overwritten)',
      );
    }
    const source = bundledProject();
    if (source === undefined) throw new Error('the example database that comes with statusbook is missing: reinstall statusbook');

    const made: string[] = [];
    const kept: string[] = [];
    const add = (path: string, write: (to: string) => void) => {
      try {
        write(join(dir, path));
        made.push(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        kept.push(path);
      }
    };
    mkdirSync(dir, { recursive: true });
    for (const folder of ['content', 'locales', 'templates']) {
      for (const file of files(join(source, folder))) {
        const path = join(folder, file);
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        add(path, (to) => copyFileSync(join(source, path), to, constants.COPYFILE_EXCL));
      }
    }
    const locales = readdirSync(join(dir, 'locales')).sort();
    const name = basename(dir);
    for (const [path, text] of [
      [CONFIG_FILE, CONFIG],
      ['.gitignore', GITIGNORE],
      ['README.md', readme(name, locales)],
    ] as const) {
      add(path, (to) => writeFileSync(to, text, { flag: 'wx' }));
    }

    const c = colors(io.stdout, io.env);
    io.stdout.write(`${c.green('✔')} made a Statusbook project in ${target}: ${made.length.toLocaleString('en-US')} files\n`);
    if (kept.length > 0) {
      io.stdout.write(`  kept ${kept.length} existing ${kept.length === 1 ? 'file' : 'files'} as ${kept.length === 1 ? 'it was' : 'they were'}: ${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', ...' : ''}\n`);
    }
    const what: [string, string][] = [
      [CONFIG_FILE, 'build defaults, with comments'],
      ['content/', 'the database, one YAML file per code'],
      ['locales/', `${locales.join(', ')}: UI strings and translations`],
      ['templates/', "the pages' templates and CSS"],
    ];
    io.stdout.write(`\n${what.map(([path, text]) => `  ${path.padEnd(CONFIG_FILE.length)}  ${text}\n`).join('')}
Next:
${relative(io.cwd, dir) === '' ? '' : `  cd ${quote(target)}\n`}  statusbook build   # every page into output/
  statusbook dev     # serve the site on localhost, rebuild on every change
`);
    return EXIT.ok;
  },
};

/** The names in `dir` (none if it does not exist); a file in its place is a usage error. */
function entries(dir: string, shown: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new UsageError(`${shown} is a file, not a folder`, 'choose a folder that is empty or does not exist');
    throw error;
  }
}

/** Every file under `dir`, as paths relative to it, in a stable order. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((path) => statSync(join(dir, path)).isFile()).sort();
}

/** A folder name as a shell would need it. */
function quote(path: string): string {
  return /^[\w./@+-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

const CONFIG = `# Statusbook project settings: defaults for 'statusbook build' and 'statusbook dev'.
# Flags override them ('statusbook build --help' lists them). Uncomment a line to use it.

# Locales to build (default: every folder of locales/ that has a ui.json).
# locales: [en, vi, ja]

# Formats to build: md, html, print, json, embed, and the wiki formats mediawiki,
# dokuwiki, gitwiki (default: all but the wiki formats; see docs/wikis.md).
# formats: [html, md]

# Protocols to build (default: every folder of content/).
# protocols: [sip]

# The address the site is published at: canonical links and sitemap URLs start with it.
# baseUrl: https://docs.example.org/

# Where to write; statusbook keeps its builds in .statusbook-output/ beside it.
out: output

# Comparison pages: all (every pair of codes of a protocol) or curated (only the pairs
# in content/<protocol>/pairs.yaml, a much smaller site).
pairs: all

# Also write a redirect page for each reversed comparison URL (437-vs-200/), for hosts
# that have no redirect rules (the site's _redirects file and 404 page cover the others).
redirectPages: false

# A locale translated less than this (percent of its fields and UI strings, as
# 'statusbook i18n status' counts them) is built but not advertised: no language switcher
# entry, hreflang or sitemap URL points to it until it is translated enough.
# minTranslated: 90
`;

const GITIGNORE = `# The build output (a link) and the builds statusbook keeps beside it.
output
.statusbook-*/
`;

function readme(name: string, locales: readonly string[]): string {
  return `# ${name}

Reference documentation for protocol status codes, built with Statusbook from the database
in \`content/\`, in ${locales.join(', ')}.

\`\`\`sh
statusbook build      # every locale and format into output/ (html, md, print)
statusbook dev        # serve output/html on localhost, rebuild and reload on every change
statusbook validate   # check content/ and locales/, write nothing
\`\`\`

| path | what |
| --- | --- |
| \`${CONFIG_FILE}\` | build defaults (locales, formats, base URL); flags override them |
| \`content/\` | the database: \`<protocol>/protocol.yaml\`, \`<protocol>/codes/<code>.yaml\`, \`<protocol>/pairs.yaml\` |
| \`locales/<locale>/\` | \`ui.json\` (headings, labels, sentences) and \`content/\` (translations of the database) |
| \`templates/\` | the Handlebars templates and CSS of every page |

Translating: \`statusbook i18n status\` counts what is missing or out of date per locale;
\`statusbook i18n sync\` adds a skeleton for every missing field. A new locale is a folder:
copy \`locales/en/ui.json\` to \`locales/<locale>/ui.json\`, translate it, then run
\`statusbook i18n sync --locale <locale>\`.

Publishing: copy \`output/html/\` to any static host (\`rsync -a output/html/ host:/srv/www/\`).

\`statusbook <command> --help\` shows each command's options.
`;
}
