import { boolean, integer, list, object, oneOf, optional, required, string, text } from './schema.js';
import type { CodeStatus, NonFinalTerm, ReferenceRole, Retry } from './types.js';

export const CODE_STATUSES = ['current', 'deprecated', 'unused', 'obsolete', 'unregistered'] as const satisfies readonly CodeStatus[];
export const RETRY_VALUES = ['not-needed', 'never', 'after-delay', 'with-changes', 'elsewhere'] as const satisfies readonly Retry[];
export const NON_FINAL_TERMS = ['provisional', 'interim'] as const satisfies readonly NonFinalTerm[];
export const REFERENCE_ROLES = ['definition', 'update'] as const satisfies readonly ReferenceRole[];

const rfc = integer({ min: 1, describe: 'an RFC number (a whole number)' });
// Header and method names: HTTP's token characters less `|` and backtick, which no
// registered name uses and which would need escaping in table cells and code spans.
const token = string({ pattern: /^[A-Za-z0-9][A-Za-z0-9!#$%&'*+.^_~-]*$/, describe: 'a token (letters, digits, -)' });
const statusCode = integer({ min: 100, max: 999, describe: 'a three-digit status code' });

const reference = object({
  rfc: required(rfc),
  section: optional(string({ pattern: /^[A-Z0-9]+(\.[0-9]+)*$/, describe: 'a section number as a string, like "21.4.8"' })),
  title: optional(string()),
  role: optional(oneOf(REFERENCE_ROLES)),
});

export const protocolSchema = object({
  id: required(string({ pattern: /^[a-z][a-z0-9-]*$/, describe: 'a lower-case identifier' })),
  name: required(string()),
  title: required(string()),
  description: required(text()),
  registry: required(object({ name: required(string()), url: required(string({ pattern: /^https:\/\//, describe: 'an https:// URL' })) })),
  references: required(list(reference, { min: 1 })),
  senders: required(list(token, { min: 1 })),
  methods: required(list(token)),
  cacheable: required(boolean()),
  nonFinal: optional(oneOf(NON_FINAL_TERMS)),
  classes: required(
    list(
      object({
        id: required(string({ pattern: /^[1-9]xx$/, describe: "a class id like '4xx'" })),
        range: required(list(statusCode, { min: 2, max: 2 })),
        final: required(boolean()),
        name: required(text('line')),
        description: required(text()),
      }),
      { min: 1 },
    ),
  ),
});

export const codeSchema = object({
  code: required(statusCode),
  reason: required(string()),
  formerReasons: optional(list(object({ reason: required(string()), rfc: required(rfc) }))),
  status: required(oneOf(CODE_STATUSES)),
  references: required(list(reference, { min: 1 })),
  // Empty only for a code that is not in use (checked in load-content.ts).
  senders: required(list(token)),
  retry: required(oneOf(RETRY_VALUES)),
  headers: required(list(token)),
  methods: required(list(token)),
  cacheable: optional(boolean()),
  summary: required(text()),
  description: required(text()),
  whenYouSeeIt: required(text()),
  howToFix: required(text()),
});

export const pairsSchema = list(
  object({
    codes: required(list(statusCode, { min: 2, max: 2 })),
    difference: required(text()),
    whenToUse: required(text()),
    scenario: required(text()),
  }),
);
