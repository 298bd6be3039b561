import { definitionOf, displayReason, groupOf, type Protocol, type Reference, type StatusCode } from '@statusbook/core/model';
import { Rendered, type Localized, type Translator } from './i18n.js';
import type { FormatRenderer, Target } from './types.js';
import { to } from './targets.js';

/** The fact rows shown for a code, in table order. */
export type FactKey = 'class' | 'grouping' | 'kind' | 'senders' | 'retry' | 'headers' | 'methods' | 'cacheable' | 'status' | 'spec';

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
  /** Who sends it, for sentences: "an origin server, a proxy or a gateway" ('' when nobody does). */
  readonly senders: string;
  /** Table-cell values by fact. */
  readonly facts: Readonly<Partial<Record<FactKey, string>>>;
  /**
   * "**437 Unsupported Credential**: <what to do>", the code's line under "When to use which":
   * derived from its facts (who sends it, retry or not, which header to read), so it says
   * what the code page's prose does not.
   */
  readonly useWhen: string;
  readonly references: readonly { readonly label: string; readonly href: string }[];
}

/** Which facts a protocol shows: `cacheable` only where the protocol has caching. */
export function factKeys(protocol: Protocol): FactKey[] {
  const keys: FactKey[] = ['class', ...(protocol.grouping ? (['grouping'] as const) : []), 'kind', 'senders', 'retry', 'headers', 'methods'];
  if (protocol.cacheable) keys.push('cacheable');
  keys.push('status', 'spec');
  return keys;
}

/** A fact row's label: the grouping's own name (content, translated like class names), else the UI string. */
export function factLabel(protocol: Protocol, key: FactKey, tr: Translator): string {
  return key === 'grouping' ? tr.renderLabel(tr.content.groupingName(protocol)) : tr.t(`fact.${key}`);
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
      rows = factKeys(protocol).map((key) => ({ key, label: factLabel(protocol, key, this.translator) }));
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
  const tokens = (values: readonly string[], empty: string): string =>
    values.length === 0 ? tr.t(empty) : tr.list(values.map((v) => format.code(v)));
  const facts: Partial<Record<FactKey, string>> = {};
  for (const key of factKeys(protocol)) {
    switch (key) {
      case 'class':
        facts.class = tr.t('classLabel', { id: code.classId, name: new Rendered(codeClass ? tr.renderLabel(tr.content.className(protocol, codeClass)) : '') });
        break;
      case 'grouping': {
        const value = groupingValueLabel(protocol, code.code, tr);
        if (value !== undefined) facts.grouping = value;
        break;
      }
      case 'kind':
        facts.kind = tr.t(code.final ? 'fact.final' : protocol.nonFinal === 'interim' ? 'fact.interim' : 'fact.provisional');
        break;
      case 'senders':
        // Any one of them may send it: a list of alternatives.
        facts.senders = code.senders.length === 0 ? tr.t('fact.noSender') : tr.orList(code.senders.flatMap((s) => SENDER_PARTS.get(s) ?? [s]).map((s) => tr.t(`sender.${s}`)));
        break;
      case 'retry':
        facts.retry = tr.t(`retry.${code.retry}`);
        break;
      case 'headers':
        facts.headers = tokens(code.headers, 'fact.none');
        break;
      case 'methods':
        facts.methods = tokens(code.methods, 'fact.anyMethod');
        break;
      case 'cacheable':
        facts.cacheable = tr.t(code.cacheable ? 'fact.yes' : 'fact.no');
        break;
      case 'status':
        facts.status = tr.t(`status.${code.status}`);
        break;
      case 'spec': {
        const definition = definitionOf(code);
        facts.spec = definition ? referenceLabel(definition, tr) : tr.t('fact.none');
        break;
      }
    }
  }
  const label = `${code.code} ${reason}`;
  const senders = tr.orList(code.senders.flatMap((s) => SENDER_PARTS.get(s) ?? [s]).map((s) => tr.t(`senderA.${s}`)));
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

/** What a client does after this code, from its facts: who sent it, retry or not, which header to read. */
function action(protocol: Protocol, code: StatusCode, sendersList: string, format: FormatRenderer, tr: Translator): string {
  if (code.senders.length === 0) return tr.t('act.unused');
  const senders = new Rendered(sendersList);
  const next = !code.final
    ? tr.t(protocol.nonFinal === 'interim' ? 'act.interim' : 'act.provisional', { senders })
    : tr.t(`act.${code.retry}`, { senders });
  if (code.headers.length === 0) return next;
  const read = tr.t('act.headers', { headers: new Rendered(tr.list(code.headers.map((h) => format.code(h)))), count: code.headers.length });
  return tr.t('compare.twoSentences', { first: new Rendered(next), second: new Rendered(read) });
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
