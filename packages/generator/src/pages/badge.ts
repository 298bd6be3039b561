import type { Outcome, Protocol, StatusCode } from '@statusbook/core/model';
import { textDirection } from '../locale-info.js';
import { to } from '../targets.js';
import { BADGE, badgeGeometry, badgeText } from './badge-text.js';
import type { PageModule } from './types.js';

// The value's background by the outcome of the code's class, each with a contrast of 4.5:1 or
// more against white text. Failure classes take their color in declaration order (SIP 4xx,
// 5xx, 6xx; DNS has one); gray for anything else.
const GRAY = '#555';
const OUTCOME_COLORS: Readonly<Record<Outcome, string>> = {
  information: '#0b62b8',
  intermediate: '#0b62b8',
  success: '#1d7324',
  redirect: '#805300',
  failure: '#b3261e',
};
const FAILURE_COLORS: readonly string[] = ['#b3261e', '#a12340', '#6b3fa0'];

/** A code's badge color: its class's outcome, the nth failure class its own shade. */
function badgeColor(protocol: Protocol, code: StatusCode): string {
  const cls = protocol.classes.find((c) => c.id === code.classId);
  if (!cls) return GRAY;
  if (cls.outcome !== 'failure') return OUTCOME_COLORS[cls.outcome];
  const nth = protocol.classes.filter((c) => c.outcome === 'failure').indexOf(cls);
  return FAILURE_COLORS[Math.min(nth, FAILURE_COLORS.length - 1)]!;
}

/** A code's badge (embed only): an SVG like shields.io's, `SIP 437 | <gloss>`, the template a whole document. */
export const badgePage: PageModule<'badge'> = {
  layout: false,
  target: (page) => to.badge(page.locale, page.protocol.id, page.code.code),

  title: (page, env) => badgeText(page.protocol, page.code, env.translator).name,

  view(page, env) {
    const { format, translator: tr } = env;
    const text = badgeText(page.protocol, page.code, tr);
    const g = badgeGeometry(text);
    return {
      title: format.text(text.name),
      lang: page.locale,
      dir: textDirection(page.locale),
      label: format.text(text.label),
      value: format.text(text.value),
      ...BADGE,
      ...g,
      // The label's part, its outer corners rounded like the whole badge's.
      labelPath: `M3 0H${g.labelWidth}V${BADGE.height}H3A3 3 0 0 1 0 ${BADGE.height - 3}V3A3 3 0 0 1 3 0Z`,
      labelX: g.labelWidth / 2,
      valueX: g.labelWidth + g.valueWidth / 2,
      color: badgeColor(page.protocol, page.code),
    };
  },

  frontMatter: () => ({}),
  breadcrumbs: () => [],
};
