import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFlags } from '../args.js';
import { loadConfig } from '../config.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { projectAt } from '../project.js';
import { publishGit, redact } from '../publish/git.js';
import { publishPages, readDump, WikiError, type Outcome, type Wait } from '../publish/mediawiki.js';
import { VERSION } from '../version.js';
import type { Command } from './types.js';
import { resolveFrom } from './validate.js';

export const publish: Command = {
  help: `Usage: statusbook publish mediawiki --api <url> --user <name> --password-env <VAR> [options]
       statusbook publish git --repo <url|path> [options]

Publishes the wiki pages of the last build (statusbook build --format mediawiki, or
--format gitwiki) of one locale to a wiki.

mediawiki: logs in with a bot password (Special:BotPasswords) through the Action API,
creates the pages that are missing and edits those whose text differs from the wiki's, as
bot edits with a summary naming the Statusbook version. Existing pages that Statusbook did
not write (without its marker) are never edited: they are reported and the exit code is 1.
Waits and retries when the wiki is lagged (maxlag), rate-limits or is busy (HTTP 429/503),
and says so on stderr; a rerun after a failure edits only what is still different.

git: clones the wiki repository (GitHub, GitLab, Gitea wikis), writes the pages, removes the
pages it wrote before that are gone, commits when something changed and pushes. The pages
it wrote are listed in .statusbook-pages; no other file is touched.

Options:
  --api <url>           mediawiki: the wiki's api.php, e.g. https://wiki.example.org/w/api.php
  --user <name>         mediawiki: the bot password's login name, e.g. Alice@statusbook
  --password-env <VAR>  mediawiki: the environment variable that holds the bot password
  --dry-run             mediawiki: report what would change, edit nothing
  --maxlag <s>          mediawiki: the replication lag, in seconds, above which the wiki
                        asks bots to wait (the maxlag parameter; default 5)
  --retries <n>         mediawiki: how many times one request is sent again after maxlag,
                        a rate limit or HTTP 429/503 before giving up (default 7)
  --repo <url|path>     git: the wiki repository (e.g. https://github.com/o/r.wiki.git)
  --branch <name>       git: branch to push (default: the repository's default branch)
  --locale <locale>     the locale to publish (default: the only one built, else en)
  --out <dir>           the output folder the build wrote (default: <root>/output)
  --root <dir>          project folder (default: .)
  --json                print a machine-readable summary on stdout
  -h, --help            show this help

Examples:
  statusbook build --format mediawiki --locale en
  BOT_PASSWORD=... statusbook publish mediawiki --api https://wiki.example.org/w/api.php \\
    --user Alice@statusbook --password-env BOT_PASSWORD
  statusbook build --format gitwiki --locale en
  statusbook publish git --repo git@github.com:acme/runbooks.wiki.git

Exit codes: 0 ok, 1 the wiki refused or failed (or pages were left alone), 2 bad usage.`,
  async run(argv, io) {
    const { values, positionals } = parseFlags('publish', argv, {
      api: { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      maxlag: { type: 'string' },
      retries: { type: 'string' },
      repo: { type: 'string' },
      branch: { type: 'string' },
      locale: { type: 'string' },
      out: { type: 'string' },
      root: { type: 'string', default: '.' },
      json: { type: 'boolean', default: false },
    });
    const [target, ...extra] = positionals;
    if (target !== 'mediawiki' && target !== 'git') throw new UsageError(target === undefined ? 'statusbook publish needs a target: mediawiki or git' : `unknown publish target '${target}'`, 'statusbook publish mediawiki ... or statusbook publish git ...');
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, "see 'statusbook publish --help'");
    const project = projectAt(resolveFrom(io, values.root));
    const out = values.out !== undefined ? resolveFrom(io, values.out) : resolve(project.root, loadConfig(project, io).out ?? 'output');
    const format = target === 'mediawiki' ? 'mediawiki' : 'gitwiki';
    const locale = pickLocale(out, format, values.locale);
    try {
      return target === 'mediawiki' ? await toMediaWiki(io, values, join(out, format, locale, 'import.xml'), locale) : await toGit(io, values, join(out, format, locale), locale);
    } catch (error) {
      if (!(error instanceof WikiError)) throw error;
      if (values.json) io.stdout.write(`${JSON.stringify({ ok: false, error: error.message })}\n`);
      else io.stderr.write(`error: ${error.message}\n`);
      return EXIT.failed;
    }
  },
};

/** The locale to publish: the one asked for, else the only one built, else `en`; it must have been built. */
function pickLocale(out: string, format: string, wanted: string | undefined): string {
  const folder = join(out, format);
  const built = existsSync(folder) ? readdirSync(folder).sort() : [];
  const locale = wanted ?? (built.length === 1 ? built[0]! : 'en');
  if (!built.includes(locale)) {
    throw new UsageError(`no ${format} pages for '${locale}' in ${folder}`, `build them first: statusbook build --format ${format} --locale ${locale}`);
  }
  return locale;
}

