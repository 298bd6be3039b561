import type { CodeClass, Protocol } from '@statusbook/core/model';
import { Rendered, type Translator } from './i18n.js';

/**
 * A class id such as `4xx` or `2yz` spells the codes it holds, so it leads the label
 * ("4xx Client Error"); a word id such as `noerror` or `ok` is only a key, and the label is
 * the class name alone ("No Error", not "noerror No Error").
 */
export function idSpellsCodes(cls: CodeClass): boolean {
  return /^[0-9][a-z]{2}$/.test(cls.id);
}

/** A class as a rendered label in the translator's locale. */
export function classLabel(tr: Translator, protocol: Protocol, cls: CodeClass): string {
  const name = tr.renderLabel(tr.content.className(protocol, cls));
  return idSpellsCodes(cls) ? tr.t('classLabel', { id: cls.id, name: new Rendered(name) }) : name;
}
