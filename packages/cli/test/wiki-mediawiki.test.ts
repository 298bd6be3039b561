import { spawn } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readDump } from '../src/publish/mediawiki.js';
import { makeProject, repoRoot, statusbook } from './helpers.js';
import { hasMediaWiki, parsePage, scratch, startMediaWiki, type MediaWiki, type ParsedPage } from './real-wikis.js';

// Markup of every wiki syntax, in every text field of SIP 437 and the pair 200-vs-437 and in
// their Vietnamese translation (fixtures/wiki-hostile).
const HOSTILE = [
  '{{Hostile}}',
  '[[Main Page]]',
  "''it'' '''b'''",
  '__NOTOC__ <ref>',
  '<ref>r</ref>',
  '~~~~',
  '</nowiki> <nowiki>n</nowiki>',
  '<span style=x>s</span>',
  '<html><b>h</b></html>',
  '<php>echo 1;</php>',
  '-{x}-',
  '[http://evil.example e]',
];

/** A project with the hostile fixture, en and vi, curated pairs only, built as MediaWiki pages. */
function wikiProject(): string {
  const dir = makeProject('translated');
  cpSync(fileURLToPath(new URL('./fixtures/wiki-hostile/', import.meta.url)), dir, { recursive: true });
  cpSync(join(repoRoot, 'locales/vi/ui.json'), join(dir, 'locales/vi/ui.json'));
  // vi's fields record no source (stale): minTranslated 0 keeps it advertised, with its interlanguage links.
  writeFileSync(join(dir, 'statusbook.config.yaml'), 'pairs: curated\nminTranslated: 0\n');
  build(dir);
  return dir;
}

function build(dir: string): void {
  const run = statusbook(['build', '--format', 'mediawiki'], dir);
  expect(run.code, run.stderr).toBe(0);
}

const dumpOf = (dir: string, locale: string) => join(dir, 'output/mediawiki', locale, 'import.xml');

/** An interlanguage prefix (the wiki of another locale), as a family of wikis has. */
function addLanguagePrefix(wiki: MediaWiki, locale: string): void {
  wiki.maintenance('sql.php', ['--query', `INSERT INTO interwiki (iw_prefix, iw_url, iw_api, iw_wikiid, iw_local, iw_trans) VALUES ('${locale}', 'https://${locale}.wiki.invalid/wiki/$1', '', '', 0, 0)`]);
}

/** The links of a rendered page to pages that do not exist. */
function redLinks(html: string): string[] {
  return html.match(/<a [^>]*(class="new"|redlink=1)[^>]*>/g) ?? [];
}

