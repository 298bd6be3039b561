import type { Contrast, Grouping, GroupingValue, Lead, Reference, StatusCode } from './types.js';

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
  // A code nobody sends (unused, reserved) has no senders to contrast.
  const bothSent = low.senders.length > 0 && high.senders.length > 0;
  if (bothSent && !sameSet(low.senders, high.senders)) out.push({ kind: 'senders', low: low.senders, high: high.senders });
  if (low.retry !== high.retry) out.push({ kind: 'retry', low: low.retry, high: high.retry });
  const onlyLow = low.headers.filter((h) => !high.headers.includes(h));
  const onlyHigh = high.headers.filter((h) => !low.headers.includes(h));
  if (onlyLow.length > 0 || onlyHigh.length > 0) out.push({ kind: 'headers', onlyLow, onlyHigh });
  if (!sameSet(low.methods, high.methods)) out.push({ kind: 'methods', low: low.methods, high: high.methods });
  if (low.cacheable !== undefined && high.cacheable !== undefined && low.cacheable !== high.cacheable) {
    const [cacheableCode, otherCode] = low.cacheable ? [low.code, high.code] : [high.code, low.code];
    out.push({ kind: 'cacheable', cacheableCode, otherCode });
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

/**
 * The difference that decides what a reader does, for the first sentence of a comparison:
 * a final answer against one still to come, success against a request not carried out,
 * different next steps, different classes, else none (the situation tells them apart).
 */
export function leadOf(low: StatusCode, high: StatusCode): Lead {
  if (low.final !== high.final) {
    const [final, provisional] = low.final ? [low.code, high.code] : [high.code, low.code];
    return { kind: 'finality', final, provisional };
  }
  if (low.final && (low.retry === 'not-needed') !== (high.retry === 'not-needed')) {
    const [success, other] = low.retry === 'not-needed' ? [low, high] : [high, low];
    return { kind: 'outcome', success: success.code, other: other.code };
  }
  if (low.retry !== high.retry) return { kind: 'retry' };
  if (low.classId !== high.classId) return { kind: 'class' };
  return { kind: 'same' };
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