interface Values {
  readonly api?: string | undefined;
  readonly user?: string | undefined;
  readonly 'password-env'?: string | undefined;
  readonly 'dry-run'?: boolean | undefined;
  readonly maxlag?: string | undefined;
  readonly retries?: string | undefined;
  readonly repo?: string | undefined;
  readonly branch?: string | undefined;
  readonly json?: boolean | undefined;
}

async function toMediaWiki(io: Io, values: Values, dump: string, locale: string): Promise<number> {
  if (values.api === undefined) throw new UsageError('publish mediawiki needs --api <url>', 'the wiki\'s api.php, e.g. --api https://wiki.example.org/w/api.php');
  if (!/^https?:\/\//.test(values.api)) throw new UsageError(`--api ${values.api}: not an http(s) URL`, 'e.g. --api https://wiki.example.org/w/api.php');
  const dryRun = values['dry-run'] ?? false;
  const variable = values['password-env'];
  if (!dryRun && (values.user === undefined || variable === undefined)) {
    throw new UsageError('publish mediawiki needs --user and --password-env', 'create a bot password on Special:BotPasswords; put it in an environment variable and name it: --password-env BOT_PASSWORD');
  }
  const password = variable === undefined ? undefined : io.env[variable];
  if (variable !== undefined && !password) throw new UsageError(`the environment variable ${variable} is empty or not set`, 'it must hold the bot password');
  // MediaWiki takes any integer; a negative maxlag makes every request answer `maxlag` (a way to try a bot's waits).
  const maxlag = integer('--maxlag', values.maxlag, 5, -Infinity, 'seconds of lag, e.g. --maxlag 5');
  const retries = integer('--retries', values.retries, 7, 0, 'a count, e.g. --retries 7');
  const pages = readDump(readFileSync(dump, 'utf8'));
  const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  const waited = { count: 0, seconds: 0 };
  const result = await publishPages(pages, {
    api: values.api,
    user: values.user,
    password,
    dryRun,
    maxlag,
    attempts: retries + 1,
    onWait: (wait: Wait) => {
      waited.count++;
      waited.seconds += wait.seconds;
      io.stderr.write(`waiting ${wait.seconds} s: the wiki answered ${wait.reason} (attempt ${wait.attempt} of ${wait.attempts})\n`);
    },
    summary: `Statusbook ${VERSION}: update from the content (${locale})`,
    onPage: (title: string, outcome: Outcome) => {
      counts[outcome]++;
      if (!values.json && outcome !== 'unchanged') io.stderr.write(`${dryRun ? 'would be ' : ''}${outcome}: ${title}\n`);
    },
  });
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ ok: result.refused.length === 0, locale, dryRun, ...result, counts, waited })}\n`);
  } else {
    for (const title of result.refused) io.stderr.write(`left alone: ${title} exists and was not written by Statusbook\n`);
    io.stdout.write(`${dryRun ? 'would publish' : 'published'} ${pages.length} pages to ${values.api}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged${counts.refused ? `, ${counts.refused} left alone` : ''}${waited.count ? ` (waited ${waited.count} times, ${waited.seconds} s, for the wiki)` : ''}\n`);
  }
  return result.refused.length === 0 ? EXIT.ok : EXIT.failed;
}

/** An integer option's value, or its default. */
function integer(name: string, value: string | undefined, fallback: number, min: number, hint: string): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value.trim()) || Number(value) < min) throw new UsageError(`${name} ${value}: not ${min === 0 ? 'a whole number of 0 or more' : 'a whole number'}`, hint);
  return Number(value);
}

async function toGit(io: Io, values: Values, pages: string, locale: string): Promise<number> {
  if (values.repo === undefined) throw new UsageError('publish git needs --repo <url|path>', 'e.g. --repo https://github.com/acme/runbooks.wiki.git');
  const repo = /^[a-z][a-z0-9+.-]*:/i.test(values.repo) || /^[^/]+@[^/]+:/.test(values.repo) ? values.repo : resolveFrom(io, values.repo);
  const result = await publishGit({ repo, branch: values.branch, pages, message: `Statusbook ${VERSION}: update the ${locale} pages` });
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ ok: true, locale, ...result })}\n`);
  } else {
    const what = `${result.added.length} added, ${result.changed.length} changed, ${result.removed.length} removed, ${result.unchanged} unchanged`;
    io.stdout.write(result.commit ? `pushed ${result.commit.slice(0, 12)} to ${redact(values.repo)} (${result.branch}): ${what}\n` : `nothing to publish to ${redact(values.repo)} (${result.branch}): ${what}\n`);
  }
  return EXIT.ok;
}
