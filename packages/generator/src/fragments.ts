import { definitionOf, displayReason, factOfKind, groupOf, type CodeFact, type FactDeclaration, type Protocol, type Reference, type StatusCode } from '@statusbook/core/model';
import { Rendered, type Localized, type Translator } from './i18n.js';
import type { FormatRenderer, Target } from './types.js';
import { to } from './targets.js';
import { classLabel } from './class-label.js';

/**
 * A fact row shown for a code: the rows every protocol has (`class`, `kind`, `status`,
 * `spec`, and `grouping` where the protocol has one) around the ids of the facts its protocol declares.
 */
export type FactKey = string;

/** The parts of a code's pages that depend only on (code, locale, format): rendered once, reused by every page. */
export interface CodeFragments {
  readonly target: Target;
  readonly code: number;
  /** Reason phrase, escaped. */
  readonly reason: string;
  /** `437 Unsupported Credential`, escaped. */
  readonly label: string;
  /** The label as a placeholder value for sentences. */
  readonly labelRendered: Rendered;
  /** A localized gloss of the reason phrase, where the locale has one. */
  readonly gloss?: string;
  /** The gloss as the end of the code's heading (the locale's parentheses), where there is one. */
  readonly headingGloss?: string;
  /** The gloss for the protocol index, where `index.glossed` brackets it. */
  readonly indexGloss?: string;
  readonly formerly: readonly string[];
  /** Short badges: registry status when not current, "renamed" when it has former names. */
  readonly badges: readonly string[];
  /** "Registry status: deprecated." when the code is not current. */
  readonly statusNote?: string;
  readonly summary: string;
  readonly description: string;
  readonly whenYouSeeIt: string;
  readonly howToFix: string;
  /** Who sends it, for sentences: "an origin server, a proxy or a gateway" ('' when nobody does or the protocol has no parties fact). */
  readonly senders: string;
  /** Table-cell values by fact row (a Map: fact ids are any name a protocol declares). */
  readonly facts: ReadonlyMap<FactKey, string>;
  /**
   * "**437 Unsupported Credential**: <what to do>", the code's line under "When to use which":
   * derived from its facts (who sends it, retry or not, which header to read), so it says
   * what the code page's prose does not.
   */
  readonly useWhen: string;
  readonly references: readonly { readonly label: string; readonly href: string }[];
}

/** Which fact rows a protocol shows: its declared facts, in declaration order, between class and kind and the registry rows. */
export function factKeys(protocol: Protocol): FactKey[] {
  // "Kind" (final or not) only tells codes apart where some class is not final (SIP, HTTP);
  // where every class is final (SMTP, DNS, WebSocket, gRPC) the row would say the same everywhere.
  const kind: FactKey[] = protocol.classes.some((c) => !c.final) ? ['kind'] : [];
  return ['class', ...(protocol.grouping ? ['grouping'] : []), ...kind, ...protocol.facts.map((f) => f.id), 'status', 'spec'];
}

/** A row's label: the grouping's own name (content, translated like class names), else the fact's (`factLabel`). */
export function rowLabel(protocol: Protocol, key: FactKey, tr: Translator, format: FormatRenderer): string {
  return key === 'grouping' && protocol.grouping ? tr.renderLabel(tr.content.groupingName(protocol)) : factLabel(tr, format, key);
}

/** The same as plain text. */
export function plainRowLabel(protocol: Protocol, key: FactKey, tr: Translator): string {
  return key === 'grouping' && protocol.grouping ? tr.content.groupingName(protocol).text.source : plainFactLabel(tr, key);
}

/** The UI key of a fact row's label: `fact.<id>`; undefined for a declared fact no ui.json names. */
export function factLabelKey(tr: Translator, key: FactKey): string | undefined {
  return tr.pick([`fact.${key}`]);
}

/** A fact row's label, escaped for the format: its UI string, else the fact's id. */
export function factLabel(tr: Translator, format: FormatRenderer, key: FactKey): string {
  const found = factLabelKey(tr, key);
  return found === undefined ? format.text(key) : tr.sentence(found);
}

