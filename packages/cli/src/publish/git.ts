import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WikiError } from './mediawiki.js';

const run = promisify(execFile);

/** The file, at the root of the wiki repository, that lists the pages Statusbook wrote there. */
export const PAGE_LIST = '.statusbook-pages';

export interface GitPublishOptions {
  /** The wiki repository: a URL or a local path. */
  readonly repo: string;
  /** Branch to publish to (default: the repository's default branch, `master` for an empty one). */
  readonly branch?: string | undefined;
  /** The folder of the built pages (output/gitwiki/<locale>). */
  readonly pages: string;
  readonly message: string;
}

export interface GitPublishResult {
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
  readonly unchanged: number;
  /** The new commit, or undefined when nothing changed (no commit, no push). */
  readonly commit: string | undefined;
  readonly branch: string;
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    // Remote URLs may hold a token (https://user:token@host/...): keep it out of the message.
    throw new WikiError(`git ${args[0]} failed: ${redact(stderr.split('\n').slice(-3).join(' ') || (error as Error).message)}`);
  }
}

/** A text with the password part of any URL in it replaced. */
export function redact(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1***@');
}

/**
 * Clones the wiki repository, writes the pages, removes the pages it wrote before that are
 * gone now (and no other file), commits when something changed, and pushes.
 */
export async function publishGit(options: GitPublishOptions): Promise<GitPublishResult> {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-wiki-'));
  try {
    const work = join(dir, 'wiki');
    await git(dir, 'clone', '--quiet', '--depth', '1', ...(options.branch ? ['--no-single-branch'] : []), '--', options.repo, work);
    const empty = (await git(work, 'rev-parse', '--verify', '--quiet', 'HEAD').catch(() => '')).trim() === '';
    const current = empty ? '' : (await git(work, 'rev-parse', '--abbrev-ref', 'HEAD')).trim();
    const branch = options.branch ?? (current || 'master');
    if (empty) await git(work, 'checkout', '--quiet', '-B', branch);
    else if (branch !== current) {
      const remote = (await git(work, 'branch', '-r', '--list', `origin/${branch}`)).trim();
      await git(work, 'checkout', '--quiet', ...(remote ? ['-B', branch, `origin/${branch}`] : ['--orphan', branch]));
      if (!remote) await git(work, 'rm', '-r', '--quiet', '--cached', '--ignore-unmatch', '.');
    }

    const before = existsSync(join(work, PAGE_LIST)) ? readFileSync(join(work, PAGE_LIST), 'utf8').split('\n').filter((l) => /^[^/\\]+\.md$/.test(l)) : [];
    const names = readdirSync(options.pages).filter((n) => n.endsWith('.md')).sort();
    const added: string[] = [];
    const changed: string[] = [];
    let unchanged = 0;
    for (const name of names) {
      const text = readFileSync(join(options.pages, name));
      const target = join(work, name);
      if (!existsSync(target)) added.push(name);
      else if (!readFileSync(target).equals(text)) changed.push(name);
      else unchanged++;
      writeFileSync(target, text);
    }
    const removed = before.filter((n) => !names.includes(n) && existsSync(join(work, n)));
    for (const name of removed) rmSync(join(work, name));
    writeFileSync(join(work, PAGE_LIST), `${names.join('\n')}\n`);
    await git(work, 'add', '--', PAGE_LIST, ...names);
    if (removed.length > 0) await git(work, 'rm', '--quiet', '--cached', '--ignore-unmatch', '--', ...removed);
    const staged = (await git(work, 'diff', '--cached', '--name-only')).trim();
    if (staged === '') return { added, changed, removed, unchanged, commit: undefined, branch };
    const identity = (await git(work, 'config', 'user.email').catch(() => '')).trim() ? [] : ['-c', 'user.name=Statusbook', '-c', 'user.email=statusbook@localhost'];
    await git(work, ...identity, 'commit', '--quiet', '-m', options.message);
    const commit = (await git(work, 'rev-parse', 'HEAD')).trim();
    await git(work, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
    return { added, changed, removed, unchanged, commit, branch };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
