import { isMap } from 'yaml';
import { boolean, integer, list, object, oneOf, optional, required, string, text, type Check } from './schema.js';
import type { CodeStatus, EquivalentRelation, NonFinalTerm, ReferenceRole, Retry } from './types.js';

export const CODE_STATUSES = ['current', 'deprecated', 'unused', 'obsolete', 'unregistered'] as const satisfies readonly CodeStatus[];
export const RETRY_VALUES = ['not-needed', 'never', 'after-delay', 'with-changes', 'elsewhere'] as const satisfies readonly Retry[];
export const NON_FINAL_TERMS = ['provisional', 'interim'] as const satisfies readonly NonFinalTerm[];
export const REFERENCE_ROLES = ['definition', 'update'] as const satisfies readonly ReferenceRole[];
export const EQUIVALENT_RELATIONS = ['same-meaning', 'maps-to', 'maps-from'] as const satisfies readonly EquivalentRelation[];

/** The numbers a status code may have: DNS and gRPC start at 0, WebSocket close codes have four digits. */
export const CODE_MIN = 0;
export const CODE_MAX = 9999;

const rfc = integer({ min: 1, describe: 'an RFC number (a whole number)' });
// Header and method names: HTTP's token characters less `|` and backtick, which no
// registered name uses and which would need escaping in table cells and code spans.
const token = string({ pattern: /^[A-Za-z0-9][A-Za-z0-9!#$%&'*+.^_~-]*$/, describe: 'a token (letters, digits, -)' });
const statusCode = integer({ min: CODE_MIN, max: CODE_MAX, describe: `a status code (a whole number from ${CODE_MIN} to ${CODE_MAX})` });
const protocolId = string({ pattern: /^[a-z][a-z0-9-]*$/, describe: 'a lower-case identifier' });

const rfcReference = object({
  rfc: required(rfc),
  section: optional(string({ pattern: /^[A-Z0-9]+(\.[0-9]+)*$/, describe: 'a section number as a string, like "21.4.8"' })),
  title: optional(string()),
  role: optional(oneOf(REFERENCE_ROLES)),
});

// A document that is not an RFC: https only (it becomes a link in every format), with a title
// to show instead of "RFC n".
const documentReference = object({
  url: required(string({ pattern: /^https:\/\/[^\s/?#]+[^\s]*$/, describe: 'an https:// URL' })),
  title: required(string()),
  section: optional(string()),
  role: optional(oneOf(REFERENCE_ROLES)),
});

/** An RFC reference (`rfc:`) or a document reference (`url:` and `title:`), told apart by their keys. */
const reference: Check<NonNullable<ReturnType<typeof rfcReference> | ReturnType<typeof documentReference>>> = (node, ctx, path) =>
  isMap(node) && node.has('url') ? documentReference(node, ctx, path) : rfcReference(node, ctx, path);

export const protocolSchema = object({
  id: required(protocolId),
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
        id: required(string({ pattern: /^[a-z0-9][a-z0-9-]*$/, describe: "a lower-case class id like '4xx' or '2yz'" })),
        range: required(list(statusCode, { min: 2, max: 2 })),
        final: required(boolean()),
        name: required(text('line')),
        description: required(text()),
      }),
      { min: 1 },
    ),
  ),
  grouping: optional(
    object({
      digit: required(integer({ min: 1, max: 4, describe: 'which digit of the code (1 = the first)' })),
      name: required(text('line')),
      values: required(
        list(
          object({
            digit: required(integer({ min: 0, max: 9, describe: 'a digit from 0 to 9' })),
            name: required(text('line')),
            description: required(text()),
          }),
          { min: 1 },
        ),
      ),
    }),
  ),
  ranges: optional(
    list(
      object({
        range: required(list(statusCode, { min: 2, max: 2 })),
        name: required(text('line')),
        description: required(text()),
      }),
    ),
  ),
});

export const codeSchema = object({
  code: required(statusCode),
  reason: required(string()),
  formerReasons: optional(list(object({ reason: required(string()), rfc: required(rfc) }))),
  alsoNamed: optional(list(object({ reason: required(string()), references: optional(list(reference, { min: 1 })) }), { min: 1 })),
  status: required(oneOf(CODE_STATUSES)),
  references: required(list(reference, { min: 1 })),
  // Empty only for a code that is not in use (checked in load-content.ts).
  senders: required(list(token)),
  retry: required(oneOf(RETRY_VALUES)),
  headers: required(list(token)),
  methods: required(list(token)),
  cacheable: optional(boolean()),
  equivalents: optional(
    list(object({ protocol: required(protocolId), code: required(statusCode), relation: required(oneOf(EQUIVALENT_RELATIONS)) }), { min: 1 }),
  ),
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
