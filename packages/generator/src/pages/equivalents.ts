import type { StatusCode } from '@statusbook/core/model';
import { Rendered } from '../i18n.js';
import { to } from '../targets.js';
import type { Target } from '../types.js';
import { linkTo, type RenderEnv } from './types.js';

/**
 * A code's equivalents in other protocols as whole sentences ("gRPC 5 NOT_FOUND maps to this
 * code."), each naming the other code with a link to its page when the build has it.
 */
export function equivalentSentences(from: Target, code: StatusCode, env: RenderEnv): string[] {
  const { translator: tr, format } = env;
  return code.equivalents.map((eq) => {
    const protocol = env.protocols.find((p) => p.id === eq.protocol);
    const other = protocol?.codes.find((c) => c.code === eq.code);
    const name = other
      ? linkTo(env, from, to.code(tr.locale, eq.protocol, eq.code), tr.t('code.title', { protocol: protocol!.name, label: new Rendered(env.fragments.label(protocol!, other).label) }))
      : format.text(`${eq.protocol} ${eq.code}`);
    return tr.t(`equivalent.${eq.relation}`, { other: new Rendered(name) });
  });
}
