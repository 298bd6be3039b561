const directions = new Map<string, 'ltr' | 'rtl'>();

/**
 * `rtl` for locales written right to left (ar, he, fa, ur...), from ICU's text info of the
 * locale; `ltr` otherwise. Every output that sets a direction asks this one function.
 */
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
    // Node 20's V8 has the `textInfo` getter; later versions the `getTextInfo()` method.
    const info = new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction;
    return direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
