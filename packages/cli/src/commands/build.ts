import { join, relative, resolve } from 'node:path';
import { countDiagnostics, loadTranslations } from '@statusbook/core';
import { createSite, FORMATS, sourceContent, translatedContent, type Format } from '@statusbook/generator';
import { parseFlags } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { availableLocales, pickList, SOURCE_LOCALE } from '../locales.js';
import { printDiagnostics } from '../report.js';
import { findChromium, printPdfs } from '../print-pdf.js';
import { projectAt, type Project } from '../project.js';
import { StagedOutput } from '../write-output.js';
import type { Command } from './types.js';
import { loadAndReport, resolveFrom } from './validate.js';

export const build: Command = {
  summary: 'validate content/ and write every page into output/',
  help: `Usage: statusbook build [options]

Validates content/, then renders every page (code pages, comparison pages for every pair,
indexes) for every locale and format into the output folder. Nothing is written when the
content has errors, and a failed build leaves the previous output as it was.

Options:
  --out <dir>        where to write (default: <root>/output)
  --locale <list>    locales to build, comma-separated (default: every folder of locales/)
  --format <list>    md, html, print, comma-separated (default: all three)
  --pdf              also print each print book to output/pdf/<locale>/<protocol>.pdf
                     (needs Chromium: apt-get install -y chromium fonts-noto-cjk)
  --base-url <url>   prefix of canonical links and sitemap URLs (default: /)
  --root <dir>       project folder holding content/, templates/, locales/ (default: .)
  --strict           treat warnings as errors
  -h, --help         show this help

Examples:
  statusbook build
  statusbook build --locale ja --format print --pdf
  statusbook build --format html --base-url https://docs.example.org/ --out /tmp/site

Exit codes: 0 built, 1 content or build errors, 2 bad usage.`,
  async run(argv, io) {
    const { values } = parseFlags('build', argv, {
      root: { type: 'string', default: '.' },
      out: { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string' },
      pdf: { type: 'boolean', default: false },
      'base-url': { type: 'string', default: '/' },
      strict: { type: 'boolean', default: false },
    });
    const project = projectAt(resolveFrom(io, values.root));
    const out = values.out === undefined ? resolve(project.root, 'output') : resolveFrom(io, values.out);
    checkOut(out, project);
    const locales = pickList('locale', values.locale, await availableLocales(project.locales));
    if (locales.length === 0) throw new UsageError(`no locales in ${project.locales}`, 'a locale is a folder with a ui.json, such as locales/en/');
    const formats = pickList<Format>('format', values.format, FORMATS);
    if (values.pdf && !formats.includes('print')) throw new UsageError('--pdf prints the print books: add print to --format', 'for example: --format print --pdf');
    const chromium = values.pdf ? await findChromium(io.env) : undefined;

    const started = performance.now();
    const { ok, content } = await loadAndReport(project, io, values.strict);
    const translated = locales.filter((l) => l !== SOURCE_LOCALE);
    const { translations, diagnostics } = ok ? await loadTranslations(project.locales, translated, content.protocols) : { translations: new Map(), diagnostics: [] };
    printDiagnostics(diagnostics, io);
    const counts = countDiagnostics(diagnostics);
    if (!ok || counts.error > 0 || (values.strict && counts.warning > 0)) {
      io.stderr.write('build stopped: nothing was written\n');
      return EXIT.failed;
    }
    const site = await createSite({
      protocols: content.protocols,
      templatesDir: project.templates,
      localesDir: project.locales,
      locales,
      formats,
      baseUrl: values['base-url'],
      content: (locale) => {
        const translation = translations.get(locale);
        return translation ? translatedContent(translation) : sourceContent;
      },
    });
    const output = await StagedOutput.open(out);
    try {
      for (const page of site.pages()) await output.write(site.render(page));
      for (const file of site.files()) await output.write(file);
      if (chromium) {
        await output.flush();
        const jobs = locales.flatMap((locale) =>
          content.protocols.map((p) => ({
            html: join(output.staging, 'print', locale, `${p.id}.html`),
            pdf: join(output.staging, 'pdf', locale, `${p.id}.pdf`),
          })),
        );
        await printPdfs(chromium, jobs);
        output.written += jobs.length;
      }
      await output.commit();
    } catch (error) {
      await output.abort();
      throw error;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stdout.write(`✔ wrote ${output.written} files to ${relative(io.cwd, out) || '.'} in ${seconds} s\n`);
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
