import type { CheckCache } from '@statusbook/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a build records what it was made from, inside the output folder. */
export const MANIFEST = '.statusbook/manifest.json';

/** What the output was made from: enough to tell, next time, which pages changed. */
export interface Manifest {
  readonly statusbook: string;
  /** The last build's options (formats, locales, base URL, shard...). */
  readonly options: Readonly<Record<string, string>>;
  /** Hash of every input file, at the last build. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Each slice of the output (`md/en`, `html`, `pdf/ja`...), as the build that made it last left it. */
  readonly slices: Readonly<Record<string, Slice>>;
  /** Files of the output (pages, site files, PDFs), `.statusbook/` and files kept by `--force` aside. */
  readonly files: number;
}

/** One slice of the output. */
export interface Slice {
  /** Its pages or files. */
  readonly pages: number;
  /** What decides its page list (shard, pairs, protocols, redirect pages). */
  readonly list?: string;
  /** The base URL of its links. */
  readonly baseUrl?: string;
  /** The locales its pages link to, comma-separated. */
  readonly locales?: string;
  /** The other forms of its pages it links to (formats the output held for its locale), comma-separated. */
  readonly forms?: string;
  /** Hash of every unit of input its pages are made from, when it was made. */
  readonly units?: Readonly<Record<string, string>>;
  /** Its files, for slices that are not pages (site files, PDFs). */
  readonly files?: readonly string[];
}

export function readManifest(out: string): Manifest | undefined {
  try {
    const data = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as Manifest;
    return typeof data.statusbook === 'string' && data.slices && typeof data.slices === 'object' && data.inputs && typeof data.files === 'number' ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether two records (options, input hashes) hold the same keys and values. */
export function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The manifest's text, with sorted keys, so the same build gives the same bytes. */
export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(sortKeys(manifest), null, 1)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The rules content is checked against: results recorded under other rules (before control
 * characters, sizes and depth were checked) are not trusted. Raise it when a rule changes.
 */
const CHECKS = 2;

/** Where a build keeps the results of checking each content and translation file. */
export const CHECK_CACHE = '.statusbook/check-cache.json';

/**
 * The previous build's check results (empty when there are none or another version made
 * them), recording which ones this build uses: only those are written back, so the file
 * holds the current files' results and nothing else.
 */
export class FileCheckCache implements CheckCache {
  private readonly used = new Map<string, unknown>();

  private constructor(private readonly previous: ReadonlyMap<string, unknown>) {}

  /** The results kept in `out` (none without one, as for `--clean`). */
  static read(out: string | undefined, version: string): FileCheckCache {
    if (out === undefined) return new FileCheckCache(new Map());
    try {
      const data = JSON.parse(readFileSync(join(out, CHECK_CACHE), 'utf8')) as { statusbook?: string; checks?: number; entries?: Record<string, unknown> };
      if (data.statusbook === version && data.checks === CHECKS && data.entries) return new FileCheckCache(new Map(Object.entries(data.entries)));
    } catch {
      // none yet, or unreadable: every file is checked
    }
    return new FileCheckCache(new Map());
  }

  get(key: string): unknown {
    const value = this.used.get(key) ?? this.previous.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: unknown): void {
    this.used.set(key, value);
  }

  /** The results this build used, sorted by key (the same files give the same bytes). */
  text(version: string): string {
    const entries = Object.fromEntries([...this.used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return `${JSON.stringify({ statusbook: version, checks: CHECKS, entries })}\n`;
  }
}
