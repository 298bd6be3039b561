import { BuildError } from '../errors.js';

/**
 * What every page Statusbook writes to a wiki holds (templates/layouts/default.mediawiki.hbs,
 * and the category pages of the dump): `publish` edits no existing page without it.
 */
export const MARKER = 'statusbook-generated';

/** A page of a MediaWiki import dump: its title and wikitext. */
export interface WikiPage {
  readonly title: string;
  readonly text: string;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/** The pages of an import dump written by Statusbook (its own, regular XML: one title and one text per page). */
export function readDump(xml: string): WikiPage[] {
  const unescape = (s: string) => s.replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e]!);
  const pages: WikiPage[] = [];
  for (const m of xml.matchAll(/<page>([\s\S]*?)<\/page>/g)) {
    const title = /<title>([^<]*)<\/title>/.exec(m[1]!)?.[1];
    const text = /<text[^>]*>([^<]*)<\/text>/.exec(m[1]!)?.[1];
    if (title === undefined || text === undefined) throw new BuildError('the import dump has a page without a title or text: build it again');
    pages.push({ title: unescape(title), text: unescape(text) });
  }
  return pages;
}

export interface PublishOptions {
  readonly api: string;
  readonly user?: string | undefined;
  /** The bot password; never printed, never part of an error. */
  readonly password?: string | undefined;
  readonly summary: string;
  readonly dryRun: boolean;
  /** Called for each page as it is done (progress lines). */
  readonly onPage?: (title: string, outcome: Outcome) => void;
  /** How long to wait, in seconds, when the wiki gives no Retry-After (maxlag, rate limits). */
  readonly retryAfter?: number;
  /** Attempts for one request before giving up. */
  readonly attempts?: number;
  /** Maxlag sent with every request (seconds of database replication lag the wiki may have). */
  readonly maxlag?: number;
  /** Called before each wait for a lagged or rate-limiting wiki: why, for how long, which attempt failed. */
  readonly onWait?: (wait: Wait) => void;
}

/** A wait before sending a request again: the wiki was lagged, rate-limited the user or was busy. */
export interface Wait {
  /** `maxlag`, `ratelimited`, `readonly`, or `HTTP 429` / `HTTP 503`. */
  readonly reason: string;
  readonly seconds: number;
  /** The attempt that got this answer (1 for the first), out of `attempts`. */
  readonly attempt: number;
  readonly attempts: number;
}

export type Outcome = 'created' | 'updated' | 'unchanged' | 'refused';

export interface PublishResult {
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
  /** Existing pages without Statusbook's marker: left alone. */
  readonly refused: string[];
}

/** An answer of the wiki that the publisher could not act on; its message names no credential. */
export class WikiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WikiError';
  }
}

type Json = Record<string, unknown>;

/** A MediaWiki Action API session: cookies, tokens, maxlag and rate-limit retries. */
class Session {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly api: string,
    private readonly options: Pick<PublishOptions, 'retryAfter' | 'attempts' | 'maxlag' | 'onWait'>,
  ) {}

  async get(params: Record<string, string>): Promise<Json> {
    return this.request(params, false);
  }

  async post(params: Record<string, string>): Promise<Json> {
    return this.request(params, true);
  }

  private async request(params: Record<string, string>, post: boolean): Promise<Json> {
    const body = new URLSearchParams({ ...params, format: 'json', formatversion: '2', maxlag: String(this.options.maxlag ?? 5) });
    const attempts = this.options.attempts ?? 8;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(post ? this.api : `${this.api}?${body}`, {
          method: post ? 'POST' : 'GET',
          headers: { ...(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), cookie: this.cookieHeader(), 'user-agent': 'Statusbook (statusbook publish)' },
          ...(post ? { body: body.toString() } : {}),
          redirect: 'manual',
        });
      } catch (error) {
        // The cause of a network error names the host, never the request's body.
        throw new WikiError(`cannot reach ${this.api}: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`);
      }
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const eq = pair.indexOf('=');
        if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      }
      const wait = retryAfter(response.headers.get('retry-after')) ?? this.options.retryAfter ?? 5;
      if (response.status === 429 || response.status === 503) {
        if (attempt >= attempts) throw new WikiError(`${this.api} answered HTTP ${response.status} (busy) ${attempt} times: try again later`);
        await this.wait(`HTTP ${response.status}`, wait, attempt, attempts);
        continue;
      }
      if (!response.ok) throw new WikiError(`${this.api} answered HTTP ${response.status}`);
      let json: Json;
      try {
        json = (await response.json()) as Json;
      } catch {
        throw new WikiError(`${this.api} did not answer with JSON: is it the wiki's api.php?`);
      }
      const error = json.error as { code?: string; info?: string } | undefined;
      // Replication lag or a rate limit: wait as told and send the same request again.
      if (error && (error.code === 'maxlag' || error.code === 'ratelimited' || error.code === 'readonly')) {
        if (attempt >= attempts) {
          const info = (fallback: string) => error.info?.replace(/\.$/, '') ?? fallback;
          const what = error.code === 'maxlag' ? `is lagged (${info('maxlag')}; --maxlag ${this.options.maxlag ?? 5})` : error.code === 'ratelimited' ? `kept rate-limiting the user (${info('ratelimited')})` : `is read-only (${info('readonly')})`;
          throw new WikiError(`the wiki ${what}: gave up after ${attempt} attempts; try again later`);
        }
        // A rate limit comes without Retry-After: back off, doubling, from the default wait.
        await this.wait(error.code, error.code === 'ratelimited' ? Math.max(wait, 2 ** attempt) : wait, attempt, attempts);
        continue;
      }
      return json;
    }
  }

  private async wait(reason: string, seconds: number, attempt: number, attempts: number): Promise<void> {
    this.options.onWait?.({ reason, seconds, attempt, attempts });
    await sleep(seconds);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Retry-After in seconds: a number of seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfter(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function sleep(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, seconds) * 1000));
}

