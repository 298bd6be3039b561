// The bundled content (content/ and locales/ of the repository) built into a temp folder, and
// bundle jobs over it, for the tests of the book kinds (epub, docset, pdf) that call make().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent, type LoadResult } from '@statusbook/core';
import { expect } from 'vitest';
import type { BundleJob } from '../src/bundle/kind.js';
import { repoRoot, statusbook } from './helpers.js';

export interface BuiltContent {
  readonly dir: string;
  readonly output: string;
  readonly content: LoadResult;
  /** A job for one locale writing into a fresh staging folder under `dir`. */
  job(locale: string, options?: Partial<BundleJob['options']>): BundleJob;
  remove(): void;
}

/** Builds the bundled content in these formats (curated pairs only: the kinds read no other). */
export async function buildBundledContent(formats: readonly string[]): Promise<BuiltContent> {
  const dir = mkdtempSync(join(tmpdir(), 'statusbook-books-'));
  const output = join(dir, 'output');
  const run = statusbook(['build', '--out', output, '--format', formats.join(','), '--pairs', 'curated'], repoRoot);
  expect(run.code, run.stderr).toBe(0);
  const content = await loadContent(join(repoRoot, 'content'));
  let n = 0;
  return {
    dir,
    output,
    content,
    job: (locale, options = {}) => ({
      output,
      staging: join(dir, `staging-${++n}`),
      locale,
      locales: [locale],
      content,
      meta: { version: '0.1.0', contentHash: 'sha256-test', contentDate: '2026-11-30' },
      options: { formats: [], paper: options.paper ?? 'a4', ...(options.chromium ? { chromium: options.chromium } : {}) },
    }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
