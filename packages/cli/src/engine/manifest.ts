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
}

export function readManifest(out: string): Manifest | undefined {
  try {
    const data = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as Manifest;
    return typeof data.statusbook === 'string' && data.units && data.inputs ? data : undefined;
  } catch {
    return undefined;
  }
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
