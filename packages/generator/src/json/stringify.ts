/**
 * A document as JSON text, one line and a newline. `<`, `>` and `&` are written as `\uXXXX`
 * escapes (as are U+2028 and U+2029), so the file holds no markup even where a host serves it
 * as HTML, and can be pasted into a `<script>`; the data reads back exactly as it was.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
