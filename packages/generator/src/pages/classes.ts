import type { Protocol, StatusCode } from '@statusbook/core/model';
import { classLabel } from '../class-label.js';
import type { RenderEnv } from './types.js';

/** A protocol's classes with their localized heading and description, each with its codes as `entry` makes them. */
export function classSections<T>(protocol: Protocol, env: RenderEnv, entry: (code: StatusCode) => T) {
  const { translator: tr } = env;
  return protocol.classes.map((cls) => ({
    id: cls.id,
    heading: classLabel(tr, protocol, cls),
    description: tr.render(tr.content.classDescription(protocol, cls)),
    codes: protocol.codes.filter((c) => c.classId === cls.id).map(entry),
  }));
}
