import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeProject, until } from './helpers.js';

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

/** Starts `statusbook dev` in `dir`; resolves with its base URL once it serves. */
async function startDev(dir: string, extra: readonly string[] = []): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [bin, 'dev', '--port', '0', '--locale', 'en', ...extra], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  try {
    const port = await until(() => {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
      return /Serving http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout)?.[1];
    }, 20_000);
    return { child, port: Number(port) };
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`dev did not start: ${String(error)}\n${stdout}`);
  }
}

/** A GET as the client sends it: the request target byte for byte (no URL normalizing), and the Host given. */
function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host }, timeout: 5_000 }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: no answer in 5 s`)));
    req.on('error', reject);
    req.end();
  });
}

test('malformed requests get a 4xx and the server keeps serving; other hosts get 403; no path leaves output/html', async () => {
  const dir = makeProject();
  const { child, port } = await startDev(dir);
  try {
    // Files outside the served folder (output/html) that no request may reach.
    writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET project file');
    writeFileSync(join(dir, 'output', 'secret.txt'), 'TOP SECRET output file');
    const page = '/en/sip/437/';
    expect((await get(port, page)).status).toBe(200);

    // Malformed percent-encoding: 400, and the server is still there.
    for (const path of ['/%', '/%E0%A4%A', '/en/%zz/', '/%C0%AF', '/%ED%A0%80']) {
      expect((await get(port, path)).status, path).toBe(400);
    }
    expect((await get(port, page)).status).toBe(200);

    // DNS rebinding: a page of another site reaching this server by name gets nothing.
    for (const host of ['evil.example', `evil.example:${port}`, `localhost.evil.example:${port}`, `localhost:${port + 1}`, `127.0.0.1:${port}@evil.example`]) {
      expect((await get(port, page, host)).status, host).toBe(403);
    }
    // Without a Host (HTTP/1.0 allows it) there is no telling: 403 too.
    expect(await raw(port, `GET ${page} HTTP/1.0\r\n\r\n`)).toMatch(/^HTTP\/1\.1 403 /);
    for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await get(port, page, host)).status, host).toBe(200);
    }

    // Traversal, encoded dots and slashes, backslashes, NUL, a symbolic link out of the site.
    symlinkSync(dir, join(dir, 'output', 'html', 'escape'));
    for (const path of [
      '/../secret.txt',
      '/../../secret.txt',
      '/en/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/en%2f..%2f..%2fsecret.txt',
      '/en/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
      '/en/%00/../../secret.txt',
      '/escape/secret.txt',
      '/escape/output/secret.txt',
    ]) {
      const response = await get(port, path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expect(response.body, path).not.toContain('TOP SECRET');
    }

    expect(child.exitCode).toBeNull();
    const last = await get(port, page);
    expect(last.status).toBe(200);
    expect(last.body).toContain('<h1>SIP 437 Unsupported Credential</h1>');
  } finally {
    child.kill('SIGTERM');
  }
}, 60_000);

test('statusbook dev serves output/json at /json/ and output/embed at /embed/, as published beside the site', async () => {
  const dir = makeProject();
  const { child, port } = await startDev(dir, ['--format', 'html,json']);
  try {
    writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET project file');
    const headers = (path: string) =>
      new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (response) => {
          response.resume();
          resolve({ status: String(response.statusCode), ...response.headers });
        })
          .on('error', reject)
          .end();
      });
    const doc = await get(port, '/json/en/sip/437.json');
    expect(doc.status).toBe(200);
    expect((JSON.parse(doc.body) as { code: number; links: { html: string } }).links.html).toBe('/en/sip/437/');
    // The links of a document lead to pages this server serves.
    expect((await get(port, '/en/sip/437/')).status).toBe(200);
    expect(await headers('/json/en/sip/437.json')).toMatchObject({ status: '200', 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' });
    expect(JSON.parse((await get(port, '/json/')).body)).toMatchObject({ kind: 'index' });
    expect((await get(port, '/json/schema/code.json')).status).toBe(200);
    // Missing documents are a plain 404 (not the HTML site's page), readable from any origin.
    expect(await headers('/json/en/sip/999.json')).toMatchObject({ status: '404', 'access-control-allow-origin': '*' });
    expect(await headers('/embed/en/sip/437.html')).toMatchObject({ status: '404', 'access-control-allow-origin': '*' });
    // No path leaves the mounted folder.
    symlinkSync(dir, join(dir, 'output', 'json', 'escape'));
    for (const path of ['/json/../../secret.txt', '/json/%2e%2e/%2e%2e/secret.txt', '/json/escape/secret.txt', '/json/..%2f..%2fsecret.txt']) {
      const response = await get(port, path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body, path).not.toContain('TOP SECRET');
    }
  } finally {
    child.kill('SIGTERM');
  }
}, 60_000);

/** Sends a request as raw bytes; resolves with the whole answer. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer in 5 s')));
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}
