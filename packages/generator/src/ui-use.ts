// Which UI strings a build's protocols can use. Most are used by every build; the sentences
// chosen by a protocol's declaration (issue 22) only when a protocol declares what they are
// for: an exchange form (`act.never_command`) when a protocol has that exchange, a fact's own
// sentence when a protocol declares that fact, a kind's sentence when a fact of that kind has
// none of its own. Translation coverage (`i18n status`, `minTranslated`) counts only these, so
// a string written for a protocol the content does not have yet lowers no locale's coverage.
import type { FactDeclaration, FactKind, Protocol, Reference } from '@statusbook/core/model';

/** When a declaration-driven key is used, given one protocol and whether English has a key. */
type Use = (protocol: Protocol, english: (key: string) => boolean) => boolean;

const declares = (id: string): Use => (p) => p.facts.some((f) => f.id === id);
/** A fact of this kind with no sentence of its own (`own` names that key). */
const kindWithout = (kind: FactKind, own: (f: FactDeclaration) => string, also: (f: FactDeclaration) => boolean = () => true): Use => (p, english) =>
  p.facts.some((f) => f.kind === kind && also(f) && !english(own(f)));
const hasKind = (p: Protocol, kind: FactKind) => p.facts.some((f) => f.kind === kind);
const intermediate: Use = (p) => p.nonFinal === 'intermediate';
const grouping: Use = (p) => p.grouping !== undefined;
const ranges: Use = (p) => p.ranges.length > 0;
const equivalents: Use = (p) => p.codes.some((c) => c.equivalents.length > 0);
const isDocument = (r: Reference) => 'url' in r;
const documents: Use = (p) =>
  p.references.some(isDocument) || p.codes.some((c) => c.references.some(isDocument) || c.alsoNamed.some((a) => a.references.some(isDocument)));
const noRetry: Use = (p) => !hasKind(p, 'retry');

const USES: ReadonlyMap<string, Use> = new Map<string, Use>([
  ['compare.leadFinalityIntermediate', intermediate],
  ['contrast.finalityIntermediate', intermediate],
  ['fact.intermediate', intermediate],
  ['act.intermediate', intermediate],
  ['compare.leadOutcomeNoRetry', noRetry],
  ['compare.leadClassNoRetry', noRetry],
  ['compare.leadSameNoRetry', noRetry],
  ['act.final', (p) => hasKind(p, 'parties') && !hasKind(p, 'retry')],
  ['contrast.parties', kindWithout('parties', (f) => `contrast.${f.id}`)],
  ['contrast.flag', kindWithout('flag', (f) => `contrast.${f.id}`)],
  ['contrast.tokens', kindWithout('tokens', (f) => `contrast.${f.id}`, (f) => f.empty === 'any')],
  ['contrast.tokensBoth', kindWithout('tokens', (f) => `contrast.${f.id}Both`, (f) => f.empty === 'none')],
  ['contrast.tokensOne', kindWithout('tokens', (f) => `contrast.${f.id}One_other`, (f) => f.empty === 'none')],
  ['act.tokens', kindWithout('tokens', (f) => `act.${f.id}_other`, (f) => f.of === undefined)],
  // Strings of facts that SMTP, DNS and WebSocket declare.
  ['fact.commands', declares('commands')],
  ['fact.commandsAny', declares('commands')],
  ['contrast.commands', declares('commands')],
  ['fact.enhanced', declares('enhanced')],
  ['act.enhanced', declares('enhanced')],
  ['contrast.enhancedBoth', declares('enhanced')],
  ['contrast.enhancedOne', declares('enhanced')],
  ['fact.requires', declares('requires')],
  ['contrast.requiresBoth', declares('requires')],
  ['contrast.requiresOne', declares('requires')],
  ['fact.onTheWire', declares('onTheWire')],
  ['contrast.onTheWire', declares('onTheWire')],
  // Document references, groupings, ranges and equivalents.
  ['document', documents],
  ['documentSection', documents],
  ['contrast.definedIn', documents],
  ['groupingLabel', grouping],
  ['contrast.grouping', grouping],
  ['rangeLabel', ranges],
  ['protocol.ranges', ranges],
  ['equivalent.heading', equivalents],
  ['equivalent.same-meaning', equivalents],
  ['equivalent.maps-to', equivalents],
  ['equivalent.maps-from', equivalents],
  // Names of parties of WebSocket and gRPC.
  ...['client', 'server', 'endpoint', 'application', 'library'].flatMap((v): [string, Use][] => {
    const used: Use = (p) => p.vocabularies.some((voc) => voc.values.includes(v));
    return [[`sender.${v}`, used], [`senderA.${v}`, used]];
  }),
]);

const PLURAL = /_(zero|one|two|few|many|other)$/;
const EXCHANGE = /_(request|command|query|call|connection)$/;

/** Whether a build of these protocols can show the UI string `key` (see above). */
export function uiKeyUsed(key: string, protocols: readonly Protocol[], english: ReadonlyMap<string, string>): boolean {
  const base = key.replace(PLURAL, '');
  const exchange = EXCHANGE.exec(base)?.[1];
  if (exchange !== undefined && !protocols.some((p) => p.exchange === exchange)) return false;
  const stem = base.replace(EXCHANGE, '');
  // The forms of "what to do" for a protocol with no parties fact.
  if (stem.startsWith('next.')) return protocols.some((p) => !hasKind(p, 'parties'));
  const use = USES.get(stem);
  const has = (k: string) => english.has(k);
  return use === undefined || protocols.some((p) => use(p, has));
}
