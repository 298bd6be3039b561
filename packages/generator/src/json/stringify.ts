const MARKUP = /[<>&\u2028\u2029]/;
const MARKUP_ALL = /[<>&\u2028\u2029]/g;
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A value as JSON text on one line. `<`, `>` and `&` are written as `\uXXXX` escapes (as are
 * U+2028 and U+2029), so the file holds no markup even where a host serves it as HTML, and
 * can be pasted into a `<script>`; the data reads back exactly as it was.
 */
export function jsonValue(value: unknown): string {
  const json = JSON.stringify(value);
  return MARKUP.test(json) ? json.replace(MARKUP_ALL, escape) : json;
}

/** A document's file: its JSON on one line and a newline. */
export function jsonText(value: unknown): string {
  return `${jsonValue(value)}\n`;
}
