// The JSON Schemas (2020-12) of the json format's documents: the one source of truth for
// what the build writes into `json/schema/<kind>.json` and for the tests that validate every
// document against them. A change to a schema must raise its version (test/json-schemas).

/** The document kinds of the json format, each with a schema `json/schema/<kind>.json`. */
export type JsonKind = 'index' | 'protocol' | 'compare-index' | 'code' | 'compare';

export const JSON_KINDS: readonly JsonKind[] = ['index', 'protocol', 'compare-index', 'code', 'compare'];

/** Each schema's version: raise it with any change to the schema (its `$id` carries it). */
export const SCHEMA_VERSIONS: Readonly<Record<JsonKind, number>> = {
  // v2 (issue 22): code facts are declared by each protocol (`senders`, `retry`, `headers`,
  // `methods`, `cacheable` became fact rows with a `kind` and a `value`; contrasts are by fact
  // kind); references may be documents (`rfc` null, `url` and `title`); codes have
  // `alsoNamed`, `equivalents` and `grouping`, protocols `grouping` and `ranges`, comparisons
  // the `grouping` and `definedIn` contrasts. The shared $defs changed, so every kind moved.
  index: 2,
  protocol: 2,
  'compare-index': 2,
  code: 2,
  compare: 2,
};

/** A schema's `$id`: `urn:statusbook:json:<kind>:v<version>` (a name, not a place to fetch it from). */
export function schemaId(kind: JsonKind): string {
  return `urn:statusbook:json:${kind}:v${SCHEMA_VERSIONS[kind]}`;
}

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const bool = { type: 'boolean' } as const;
const strings = { type: 'array', items: str } as const;

/** An object whose properties are all required and no other is allowed. */
function obj(properties: Record<string, unknown>, optional: readonly string[] = []): Record<string, unknown> {
  return { type: 'object', required: Object.keys(properties).filter((k) => !optional.includes(k)), properties, additionalProperties: false };
}

const nullable = (schema: unknown) => ({ anyOf: [schema, { type: 'null' }] });

const STATES = ['source', 'translated', 'stale', 'fallback'];
const STATUS = ['current', 'deprecated', 'unused', 'obsolete', 'unregistered'];
const RETRY = ['not-needed', 'never', 'after-delay', 'with-changes', 'elsewhere'];

/** Definitions every document kind shares. */
const defs = {
  text: {
    description: 'A content text in this locale: its inline Markdown source, the same rendered as HTML (escaped as the HTML site escapes it), its translation state and its language.',
    ...obj({ markdown: str, html: str, state: { enum: STATES }, lang: str }),
  },
  links: {
    description: 'The same document in other forms. JSON documents: URLs relative to this document. html: base URL + page path (root-relative without a base URL). md: the path under the output folder. Only forms the output holds are listed.',
    ...obj({ self: str, html: str, md: str, locales: { type: 'object', additionalProperties: str } }, ['html', 'md']),
  },
  protocolRef: obj({ id: str, name: str }),
  reference: {
    description: 'An RFC (rfc set, url the RFC Editor page) or another document (rfc null, url its https URL, title set).',
    ...obj({ rfc: nullable(int), section: nullable(str), title: nullable(str), role: { enum: ['definition', 'update'] }, url: str, label: str }),
  },
  range: { type: 'array', prefixItems: [int, int], items: false, minItems: 2 },
  named: obj({ name: { $ref: '#/$defs/text' }, description: { $ref: '#/$defs/text' } }),
  labelled: obj({ id: str, label: str }),
  codeRef: obj({ code: int, reason: str, gloss: nullable({ $ref: '#/$defs/text' }), summary: { $ref: '#/$defs/text' }, href: str }),
};

function document(kind: JsonKind, title: string, properties: Record<string, unknown>, optional: readonly string[] = []): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaId(kind),
    title,
    ...obj({ $schema: str, kind: { const: kind }, ...properties }, optional),
    $defs: defs,
  };
}

const contrast = (kind: string, data: Record<string, unknown>) => obj({ kind: { const: kind }, ...data, html: str });

