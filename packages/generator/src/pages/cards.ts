import type { Protocol, StatusCode } from '@statusbook/core/model';
import { displayReason, pairSlug } from '@statusbook/core/model';
import type { CodeFragments } from '../fragments.js';
import { embedPath, urlPath } from '../formats/paths.js';
import { textDirection } from '../locale-info.js';
import { to } from '../targets.js';
import type { PageOf } from '../types.js';
import { badgeGeometry, badgeText, badgeTextWidth, plainText } from './badge-text.js';
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

/**
 * Where an embed file is published: beside the HTML site, at `<base-url>/embed/...`
 * (root-relative without a base URL).
 */
function publishedUrl(env: RenderEnv, path: string): string {
  return `${env.baseUrl}/${path}`;
}

/** Markup shown as code: escaped line by line, so the snippet keeps its lines. */
function shown(env: RenderEnv, markup: string): string {
  return markup.split('\n').map((line) => env.format.text(line)).join('\n');
}

/** Width of the card's text column at 16 px in px, and line height, for the iframe's height. */
const CARD = { width: 512, line: 24, chrome: 150 } as const;

/** An iframe's height for a card: its fixed parts plus the summary's lines, estimated from its width. */
function cardHeight(code: StatusCode, env: RenderEnv): number {
  const summary = plainText(env.translator.content.code(code, 'summary').text);
  const gloss = env.translator.content.reasonGloss(code);
  const lines = Math.ceil((badgeTextWidth(summary) * 16) / 11 / CARD.width);
  return CARD.chrome + (gloss ? CARD.line : 0) + lines * CARD.line;
}

/**
 * The "Embed" section of a code's HTML page: the snippets to copy (an iframe, the card itself,
 * a badge), each escaped to be shown as code. The card is rendered with this page's escaping,
 * which is the embed format's, so it is the card file's body byte for byte.
 */
export function embedSection(page: PageOf<'code'>, env: RenderEnv) {
  const { protocol, code, locale } = page;
  const { format, translator: tr } = env;
  const card = to.code(locale, protocol.id, code.code);
  const badge = to.badge(locale, protocol.id, code.code);
  const pageUrl = env.baseUrl + urlPath(card);
  const cardUrl = publishedUrl(env, embedPath(card));
  const badgeUrl = publishedUrl(env, embedPath(badge));
  const title = tr.plain('code.title', { protocol: protocol.name, label: `${code.code} ${displayReason(code)}` });
  const text = badgeText(protocol, code, tr);
  const iframe = `<iframe src="${format.url(cardUrl)}" title="${format.text(title)}" width="560" height="${cardHeight(code, env)}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  const fragment = env.fragment('embed-card', `${protocol.id}/${code.code}`, () => codeCardView(page, env));
  const img = `<a href="${format.url(pageUrl)}"><img src="${format.url(badgeUrl)}" alt="${format.text(text.name)}" width="${badgeGeometry(text).width}" height="20"></a>`;
  return { iframe: shown(env, iframe), fragment: shown(env, fragment.trim()), badge: shown(env, img) };
}
