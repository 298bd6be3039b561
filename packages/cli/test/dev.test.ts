import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeProject } from './helpers.js';

const bin = new URL('../bin/statusbook.js', import.meta.url).pathname;

test('statusbook dev serves the site, and a change to a content file reaches the page', async () => {
  const dir = makeProject();
  const child = spawn(process.execPath, [bin, 'dev', '--port', '0', '--locale', 'en'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  try {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const base = await until(() => /Serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1], 20_000);

    const page = await fetch(`${base}/en/sip/437/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1>SIP 437 Unsupported Credential</h1>');
    expect(html).toContain('new EventSource("/__statusbook/events")');
    expect((await fetch(`${base}/en/no/such/page/`)).status).toBe(404);

    // Listen for the reload event, then edit the content as a user would.
    const events = await fetch(`${base}/__statusbook/events`);
    const reader = events.body!.getReader();
    const file = join(dir, 'content/sip/codes/437.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*$/m, 'summary: The verifier refuses the credential it fetched.'));
    let received = '';
    await until(async () => {
      const { value } = await reader.read();
      received += new TextDecoder().decode(value);
      return received.includes('data: reload') || undefined;
    }, 30_000);
    reader.cancel().catch(() => undefined);

    const updated = await (await fetch(`${base}/en/sip/437/`)).text();
    expect(updated).toContain('The verifier refuses the credential it fetched.');
  } finally {
    child.kill('SIGTERM');
  }
}, 60_000);

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
