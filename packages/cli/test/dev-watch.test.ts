// statusbook dev never misses an edit: every way an editor saves a file rebuilds and reloads
// the page, a failed build shows in the browser, and bad usage stops it before it builds.
// Each test runs the real command on port 0 and stops it at the end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { expect, test } from 'vitest';
import { makeProject, until } from './helpers.js';

const bin = fileURLToPath(new URL('../bin/statusbook.js', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const CHROMIUM = process.env.STATUSBOOK_CHROMIUM ?? '/usr/bin/chromium';

interface ServerEvent {
  readonly event: string;
  readonly data: string;
}

/** A running `statusbook dev`: its URL, what it printed, and the events it sent (read from the start). */
interface Dev {
  readonly base: string;
  readonly events: ServerEvent[];
  output(): string;
  /** Waits for an event after the first `since` ones that `match` accepts; returns its index. */
  next(since: number, match: (e: ServerEvent) => boolean, what: string): Promise<number>;
  stop(): Promise<void>;
}

async function startDev(dir: string, args: readonly string[] = []): Promise<Dev> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'dev', '--port', '0', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    const base = await until(() => {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
      return /Serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
    }, 20_000);
    const events: ServerEvent[] = [];
    const response = await fetch(`${base}/__statusbook/events`);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = block.split('\n').filter((l) => !l.startsWith(':'));
          if (fields.length === 0) continue;
          const field = (name: string) => fields.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
          events.push({ event: field('event') ?? 'message', data: field('data') ?? '' });
        }
      }
    })();
    // The state sent on connecting.
    await until(() => events.length > 0 || undefined, 5_000);
    return {
      base,
      events,
      output: () => output,
      async next(since, match, what) {
        try {
          return await until(() => {
            const i = events.findIndex((e, k) => k >= since && match(e));
            return i === -1 ? undefined : i;
          }, 15_000);
        } catch {
          throw new Error(`no ${what} event; events: ${JSON.stringify(events.slice(since))}\n${output.slice(-3000)}`);
        }
      },
      async stop() {
        await reader.cancel().catch(() => undefined);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw new Error(`dev did not start: ${String(error)}\n${output}`);
  }
}

const isReload = (e: ServerEvent) => e.event === 'message' && e.data === 'reload';

