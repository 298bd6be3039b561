import { findPair, loadTranslations, suggest, type Protocol } from '@statusbook/core';
import { createSite, sourceContent, translatedContent, type PageRef } from '@statusbook/generator';
import { parseFlags } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { availableLocales, pickList, SOURCE_LOCALE } from '../locales.js';
import { projectAt } from '../project.js';
import { diagnosticsJson, jsonIo, printDiagnostics } from '../report.js';
import { findProtocol } from './list.js';
import type { Command } from './types.js';
import { loadAndReport, resolveFrom } from './validate.js';

const OPTIONS = {
  locale: { type: 'string', default: SOURCE_LOCALE },
  'front-matter': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  root: { type: 'string', default: '.' },
} as const;

const COMMON = `Options:
  --locale <locale>  the language to show the page in (default: en)
  --front-matter     print the page's YAML front matter too
  --json             print JSON on stdout: { "ok", "protocol", "kind", "locale", "path",
                     "markdown" (with its front matter), "code" or "a" and "b" }; with
                     content errors, { "ok": false, "errors", "diagnostics": [...] }
  --root <dir>       project folder (default: .)
  -h, --help         show this help`;

export const show: Command = {
  help: `Usage: statusbook show <protocol> <code> [--locale <locale>]

Prints the page of one status code as Markdown, as the build writes it.

${COMMON}

Examples:
  statusbook show sip 437
  statusbook show http 413 --locale ja
  statusbook show sip 437 --json

Exit codes: 0 ok, 1 content errors, 2 bad usage (unknown protocol or code).`,
  async run(argv, io) {
    const { values, positionals } = parseFlags('show', argv, OPTIONS);
    const [protocolId, code, ...extra] = positionals;
    if (protocolId === undefined || code === undefined || extra.length > 0) {
      throw new UsageError('statusbook show needs a protocol and a code', 'for example: statusbook show sip 437');
    }
    return printPage(io, values, protocolId, (protocol) => ({ code: codeIn(protocol, code) }), 'code');
  },
};

export const compare: Command = {
  help: `Usage: statusbook compare <protocol> <code> <code> [--locale <locale>]

Prints the comparison page of two status codes as Markdown. The codes may come in either
order; the page is always the canonical one, lower code first.

${COMMON}

Examples:
  statusbook compare sip 437 200
  statusbook compare http 301 308 --locale vi

Exit codes: 0 ok, 1 content errors, 2 bad usage (unknown protocol or code, the same code twice).`,
  async run(argv, io) {
    const { values, positionals } = parseFlags('compare', argv, OPTIONS);
    const [protocolId, a, b, ...extra] = positionals;
    if (protocolId === undefined || a === undefined || b === undefined || extra.length > 0) {
      throw new UsageError('statusbook compare needs a protocol and two codes', 'for example: statusbook compare sip 200 437');
    }
    return printPage(
      io,
      values,
      protocolId,
      (protocol) => {
        const pair = findPair(protocol, codeIn(protocol, a), codeIn(protocol, b));
        if (!pair) throw new UsageError(`cannot compare ${a} with itself`, 'name two different codes');
        return { a: pair.low.code, b: pair.high.code };
      },
      'compare',
    );
  },
};

async function printPage(
  io: Io,
  values: { locale: string; 'front-matter': boolean; json: boolean; root: string },
  protocolId: string,
  select: (protocol: Protocol) => Partial<PageRef>,
  kind: 'code' | 'compare',
): Promise<number> {
  const project = projectAt(resolveFrom(io, values.root));
  const [locale] = pickList('locale', values.locale, await availableLocales(project.locales));
  const out = jsonIo(io, values.json);
  const failed = () => {
    if (values.json) io.stdout.write(`${JSON.stringify({ ok: false, ...diagnosticsJson(out) })}\n`);
    return EXIT.failed;
  };
  const { ok, content } = await loadAndReport(project, out, false);
  if (!ok) return failed();
  const protocol = findProtocol(content.protocols, protocolId);
  const ref: PageRef = { kind, locale: locale!, format: 'md', protocol: protocol.id, ...select(protocol) };
  const { translations, diagnostics } = await loadTranslations(project.locales, locale === SOURCE_LOCALE ? [] : [locale!], [protocol]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  printDiagnostics(errors, out);
  if (errors.length > 0 && values.json) return failed();
  const site = await createSite({
    protocols: [protocol],
    templatesDir: project.templates,
    localesDir: project.locales,
    locales: [locale!],
    formats: ['md'],
    content: (l) => {
      const t = translations.get(l);
      return t ? translatedContent(t) : sourceContent;
    },
  });
  const { path, contents } = site.renderRef(ref);
  if (values.json) {
    const which = kind === 'code' ? { code: ref.code } : { a: ref.a, b: ref.b };
    io.stdout.write(`${JSON.stringify({ ok: true, protocol: protocol.id, kind, ...which, locale, path, markdown: contents })}\n`);
    return EXIT.ok;
  }
  io.stdout.write(values['front-matter'] ? contents : contents.replace(/^---\n[\s\S]*?\n---\n\n/, ''));
  return EXIT.ok;
}

/** A code of the protocol, from its text on the command line; unknown codes are usage errors. */
function codeIn(protocol: Protocol, text: string): number {
  // Digits only: Number() would also read "", "0x10" and "1e3" as codes.
  const code = /^\d+$/.test(text) ? Number(text) : NaN;
  if (protocol.codes.some((c) => c.code === code)) return code;
  const close = suggest(text, protocol.codes.map((c) => String(c.code)));
  throw new UsageError(`${protocol.name} has no code '${text}'`, close ? `did you mean ${close}? (statusbook list ${protocol.id})` : `see statusbook list ${protocol.id}`);
}
