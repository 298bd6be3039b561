import { readFileSync } from 'node:fs';

/**
 * The CLI's version, from its package.json. This module sits one folder below the package
 * both as compiled (dist/) and as bundled (bin/), so the relative path holds for both.
 */
export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
