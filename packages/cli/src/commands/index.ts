import { build } from './build.js';
import { i18n } from './i18n.js';
import { list } from './list.js';
import type { Command } from './types.js';
import { validate } from './validate.js';

/** Every command, by name. */
export const commands: Readonly<Record<string, Command>> = { build, validate, list, i18n };
