import { displayReason, suggest, type CodeFact, type FactDeclaration, type Protocol, type StatusCode } from '@statusbook/core';
import { parseFlags } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { projectAt } from '../project.js';
import { formatTable } from '../table.js';
import type { Command } from './types.js';
import { loadAndReport, resolveFrom } from './validate.js';

export const list: Command = {
  help: `Usage: statusbook list <protocol> [--facts] [--json] [--root <dir>]

Prints every code of a protocol, in numeric order: code, registered reason phrase (with its
other registered names, "BADVERS / BADSIG"), registry status and the names it had before.

Options:
  --facts        also print each code's class and the facts its protocol declares in
                 protocol.yaml (one column each, in declaration order)
  --json         print JSON: [{ "code", "reason", "alsoNamed", "status", "formerReasons" }],
                 with --facts also "class" and "facts" ({ "<fact id>": value })
  --root <dir>   project folder holding content/ (default: .)
  -h, --help     show this help

Examples:
  statusbook list sip
  statusbook list smtp --facts
  statusbook list http --json

Exit codes: 0 ok, 1 content errors, 2 bad usage (such as an unknown protocol).`,
  async run(argv, io) {
    const { values, positionals } = parseFlags('list', argv, {
      json: { type: 'boolean', default: false },
      facts: { type: 'boolean', default: false },
      root: { type: 'string', default: '.' },
    });
    const [id, ...extra] = positionals;
    if (id === undefined) throw new UsageError('statusbook list needs a protocol', 'for example: statusbook list sip');
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, "see 'statusbook list --help'");
    const { ok, content } = await loadAndReport(projectAt(resolveFrom(io, values.root)), io, false);
    if (!ok) return EXIT.failed;
    const protocol = findProtocol(content.protocols, id);
    if (values.json) {
      const rows = protocol.codes.map((c) => ({
        code: c.code,
        reason: c.reason,
        alsoNamed: c.alsoNamed.map((a) => a.reason),
        status: c.status,
        formerReasons: c.formerReasons.map((f) => ({ reason: f.reason, rfc: f.rfc })),
        ...(values.facts ? { class: c.classId, facts: Object.fromEntries(c.facts.map((f) => [f.id, factJson(f)])) } : {}),
      }));
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows = protocol.codes.map((c) => [
      String(c.code),
      displayReason(c),
      c.status,
      c.formerReasons.map((f) => `${f.reason} (renamed by RFC ${f.rfc})`).join('; '),
      ...(values.facts ? [c.classId, ...protocol.facts.map((f) => factCell(c, f))] : []),
    ]);
    const factHeads = values.facts ? ['Class', ...protocol.facts.map((f) => f.id)] : [];
    io.stdout.write(formatTable(['Code', 'Reason', 'Status', 'Formerly', ...factHeads], rows));
    io.stdout.write(`\n${protocol.codes.length} ${protocol.name} codes\n`);
    return EXIT.ok;
  },
};

/** A code's value of a declared fact as JSON: a list, a retry value or a boolean. */
function factJson(fact: CodeFact): unknown {
  return fact.kind === 'parties' || fact.kind === 'tokens' ? [...fact.values] : fact.value;
}

/** A code's value of a declared fact as a table cell; an empty list as the fact's `empty` (none, any). */
function factCell(code: StatusCode, declared: FactDeclaration): string {
  const fact = code.facts.find((f) => f.id === declared.id);
  if (!fact) return '';
  if (fact.kind === 'flag') return fact.value ? 'yes' : 'no';
  if (fact.kind === 'retry') return fact.value;
  return fact.values.length > 0 ? fact.values.join(', ') : `(${declared.empty})`;
}

/** The protocol with this id; an unknown id is a usage error naming the ones there are. */
export function findProtocol(protocols: readonly Protocol[], id: string): Protocol {
  const protocol = protocols.find((p) => p.id === id.toLowerCase());
  if (protocol) return protocol;
  const ids = protocols.map((p) => p.id);
  const close = suggest(id, ids);
  throw new UsageError(`unknown protocol '${id}'`, close ? `did you mean '${close}'?` : `protocols in content/: ${ids.join(', ')}`);
}
