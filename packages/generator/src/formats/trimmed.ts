const NEWLINE = 10;

/** A visible ASCII character: nothing `trim` would remove. */
const printable = (c: number) => c > 32 && c < 127;

/**
 * Whether `${text.trim()}\n` is `text` itself: it starts with a visible character and ends
 * with one newline after a visible character. Checked by hand, so a page already in shape
 * (as layouts leave it) is not copied again.
 */
export function isTrimmedWithNewline(text: string): boolean {
  const last = text.length - 1;
  return last > 0 && text.charCodeAt(last) === NEWLINE && printable(text.charCodeAt(0)) && printable(text.charCodeAt(last - 1));
}
