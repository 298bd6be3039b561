import { createHash } from 'node:crypto';

/**
 * Results of reading and checking single files, kept between runs by the caller: the same
 * text in the same context gives the same result, so a rebuild parses only the files that
 * changed. Values must survive JSON (the CLI keeps them in the output's `.statusbook/`).
 */
export interface CheckCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** The cached result for these inputs (file name, its text, what it is checked against), or a new one. */
export function cached<T>(cache: CheckCache | undefined, inputs: readonly string[], compute: () => T): T {
  if (!cache) return compute();
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input).update('\u0000');
  const key = hash.digest('base64url').slice(0, 32);
  const hit = cache.get(key);
  if (hit !== undefined) return hit as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
