import type { PhrasingContent } from 'mdast';
import { displayReason, type Protocol, type StatusCode, type Text } from '@statusbook/core/model';
import { inert } from '../formats/inert.js';
import type { Translator } from '../i18n.js';

/** Badge geometry: height, text baseline and padding on each side of a text, in px. */
export const BADGE = { height: 20, baseline: 14, padding: 6, fontSize: 11 } as const;

// Advance widths at 11 px, rounded up, of Verdana and DejaVu Sans (the badge's first fonts)
// and of CJK fonts (one em). Combining marks (Vietnamese tones, after NFD) take none. The
// badge sets `textLength` to the sum, so whichever font renders it, the text fills its box
// exactly and never overflows it.
const NARROW = new Set([...`iljtfrI.,:;'"!|()[]{}\``]);
const WIDE = new Set([...'mwMW@%']);
const FULL = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;
const MARK = /\p{M}/u;

/** The width a badge gives a text, in px at 11 px: a per-character table (docs/embeds.md). */
export function badgeTextWidth(text: string): number {
  let width = 0;
  // Measured as shown: control characters are a space or U+FFFD in every output.
  for (const ch of inert(text).normalize('NFD')) {
    if (MARK.test(ch)) continue;
    if (ch === ' ') width += 4;
    else if (NARROW.has(ch)) width += 4;
    else if (WIDE.has(ch)) width += 10.5;
    else if (FULL.test(ch)) width += 11;
    else if (/\p{Nd}/u.test(ch)) width += 7;
    else if (/\p{Lu}/u.test(ch)) width += 7.5;
    else if (/\p{Ll}/u.test(ch)) width += 6.5;
    else width += 8;
  }
  return Math.ceil(width);
}

/** The plain text of inline content (what a badge or an estimate can use). */
export function plainText(text: Text): string {
  const walk = (nodes: readonly PhrasingContent[]): string =>
    nodes.map((n) => ('children' in n ? walk(n.children as PhrasingContent[]) : 'value' in n ? String(n.value) : '')).join('');
  return walk(text.nodes).replace(/\s+/g, ' ').trim();
}

/** What a code's badge says, as plain text: label (`SIP 437`), value (gloss, else the reason phrase) and its accessible name. */
export function badgeText(protocol: Protocol, code: StatusCode, tr: Translator): { label: string; value: string; name: string } {
  const gloss = tr.content.reasonGloss(code);
  const glossText = gloss ? plainText(gloss.text) : '';
  const label = `${code.code} ${displayReason(code)}`;
  return {
    label: `${protocol.name} ${code.code}`,
    value: glossText || displayReason(code),
    name: glossText ? tr.plain('embed.badgeTitle', { protocol: protocol.name, label, gloss: glossText }) : tr.plain('code.title', { protocol: protocol.name, label }),
  };
}

/** A badge's two parts: their widths and text lengths, in px. */
export function badgeGeometry(text: { label: string; value: string }) {
  const labelText = badgeTextWidth(text.label);
  const valueText = badgeTextWidth(text.value);
  const labelWidth = labelText + 2 * BADGE.padding;
  const valueWidth = valueText + 2 * BADGE.padding;
  return { labelText, valueText, labelWidth, valueWidth, width: labelWidth + valueWidth };
}
