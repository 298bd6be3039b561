import { relative, resolve } from 'node:path';
import { createSite, FORMATS } from '@statusbook/generator';
import { parseFlags } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { projectAt, type Project } from '../project.js';
import { StagedOutput } from '../write-output.js';
import type { Command } from './types.js';
import { loadAndReport, resolveFrom } from './validate.js';

export const build: Command = {
  summary: 'validate content/ and write every page into output/',
  help: `Usage: statusbook build [--out <dir>] [--root <dir>] [--strict]

Validates content/, then renders every code page and every comparison page, in every
format (md, html), into the output folder. Nothing is written when the content has errors,
and a failed build leaves the previous output as it was.

Options:
  --out <dir>    where to write (default: <root>/output)
  --root <dir>   project folder holding content/, templates/, locales/ (default: .)
  --strict       treat warnings as errors
  -h, --help     show this help

Examples:
  statusbook build
  statusbook build --out /tmp/statusbook-site

Exit codes: 0 built, 1 content or build errors, 2 bad usage.`,
  async run(argv, io) {
    const { values } = parseFlags('build', argv, {
      root: { type: 'string', default: '.' },
      out: { type: 'string' },
      strict: { type: 'boolean', default: false },
    });
    const project = projectAt(resolveFrom(io, values.root));
    const out = values.out === undefined ? resolve(project.root, 'output') : resolveFrom(io, values.out);
    checkOut(out, project);

    const started = performance.now();
    const { ok, content } = await loadAndReport(project, io, values.strict);
    if (!ok) {
      io.stderr.write('build stopped: nothing was written\n');
      return EXIT.failed;
    }
    const site = await createSite({
      protocols: content.protocols,
      templatesDir: project.templates,
      localesDir: project.locales,
      locales: ['en'],
      formats: FORMATS,
    });
    const output = await StagedOutput.open(out);
    try {
      for (const page of site.pages()) await output.write(site.render(page));
      await output.commit();
    } catch (error) {
      await output.abort();
      throw error;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stdout.write(`✔ wrote ${output.written} pages to ${relative(io.cwd, out) || '.'} in ${seconds} s\n`);
    return EXIT.ok;
  },
};

/** Refuses output folders that would overwrite the project's own sources. */
function checkOut(out: string, project: Project): void {
  const forbidden = [project.root, project.content, project.templates, project.locales];
  const inside = forbidden.find((dir) => out === dir || (dir !== project.root && !relative(dir, out).startsWith('..')));
  if (inside) {
    throw new UsageError(`--out ${out} would overwrite the project's own files (${relative(project.root, inside) || 'the project folder'})`, 'choose a folder such as output/');
  }
}
