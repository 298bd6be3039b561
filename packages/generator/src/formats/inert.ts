// Characters no output keeps as they are (docs/architecture.md, "Escaping"): C0 controls,
// DEL, C1 controls, the line and paragraph separators, the noncharacters U+FDD0-U+FDEF,
// U+FFFE and U+FFFF, and lone surrogates. Line breaks end a Markdown line, a YAML scalar or
// a CSS string; most of the others are not allowed in XML 1.0 or HTML, even as references.

/**
 * Whether a string may hold such a character: one test, true for valid surrogate pairs too
 * (the replacing pass leaves those alone), false for almost all text.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const MAYBE_UNSAFE = /[\0-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;

/** A surrogate that is not half of a pair. */
const LONE = String.raw`[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;

export const LONE_SURROGATE = new RegExp(LONE, 'g');

const UNSAFE = new RegExp(String.raw`[\0-\x1f\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]|${LONE}`, 'g');

const LINE_BREAK = /[\t\n\v\f\r\u0085\u2028\u2029]/;

/** What an unsafe character becomes: a space for tabs and line breaks, U+FFFD for the rest. */
function replacement(c: string): string {
  return LINE_BREAK.test(c) ? ' ' : '\ufffd';
}

/** Text with every unsafe character replaced; text without any (nearly all) is returned as it is. */
export function inert(value: string): string {
  return MAYBE_UNSAFE.test(value) ? value.replace(UNSAFE, replacement) : value;
}
