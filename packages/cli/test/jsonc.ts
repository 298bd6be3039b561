/** Parses JSON with // line comments (the markdownlint config). */
export function parse(text: string): unknown {
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
}
