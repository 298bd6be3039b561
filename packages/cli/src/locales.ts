import { localeFolders } from '@statusbook/generator/plan';
import { UsageError } from './errors.js';

/** The language content/ is written in; other locales translate it. */
export const SOURCE_LOCALE = 'en';

/** Locales present in `locales/` (a folder with a ui.json), English first. */
export async function availableLocales(localesDir: string): Promise<string[]> {
  return localeFolders(localesDir);
}

/** Parses `--locale vi,ja` against what exists; every unknown locale is a usage error. */
export function pickList<T extends string>(flag: string, value: string | undefined, available: readonly T[]): T[] {
  if (value === undefined) return [...available];
  const wanted = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  const unknown = wanted.filter((v) => !(available as readonly string[]).includes(v));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new UsageError(`--${flag} ${value}: unknown ${flag} '${unknown[0] ?? value}'`, `available: ${available.join(', ') || 'none'}`);
  }
  return available.filter((v) => wanted.includes(v));
}
