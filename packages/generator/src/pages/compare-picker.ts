import type { Protocol, StatusCode } from '@statusbook/core/model';
import { indexOf } from '../protocol-index.js';
import { to } from '../targets.js';
import type { Target } from '../types.js';
import { plainText } from './badge-text.js';
import type { RenderEnv } from './types.js';

/** What `partials/compare-picker.hbs` shows: one or two lists of codes and where comparisons live. */
export interface PickerView {
  /** The protocol's comparisons folder: the script adds `<low>-vs-<high>/`. */
  readonly base: Target;
  /** The code page's own code (it is the first of the pair). */
  readonly code?: number;
  /** `<option>`s of the first list (index pages only). */
  readonly first?: string;
  /** `<option>`s of the second list. */
  readonly options: string;
}

// A code's option, per (locale, format) environment and protocol: made once, shared by its pages.
const optionCache = new WeakMap<RenderEnv, Map<string, ReadonlyMap<number, string>>>();

function optionsOf(protocol: Protocol, env: RenderEnv): ReadonlyMap<number, string> {
  let byProtocol = optionCache.get(env);
  if (!byProtocol) optionCache.set(env, (byProtocol = new Map()));
  let options = byProtocol.get(protocol.id);
  if (!options) {
    const { translator: tr, fragments } = env;
    options = new Map(
      protocol.codes.map((c) => {
        const gloss = tr.content.reasonGloss(c);
        const label = fragments.label(protocol, c).label + (gloss ? tr.t('code.headingGloss', { gloss: plainText(gloss.text) }) : '');
        return [c.code, `<option value="${c.code}">${label}</option>`];
      }),
    );
    byProtocol.set(protocol.id, options);
  }
  return options;
}

/**
 * The compare picker of a code page (`code`) or a protocol index: every code it has a
 * comparison page with. None where there is nothing to pick (an index of curated pairs only).
 */
export function comparePicker(locale: string, protocol: Protocol, code: StatusCode | undefined, env: RenderEnv): PickerView | undefined {
  const options = optionsOf(protocol, env);
  const base = to.compareIndex(locale, protocol.id);
  if (code === undefined) {
    if (env.pairs !== 'all' || protocol.codes.length < 2) return undefined;
    const all = [...options.values()];
    // The second list starts at the second code, so the default choice is a pair.
    return { base, first: all.join(''), options: all.map((o, i) => (i === 1 ? o.replace('<option ', '<option selected ') : o)).join('') };
  }
  const partners =
    env.pairs === 'all'
      ? protocol.codes.filter((c) => c.code !== code.code)
      : (indexOf(protocol).curatedOf.get(code.code) ?? []).map((n) => (n.low === code.code ? n.high : n.low)).sort((a, b) => a - b).map((n) => indexOf(protocol).byCode.get(n)!);
  if (partners.length === 0) return undefined;
  return { base, code: code.code, options: partners.map((c) => options.get(c.code)!).join('') };
}
