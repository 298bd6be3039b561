// Text direction is the model's (one helper for every output): re-exported for the renderers.
export { textDirection } from '@statusbook/core/model';

const names = new Map<string, string>();

/** The name of a language in that language ("Tiếng Việt", "日本語"). */
export function languageName(locale: string): string {
  let name = names.get(locale);
  if (name === undefined) {
    name = computeLanguageName(locale);
    names.set(locale, name);
  }
  return name;
}

function computeLanguageName(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}

const collators = new Map<string, Intl.Collator>();

/** A collator for sorting names in a locale's order, made once per locale. */
export function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale);
    collators.set(locale, c);
  }
  return c;
}