async function get(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

/**
 * Makes a change, then waits for a reload event after it and for `check` to hold on the
 * served site (a reload from a trailing event of the step before is waited past). No
 * rebuild, no reload: the step fails.
 */
async function step(dev: Dev, name: string, change: () => void, check: () => Promise<boolean>): Promise<void> {
  let since = dev.events.length;
  change();
  const deadline = Date.now() + 15_000;
  for (;;) {
    since = (await dev.next(since, isReload, `${name}: reload`)) + 1;
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${name}: reloaded, but the page does not show the change`);
  }
}

/** Replaces a line of a YAML file's text. */
function edit(text: string, field: string, value: string): string {
  const next = text.replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${value}`);
  expect(next).not.toBe(text);
  return next;
}

test('every way an editor saves a file rebuilds the site and reloads the page', async () => {
  const dir = makeProject();
  const dev = await startDev(dir);
  const code = join(dir, 'content/sip/codes/437.yaml');
  const page = async (path: string) => get(`${dev.base}${path}`);
  const shows = (path: string, text: string) => async () => (await page(path)).text.includes(text);
  try {
    expect((await page('/en/sip/437/')).status).toBe(200);

    // Write a temporary file, rename it onto the original: VS Code's atomic save, `sed -i`.
    await step(
      dev,
      'rename over',
      () => {
        writeFileSync(`${code}.tmp`, edit(readFileSync(code, 'utf8'), 'summary', 'Saved by a rename over the original.'));
        renameSync(`${code}.tmp`, code);
      },
      shows('/en/sip/437/', 'Saved by a rename over the original.'),
    );

    // vim (backupcopy=auto, which is "no" for a plain file): probe the folder with a file
    // named 4913, rename the original to a backup, write a new file, delete the backup.
    await step(
      dev,
      'vim',
      () => {
        const text = edit(readFileSync(code, 'utf8'), 'summary', 'Saved as vim saves.');
        writeFileSync(join(dir, 'content/sip/codes/4913'), '');
        unlinkSync(join(dir, 'content/sip/codes/4913'));
        renameSync(code, `${code}~`);
        writeFileSync(code, text);
        unlinkSync(`${code}~`);
      },
      shows('/en/sip/437/', 'Saved as vim saves.'),
    );

    // JetBrains IDEs' "safe write": write a temporary file, move the original aside, move
    // the temporary file in, delete the original.
    await step(
      dev,
      'JetBrains safe write',
      () => {
        writeFileSync(`${code}___jb_tmp___`, edit(readFileSync(code, 'utf8'), 'summary', 'Saved as JetBrains IDEs save.'));
        renameSync(code, `${code}___jb_old___`);
        renameSync(`${code}___jb_tmp___`, code);
        unlinkSync(`${code}___jb_old___`);
      },
      shows('/en/sip/437/', 'Saved as JetBrains IDEs save.'),
    );

    // Truncate and write the same file (same inode): VS Code's default, nano, Emacs after
    // its first save, vim with backupcopy=yes, `cat > file`. After the renames above this is
    // the write that Node 20's recursive fs.watch misses.
    await step(
      dev,
      'write in place',
      () => writeFileSync(code, edit(readFileSync(code, 'utf8'), 'summary', 'Saved in place.')),
      shows('/en/sip/437/', 'Saved in place.'),
    );

    // Append (`echo ... >> file`): a continuation line of the last field's plain scalar.
    await step(
      dev,
      'append',
      () => {
        expect(readFileSync(code, 'utf8')).toMatch(/^howToFix: .*\n$/m);
        appendFileSync(code, '  Appended to the file.\n');
      },
      shows('/en/sip/437/', 'Appended to the file.'),
    );

    // Touch: the same bytes, a new mtime. It rebuilds (and reloads: touching a file is a
    // way to ask for that); the build finds nothing changed and writes nothing.
    const version = readlinkSync(join(dir, 'output'));
    const before = (await page('/en/sip/437/')).text;
    const builds = dev.output().split('pages in output').length;
    await step(
      dev,
      'touch',
      () => utimesSync(code, new Date(), new Date(Date.now() + 60_000)),
      async () => dev.output().split('pages in output').length > builds,
    );
    expect(readlinkSync(join(dir, 'output'))).toBe(version);
    expect((await page('/en/sip/437/')).text).toBe(before);

    // A new code file.
    await step(
      dev,
      'new file',
      () => writeFileSync(join(dir, 'content/sip/codes/486.yaml'), edit(edit(readFileSync(code, 'utf8'), 'code', '486'), 'reason', 'Busy Here')),
      shows('/en/sip/486/', '<h1>SIP 486 Busy Here</h1>'),
    );

    // A deleted code file (in no curated pair): its page is gone.
    expect((await page('/en/sip/180/')).status).toBe(200);
    await step(
      dev,
      'deleted file',
      () => rmSync(join(dir, 'content/sip/codes/180.yaml')),
      async () => (await page('/en/sip/180/')).status === 404,
    );

    // A new locale: a folder with its ui.json.
    await step(
      dev,
      'new locale folder',
      () => {
        mkdirSync(join(dir, 'locales/vi'));
        cpSync(join(dir, 'locales/en/ui.json'), join(dir, 'locales/vi/ui.json'));
      },
      async () => {
        const vi = await page('/vi/sip/437/');
        return vi.status === 200 && vi.text.includes('<html lang="vi"');
      },
    );

    // New subfolders several levels deep, with a file in the deepest: content translations.
    await step(
      dev,
      'new subfolders',
      () => cpSync(join(fixtures, 'translated/locales/vi/content'), join(dir, 'locales/vi/content'), { recursive: true }),
      shows('/vi/sip/437/', 'Bên xác minh không chấp nhận thông tin xác thực'),
    );

    // The config file created, then deleted.
    await step(
      dev,
      'config created',
      () => writeFileSync(join(dir, 'statusbook.config.yaml'), 'baseUrl: https://docs.example.org/\n'),
      shows('/en/sip/437/', 'https://docs.example.org/en/sip/437/'),
    );
    await step(
      dev,
      'config deleted',
      () => rmSync(join(dir, 'statusbook.config.yaml')),
      async () => !(await page('/en/sip/437/')).text.includes('https://docs.example.org/'),
    );

    // Every step above rebuilt once: a save is one rebuild, whatever its events.
    expect(dev.output().split('pages in output').length - 1).toBe(13);
  } finally {
    await dev.stop();
  }
}, 60_000);

const HOSTILE = '"</script><img src=x onerror=alert(1)>"';
const RETRY_LINE = `content/sip/codes/437.yaml:9:8  error  'retry' must be one of 'not-needed', 'never', 'after-delay', 'with-changes', 'elsewhere', found the string ${HOSTILE}  schema/type`;

interface Problems {
  lines: string[];
  diagnostics: { file: string; line: number; column: number; rule: string; severity: string; message: string }[];
}

/** The problems a served page carries (undefined: none), read back from its JSON. */
function pageProblems(html: string): Problems | undefined {
  const json = /<script type="application\/json" id="statusbook-problems">(.*?)<\/script>/s.exec(html)?.[1];
  return json === undefined ? undefined : (JSON.parse(json) as Problems);
}

test('a failed build shows over every page with the lines the terminal printed, and goes when fixed', async () => {
  const dir = makeProject();
  const dev = await startDev(dir, ['--locale', 'en']);
  const code = join(dir, 'content/sip/codes/437.yaml');
  const good = readFileSync(code, 'utf8');
  const page = async (path: string) => get(`${dev.base}${path}`);
  /** Breaks the build, waits for the problems event; returns its problems. */
  const broken = async (name: string, change: () => void): Promise<Problems> => {
    const since = dev.events.length;
    change();
    const at = await dev.next(since, (e) => e.event === 'problems', `${name}: problems`);
    return JSON.parse(dev.events[at]!.data) as Problems;
  };
  /** Fixes it, waits for a reload; the page then has no problems. */
  const fixed = async (name: string, change: () => void) => {
    const since = dev.events.length;
    change();
    await dev.next(since, isReload, `${name} fixed: reload`);
    const after = await page('/en/sip/437/');
    expect(after.status).toBe(200);
    expect(pageProblems(after.text)).toBeUndefined();
    expect(after.text).not.toContain('statusbook-problems"');
  };
  try {
    // A content error, whose value would end a script element if it were not escaped.
    const retry = await broken('content error', () => writeFileSync(code, edit(good, 'retry', HOSTILE)));
    expect(retry.lines).toEqual([RETRY_LINE, '', '✖ 1 error, 0 warnings']);
    expect(retry.diagnostics).toEqual([expect.objectContaining({ file: 'content/sip/codes/437.yaml', line: 9, column: 8, rule: 'schema/type', severity: 'error' })]);
    // The terminal printed the same line.
    expect(dev.output().split('\n')).toContain(RETRY_LINE);
    // A page fetched now, and the 404 page, carry the problems, escaped: no markup of the message is left.
    for (const path of ['/en/sip/437/', '/en/no/such/page/']) {
      const served = await page(path);
      expect(served.text).not.toContain('<img src=x');
      expect(served.text).toContain('\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e');
      expect(pageProblems(served.text)).toEqual(retry);
    }
    // The last good build is still served.
    expect((await page('/en/sip/437/')).text).toContain('<h1>SIP 437 Unsupported Credential</h1>');
    await fixed('content error', () => writeFileSync(code, good));

    // A deleted code file that a curated pair names.
    const pair = await broken('deleted code', () => rmSync(code));
    expect(pair.lines[0]).toMatch(/^content\/sip\/pairs\.yaml:\d+:\d+ {2}error {2}.*437.* {2}pair\/unknown-code$/);
    expect(dev.output().split('\n')).toContain(pair.lines[0]);
    await fixed('deleted code', () => writeFileSync(code, good));

    // A config with a syntax error: its diagnostics, then the error the build stopped with.
    const config = join(dir, 'statusbook.config.yaml');
    const bad = await broken('config', () => writeFileSync(config, 'locales: [en\n'));
    expect(bad.lines[0]).toMatch(/^statusbook\.config\.yaml:\d+:\d+ {2}error {2}YAML syntax error: .* {2}yaml\/syntax$/);
    expect(bad.lines.at(-1)).toBe('error: statusbook.config.yaml has errors (see above)');
    await fixed('config', () => rmSync(config));

    // A template that does not compile (an error without a position).
    const template = join(dir, 'templates/pages/code.html.hbs');
    const hbs = readFileSync(template, 'utf8');
    const broke = await broken('template', () => writeFileSync(template, `${hbs}{{#if}}`));
    expect(broke.lines[0]).toMatch(/^error: .*code\.html\.hbs: Parse error/);
    expect(dev.output()).toContain(broke.lines[0]);
    await fixed('template', () => writeFileSync(template, hbs));

    // A ui.json that is not JSON.
    const ui = join(dir, 'locales/en/ui.json');
    const strings = readFileSync(ui, 'utf8');
    const json = await broken('ui.json', () => writeFileSync(ui, strings.slice(0, 40)));
    expect(json.lines[0]).toMatch(/^locales\/en\/ui\.json:\d+:\d+ {2}error {2}invalid JSON: .* {2}ui\/syntax$/);
    await fixed('ui.json', () => writeFileSync(ui, strings));
  } finally {
    await dev.stop();
  }
}, 60_000);

test('in a browser, the overlay shows over an open page and a page opened meanwhile, keeps their layout, passes axe, can be dismissed, and goes when fixed', async () => {
  const dir = makeProject();
  const dev = await startDev(dir, ['--locale', 'en']);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const code = join(dir, 'content/sip/codes/437.yaml');
  const good = readFileSync(code, 'utf8');
  try {
    const dialogs: string[] = [];
    const open = await browser.newPage();
    open.on('dialog', (d) => void dialogs.push(d.message()));
    await open.goto(`${dev.base}/en/sip/437/`);
    const heading = await open.locator('h1').boundingBox();
    const images = await open.locator('img').count();

    // Broken while the page is open: the overlay comes through the events.
    writeFileSync(code, edit(good, 'retry', HOSTILE));
    const alert = open.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.locator('pre').textContent()).toBe(`${RETRY_LINE}\n\n✖ 1 error, 0 warnings`);
    // The message is text: no element was made from it, no script ran.
    expect(await open.locator('img').count()).toBe(images);
    expect(dialogs).toEqual([]);
    // Fixed over the page, in its own layer: the page's content does not move.
    expect(await open.locator('h1').boundingBox()).toEqual(heading);

    // A page opened while the build is broken shows it from the start.
    const fresh = await browser.newPage();
    await fresh.goto(`${dev.base}/en/sip/200/`);
    await fresh.getByRole('alert').waitFor({ timeout: 5_000 });
    expect(await fresh.getByRole('alert').locator('pre').textContent()).toContain(RETRY_LINE);
    await fresh.addScriptTag({ content: readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8') });
    const axe = (await fresh.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: { id: string; nodes: { html: string }[] }[] };
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    // Dismissed with its button, or with Escape.
    await fresh.getByRole('button', { name: 'Dismiss' }).click();
    expect(await fresh.getByRole('alert').count()).toBe(0);
    await alert.waitFor();
    await open.keyboard.press('Escape');
    expect(await open.getByRole('alert').count()).toBe(0);

    // Fixed: the pages reload, without the overlay.
    const reloaded = [open.waitForEvent('load', { timeout: 15_000 }), fresh.waitForEvent('load', { timeout: 15_000 })];
    writeFileSync(code, good);
    await Promise.all(reloaded);
    for (const p of [open, fresh]) {
      expect(await p.getByRole('alert').count()).toBe(0);
      expect(await p.locator('h1').count()).toBe(1);
    }
  } finally {
    await browser.close();
    await dev.stop();
  }
}, 60_000);

test('bad usage stops dev with exit 2 before anything is built', async () => {
  const dir = makeProject();
  // A port another server holds.
  const taken = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
  const takenPort = String((taken.address() as { port: number }).port);
  try {
    const cases: [string[], RegExp][] = [
      [['--port', 'abc'], /^error: --port abc: expected a port number from 0 to 65535$/m],
      [['--port', '99999'], /^error: --port 99999: expected a port number from 0 to 65535$/m],
      [['--port', '65536'], /^error: --port 65536: expected/m],
      [['--port', '-1'], /^error: --port -1: expected a port number from 0 to 65535$/m],
      [['--port=-1'], /^error: --port -1: expected/m],
      [['--port', '1.5'], /^error: --port 1\.5: expected/m],
      [['--format', 'md'], /^error: --format md: statusbook dev serves the HTML site, so the formats must include html$/m],
      [['--format', 'md,print'], /^error: --format md,print: statusbook dev serves the HTML site/m],
      [['--format', 'pdf'], /^error: --format pdf: unknown format 'pdf'$/m],
      [['--bogus'], /^error: unknown option --bogus for 'statusbook dev'$/m],
      [['--port', takenPort], new RegExp(`^error: port ${takenPort} on 127\\.0\\.0\\.1 is in use$`, 'm')],
      // An address of no interface of this machine (TEST-NET-1).
      [['--host', '192.0.2.1'], /^error: --host 192\.0\.2\.1: cannot listen there/m],
    ];
    for (const [args, message] of cases) {
      const run = spawnSync(process.execPath, [bin, 'dev', ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr, args.join(' ')).toMatch(/^hint: /m);
      expect(run.stdout, args.join(' ')).not.toContain('Serving');
      expect(existsSync(join(dir, 'output')) || existsSync(join(dir, '.statusbook-output')), args.join(' ')).toBe(false);
    }
  } finally {
    taken.close();
  }
}, 60_000);

test("dev builds into and serves the config's out folder, as statusbook build would", async () => {
  const dir = makeProject();
  writeFileSync(join(dir, 'statusbook.config.yaml'), 'out: public\n');
  const dev = await startDev(dir, ['--locale', 'en']);
  try {
    expect((await get(`${dev.base}/en/sip/437/`)).text).toContain('<h1>SIP 437 Unsupported Credential</h1>');
    expect(existsSync(join(dir, 'public/html/en/sip/437/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'output'))).toBe(false);
  } finally {
    await dev.stop();
  }
}, 60_000);

