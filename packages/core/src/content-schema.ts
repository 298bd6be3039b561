import { isMap } from 'yaml';
import { boolean, entries, integer, list, object, oneOf, optional, required, string, text } from './schema.js';
import type { Check } from './schema.js';
import type { CodeStatus, EmptyMeaning, EquivalentRelation, Exchange, FactDeclaration, FactKind, NonFinalTerm, Outcome, ReferenceRole, Retry } from './types.js';

export const CODE_STATUSES = ['current', 'deprecated', 'unused', 'obsolete', 'unregistered'] as const satisfies readonly CodeStatus[];
export const RETRY_VALUES = ['not-needed', 'never', 'after-delay', 'with-changes', 'elsewhere'] as const satisfies readonly Retry[];
export const NON_FINAL_TERMS = ['provisional', 'interim', 'intermediate'] as const satisfies readonly NonFinalTerm[];
export const EXCHANGES = ['request', 'command', 'query', 'call', 'connection'] as const satisfies readonly Exchange[];
export const OUTCOMES = ['success', 'failure', 'redirect', 'information', 'intermediate'] as const satisfies readonly Outcome[];
export const FACT_KINDS = ['parties', 'retry', 'tokens', 'flag'] as const satisfies readonly FactKind[];
export const EMPTY_MEANINGS = ['none', 'any'] as const satisfies readonly EmptyMeaning[];
export const REFERENCE_ROLES = ['definition', 'update'] as const satisfies readonly ReferenceRole[];
export const EQUIVALENT_RELATIONS = ['same-meaning', 'maps-to', 'maps-from'] as const satisfies readonly EquivalentRelation[];

/** The numbers a status code may have: DNS and gRPC start at 0, WebSocket close codes have four digits. */
export const CODE_MIN = 0;
export const CODE_MAX = 9999;

const rfc = integer({ min: 1, describe: 'an RFC number (a whole number)' });
// Header and method names: HTTP's token characters less `|` and backtick, which no
// registered name uses and which would need escaping in table cells and code spans.
export const token = string({ pattern: /^[A-Za-z0-9][A-Za-z0-9!#$%&'*+.^_~-]*$/, describe: 'a token (letters, digits, -)' });
const statusCode = integer({ min: CODE_MIN, max: CODE_MAX, describe: `a status code (a whole number from ${CODE_MIN} to ${CODE_MAX})` });
const protocolId = string({ pattern: /^[a-z][a-z0-9-]*$/, describe: 'a lower-case identifier' });
// Fact and vocabulary names: they become code-file keys and UI string keys (`fact.<id>`).
const name = string({ pattern: /^[a-z][A-Za-z0-9]*$/, describe: 'a name of letters and digits starting with a lower-case letter, like onTheWire' });

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
  exchange: required(oneOf(EXCHANGES)),
  facts: required(
    list(
      object({
        id: required(name),
        // Checked in load-content.ts, with "did you mean" and the kinds listed.
        kind: required(string()),
        of: optional(name),
        pattern: optional(string({ describe: 'a regular expression' })),
        empty: optional(oneOf(EMPTY_MEANINGS)),
      }),
    ),
  ),
  vocabularies: optional(entries(name, list(token, { min: 1 }))),
  nonFinal: optional(oneOf(NON_FINAL_TERMS)),
  classes: required(
    list(
      object({
        id: required(string({ pattern: /^[a-z0-9][a-z0-9-]*$/, describe: "a lower-case class id like '4xx', '2yz' or 'noerror'" })),
        range: required(list(statusCode, { min: 2, max: 2 })),
        final: required(boolean()),
        outcome: required(oneOf(OUTCOMES)),
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

/** The fields every code file has, whatever facts its protocol declares. */
export const CODE_FIELDS = {
  code: required(statusCode),
  reason: required(string()),
  formerReasons: optional(list(object({ reason: required(string()), rfc: required(rfc) }))),
  alsoNamed: optional(list(object({ reason: required(string()), references: optional(list(reference, { min: 1 })) }), { min: 1 })),
  status: required(oneOf(CODE_STATUSES)),
  references: required(list(reference, { min: 1 })),
  equivalents: optional(
    list(object({ protocol: required(protocolId), code: required(statusCode), relation: required(oneOf(EQUIVALENT_RELATIONS)) }), { min: 1 }),
  ),
  summary: required(text()),
  description: required(text()),
  whenYouSeeIt: required(text()),
  howToFix: required(text()),
};

/** The check of a fact's value by its kind (vocabulary, pattern and emptiness are checked in load-content.ts). */
export const FACT_VALUE_CHECKS: { readonly [K in FactKind]: Check<unknown> } = {
  parties: list(token),
  retry: oneOf(RETRY_VALUES),
  tokens: list(token),
  flag: boolean(),
};

/**
 * A code file's schema under its protocol's facts: the common fields plus one required
 * field per declared fact. Without facts (the protocol file has errors) the fact fields are
 * not known, so other fields are let through unchecked.
 */
export function codeSchema(facts: readonly FactDeclaration[] | undefined) {
  const factFields = Object.fromEntries((facts ?? []).map((f) => [f.id, required(FACT_VALUE_CHECKS[f.kind])]));
  return object({ ...CODE_FIELDS, ...factFields } as typeof CODE_FIELDS, facts ? {} : { others: 'ignore' });
}

export const pairsSchema = list(
  object({
    codes: required(list(statusCode, { min: 2, max: 2 })),
    difference: required(text()),
    whenToUse: required(text()),
    scenario: required(text()),
  }),
);
