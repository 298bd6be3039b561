// The placeholders each UI sentence may use: the arguments the code passes for its key.
// `ui.json` is checked against this table when it is loaded (an unknown placeholder is a
// positioned error), and `Translator.t` takes exactly these arguments (a type error else).

/** Argument names by key (plural keys without their `_one`/`_other`... suffix). */
export const UI_ARGS = {
  'home.protocolHeading': ['protocol', 'title'],
  'home.codeCount': ['count', 'protocol'],
  'home.pairCount': ['count'],
  'home.browse': ['protocol'],
  'home.compare': ['protocol'],
  'home.stats': ['codes', 'pairs'],
  // The Downloads page, written by `statusbook bundle` (cli/src/bundle/downloads.ts).
  'downloads.made': ['version', 'hash'],
  'downloads.verify': ['command'],
  'downloads.list': ['file'],
  'protocol.title': ['protocol'],
  'protocol.registry': ['registry'],
  'compareIndex.title': ['protocol'],
  'compareIndex.intro': ['count', 'protocol'],
  'code.title': ['protocol', 'label'],
  'code.formerly': ['reason', 'rfc'],
  'code.statusNote': ['status'],
  'code.headingGloss': ['gloss'],
  'code.compareInClass': ['class', 'count'],
  'compare.title': ['protocol', 'low', 'high'],
  'compare.vs': ['low', 'high'],
  'compare.codeSummary': ['code', 'summary'],
  'compare.leadFinality': ['provisional', 'final'],
  'compare.leadFinalityInterim': ['interim', 'final'],
  'compare.leadOutcome': ['success', 'other', 'otherRetry'],
  'compare.leadRetry': ['low', 'high', 'lowCode', 'highCode', 'lowRetry', 'highRetry'],
  'compare.leadClass': ['low', 'high', 'lowCode', 'highCode', 'retry', 'lowClass', 'highClass'],
  'compare.leadSame': ['low', 'high', 'class', 'retry'],
  // Forms for a protocol whose codes are not followed by a retry (no retry fact).
  'compare.leadFinalityIntermediate': ['intermediate', 'final'],
  'compare.leadOutcomeNoRetry': ['success', 'other'],
  'compare.leadClassNoRetry': ['low', 'high', 'lowCode', 'highCode', 'lowClass', 'highClass'],
  'compare.leadSameNoRetry': ['low', 'high', 'class'],
  'compare.differIn': ['facts', 'count'],
  'compare.factName': ['fact'],
  'compare.twoSentences': ['first', 'second'],
  'act.provisional': ['senders'],
  'act.interim': ['senders'],
  'act.not-needed': ['senders'],
  'act.never': ['senders'],
  'act.after-delay': ['senders'],
  'act.with-changes': ['senders'],
  'act.elsewhere': ['senders'],
  'act.intermediate': ['senders'],
  'act.final': ['senders'],
  'act.headers': ['headers', 'count'],
  // A declared fact's own sentence takes its id as the placeholder; its kind's takes `fact`
  // (the fact's label) and `tokens` (see fragments.ts, pages/compare.ts).
  'act.tokens': ['fact', 'tokens', 'count'],
  'act.enhanced': ['enhanced', 'count'],
  'book.title': ['protocol'],
  'embed.badgeTitle': ['protocol', 'label', 'gloss'],
  'redirect.title': ['protocol', 'low', 'high'],
  classLabel: ['id', 'name'],
  rfc: ['rfc'],
  rfcSection: ['rfc', 'section'],
  document: ['title'],
  documentSection: ['title', 'section'],
  'contrast.class': ['low', 'high', 'lowClass', 'highClass'],
  'contrast.finality': ['final', 'provisional'],
  'contrast.finalityInterim': ['final', 'interim'],
  'contrast.senders': ['low', 'high', 'lowSenders', 'highSenders'],
  'contrast.retry': ['low', 'high', 'lowRetry', 'highRetry'],
  'contrast.headersBoth': ['low', 'high', 'lowHeaders', 'highHeaders'],
  'contrast.headersOne': ['code', 'other', 'headers', 'count'],
  'contrast.methods': ['low', 'high', 'lowMethods', 'highMethods'],
  'contrast.cacheable': ['cacheable', 'other'],
  'contrast.finalityIntermediate': ['final', 'intermediate'],
  'contrast.parties': ['low', 'high', 'fact', 'lowValues', 'highValues'],
  'contrast.tokens': ['low', 'high', 'fact', 'lowValues', 'highValues'],
  'contrast.tokensBoth': ['low', 'high', 'fact', 'lowValues', 'highValues'],
  'contrast.tokensOne': ['fact', 'code', 'other', 'tokens', 'count'],
  'contrast.flag': ['fact', 'yes', 'other'],
  'contrast.commands': ['low', 'high', 'lowCommands', 'highCommands'],
  'contrast.enhancedBoth': ['low', 'high', 'lowEnhanced', 'highEnhanced'],
  'contrast.enhancedOne': ['code', 'other', 'enhanced', 'count'],
  'contrast.requiresBoth': ['low', 'high', 'lowRequires', 'highRequires'],
  'contrast.requiresOne': ['code', 'other', 'requires', 'count'],
  'contrast.onTheWire': ['onTheWire', 'other'],
  'contrast.status': ['low', 'high', 'lowStatus', 'highStatus'],
  'contrast.spec': ['low', 'high', 'lowRfc', 'highRfc'],
  'contrast.definedIn': ['low', 'high', 'lowSpec', 'highSpec'],
  'contrast.grouping': ['low', 'high', 'grouping', 'lowValue', 'highValue'],
  'equivalent.same-meaning': ['other'],
  'equivalent.maps-to': ['other'],
  'equivalent.maps-from': ['other'],
  groupingLabel: ['digit', 'name'],
  rangeLabel: ['low', 'high', 'name'],
  'index.glossed': ['code', 'gloss'],
  'wiki.categoryProtocol': ['protocol'],
  'wiki.categoryClass': ['protocol', 'class'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

type Table = typeof UI_ARGS;

/** A key whose sentence takes arguments. */
export type UiArgKey = keyof Table;

/** The arguments of a key: exactly the names it is declared with. */
export type UiArgs<K extends UiArgKey, V> = { readonly [N in Table[K][number]]: V };

/** `[args]` for a key that takes arguments, `[]` for any other. */
export type ArgsOf<K extends string, V> = K extends UiArgKey ? [args: UiArgs<K, V>] : [];

const BY_KEY: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(UI_ARGS));

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
// A sentence's form for a protocol's exchange (`act.never_command`), see `Translator.pick`.
const CONTEXT_SUFFIX = /_(request|command|query|call|connection)$/;

/** The argument names the code passes for a key (a plural or exchange form's too); none for other keys. */
export function uiArgs(key: string): readonly string[] {
  const plain = key.replace(PLURAL_SUFFIX, '');
  return BY_KEY.get(key) ?? BY_KEY.get(plain) ?? BY_KEY.get(plain.replace(CONTEXT_SUFFIX, '')) ?? [];
}

/** A placeholder as i18next writes it: `{{name}}` or `{{name, format}}`. */
export const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g;

/** The formats a placeholder may ask for. */
export const PLACEHOLDER_FORMATS: readonly string[] = ['number'];
