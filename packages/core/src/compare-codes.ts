import type { CodeFact, Contrast, FactKind, Grouping, GroupingValue, Lead, Reference, Retry, StatusCode } from './types.js';

/** The differences between two codes that their facts show, in reading order; `grouping` is their protocol's, if it has one. */
export function compareCodes(low: StatusCode, high: StatusCode, grouping?: Grouping): Contrast[] {
  const out: Contrast[] = [];
  if (low.classId !== high.classId) out.push({ kind: 'class', low: low.classId, high: high.classId });
  if (grouping) {
    const a = groupOf(low.code, grouping);
    const b = groupOf(high.code, grouping);
    if (a && b && a.digit !== b.digit) out.push({ kind: 'grouping', low: a.digit, high: b.digit });
  }
  if (low.final !== high.final) {
    const [finalCode, provisionalCode] = low.final ? [low.code, high.code] : [high.code, low.code];
    out.push({ kind: 'finality', finalCode, provisionalCode });
  }
  for (const fact of low.facts) {
    const other = high.facts.find((f) => f.id === fact.id);
    const contrast = other && contrastOf(fact, other, low.code, high.code);
    if (contrast) out.push(contrast);
  }
  if (low.status !== high.status) out.push({ kind: 'status', low: low.status, high: high.status });
  const lowSpec = definitionOf(low);
  const highSpec = definitionOf(high);
  if (lowSpec && highSpec && !sameDocument(lowSpec, highSpec)) {
    // Two RFCs keep their sentence with numbers; any other document is named by its title.
    out.push('rfc' in lowSpec && 'rfc' in highSpec ? { kind: 'spec', low: lowSpec.rfc, high: highSpec.rfc } : { kind: 'definedIn', low: lowSpec, high: highSpec });
  }
  return out;
}

/** How two codes differ in one fact, by the fact's kind; undefined when they do not. */
function contrastOf(low: CodeFact, high: CodeFact, lowCode: number, highCode: number): Contrast | undefined {
  const fact = low.id;
  if (low.kind === 'retry' && high.kind === 'retry') return low.value === high.value ? undefined : { kind: 'retry', fact, low: low.value, high: high.value };
  if (low.kind === 'flag' && high.kind === 'flag') {
    if (low.value === high.value) return undefined;
    const [trueCode, falseCode] = low.value ? [lowCode, highCode] : [highCode, lowCode];
    return { kind: 'flag', fact, trueCode, falseCode };
  }
  if (low.kind === 'parties' && high.kind === 'parties') {
    // A code nobody sends (unused, reserved) has no parties to contrast.
    const bothSent = low.values.length > 0 && high.values.length > 0;
    return bothSent && !sameSet(low.values, high.values) ? { kind: 'parties', fact, low: low.values, high: high.values } : undefined;
  }
  if (low.kind === 'tokens' && high.kind === 'tokens') {
    const onlyLow = low.values.filter((h) => !high.values.includes(h));
    const onlyHigh = high.values.filter((h) => !low.values.includes(h));
    if (onlyLow.length === 0 && onlyHigh.length === 0) return undefined;
    return { kind: 'tokens', fact, low: low.values, high: high.values, onlyLow, onlyHigh };
  }
  return undefined;
}

/**
 * The difference that decides what a reader does, for the first sentence of a comparison:
 * a final answer against one still to come, success against an answer that is not one,
 * different next steps, different classes, else none (the situation tells them apart).
 * It turns on the classes' `final` and `outcome` and the codes' retry fact (`succeeded`),
 * never on a class id.
 */
export function leadOf(low: StatusCode, high: StatusCode): Lead {
  if (low.final !== high.final) {
    const [final, provisional] = low.final ? [low.code, high.code] : [high.code, low.code];
    return { kind: 'finality', final, provisional };
  }
  if (low.final && succeeded(low) !== succeeded(high)) {
    const [success, other] = succeeded(low) ? [low, high] : [high, low];
    return { kind: 'outcome', success: success.code, other: other.code };
  }
  if (retryOf(low) !== retryOf(high)) return { kind: 'retry' };
  if (low.classId !== high.classId) return { kind: 'class' };
  return { kind: 'same' };
}

/**
 * Whether a code tells the sender it got what it asked for: its class's outcome is success,
 * or its retry fact says there is nothing to retry (HTTP 304 sends the client to its own
 * copy, a redirect class that completes the request).
 */
export function succeeded(code: StatusCode): boolean {
  return code.outcome === 'success' || retryOf(code) === 'not-needed';
}

/** A code's value of its first fact of a kind. */
export function factOfKind<K extends FactKind>(code: StatusCode, kind: K): Extract<CodeFact, { kind: K }> | undefined {
  return code.facts.find((f): f is Extract<CodeFact, { kind: K }> => f.kind === kind);
}

/** What to do after a code, when its protocol declares a retry fact. */
export function retryOf(code: StatusCode): Retry | undefined {
  return factOfKind(code, 'retry')?.value;
}

/** The RFC that defines a code (its first definition reference), when that is an RFC. */
export function definingRfc(code: StatusCode): number | undefined {
  const ref = definitionOf(code);
  return ref && 'rfc' in ref ? ref.rfc : undefined;
}

/** The reference that defines a code: its first definition reference, else its first. */
export function definitionOf(code: StatusCode): Reference | undefined {
  return code.references.find((r) => r.role === 'definition') ?? code.references[0];
}

/** The value of a protocol's grouping that a code belongs to (SMTP 550: digit 5, "Mail system"), if declared. */
export function groupOf(code: number, grouping: Grouping): GroupingValue | undefined {
  const digit = Number(String(code)[grouping.digit - 1]);
  return grouping.values.find((v) => v.digit === digit);
}

function sameDocument(a: Reference, b: Reference): boolean {
  return 'rfc' in a ? 'rfc' in b && a.rfc === b.rfc : 'url' in b && a.url === b.url;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