/** The same as plain text. */
export function plainFactLabel(tr: Translator, key: FactKey): string {
  const found = factLabelKey(tr, key);
  return found === undefined ? key : tr.plainSentence(found);
}

/**
 * The name of a party (`sender.<value>`, or `senderA.<value>` with its article, for
 * sentences), escaped; the value itself when no ui.json names it.
 */
export function partyName(tr: Translator, format: FormatRenderer, value: string, withArticle: boolean): string {
  const key = tr.pick([`${withArticle ? 'senderA' : 'sender'}.${value}`]);
  return key === undefined ? format.text(value) : tr.sentence(key);
}

/** The parties of a code as alternatives ("an origin server, a proxy or a gateway"). */
export function partyList(tr: Translator, format: FormatRenderer, values: readonly string[], withArticle: boolean): string {
  return tr.orList(values.flatMap((s) => SENDER_PARTS.get(s) ?? [s]).map((s) => partyName(tr, format, s, withArticle)));
}

/** A code's value of its protocol's grouping, "5 Mail system", rendered; undefined when the protocol declares none for its digit. */
export function groupingValueLabel(protocol: Protocol, code: number, tr: Translator): string | undefined {
  const value = protocol.grouping && groupOf(code, protocol.grouping);
  return value && tr.t('groupingLabel', { digit: value.digit, name: new Rendered(tr.renderLabel(tr.content.groupingValue(protocol, value, 'name'))) });
}

/** A code's label, `437 Unsupported Credential`, escaped, and as a placeholder value. */
export interface CodeLabel {
  readonly label: string;
  readonly labelRendered: Rendered;
}

/** Caches fragments per code for one (locale, format). */
export class FragmentCache {
  private readonly cache = new Map<string, CodeFragments>();
  private readonly rows = new Map<string, readonly { readonly key: FactKey; readonly label: string }[]>();

  /** A protocol's fact rows with their localized labels, in table order. */
  factRows(protocol: Protocol): readonly { readonly key: FactKey; readonly label: string }[] {
    let rows = this.rows.get(protocol.id);
    if (!rows) {
      rows = factKeys(protocol).map((key) => ({ key, label: rowLabel(protocol, key, this.translator, this.format) }));
      this.rows.set(protocol.id, rows);
    }
    return rows;
  }

  constructor(
    private readonly format: FormatRenderer,
    private readonly translator: Translator,
  ) {}

  private readonly labels = new Map<string, CodeLabel>();

  /** Just a code's label (pages that list many codes need no more of them). */
  label(protocol: Protocol, code: StatusCode): CodeLabel {
    const key = `${protocol.id}/${code.code}`;
    let hit = this.labels.get(key);
    if (!hit) {
      const label = `${code.code} ${this.format.text(displayReason(code))}`;
      hit = { label, labelRendered: new Rendered(label) };
      this.labels.set(key, hit);
    }
    return hit;
  }

