import type { PhrasingContent } from 'mdast';

/** How bad a diagnostic is: errors stop a build, warnings do not (unless strict). */
export type Severity = 'error' | 'warning';

/** One problem found in a content or translation file, shaped like a vfile message. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  /** `source/rule`, e.g. `schema/required`, `yaml/syntax`, `pair/unknown-code`. */
  readonly ruleId: string;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly hint?: string;
}

export type CodeStatus = 'current' | 'deprecated' | 'unused' | 'obsolete' | 'unregistered';

/** What a client may do after receiving a code. */
export type Retry = 'not-needed' | 'never' | 'after-delay' | 'with-changes' | 'elsewhere';

export type ReferenceRole = 'definition' | 'update';

/** What a protocol's codes answer; picks the sentence forms that name it ("request", "command"...). */
export type Exchange = 'request' | 'command' | 'query' | 'call' | 'connection';

/** What a class of codes means for the one who receives it; comparison leads turn on it. */
export type Outcome = 'success' | 'failure' | 'redirect' | 'information' | 'intermediate';

/**
 * The kinds of fact a protocol may declare. Each kind knows how to validate, compare and
 * phrase itself: `parties` who sends a code (values of a vocabulary), `retry` what to do
 * next (`Retry`), `tokens` protocol names shown as code (of a vocabulary or matching a
 * pattern), `flag` true or false.
 */
export type FactKind = 'parties' | 'retry' | 'tokens' | 'flag';

/** What an empty token list means: nothing (`none`) or no restriction (`any`). */
export type EmptyMeaning = 'none' | 'any';

/** One fact of a protocol's schema, as protocol.yaml `facts:` declares it. */
export interface FactDeclaration {
  /** The key in code files (`senders`, `headers`, `onTheWire`). */
  readonly id: string;
  readonly kind: FactKind;
  /** The vocabulary its values come from (parties, tokens). */
  readonly of?: string;
  /** A regular expression every token matches (tokens without a vocabulary). */
  readonly pattern?: string;
  /** What an empty token list means; `none` unless declared. */
  readonly empty: EmptyMeaning;
  /** False for parties a current code must name (no `empty` declared); true otherwise. */
  readonly mayBeEmpty: boolean;
}

/** A named list of tokens of a protocol (`methods`, `senders`). */
export interface Vocabulary {
  readonly id: string;
  readonly values: readonly string[];
}

/** A code's value of one declared fact. */
export type FactValue =
  | { readonly kind: 'parties'; readonly values: readonly string[] }
  | { readonly kind: 'retry'; readonly value: Retry }
  | { readonly kind: 'tokens'; readonly values: readonly string[] }
  | { readonly kind: 'flag'; readonly value: boolean };

/** A code's value of a declared fact, with the fact's id. */
export type CodeFact = FactValue & { readonly id: string };

/** The English text fields of a code, in page order. */
export type CodeTextField = 'summary' | 'description' | 'whenYouSeeIt' | 'howToFix';

/** The text fields of a curated pair. */
export type PairTextField = 'difference' | 'whenToUse' | 'scenario';

/** Inline Markdown, kept as its source and as parsed phrasing nodes. */
export interface Text {
  readonly source: string;
  readonly nodes: readonly PhrasingContent[];
}

/** A section of an RFC. */
export interface RfcReference {
  readonly rfc: number;
  readonly section?: string;
  readonly title?: string;
  readonly role: ReferenceRole;
}

/** A document that is not an RFC (a project's documentation, a registry entry): an https URL with its title. */
export interface DocumentReference {
  readonly url: string;
  readonly title: string;
  readonly section?: string;
  readonly role: ReferenceRole;
}

/** Where a code or protocol is specified: an RFC or another document (`'url' in ref`). */
export type Reference = RfcReference | DocumentReference;

/** A second registered name of the same code (DNS 16 BADVERS and BADSIG). */
export interface AlsoNamed {
  readonly reason: string;
  readonly references: readonly Reference[];
}

/**
 * How a code relates to a code of another protocol: `same-meaning`, `maps-to` (a gateway turns
 * this code into the other) or `maps-from` (the other is turned into this one).
 */
export type EquivalentRelation = 'same-meaning' | 'maps-to' | 'maps-from';

/** A typed link to a code of another protocol; `derived` when it is the reverse of one written on the other code. */
export interface Equivalent {
  readonly protocol: string;
  readonly code: number;
  readonly relation: EquivalentRelation;
  readonly derived: boolean;
}

/** One value of a protocol's second grouping (SMTP's second digit 5: "Mail system"). */
export interface GroupingValue {
  readonly digit: number;
  readonly name: Text;
  readonly description: Text;
}

/** A grouping of codes by one of their digits (1 = hundreds, 2 = tens, 3 = units). */
export interface Grouping {
  readonly digit: number;
  readonly name: Text;
  readonly values: readonly GroupingValue[];
}

