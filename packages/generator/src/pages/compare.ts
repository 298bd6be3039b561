import { displayReason, leadOf, pairSlug, retryOf, type Contrast, type Pair, type Protocol, type StatusCode } from '@statusbook/core/model';
import { emptyTokens, factLabel, partyList, referenceLabel, type CodeFragments } from '../fragments.js';
import { Rendered } from '../i18n.js';
import { indexOf } from '../protocol-index.js';
import { to } from '../targets.js';
import { renderedToPlain } from '../page-meta.js';
import { plainText } from './badge-text.js';
import { pairCardView } from './cards.js';
import { protocolCrumbs, type PageModule, type RenderEnv } from './types.js';

/** How many related comparisons a compare page links to. */
const RELATED = 8;

/** The comparison page of a pair of codes, canonical order (lower code first). */
export const comparePage: PageModule<'compare'> = {
  target: (page) => to.compare(page.locale, page.protocol.id, page.pair.slug),

  title: (page, env) => compareTitle(page.pair, env),

  description(page, env) {
    const { protocol, pair } = page;
    const { translator: tr, fragments } = env;
    if (pair.kind === 'curated') return plainText(tr.content.pairText(protocol, pair.notes, 'difference').text);
    return renderedToPlain(leadSentence(pair, fragments.get(protocol, pair.low), fragments.get(protocol, pair.high), env));
  },

  view(page, env) {
    const { protocol, pair, locale } = page;
    const { translator: tr, fragments, format } = env;
    const low = fragments.get(protocol, pair.low);
    const high = fragments.get(protocol, pair.high);
    const contrasts = phraseContrasts(pair, low, high, env);
    const notes =
      pair.kind === 'curated'
        ? {
            difference: tr.render(tr.content.pairText(protocol, pair.notes, 'difference')),
            whenToUse: tr.render(tr.content.pairText(protocol, pair.notes, 'whenToUse')),
            scenario: tr.render(tr.content.pairText(protocol, pair.notes, 'scenario')),
          }
        : undefined;
    const glance = fragments.factRows(protocol).map(({ key, label }) => ({ label, low: low.facts.get(key), high: high.facts.get(key), differs: low.facts.get(key) !== high.facts.get(key) }));
    return {
      title: tr.t('compare.title', { protocol: protocol.name, low: low.labelRendered, high: high.labelRendered }),
      protocolName: format.text(protocol.name),
      // The first sentence: what each code means and the difference that decides what to do.
      summary: notes?.difference ?? leadSentence(pair, low, high, env),
      low,
      high,
      useWhen: [low.useWhen, high.useWhen],
      glance,
      // Points at the table's differing rows rather than saying them again.
      differIn: differIn(glance, env),
      // Each contrast as a sentence, for data formats; the pages show the table and differIn.
      contrasts,
      notes,
      related: related(locale, protocol, pair, env),
      references: [...low.references, ...high.references.filter((r) => !low.references.some((l) => l.href === r.href))],
    };
  },

  views: { embed: pairCardView },

  frontMatter: (page) => ({ kind: 'compare', protocol: page.protocol.id, codes: [page.pair.low.code, page.pair.high.code] }),
  breadcrumbs: (page, env) => [
    ...protocolCrumbs(page.locale, page.protocol, env),
    { label: env.translator.t('compareIndex.short'), target: to.compareIndex(page.locale, page.protocol.id) },
  ],
};

/** The plain-text title of a pair: `200 OK vs 437 Unsupported Credential`. */
export function compareTitle(pair: Pair, env: RenderEnv): string {
  return pairTitle(pair.protocol, pair.low, pair.high, env);
}

/** The same from the protocol's id and the two codes (low first), with no pair made. */
export function pairTitle(protocol: string, low: StatusCode, high: StatusCode, env: RenderEnv): string {
  return env.translator.plain('compare.title', {
    protocol: env.protocols.find((p) => p.id === protocol)?.name ?? protocol,
    low: `${low.code} ${displayReason(low)}`,
    high: `${high.code} ${displayReason(high)}`,
  });
}

/** Other comparisons of either code: curated ones first, then each code's neighbours. */
function related(locale: string, protocol: Protocol, pair: Pair, env: RenderEnv) {
  const { translator: tr, fragments } = env;
  const pairs: [number, number][] = [];
  const add = (a: number, b: number) => {
    if (a === b || (a === pair.low.code && b === pair.high.code) || (b === pair.low.code && a === pair.high.code)) return;
    if (!pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) pairs.push([a, b]);
  };
  const { byCode, position, curatedOf } = indexOf(protocol);
  for (const code of [pair.low, pair.high]) {
    for (const n of curatedOf.get(code.code) ?? []) add(n.low, n.high);
  }
  for (const code of env.pairs === 'all' ? [pair.low, pair.high] : []) {
    const at = position.get(code.code)!;
    for (const neighbour of [protocol.codes[at - 1], protocol.codes[at + 1]]) {
      if (neighbour?.classId === code.classId) add(code.code, neighbour.code);
    }
  }
  return pairs.slice(0, RELATED).map(([a, b]) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    return {
      target: to.compare(locale, protocol.id, pairSlug(x, y)),
      label: tr.t('compare.vs', {
        low: fragments.label(protocol, byCode.get(x)!).labelRendered,
        high: fragments.label(protocol, byCode.get(y)!).labelRendered,
      }),
    };
  });
}

