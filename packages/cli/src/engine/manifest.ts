import type { CheckCache } from '@statusbook/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a build records what it was made from, inside the output folder. */
export const MANIFEST = '.statusbook/manifest.json';

/** What a build was made from: enough to tell, next time, which pages changed. */
export interface Manifest {
  readonly statusbook: string;
  /** Options that change pages: locales, formats, base URL, shard. */
  readonly options: Readonly<Record<string, string>>;
  /** Hash of every input file. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Hash of every unit of input pages are made from. */
  readonly units: Readonly<Record<string, string>>;
  readonly pages: number;
  /** Files that are not pages (sitemap, stylesheet...), kept when the `site` unit is unchanged. */
  readonly siteFiles: readonly string[];
  /** Files of the build (pages, site files, PDFs): what the output must hold, `.statusbook/` aside. */
  readonly files?: number;
}

export function readManifest(out: string): Manifest | undefined {
  try {
    const data = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as Manifest;
    return typeof data.statusbook === 'string' && data.units && data.inputs ? data : undefined;
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
      const data = JSON.parse(readFileSync(join(out, CHECK_CACHE), 'utf8')) as { statusbook?: string; entries?: Record<string, unknown> };
      if (data.statusbook === version && data.entries) return new FileCheckCache(new Map(Object.entries(data.entries)));
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
    return `${JSON.stringify({ statusbook: version, entries })}\n`;
  }
}