/** A range of numbers with no code pages, explained on the protocol page (WebSocket 4000-4999). */
export interface NumberRange {
  readonly range: readonly [number, number];
  readonly name: Text;
  readonly description: Text;
}

export interface FormerReason {
  readonly reason: string;
  /** The RFC that renamed the code away from this reason phrase. */
  readonly rfc: number;
}

export interface CodeClass {
  /** `1xx`, `2yz`, `noerror`: lower-case letters, digits and `-`. */
  readonly id: string;
  readonly range: readonly [number, number];
  /** True for final responses, false for provisional / informational ones. */
  readonly final: boolean;
  readonly outcome: Outcome;
  readonly name: Text;
  readonly description: Text;
}

export interface StatusCode {
  readonly protocol: string;
  readonly code: number;
  readonly reason: string;
  readonly formerReasons: readonly FormerReason[];
  /** Other registered names of the same code, shown after the reason ("16 BADVERS / BADSIG"). */
  readonly alsoNamed: readonly AlsoNamed[];
  /** Codes of other protocols, written here or derived from the other code, sorted by protocol and code. */
  readonly equivalents: readonly Equivalent[];
  readonly status: CodeStatus;
  readonly references: readonly Reference[];
  readonly classId: string;
  /** Its class's `final` and `outcome`. */
  readonly final: boolean;
  readonly outcome: Outcome;
  /** Its value of each fact the protocol declares, in declaration order. */
  readonly facts: readonly CodeFact[];
  readonly text: Readonly<Record<CodeTextField, Text>>;
  /** The file the code was loaded from. */
  readonly file: string;
}

export interface CuratedNotes {
  readonly low: number;
  readonly high: number;
  readonly text: Readonly<Record<PairTextField, Text>>;
}

export type NonFinalTerm = 'provisional' | 'interim' | 'intermediate';

export interface Protocol {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly description: Text;
  readonly registry: { readonly name: string; readonly url: string };
  readonly references: readonly Reference[];
  readonly exchange: Exchange;
  /** The facts every code states, in display order. */
  readonly facts: readonly FactDeclaration[];
  readonly vocabularies: readonly Vocabulary[];
  /** What the protocol calls a response that is not final: SIP "provisional", HTTP "interim". */
  readonly nonFinal: NonFinalTerm;
  readonly classes: readonly CodeClass[];
  /** A second grouping by one digit of the code (SMTP's second digit), when the protocol has one. */
  readonly grouping?: Grouping;
  /** Number ranges without code pages, explained on the protocol page. */
  readonly ranges: readonly NumberRange[];
  /** Sorted by code. */
  readonly codes: readonly StatusCode[];
  /** Curated notes, sorted by (low, high). */
  readonly curated: readonly CuratedNotes[];
}

/** One difference between the two codes of a pair, computed from their facts. */
export type Contrast =
  | { readonly kind: 'class'; readonly low: string; readonly high: string }
  | { readonly kind: 'finality'; readonly finalCode: number; readonly provisionalCode: number }
  | { readonly kind: 'parties'; readonly fact: string; readonly low: readonly string[]; readonly high: readonly string[] }
  | { readonly kind: 'retry'; readonly fact: string; readonly low: Retry; readonly high: Retry }
  | {
      readonly kind: 'tokens';
      readonly fact: string;
      readonly low: readonly string[];
      readonly high: readonly string[];
      readonly onlyLow: readonly string[];
      readonly onlyHigh: readonly string[];
    }
  | { readonly kind: 'flag'; readonly fact: string; readonly trueCode: number; readonly falseCode: number }
  | { readonly kind: 'status'; readonly low: CodeStatus; readonly high: CodeStatus }
  | { readonly kind: 'grouping'; readonly low: number; readonly high: number }
  | { readonly kind: 'spec'; readonly low: number; readonly high: number }
  /** Different defining documents where one of them is not an RFC. */
  | { readonly kind: 'definedIn'; readonly low: Reference; readonly high: Reference };

export type ContrastKind = Contrast['kind'];

/** What a comparison's first sentence turns on (see `leadOf`). */
export type Lead =
  | { readonly kind: 'finality'; readonly final: number; readonly provisional: number }
  | { readonly kind: 'outcome'; readonly success: number; readonly other: number }
  | { readonly kind: 'retry' }
  | { readonly kind: 'class' }
  | { readonly kind: 'same' };

interface PairBase {
  readonly protocol: string;
  readonly low: StatusCode;
  readonly high: StatusCode;
  /** `<low>-vs-<high>`, the canonical URL segment. */
  readonly slug: string;
  readonly contrasts: readonly Contrast[];
}

/** A pair of codes of one protocol, always in canonical order (lower code first). */
export type Pair =
  | (PairBase & { readonly kind: 'curated'; readonly notes: CuratedNotes })
  | (PairBase & { readonly kind: 'derived' });

export interface LoadResult {
  readonly protocols: readonly Protocol[];
  readonly diagnostics: readonly Diagnostic[];
}