/** The protocol a pair belongs to. */
function protocolOf(pair: Pair, env: RenderEnv): Protocol | undefined {
  return env.protocols.find((p) => p.id === pair.protocol);
}

/**
 * The key of a sentence in its protocol's exchange form (`compare.leadOutcome_command`),
 * after the forms named first (`contrast.headersBoth` before `contrast.tokensBoth`);
 * the last key when no form is found.
 */
function formOf(env: RenderEnv, protocol: Protocol | undefined, keys: readonly string[], count?: number): string {
  const options = { ...(protocol ? { context: protocol.exchange } : {}), ...(count === undefined ? {} : { count }) };
  return env.translator.pick(keys, options) ?? keys[keys.length - 1]!;
}

/** Where a sentence differs by the protocol's word for a non-final code: the key's suffix per term. */
const NON_FINAL_FORM = { provisional: '', interim: 'Interim', intermediate: 'Intermediate' } as const;

/** The first sentence of a derived comparison, turning on the difference that decides what to do (`leadOf`). */
export function leadSentence(pair: Pair, low: CodeFragments, high: CodeFragments, env: RenderEnv): string {
  const { translator: tr, format } = env;
  const protocol = protocolOf(pair, env);
  const strong = (f: CodeFragments) => new Rendered(format.strong(f.label));
  // A protocol with no retry fact has leads without the next step (`...NoRetry` forms).
  const hasRetry = retryOf(pair.low) !== undefined;
  const bare = hasRetry ? '' : 'NoRetry';
  const retry = (code: Pair['low']) => {
    const value = retryOf(code);
    return new Rendered(value === undefined ? '' : tr.sentence(formOf(env, protocol, [`retry.${value}`])));
  };
  const lead = leadOf(pair.low, pair.high);
  switch (lead.kind) {
    case 'finality': {
      const [final, provisional] = lead.final === pair.low.code ? [low, high] : [high, low];
      const form = NON_FINAL_FORM[protocol?.nonFinal ?? 'provisional'];
      const key = formOf(env, protocol, [`compare.leadFinality${form}`, 'compare.leadFinality']);
      return tr.sentence(key, { provisional: strong(provisional), interim: strong(provisional), intermediate: strong(provisional), final: strong(final) });
    }
    case 'outcome': {
      const [success, other, otherCode] = lead.success === pair.low.code ? [low, high, pair.high] : [high, low, pair.low];
      return tr.sentence(formOf(env, protocol, [`compare.leadOutcome${bare}`]), { success: strong(success), other: strong(other), otherRetry: retry(otherCode) });
    }
    case 'retry':
      return tr.sentence(formOf(env, protocol, ['compare.leadRetry']), {
        low: strong(low),
        high: strong(high),
        lowCode: pair.low.code,
        highCode: pair.high.code,
        lowRetry: retry(pair.low),
        highRetry: retry(pair.high),
      });
    case 'class':
      return tr.sentence(formOf(env, protocol, [`compare.leadClass${bare}`]), {
        low: strong(low),
        high: strong(high),
        lowCode: pair.low.code,
        highCode: pair.high.code,
        retry: retry(pair.low),
        lowClass: new Rendered(low.facts.get('class') ?? ''),
        highClass: new Rendered(high.facts.get('class') ?? ''),
      });
    case 'same':
      return tr.sentence(formOf(env, protocol, [`compare.leadSame${bare}`]), { low: strong(low), high: strong(high), class: new Rendered(low.facts.get('class') ?? ''), retry: retry(pair.low) });
  }
}

/** "Of the facts above, “Retry” and “Header fields” differ.", or that none does. */
export function differIn(glance: readonly { label: string; differs: boolean }[], env: RenderEnv): string {
  const { translator: tr } = env;
  const rows = glance.filter((r) => r.differs);
  if (rows.length === 0) return tr.t('compare.noDifferences');
  const facts = new Rendered(tr.list(rows.map((r) => tr.t('compare.factName', { fact: new Rendered(r.label) }))));
  return tr.t('compare.differIn', { facts, count: rows.length });
}

/** The pair's contrasts, each as a whole localized sentence. */
export function phraseContrasts(pair: Pair, low: CodeFragments, high: CodeFragments, env: RenderEnv): string[] {
  return pair.contrasts.map((c) => phrase(c, pair, low, high, env));
}

