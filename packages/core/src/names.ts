import type { StatusCode } from './types.js';

/** A code's registered names as its title shows them: `BADVERS / BADSIG` (the reason alone for most codes). */
export function displayReason(code: Pick<StatusCode, 'reason' | 'alsoNamed'>): string {
  return code.alsoNamed.length === 0 ? code.reason : [code.reason, ...code.alsoNamed.map((a) => a.reason)].join(' / ');
}