const SCHEMAS: Readonly<Record<JsonKind, Record<string, unknown>>> = {
  index: document('index', 'Statusbook JSON API: the entry point', {
    tool: obj({ name: { const: 'statusbook' }, version: str }),
    schemas: { type: 'object', additionalProperties: obj({ id: str, url: str }) },
    contentHash: str,
    protocols: {
      type: 'array',
      items: obj({ id: str, name: str, title: str, codes: int, comparisons: int, locales: { type: 'object', additionalProperties: str } }),
    },
    locales: {
      type: 'array',
      items: obj({
        locale: str,
        name: str,
        dir: { enum: ['ltr', 'rtl'] },
        default: bool,
        coverage: nullable(obj({ total: int, translated: int, stale: int, missing: int })),
      }),
    },
  }),
  protocol: document('protocol', 'Statusbook JSON API: the codes of a protocol', {
    locale: str,
    protocol: obj({ id: str, name: str, title: str, description: { $ref: '#/$defs/text' }, registry: obj({ name: str, url: str }), references: { type: 'array', items: { $ref: '#/$defs/reference' } } }),
    title: str,
    classes: { type: 'array', items: obj({ id: str, range: { $ref: '#/$defs/range' }, final: bool, name: { $ref: '#/$defs/text' }, description: { $ref: '#/$defs/text' } }) },
    grouping: nullable(
      obj({
        digit: int,
        name: { $ref: '#/$defs/text' },
        values: { type: 'array', items: obj({ digit: int, name: { $ref: '#/$defs/text' }, description: { $ref: '#/$defs/text' } }) },
      }),
    ),
    ranges: { type: 'array', items: obj({ range: { $ref: '#/$defs/range' }, name: { $ref: '#/$defs/text' }, description: { $ref: '#/$defs/text' } }) },
    codes: {
      type: 'array',
      items: obj({ code: int, reason: str, alsoNamed: strings, gloss: nullable({ $ref: '#/$defs/text' }), class: str, final: bool, status: { enum: STATUS }, summary: { $ref: '#/$defs/text' }, href: str }),
    },
    comparisons: str,
    links: { $ref: '#/$defs/links' },
  }),
  'compare-index': document('compare-index', 'Statusbook JSON API: the comparisons of a protocol', {
    locale: str,
    protocol: { $ref: '#/$defs/protocolRef' },
    title: str,
    pairs: { enum: ['all', 'curated'] },
    count: int,
    curated: {
      type: 'array',
      items: obj({ low: int, high: int, slug: str, html: str, difference: { $ref: '#/$defs/text' }, href: str }),
    },
    links: { $ref: '#/$defs/links' },
  }),
  code: document('code', 'Statusbook JSON API: one status code', {
    locale: str,
    protocol: { $ref: '#/$defs/protocolRef' },
    title: str,
    code: int,
    reason: str,
    alsoNamed: { type: 'array', items: obj({ reason: str, references: { type: 'array', items: { $ref: '#/$defs/reference' } } }) },
    gloss: nullable({ $ref: '#/$defs/text' }),
    class: obj({ id: str, name: { $ref: '#/$defs/text' } }),
    grouping: nullable(obj({ digit: int, name: { $ref: '#/$defs/text' }, value: { $ref: '#/$defs/text' } })),
    final: bool,
    status: obj({ id: { enum: STATUS }, label: str }),
    formerReasons: { type: 'array', items: obj({ reason: str, rfc: int, html: str }) },
    // The rows every protocol has (class, kind, status, spec), then one per declared fact
    // with its kind and value.
    facts: {
      type: 'array',
      items: {
        oneOf: [
          obj({ key: str, label: str, html: str }),
          obj({ key: str, label: str, html: str, kind: { const: 'parties' }, value: { type: 'array', items: { $ref: '#/$defs/labelled' } } }),
          obj({ key: str, label: str, html: str, kind: { const: 'retry' }, value: obj({ id: { enum: RETRY }, label: str }) }),
          obj({ key: str, label: str, html: str, kind: { const: 'tokens' }, value: strings }),
          obj({ key: str, label: str, html: str, kind: { const: 'flag' }, value: bool }),
        ],
      },
    },
    references: { type: 'array', items: { $ref: '#/$defs/reference' } },
    equivalents: {
      type: 'array',
      items: obj({
        protocol: { $ref: '#/$defs/protocolRef' },
        code: int,
        reason: str,
        relation: { enum: ['same-meaning', 'maps-to', 'maps-from'] },
        derived: bool,
        html: str,
        href: nullable(str),
      }),
    },
    text: obj({ summary: { $ref: '#/$defs/text' }, description: { $ref: '#/$defs/text' }, whenYouSeeIt: { $ref: '#/$defs/text' }, howToFix: { $ref: '#/$defs/text' } }),
    comparisons: { type: 'array', items: obj({ code: int, reason: str, curated: bool, href: str }) },
    links: { $ref: '#/$defs/links' },
  }),
  compare: document('compare', 'Statusbook JSON API: a comparison of two codes', {
    locale: str,
    protocol: { $ref: '#/$defs/protocolRef' },
    title: str,
    slug: str,
    low: { $ref: '#/$defs/codeRef' },
    high: { $ref: '#/$defs/codeRef' },
    curated: bool,
    summary: str,
    contrasts: {
      type: 'array',
      items: {
        oneOf: [
          contrast('class', { low: str, high: str }),
          contrast('finality', { finalCode: int, provisionalCode: int }),
          // `fact`: the id of the declared fact the two codes differ in.
          contrast('parties', { fact: str, low: strings, high: strings }),
          contrast('retry', { fact: str, low: { enum: RETRY }, high: { enum: RETRY } }),
          contrast('tokens', { fact: str, low: strings, high: strings, onlyLow: strings, onlyHigh: strings }),
          contrast('flag', { fact: str, trueCode: int, falseCode: int }),
          contrast('status', { low: { enum: STATUS }, high: { enum: STATUS } }),
          contrast('grouping', { low: int, high: int }),
          contrast('spec', { low: int, high: int }),
          contrast('definedIn', { low: { $ref: '#/$defs/reference' }, high: { $ref: '#/$defs/reference' } }),
        ],
      },
    },
    facts: { type: 'array', items: obj({ key: str, label: str, low: str, high: str }) },
    notes: nullable(obj({ difference: { $ref: '#/$defs/text' }, whenToUse: { $ref: '#/$defs/text' }, scenario: { $ref: '#/$defs/text' } })),
    links: { $ref: '#/$defs/links' },
  }),
};

/** The schema of a document kind, as written into `json/schema/<kind>.json`. */
export function jsonSchema(kind: JsonKind): Readonly<Record<string, unknown>> {
  return SCHEMAS[kind];
}
