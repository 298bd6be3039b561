import { build } from './build.js';
import { list } from './list.js';
import type { Command } from './types.js';
import { validate } from './validate.js';

/** Every command, by name. */
export const commands: Readonly<Record<string, Command>> = { build, validate, list };
