const names = new Map<string, string>();
const directions = new Map<string, 'ltr' | 'rtl'>();

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

/** `rtl` for right-to-left scripts, from the locale's own text info. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  let dir = directions.get(locale);
  if (dir === undefined) {
    dir = computeDirection(locale);
    directions.set(locale, dir);
  }
  return dir;
}

function computeDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction;
    return direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
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
