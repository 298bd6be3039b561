import type { StatusCode } from '@statusbook/core/model';
import { Rendered } from '../i18n.js';
import { to } from '../targets.js';
import type { Target } from '../types.js';
import { linkTo, type RenderEnv } from './types.js';

/**
 * A code's equivalents in other protocols as whole sentences ("A gateway turns gRPC 5
 * NOT_FOUND into this code."), each naming the other code with a link to its page when the
 * build has it; without `from` (a print book, which EPUBs are made of and which stands
 * alone), as text.
 */
export function equivalentSentences(from: Target | undefined, code: StatusCode, env: RenderEnv): string[] {
  const { translator: tr, format } = env;
  return code.equivalents.map((eq) => {
    const protocol = env.protocols.find((p) => p.id === eq.protocol);
    const other = protocol?.codes.find((c) => c.code === eq.code);
    const label = other ? tr.t('code.title', { protocol: protocol!.name, label: new Rendered(env.fragments.label(protocol!, other).label) }) : format.text(`${eq.protocol} ${eq.code}`);
    const name = other && from ? linkTo(env, from, to.code(tr.locale, eq.protocol, eq.code), label) : label;
    return tr.t(`equivalent.${eq.relation}`, { other: new Rendered(name) });
  });
}