function apiError(json: Json): string | undefined {
  const error = json.error as { code?: string; info?: string } | undefined;
  return error ? `${error.code ?? 'error'}: ${error.info ?? ''}`.trim() : undefined;
}

/** Logs in with a bot password (Special:BotPasswords): `User@botname` and its password. */
async function login(session: Session, user: string, password: string): Promise<void> {
  const tokens = await session.get({ action: 'query', meta: 'tokens', type: 'login' });
  const token = ((tokens.query as Json | undefined)?.tokens as Json | undefined)?.logintoken;
  if (typeof token !== 'string') throw new WikiError(`no login token from the wiki (${apiError(tokens) ?? 'unexpected answer'})`);
  const answer = await session.post({ action: 'login', lgname: user, lgpassword: password, lgtoken: token });
  const result = answer.login as { result?: string; reason?: string } | undefined;
  if (result?.result !== 'Success') {
    // The wiki's reason (wrong name or password, bot password not allowed...), never what was sent.
    throw new WikiError(`login as '${user}' failed: ${result?.reason ?? result?.result ?? apiError(answer) ?? 'unexpected answer'}`);
  }
}

/** The current text (and revision) of each title, or undefined for a page that does not exist. */
async function currentTexts(session: Session, titles: readonly string[]): Promise<Map<string, { text: string; revid: number; timestamp: string } | undefined>> {
  const out = new Map<string, { text: string; revid: number; timestamp: string } | undefined>();
  for (let i = 0; i < titles.length; i += 50) {
    const batch = titles.slice(i, i + 50);
    const json = await session.get({ action: 'query', prop: 'revisions', rvprop: 'content|ids|timestamp', rvslots: 'main', titles: batch.join('|') });
    const query = json.query as { normalized?: { from: string; to: string }[]; pages?: Json[] } | undefined;
    if (!query?.pages) throw new WikiError(`cannot read pages from the wiki (${apiError(json) ?? 'unexpected answer'})`);
    const normal = new Map((query.normalized ?? []).map((n) => [n.to, n.from]));
    for (const page of query.pages) {
      const title = normal.get(page.title as string) ?? (page.title as string);
      const rev = (page.revisions as Json[] | undefined)?.[0];
      const main = ((rev?.slots as Json | undefined)?.main as Json | undefined)?.content;
      out.set(title, page.missing || !rev ? undefined : { text: typeof main === 'string' ? main : '', revid: rev.revid as number, timestamp: rev.timestamp as string });
    }
  }
  return out;
}

/**
 * Creates or edits the pages whose text differs from the wiki's current revision, as bot
 * edits; leaves pages without Statusbook's marker alone. A rerun after a failure skips the
 * pages already done (their text is the same), so nothing is edited twice.
 */
export async function publishPages(pages: readonly WikiPage[], options: PublishOptions): Promise<PublishResult> {
  const session = new Session(options.api, options);
  if (options.user !== undefined && options.password !== undefined) await login(session, options.user, options.password);
  const result: PublishResult = { created: [], updated: [], unchanged: [], refused: [] };
  const current = await currentTexts(session, pages.map((p) => p.title));
  let token: string | undefined;
  const csrf = async () => {
    if (token) return token;
    const json = await session.get({ action: 'query', meta: 'tokens' });
    const value = ((json.query as Json | undefined)?.tokens as Json | undefined)?.csrftoken;
    if (typeof value !== 'string' || value === '+\\') throw new WikiError('the wiki gave no edit token: log in with a bot password that may edit (--user, --password-env)');
    token = value;
    return token;
  };
  for (const page of pages) {
    // MediaWiki keeps text without trailing whitespace.
    const text = page.text.trimEnd();
    const now = current.get(page.title);
    let outcome: Outcome;
    if (now !== undefined && !now.text.includes(MARKER)) outcome = 'refused';
    else if (now !== undefined && now.text.trimEnd() === text) outcome = 'unchanged';
    else {
      outcome = now === undefined ? 'created' : 'updated';
      if (!options.dryRun) {
        const json = await session.post({
          action: 'edit',
          title: page.title,
          text,
          summary: options.summary,
          bot: '1',
          // A page made meanwhile is not overwritten, nor one edited since it was read.
          ...(now === undefined ? { createonly: '1' } : { nocreate: '1', baserevid: String(now.revid), basetimestamp: now.timestamp }),
          token: await csrf(),
        });
        const edit = json.edit as { result?: string } | undefined;
        if (edit?.result !== 'Success') throw new WikiError(`editing '${page.title}' failed: ${apiError(json) ?? edit?.result ?? 'unexpected answer'}`);
      }
    }
    result[outcome].push(page.title);
    options.onPage?.(page.title, outcome);
  }
  return result;
}
