import { zipSync, type Zippable } from 'fflate';

/** One file of a zip: its path in the archive, its bytes, and whether it is stored uncompressed. */
export interface ZipEntry {
  readonly path: string;
  readonly data: Uint8Array;
  readonly store?: boolean;
}

/**
 * A zip with the entries in the order given and every timestamp set to `date` (YYYY-MM-DD), so
 * the same entries give the same bytes. Zip times are local times without a zone: the date is
 * made in local time so that every zone writes the same fields.
 */
export function zipEntries(entries: readonly ZipEntry[], date: string): Uint8Array {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(Math.max(y, 1980), m - 1, d);
  const files: Zippable = {};
  for (const entry of entries) files[entry.path] = [entry.data, { level: entry.store ? 0 : 9, mtime }];
  return zipSync(files);
}