  get(protocol: Protocol, code: StatusCode): CodeFragments {
    const key = `${protocol.id}/${code.code}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = buildFragments(protocol, code, this.format, this.translator);
      this.cache.set(key, hit);
    }
    return hit;
  }
}

function buildFragments(protocol: Protocol, code: StatusCode, format: FormatRenderer, tr: Translator): CodeFragments {
  const reason = format.text(displayReason(code));
  const codeClass = protocol.classes.find((c) => c.id === code.classId);
  const facts = new Map<FactKey, string>();
  facts.set('class', codeClass ? classLabel(tr, protocol, codeClass) : tr.t('classLabel', { id: code.classId, name: new Rendered('') }));
  const grouping = groupingValueLabel(protocol, code.code, tr);
  // A digit the grouping does not name (SMTP 334, 535: second digit 3) says so, rather than an empty cell.
  if (protocol.grouping) facts.set('grouping', grouping ?? tr.t('fact.none'));
  facts.set('kind', tr.sentence(code.final ? (tr.pick(['fact.final'], { context: protocol.exchange }) ?? 'fact.final') : nonFinalKey(tr, 'fact.', protocol)));
  for (const fact of code.facts) {
    const declared = protocol.facts.find((f) => f.id === fact.id);
    if (declared) facts.set(fact.id, factCell(fact, declared, protocol, format, tr));
  }
  facts.set('status', tr.t(`status.${code.status}`));
  const definition = definitionOf(code);
  facts.set('spec', definition ? referenceLabel(definition, tr) : tr.t('fact.none'));
  const label = `${code.code} ${reason}`;
  const parties = factOfKind(code, 'parties');
  const senders = parties ? partyList(tr, format, parties.values, true) : '';
  const summary = tr.render(tr.content.code(code, 'summary'));
  const gloss = tr.content.reasonGloss(code);
  const badges = [
    ...(code.status === 'current' ? [] : [tr.t(`status.${code.status}`)]),
    ...(code.formerReasons.length > 0 ? [tr.t('code.renamed')] : []),
  ];
  return {
    target: to.code(tr.locale, protocol.id, code.code),
    code: code.code,
    reason,
    label,
    labelRendered: new Rendered(label),
    ...(gloss ? glosses(gloss, tr) : {}),
    formerly: code.formerReasons.map((f) => tr.t('code.formerly', { reason: f.reason, rfc: f.rfc })),
    badges,
    ...(code.status === 'current' ? {} : { statusNote: tr.t('code.statusNote', { status: new Rendered(tr.t(`status.${code.status}`)) }) }),
    summary,
    description: tr.render(tr.content.code(code, 'description')),
    whenYouSeeIt: tr.render(tr.content.code(code, 'whenYouSeeIt')),
    howToFix: tr.render(tr.content.code(code, 'howToFix')),
    senders,
    facts,
    useWhen: tr.t('compare.codeSummary', { code: new Rendered(format.strong(label)), summary: new Rendered(action(protocol, code, senders, format, tr)) }),
    references: referencesOf(code).map((r) => ({ label: referenceLabel(r, tr), href: format.url(referenceUrl(r)) })),
  };
}

/**
 * The sentence for a non-final code in the protocol's word for it: `<prefix>provisional`,
 * `<prefix>interim` or `<prefix>intermediate`, in the protocol's exchange form where there is one.
 */
function nonFinalKey(tr: Translator, prefix: string, protocol: Protocol): string {
  const key = `${prefix}${protocol.nonFinal}`;
  return tr.pick([key, `${prefix}provisional`], { context: protocol.exchange }) ?? key;
}

/** A fact's value as a table cell, by its kind. */
function factCell(fact: CodeFact, declared: FactDeclaration, protocol: Protocol, format: FormatRenderer, tr: Translator): string {
  switch (fact.kind) {
    case 'parties':
      // Any one of them may send it: a list of alternatives.
      return fact.values.length === 0 ? tr.t('fact.noSender') : partyList(tr, format, fact.values, false);
    case 'retry':
      return tr.sentence(tr.pick([`retry.${fact.value}`], { context: protocol.exchange }) ?? `retry.${fact.value}`);
    case 'tokens':
      return fact.values.length > 0 ? tr.list(fact.values.map((v) => format.code(v))) : emptyTokens(tr, declared, protocol);
    case 'flag':
      return tr.t(fact.value ? 'fact.yes' : 'fact.no');
  }
}

/** What an empty token list shows: "none", or "any method" (`fact.<id>Any`, else the exchange's "any ..."). */
export function emptyTokens(tr: Translator, declared: FactDeclaration, protocol: Protocol): string {
  if (declared.empty === 'none') return tr.t('fact.none');
  return tr.sentence(tr.pick([`fact.${declared.id}Any`, 'fact.anyMethod'], { context: protocol.exchange }) ?? 'fact.anyMethod');
}

/** A code's references, then those of its other names that it does not list already. */
function referencesOf(code: StatusCode): Reference[] {
  const out = [...code.references];
  for (const ref of code.alsoNamed.flatMap((a) => a.references)) {
    if (!out.some((r) => referenceUrl(r) === referenceUrl(ref))) out.push(ref);
  }
  return out;
}

/** "RFC 8224, section 6.2.2", or a document's title (with its section), escaped by the translator. */
export function referenceLabel(ref: Reference, tr: Translator): string {
  if ('url' in ref) return ref.section ? tr.t('documentSection', { title: ref.title, section: ref.section }) : tr.t('document', { title: ref.title });
  return ref.section ? tr.t('rfcSection', { rfc: ref.rfc, section: ref.section }) : tr.t('rfc', { rfc: ref.rfc });
}

/** Where a reference links: a document's own URL, or the RFC Editor's page of an RFC. */
export function referenceUrl(ref: Reference): string {
  return 'url' in ref ? ref.url : rfcUrl(ref);
}

/** The RFC Editor's page for a reference, at its section when there is one. */
export function rfcUrl(ref: Extract<Reference, { rfc: number }>): string {
  const base = `https://www.rfc-editor.org/rfc/rfc${ref.rfc}`;
  if (!ref.section) return base;
  return /^[A-Z]/.test(ref.section) ? `${base}#appendix-${ref.section}` : `${base}#section-${ref.section}`;
}

// A sender that stands for several kinds of element, named one by one in sentences
// ("an origin server, a proxy or a gateway").
// A Map: sender names are any token a protocol declares, `constructor` included.
const SENDER_PARTS: ReadonlyMap<string, readonly string[]> = new Map([['intermediary', ['proxy', 'gateway']]]);

/**
 * What a client does after this code, from its facts: who sent it (`act.*`; `next.*` in a
 * protocol with no parties fact), retry or not, which tokens to read. Sentence forms follow
 * the protocol's exchange (`act.never_command`).
 */
function action(protocol: Protocol, code: StatusCode, sendersList: string, format: FormatRenderer, tr: Translator): string {
  const context = protocol.exchange;
  const parties = factOfKind(code, 'parties');
  const nobody = parties !== undefined && parties.values.length === 0;
  if (nobody && code.status !== 'current') return tr.sentence(tr.pick(['act.unused'], { context }) ?? 'act.unused');
  // A current code nobody sends (WebSocket 1006, reported by the API) says what to do, not who sent it.
  const prefix = parties && !nobody ? 'act.' : 'next.';
  const senders = new Rendered(sendersList);
  const retry = factOfKind(code, 'retry');
  const step = !code.final ? nonFinalKey(tr, prefix, protocol) : retry ? `${prefix}${retry.value}` : `${prefix}final`;
  let out = tr.sentence(tr.pick([step], { context }) ?? step, { senders });
  // Tokens the code carries (a fact with no vocabulary, such as header fields): what to read next.
  for (const fact of code.facts) {
    const declared = protocol.facts.find((f) => f.id === fact.id);
    if (fact.kind !== 'tokens' || fact.values.length === 0 || !declared || declared.of !== undefined) continue;
    const count = fact.values.length;
    const key = tr.pick([`act.${fact.id}`, 'act.tokens'], { context, count });
    if (key === undefined) continue;
    const tokens = new Rendered(tr.list(fact.values.map((h) => format.code(h))));
    const read = tr.sentence(key, { [fact.id]: tokens, tokens, fact: new Rendered(factLabel(tr, format, fact.id)), count });
    out = tr.t('compare.twoSentences', { first: new Rendered(out), second: new Rendered(read) });
  }
  return out;
}

/** The gloss as a fact, and in brackets after the heading and in the index. */
function glosses(gloss: Localized, tr: Translator): { gloss: string; headingGloss: string; indexGloss: string } {
  const bare = tr.render(unbracketed(gloss));
  return { gloss: tr.render(gloss), headingGloss: tr.t('code.headingGloss', { gloss: new Rendered(bare) }), indexGloss: bare };
}

/**
 * A gloss without the brackets that wrap all of it ("(Không sử dụng)" for "(Unused)"): the
 * heading and the index put the gloss in brackets of their own.
 */
export function unbracketed(gloss: Localized): Localized {
  const [only] = gloss.text.nodes;
  if (gloss.text.nodes.length !== 1 || only?.type !== 'text') return gloss;
  const m = /^\s*[(（]([^()（）]*)[)）]\s*$/.exec(only.value);
  return m ? { ...gloss, text: { source: m[1]!, nodes: [{ type: 'text', value: m[1]! }] } } : gloss;
}