/** What a reader must find and must not find on a rendered page. */
function expectOnlyText(page: ParsedPage, own: readonly string[]): void {
  for (const piece of HOSTILE) expect(page.text).toContain(piece);
  // No red link (a link to a page that does not exist) and every link one of ours.
  expect(redLinks(page.html)).toEqual([]);
  for (const link of page.links) {
    expect(link.exists, link.title).toBe(true);
    expect(own).toContain(link.title);
  }
  // No template transcluded, no external link but the RFC Editor's and IANA's.
  expect(page.templates).toEqual([]);
  for (const url of page.externallinks) expect(url).toMatch(/^https:\/\/www\.(rfc-editor|iana)\.org\//);
  // No element from the content: references, spans with styles, raw HTML.
  expect(page.html).not.toMatch(/<(ref|php|html)>|<b>h<\/b>|mw-references|<span style|cite_note/);
}

describe.skipIf(!hasMediaWiki)('MediaWiki 1.39 (Debian), installed by the test', () => {
  let dir: string;
  let wiki: MediaWiki;
  let titles: string[];

  beforeAll(async () => {
    dir = wikiProject();
    titles = readDump(readFileSync(dumpOf(dir, 'en'), 'utf8')).map((p) => p.title);
    wiki = await startMediaWiki();
  });
  afterAll(async () => {
    await wiki?.stop();
  });

  test('the XML dump imports with importDump.php; pages show the content as text, with no red link and no template', async () => {
    addLanguagePrefix(wiki, 'vi');
    wiki.maintenance('importDump.php', [dumpOf(dir, 'en')]);
    const all = await wiki.get({ action: 'query', list: 'allpages', aplimit: '500' });
    const pages = ((all.query as { allpages: { title: string }[] }).allpages).map((p) => p.title);
    expect(pages).toEqual(expect.arrayContaining(titles.filter((t) => !t.startsWith('Category:'))));
    expect(titles).toEqual(expect.arrayContaining(['Statusbook', 'SIP', 'SIP/compare', 'SIP/437', 'SIP/compare/200-vs-437', 'Category:SIP', 'Category:SIP 4xx', 'Category:Statusbook']));

    const code = await parsePage(wiki, 'SIP/437');
    expectOnlyText(code, titles);
    expect(code.text).toContain("SIP 437 Unsupported __NOTOC__ {{Credential}} [[x]] ''y'' ~~~~ </nowiki> %% ]]");
    expect(code.text).toContain('Unsupported [[Certificate]]');
    // __NOTOC__ stayed text: the page has its table of contents.
    expect(code.html).toMatch(/id="toc"/);
    expect(code.categories).toEqual(expect.arrayContaining(['SIP', 'SIP_4xx', 'Statusbook']));
    expect(code.langlinks.map((l) => [l.lang, l.title])).toEqual([['vi', 'SIP/437']]);

    const compare = await parsePage(wiki, 'SIP/compare/200-vs-437');
    expectOnlyText(compare, titles);
    for (const note of ['DIFFERENCE', 'WHENTOUSE', 'SCENARIO']) expect(compare.text).toContain(`${note} {{Hostile}}`);
    expect(compare.links.map((l) => l.title)).toEqual(expect.arrayContaining(['SIP/200', 'SIP/437']));

    for (const title of ['Statusbook', 'SIP', 'SIP/compare']) {
      const page = await parsePage(wiki, title);
      expect(redLinks(page.html)).toEqual([]);
      expect(page.templates).toEqual([]);
    }

    // Importing the same dump again adds no revision (same timestamp and SHA-1).
    wiki.maintenance('importDump.php', [dumpOf(dir, 'en')]);
    const revisions = await wiki.get({ action: 'query', prop: 'revisions', titles: 'SIP/437', rvlimit: '10', rvprop: 'ids' });
    expect((revisions.query as { pages: { revisions: unknown[] }[] }).pages[0]!.revisions).toHaveLength(1);
  });

  test('the bundled SIP content imports, and its code and comparison pages have no red link and no template', async () => {
    const project = scratch('statusbook-mw-bundled-');
    for (const part of ['content', 'locales', 'templates']) cpSync(join(repoRoot, part), join(project, part), { recursive: true });
    writeFileSync(join(project, 'statusbook.config.yaml'), 'pairs: curated\n');
    const run = statusbook(['build', '--format', 'mediawiki', '--locale', 'ja', '--protocol', 'sip'], project);
    expect(run.code, run.stderr).toBe(0);
    const ja = await startMediaWiki();
    try {
      ja.maintenance('importDump.php', [dumpOf(project, 'ja')]);
      const own = readDump(readFileSync(dumpOf(project, 'ja'), 'utf8')).map((p) => p.title);
      for (const title of ['SIP/437', 'SIP/compare/200-vs-437', 'SIP', 'SIP/compare', 'Statusbook']) {
        const page = await parsePage(ja, title);
        expect(redLinks(page.html), title).toEqual([]);
        expect(page.templates).toEqual([]);
        for (const link of page.links) expect(own).toContain(link.title);
      }
      const code = await parsePage(ja, 'SIP/437');
      expect(code.text).toContain('SIP 437 Unsupported Credential');
      expect(code.categories).toEqual(expect.arrayContaining(['SIP', 'SIP_4xx', 'Statusbook']));
    } finally {
      await ja.stop();
      rmSync(project, { recursive: true, force: true });
    }
  });

  test('the Vietnamese pages render their translation as text too', async () => {
    const vi = await startMediaWiki();
    try {
      vi.maintenance('importDump.php', [dumpOf(dir, 'vi')]);
      const viTitles = readDump(readFileSync(dumpOf(dir, 'vi'), 'utf8')).map((p) => p.title);
      const code = await parsePage(vi, 'SIP/437');
      // The English wiki is not a prefix there: the interlanguage link is left out of this check.
      expectOnlyText({ ...code, links: code.links.filter((l) => l.title !== 'En:SIP/437'), html: code.html.replace(/<a [^>]*title="En:SIP\/437[^"]*"[^>]*>[^<]*<\/a>/g, '') }, viTitles);
      expect(code.text).toContain('TÓM TẮT {{Hostile}}');
      const compare = await parsePage(vi, 'SIP/compare/200-vs-437');
      expect(compare.text).toContain('KHÁC BIỆT {{Hostile}}');
      expect(compare.templates).toEqual([]);
    } finally {
      await vi.stop();
    }
  });
});

describe.skipIf(!hasMediaWiki)('statusbook publish mediawiki, against a real MediaWiki', () => {
  let dir: string;
  let wiki: MediaWiki;
  const password = 'statusbook0123456789abcdefghijkl'.slice(0, 32);
  const publish = (...extra: string[]) => {
    const run = statusbook(['publish', 'mediawiki', '--locale', 'en', '--api', wiki.api, '--user', 'Admin@statusbook', '--password-env', 'WIKI_BOT_PASSWORD', '--json', ...extra], dir);
    return { ...run, json: run.stdout ? (JSON.parse(run.stdout) as { created: string[]; updated: string[]; unchanged: string[]; refused: string[] }) : undefined };
  };

  beforeAll(async () => {
    dir = wikiProject();
    wiki = await startMediaWiki();
    // A bot password's secret is 32 characters of [0-9a-w]: the Action API's login tells them apart by that.
    addLanguagePrefix(wiki, 'vi');
    // Admin in the bot group: edits marked `bot` are bot edits only for users with that right.
    wiki.maintenance('createAndPromote.php', ['--force', '--bot', 'Admin']);
    wiki.maintenance('createBotPassword.php', ['--appid', 'statusbook', '--grants', 'basic,highvolume,editpage,createeditmovepage', 'Admin', password]);
    process.env.WIKI_BOT_PASSWORD = password;
  });
  afterAll(async () => {
    delete process.env.WIKI_BOT_PASSWORD;
    await wiki?.stop();
  });

  test('creates every page in an empty wiki, edits none the second time, and only the changed pages after a content change', async () => {
    const pages = readDump(readFileSync(dumpOf(dir, 'en'), 'utf8'));
    const first = publish();
    expect(first.code, first.stderr).toBe(0);
    expect(first.json!.created).toEqual(pages.map((p) => p.title));
    expect(first.json!.updated).toEqual([]);

    const second = publish();
    expect(second.code, second.stderr).toBe(0);
    expect(second.json!.created).toEqual([]);
    expect(second.json!.updated).toEqual([]);
    expect(second.json!.unchanged).toHaveLength(pages.length);

    // A change to one code's text: the pages that show it, and only those, are edited.
    const file = join(dir, 'content/sip/codes/200.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*$/m, 'summary: The request succeeded, and here is a new sentence.'));
    build(dir);
    const after = readDump(readFileSync(dumpOf(dir, 'en'), 'utf8'));
    const before = new Map(pages.map((p) => [p.title, p.text]));
    const changed = after.filter((p) => before.get(p.title) !== p.text).map((p) => p.title);
    expect(changed).toEqual(expect.arrayContaining(['SIP/200', 'SIP']));
    expect(changed.length).toBeLessThan(pages.length);

    const dry = publish('--dry-run');
    expect(dry.json!.updated).toEqual(changed);
    const third = publish();
    expect(third.code, third.stderr).toBe(0);
    expect(third.json!.updated).toEqual(changed);
    expect(third.json!.created).toEqual([]);
    expect(third.json!.unchanged).toHaveLength(pages.length - changed.length);

    // Bot edits, with a summary naming the version.
    const recent = await wiki.get({ action: 'query', list: 'recentchanges', rcprop: 'title|comment|flags', rcshow: 'bot', rclimit: '500' });
    const edits = (recent.query as { recentchanges: { title: string; comment: string }[] }).recentchanges.filter((c) => c.title === 'SIP/200');
    expect(edits).toHaveLength(2);
    for (const edit of edits) expect(edit.comment).toMatch(/^Statusbook \d+\.\d+\.\d+/);

    const page = await parsePage(wiki, 'SIP/200');
    expect(page.text).toContain('here is a new sentence');
    expect(redLinks(page.html)).toEqual([]);
  });

  test('leaves a page it did not write alone, and says so', async () => {
    wiki.maintenance('edit.php', ['--user', 'Admin', '--summary', 'by hand', 'SIP/180'], 'A page a person wrote.\n');
    const file = join(dir, 'content/sip/codes/180.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*$/m, 'summary: Ringing, said again.'));
    build(dir);
    const run = publish();
    expect(run.code).toBe(1);
    expect(run.json!.refused).toEqual(['SIP/180']);
    const json = await wiki.get({ action: 'query', prop: 'revisions', titles: 'SIP/180', rvprop: 'content', rvslots: 'main' });
    const content = (json.query as { pages: { revisions: { slots: { main: { content: string } } }[] }[] }).pages[0]!.revisions[0]!.slots.main.content;
    expect(content).toBe('A page a person wrote.');
  });

  test('a failed login says why and never shows the password', () => {
    const wrong = 'wrongpassword0123456789abcdefghi';
    process.env.WIKI_BOT_PASSWORD = wrong;
    try {
      for (const json of [true, false]) {
        const run = statusbook(['publish', 'mediawiki', '--locale', 'en', '--api', wiki.api, '--user', 'Admin@statusbook', '--password-env', 'WIKI_BOT_PASSWORD', ...(json ? ['--json'] : [])], dir);
        expect(run.code).toBe(1);
        expect(`${run.stdout}${run.stderr}`).toMatch(/login as 'Admin@statusbook' failed/);
        expect(`${run.stdout}${run.stderr}`).not.toContain(wrong);
        expect(`${run.stdout}${run.stderr}`).not.toContain(password);
      }
    } finally {
      process.env.WIKI_BOT_PASSWORD = password;
    }
  });
});

/** A fresh wiki whose Admin is in the bot group and has a bot password `Admin@statusbook` (grants of docs/wikis.md). */
async function botWiki(password: string): Promise<MediaWiki> {
  const wiki = await startMediaWiki();
  wiki.maintenance('createAndPromote.php', ['--force', '--bot', 'Admin']);
  wiki.maintenance('createBotPassword.php', ['--appid', 'statusbook', '--grants', 'basic,highvolume,editpage,createeditmovepage', 'Admin', password]);
  return wiki;
}

/** How many revisions each title has (0 for a missing page). */
async function revisionCounts(wiki: MediaWiki, titles: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const title of titles) {
    const json = await wiki.get({ action: 'query', prop: 'revisions', titles: title, rvlimit: 'max', rvprop: 'ids' });
    const page = (json.query as { pages: { missing?: boolean; revisions?: unknown[] }[] }).pages[0]!;
    out[title] = page.revisions?.length ?? 0;
  }
  return out;
}

const once = (titles: readonly string[]) => Object.fromEntries(titles.map((t) => [t, 1]));

describe.skipIf(!hasMediaWiki)('statusbook publish mediawiki: resuming, rate limits and maxlag, against a real MediaWiki', () => {
  const bin = fileURLToPath(new URL('../bin/statusbook.js', import.meta.url));
  const password = 'resume0123456789abcdefghijklmnop'.slice(0, 32);
  let dir: string;
  let titles: string[];
  let wiki: MediaWiki;
  const args = (api: string, ...extra: string[]) => ['publish', 'mediawiki', '--locale', 'en', '--api', api, '--user', 'Admin@statusbook', '--password-env', 'WIKI_BOT_PASSWORD', ...extra];

  beforeAll(async () => {
    dir = wikiProject();
    titles = readDump(readFileSync(dumpOf(dir, 'en'), 'utf8')).map((p) => p.title);
    wiki = await botWiki(password);
    process.env.WIKI_BOT_PASSWORD = password;
  });
  afterAll(async () => {
    delete process.env.WIKI_BOT_PASSWORD;
    await wiki?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a publish killed half-way (SIGKILL) is resumed by the next one: every page once, no edit twice', async () => {
    // Killed as soon as it has reported its third edit.
    const child = spawn(process.execPath, [bin, ...args(wiki.api)], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if ((stderr.match(/^created: /gm) ?? []).length >= 3) child.kill('SIGKILL');
    });
    expect(await exited, stderr).toBe('SIGKILL');
    const before = await revisionCounts(wiki, titles);
    const done = titles.filter((t) => before[t] === 1);
    // Three pages, or four when the edit in flight reached the wiki; the others are still missing.
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect(done.length).toBeLessThan(titles.length);
    expect(Object.values(before).every((n) => n <= 1)).toBe(true);

    const run = statusbook([...args(wiki.api), '--json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { created: string[]; updated: string[]; unchanged: string[]; counts: Record<string, number> };
    expect(json.unchanged).toEqual(done);
    expect(json.created).toEqual(titles.filter((t) => !done.includes(t)));
    expect(json.updated).toEqual([]);
    expect(json.counts).toMatchObject({ created: titles.length - done.length, unchanged: done.length, updated: 0, refused: 0 });
    expect(await revisionCounts(wiki, titles)).toEqual(once(titles));
    expect(`${stderr}${run.stdout}${run.stderr}`).not.toContain(password);
  });

  test('maxlag: waits as Retry-After says, then gives up with a clear error after --retries', async () => {
    // A wiki without replicas reports a lag of -1 (LoadBalancer::getMaxLag); MediaWiki answers
    // `maxlag`, with Retry-After: 5, to any maxlag below the lag, so --maxlag -2 is a lagged wiki.
    const started = Date.now();
    const run = statusbook([...args(wiki.api), '--maxlag=-2', '--retries', '1'], dir);
    const seconds = (Date.now() - started) / 1000;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('waiting 5 s: the wiki answered maxlag (attempt 1 of 2)');
    expect(run.stderr).toMatch(/^error: the wiki is lagged \(Waiting for a database server: -1 second lagged; --maxlag -2\): gave up after 2 attempts; try again later$/m);
    expect(seconds).toBeGreaterThanOrEqual(5);
    expect(run.stderr).not.toContain(password);
    const json = statusbook([...args(wiki.api), '--maxlag=-2', '--retries', '0', '--json'], dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, error: expect.stringMatching(/^the wiki is lagged .*gave up after 1 attempts/) });
    // A lag the wiki does not have: no wait, nothing left to do.
    const fine = statusbook([...args(wiki.api), '--maxlag', '0', '--json'], dir);
    expect(fine.code, fine.stderr).toBe(0);
    expect(JSON.parse(fine.stdout)).toMatchObject({ unchanged: titles, waited: { count: 0, seconds: 0 } });
    expect(statusbook([...args(wiki.api), '--retries', '-2'], dir).code).toBe(2);
  });

  test('behind a busy proxy (HTTP 429 and 503 with Retry-After): waits as told, then publishes; gives up clearly when it stays busy', async () => {
    // A reverse proxy in front of the real wiki, as a CDN or load balancer: it answers the
    // 2nd request 429 with Retry-After in seconds and the 4th 503 with an HTTP date, and
    // passes every other request through.
    let seen = 0;
    let busy = false;
    const target = new URL(wiki.api);
    const proxy = await listen((req, res) => {
      seen++;
      if (busy || seen === 2) {
        res.writeHead(busy ? 503 : 429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('busy');
        return;
      }
      if (seen === 4) {
        res.writeHead(503, { 'retry-after': new Date(Date.now() + 1500).toUTCString(), 'content-type': 'text/plain' }).end('busy');
        return;
      }
      const forward = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(forward);
    });
    const api = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${target.pathname}`;
    try {
      const run = await statusbookAsync([...args(api), '--json'], dir);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/^waiting 1 s: the wiki answered HTTP 429 \(attempt 1 of 8\)$/m);
      expect(run.stderr).toMatch(/^waiting [12] s: the wiki answered HTTP 503 \(attempt 1 of 8\)$/m);
      const json = JSON.parse(run.stdout) as { ok: boolean; unchanged: string[]; waited: { count: number } };
      expect(json).toMatchObject({ ok: true, unchanged: titles, waited: { count: 2 } });
      expect(await revisionCounts(wiki, titles)).toEqual(once(titles));

      busy = true;
      const down = await statusbookAsync([...args(api), '--retries', '1'], dir);
      expect(down.code).toBe(1);
      expect(down.stderr).toContain('waiting 1 s: the wiki answered HTTP 503 (attempt 1 of 2)');
      expect(down.stderr).toMatch(/^error: .*answered HTTP 503 \(busy\) 2 times: try again later$/m);
      expect(`${run.stderr}${down.stderr}`).not.toContain(password);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  test('a rate-limited bot waits and still creates every page once', async () => {
    const limited = await botWiki(password);
    try {
      // 4 edits per 3 s for users, and no group or grant exempt (sysop, bureaucrat, bot and the
      // bot password's high-volume grant have noratelimit by default); the limiter counts in the database.
      appendFileSync(join(limited.dir, 'LocalSettings.php'), [
        '',
        '$wgMainCacheType = CACHE_DB;',
        "$wgRateLimits['edit']['user'] = [ 4, 3 ];",
        "foreach ( [ 'user', 'autoconfirmed', 'sysop', 'bureaucrat', 'bot' ] as $group ) { $wgGroupPermissions[$group]['noratelimit'] = false; }",
        "$wgGrantPermissions['highvolume']['noratelimit'] = false;",
        '',
      ].join('\n'));
      const run = statusbook([...args(limited.api), '--json'], dir);
      expect(run.code, run.stderr).toBe(0);
      const json = JSON.parse(run.stdout) as { created: string[]; waited: { count: number; seconds: number } };
      expect(json.created).toEqual(titles);
      expect(json.waited.count).toBeGreaterThanOrEqual(Math.floor((titles.length - 1) / 4));
      expect(run.stderr).toMatch(/^waiting \d+ s: the wiki answered ratelimited \(attempt 1 of 8\)$/m);
      expect(await revisionCounts(limited, titles)).toEqual(once(titles));
      const text = statusbook(args(limited.api), dir);
      expect(text.stdout).toContain(`: 0 created, 0 updated, ${titles.length} unchanged\n`);
    } finally {
      await limited.stop();
    }
  });
});

/** A server on 127.0.0.1 at a free port. */
function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs statusbook without blocking this process (which serves the proxy it talks to). */
function statusbookAsync(argv: readonly string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const bin = fileURLToPath(new URL('../bin/statusbook.js', import.meta.url));
  const child = spawn(process.execPath, [bin, ...argv], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
