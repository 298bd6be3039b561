import { inert, LONE_SURROGATE, MAYBE_UNSAFE } from './inert.js';

/**
 * A quoted CSS string (print running headers) that cannot end the string, nor the `<style>`
 * element it sits in: `\ " < >` as hex escapes, line breaks (which end a CSS string, form
 * feed included) a space and other control characters U+FFFD (see inert.ts).
 */
export function cssString(value: string): string {
  return `"${inert(value).replace(/[\\"<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * A value as JSON inside a `<script>` element: `<`, `>`, `&` as `\uXXXX` escapes, so it
 * cannot end the element or open a comment; control characters (JSON escapes C0 already),
 * U+2028, U+2029 (which ended string literals before ES2019) and noncharacters too, so the
 * page holds none of them and the data reads back as it was. Lone surrogates become U+FFFD.
 */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && MAYBE_UNSAFE.test(v) ? v.replace(LONE_SURROGATE, '\ufffd') : v)) ?? 'null';
  return json.replace(/[<>&\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
