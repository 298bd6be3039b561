import type { Protocol } from '@statusbook/core/model';
import { pairSlug } from '@statusbook/core/model';
import type { CodeFragments } from '../fragments.js';
import { textDirection } from '../locale-info.js';
import { to } from '../targets.js';
import type { PageOf } from '../types.js';
import type { RenderEnv } from './types.js';

/** What an embed card shows of one code (values rendered for the format). */
interface CodeCard {
  readonly protocol: string;
  readonly label: string;
  readonly gloss?: string | undefined;
  readonly summary: string;
  readonly badges: readonly string[];
}

const codeCardOf = (protocol: Protocol, f: CodeFragments, env: RenderEnv): CodeCard => ({
  protocol: env.format.text(protocol.name),
  label: f.label,
  gloss: f.gloss,
  summary: f.summary,
  badges: f.badges,
});

/** The view of a code's embed card (`partials/embed-card.hbs`): the card and where it links to. */
export function codeCardView(page: PageOf<'code'>, env: RenderEnv) {
  const { protocol, code, locale } = page;
  const f = env.fragments.get(protocol, code);
  return {
    title: env.translator.t('code.title', { protocol: protocol.name, label: f.labelRendered }),
    lang: locale,
    dir: textDirection(locale),
    ...codeCardOf(protocol, f, env),
    target: f.target,
    more: env.translator.t('embed.more'),
  };
}

/** The view of a curated pair's embed card (`partials/embed-pair.hbs`). */
export function pairCardView(page: PageOf<'compare'>, env: RenderEnv) {
  const { protocol, pair, locale } = page;
  const { translator: tr, fragments } = env;
  const low = fragments.get(protocol, pair.low);
  const high = fragments.get(protocol, pair.high);
  return {
    title: tr.t('compare.title', { protocol: protocol.name, low: low.labelRendered, high: high.labelRendered }),
    lang: locale,
    dir: textDirection(locale),
    protocol: env.format.text(protocol.name),
    vs: tr.t('compare.vs', { low: low.labelRendered, high: high.labelRendered }),
    difference: pair.kind === 'curated' ? tr.render(tr.content.pairText(protocol, pair.notes, 'difference')) : undefined,
    sides: [codeCardOf(protocol, low, env), codeCardOf(protocol, high, env)],
    target: to.compare(locale, protocol.id, pairSlug(pair.low.code, pair.high.code)),
    more: tr.t('embed.pairMore'),
  };
}