/** One contrast as a whole localized sentence. */
function phrase(c: Contrast, pair: Pair, low: CodeFragments, high: CodeFragments, env: RenderEnv): string {
  const { translator: tr, format } = env;
  const protocol = protocolOf(pair, env);
  const tokens = (values: readonly string[]) => new Rendered(tr.list(values.map((v) => format.code(v))));
  const lowCode = pair.low.code;
  const highCode = pair.high.code;
  switch (c.kind) {
    case 'class':
      return tr.t('contrast.class', { low: lowCode, high: highCode, lowClass: c.low, highClass: c.high });
    case 'finality': {
      // Each protocol's own word for a non-final code: SIP "provisional", HTTP "interim".
      const key = formOf(env, protocol, [`contrast.finality${NON_FINAL_FORM[protocol?.nonFinal ?? 'provisional']}`, 'contrast.finality']);
      return tr.sentence(key, { final: c.finalCode, provisional: c.provisionalCode, interim: c.provisionalCode, intermediate: c.provisionalCode });
    }
    case 'status':
      return tr.t('contrast.status', { low: lowCode, high: highCode, lowStatus: new Rendered(tr.t(`status.${c.low}`)), highStatus: new Rendered(tr.t(`status.${c.high}`)) });
    case 'spec':
      return tr.t('contrast.spec', { low: lowCode, high: highCode, lowRfc: c.low, highRfc: c.high });
    case 'definedIn':
      return tr.t('contrast.definedIn', { low: lowCode, high: highCode, lowSpec: new Rendered(referenceLabel(c.low, tr)), highSpec: new Rendered(referenceLabel(c.high, tr)) });
    case 'grouping': {
      return tr.t('contrast.grouping', {
        low: lowCode,
        high: highCode,
        grouping: new Rendered(protocol ? tr.renderLabel(tr.content.groupingName(protocol)) : ''),
        lowValue: new Rendered(low.facts.get('grouping') ?? ''),
        highValue: new Rendered(high.facts.get('grouping') ?? ''),
      });
    }
    default:
      return phraseFact(c, pair, low, high, env, protocol, tokens);
  }
}

type FactContrast = Extract<Contrast, { fact: string }>;

const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * A contrast of a declared fact: the fact's own sentence where ui.json has one
 * (`contrast.senders`, `contrast.headersBoth`), else its kind's (`contrast.parties`,
 * `contrast.tokensBoth`) with the fact's label. Placeholders are passed under both names
 * (`lowSenders` and `lowValues`).
 */
function phraseFact(
  c: FactContrast,
  pair: Pair,
  low: CodeFragments,
  high: CodeFragments,
  env: RenderEnv,
  protocol: Protocol | undefined,
  tokens: (values: readonly string[]) => Rendered,
): string {
  const { translator: tr, format } = env;
  const lowCode = pair.low.code;
  const highCode = pair.high.code;
  const id = c.fact;
  const Id = capitalized(id);
  const Kind = capitalized(c.kind);
  const fact = new Rendered(factLabel(tr, format, id));
  // Under the kind's names (`lowValues`; `lowRetry` for `contrast.retry`) and the fact's own (`lowSenders`).
  const both = (lowValue: Rendered, highValue: Rendered) => ({
    low: lowCode,
    high: highCode,
    fact,
    lowValues: lowValue,
    highValues: highValue,
    [`low${Kind}`]: lowValue,
    [`high${Kind}`]: highValue,
    [`low${Id}`]: lowValue,
    [`high${Id}`]: highValue,
  });
  switch (c.kind) {
    case 'parties':
      return tr.sentence(formOf(env, protocol, [`contrast.${id}`, 'contrast.parties']), both(new Rendered(partyList(tr, format, c.low, true)), new Rendered(partyList(tr, format, c.high, true))));
    case 'retry':
      return tr.sentence(formOf(env, protocol, [`contrast.${id}`, 'contrast.retry']), both(new Rendered(low.facts.get(id) ?? ''), new Rendered(high.facts.get(id) ?? '')));
    case 'flag':
      return tr.sentence(formOf(env, protocol, [`contrast.${id}`, 'contrast.flag']), { fact, [id]: c.trueCode, yes: c.trueCode, other: c.falseCode });
    case 'tokens': {
      const declared = protocol?.facts.find((f) => f.id === id);
      if (declared?.empty === 'any') {
        // A list that limits where a code applies ("any method" when empty): both lists in full.
        const cell = (values: readonly string[]) => (values.length > 0 ? tokens(values) : new Rendered(emptyTokens(tr, declared, protocol!)));
        return tr.sentence(formOf(env, protocol, [`contrast.${id}`, 'contrast.tokens']), both(cell(c.low), cell(c.high)));
      }
      // A list of what a code carries: what only one of them has.
      if (c.onlyLow.length > 0 && c.onlyHigh.length > 0) {
        return tr.sentence(formOf(env, protocol, [`contrast.${id}Both`, 'contrast.tokensBoth']), both(tokens(c.onlyLow), tokens(c.onlyHigh)));
      }
      const [only, code, other] = c.onlyLow.length > 0 ? [c.onlyLow, lowCode, highCode] : [c.onlyHigh, highCode, lowCode];
      const key = formOf(env, protocol, [`contrast.${id}One`, 'contrast.tokensOne'], only.length);
      return tr.sentence(key, { fact, code, other, [id]: tokens(only), tokens: tokens(only), count: only.length });
    }
  }
}
