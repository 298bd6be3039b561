import { displayReason, suggest, type Protocol } from '@statusbook/core';
import { parseFlags } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { projectAt } from '../project.js';
import { formatTable } from '../table.js';
import type { Command } from './types.js';
import { loadAndReport, resolveFrom } from './validate.js';

export const list: Command = {
  help: `Usage: statusbook list <protocol> [--json] [--root <dir>]

Prints every code of a protocol, in numeric order: code, registered reason phrase (with its
other registered names, "BADVERS / BADSIG"), registry status and the names it had before.

Options:
  --json         print JSON: [{ "code", "reason", "alsoNamed", "status", "formerReasons" }]
  --root <dir>   project folder holding content/ (default: .)
  -h, --help     show this help

Examples:
  statusbook list sip
  statusbook list http --json

Exit codes: 0 ok, 1 content errors, 2 bad usage (such as an unknown protocol).`,
  async run(argv, io) {
    const { values, positionals } = parseFlags('list', argv, {
      json: { type: 'boolean', default: false },
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
      }));
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows = protocol.codes.map((c) => [
      String(c.code),
      displayReason(c),
      c.status,
      c.formerReasons.map((f) => `${f.reason} (renamed by RFC ${f.rfc})`).join('; '),
    ]);
    io.stdout.write(formatTable(['Code', 'Reason', 'Status', 'Formerly'], rows));
    io.stdout.write(`\n${protocol.codes.length} ${protocol.name} codes\n`);
    return EXIT.ok;
  },
};

/** The protocol with this id; an unknown id is a usage error naming the ones there are. */
export function findProtocol(protocols: readonly Protocol[], id: string): Protocol {
  const protocol = protocols.find((p) => p.id === id.toLowerCase());
  if (protocol) return protocol;
  const ids = protocols.map((p) => p.id);
  const close = suggest(id, ids);
  throw new UsageError(`unknown protocol '${id}'`, close ? `did you mean '${close}'?` : `protocols in content/: ${ids.join(', ')}`);
}
