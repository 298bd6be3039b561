export { main } from './main.js';
export type { Io } from './io.js';
export { EXIT, UsageError } from './errors.js';
