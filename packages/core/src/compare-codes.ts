import type { Contrast, Lead, StatusCode } from './types.js';

/** The differences between two codes that their facts show, in reading order. */
export function compareCodes(low: StatusCode, high: StatusCode): Contrast[] {
  const out: Contrast[] = [];
  if (low.classId !== high.classId) out.push({ kind: 'class', low: low.classId, high: high.classId });
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
  const lowSpec = definingRfc(low);
  const highSpec = definingRfc(high);
  if (lowSpec !== highSpec && lowSpec !== undefined && highSpec !== undefined) {
    out.push({ kind: 'spec', low: lowSpec, high: highSpec });
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

/** The RFC that defines a code (its first definition reference). */
export function definingRfc(code: StatusCode): number | undefined {
  return (code.references.find((r) => r.role === 'definition') ?? code.references[0])?.rfc;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
