import type { Protocol } from '@statusbook/core/model';
import { Rendered } from '../i18n.js';
import type { RenderEnv } from './types.js';

/**
 * The parts of a protocol page beyond its classes: its second grouping (SMTP's second digit)
 * with what each value means, and the number ranges that have no code pages (WebSocket's
 * 4000-4999), each with its localized name and description.
 */
export function protocolExtras(protocol: Protocol, env: RenderEnv) {
  const { translator: tr } = env;
  const { grouping } = protocol;
  return {
    grouping: grouping && {
      heading: tr.renderLabel(tr.content.groupingName(protocol)),
      values: grouping.values.map((v) => ({
        label: tr.t('groupingLabel', { digit: v.digit, name: new Rendered(tr.renderLabel(tr.content.groupingValue(protocol, v, 'name'))) }),
        description: tr.render(tr.content.groupingValue(protocol, v, 'description')),
      })),
    },
    ranges:
      protocol.ranges.length === 0
        ? undefined
        : {
            heading: tr.t('protocol.ranges'),
            items: protocol.ranges.map((r) => ({
              label: tr.t('rangeLabel', { low: r.range[0], high: r.range[1], name: new Rendered(tr.renderLabel(tr.content.rangeText(protocol, r, 'name'))) }),
              description: tr.render(tr.content.rangeText(protocol, r, 'description')),
            })),
          },
  };
}
