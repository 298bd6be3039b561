import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countDiagnostics, parseConfig, type Config } from '@statusbook/core';
import { BuildError } from './errors.js';
import type { Io } from './io.js';
import type { Project } from './project.js';
import { printDiagnostics } from './report.js';

export const CONFIG_FILE = 'statusbook.config.yaml';

/** The project's statusbook.config.yaml (none: no defaults), checked like content. */
export function loadConfig(project: Project, io: Io): Config {
  const file = join(project.root, CONFIG_FILE);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return {};
  }
  const { config, diagnostics } = parseConfig(file, bytes);
  printDiagnostics(diagnostics, io);
  if (!config || countDiagnostics(diagnostics).error > 0) throw new BuildError(`${CONFIG_FILE} has errors (see above)`);
  return config;
}
