// The translation units of one locale, as the exchange formats (XLIFF, PO) and `i18n status`
// see them: every translatable content field and every UI string, with its English source,
// the locale's current text and its state.
import { join } from 'node:path';
import { displayReason, loadTranslations, readYamlValue, sourceFields, translatedField, translationStatus, type Diagnostic, type LocaleTranslation, type Protocol, type SourceField } from '@statusbook/core';
import { readUiStrings, uiKeyUsed, type UiStrings } from '@statusbook/generator/plan';

export type UnitState = 'translated' | 'stale' | 'missing';

/** Where a unit's translation is kept. */
export type UnitPlace =
  | { readonly kind: 'content'; readonly field: SourceField }
  | { readonly kind: 'ui'; readonly key: string };

/** One translatable string of a locale. */
export interface Unit {
  /** Stable across exports: `sip/437/summary`, `sip/100-vs-180/difference`, `ui/code.title`. */
  readonly id: string;
  readonly source: string;
  /** The locale's text as written ('' when missing). */
  readonly target: string;
  readonly state: UnitState;
  /** Names the code or pair and the field, for translators. */
  readonly note: string;
  readonly place: UnitPlace;
}

export interface UnitCounts {
  readonly total: number;
  readonly translated: number;
  readonly missing: number;
  readonly stale: number;
}

/** `minTranslated` when statusbook.config.yaml does not set it. */
export const DEFAULT_MIN_TRANSLATED = 90;

/** A share in percent, rounded down to one decimal (never 100 before everything is done). */
export function percent(part: number, total: number): number {
  return total === 0 ? 100 : Math.floor((part / total) * 1000) / 10;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The id of a content field: `<protocol>/<code or pair>/<field>`, `<protocol>/protocol/description`, `<protocol>/classes/<id>/<field>`. */
export function contentUnitId(f: SourceField): string {
  if (f.file === 'protocol.yaml') return f.path.length === 1 ? `${f.protocol}/protocol/${f.path[0]}` : `${f.protocol}/${f.path.join('/')}`;
  if (f.file === 'pairs.yaml') return `${f.protocol}/${f.path.join('/')}`;
  return `${f.protocol}/${f.file.slice('codes/'.length, -'.yaml'.length)}/${f.path.join('/')}`;
}

function contentNote(f: SourceField, protocols: readonly Protocol[]): string {
  const protocol = protocols.find((p) => p.id === f.protocol)!;
  const field = f.path[f.path.length - 1]!;
  if (f.file === 'protocol.yaml') {
    if (f.path.length === 1) return `${protocol.name} protocol, field ${field}`;
    if (f.path[0] === 'grouping') return f.path.length === 2 ? `${protocol.name} grouping, field ${field}` : `${protocol.name} grouping value ${f.path[2]}, field ${field}`;
    if (f.path[0] === 'ranges') return `${protocol.name} range ${f.path[1]}, field ${field}`;
    return `${protocol.name} class ${f.path[1]}, field ${field}`;
  }
  if (f.file === 'pairs.yaml') return `${protocol.name} pair ${f.path[0]} (curated note), field ${field}`;
  const code = Number(f.file.slice('codes/'.length, -'.yaml'.length));
  const found = protocol.codes.find((c) => c.code === code);
  const reason = found ? displayReason(found) : '';
  return `${protocol.name} ${code} ${reason}, field ${field}${field === 'reason' ? ' (a gloss of the registered reason phrase)' : ''}`;
}

/**
 * The UI keys a locale translates, with the English each one translates: every English key
 * the build's protocols can use (`uiKeyUsed`: a sentence for a fact or an exchange no
 * protocol has is not counted), and for plural keys (`_one`, `_other`) the locale's own plural forms (`_other` only in
 * Japanese; `_zero` to `_other` in Arabic), each from the English `_other` when English has
 * no such form.
 */
export function uiKeys(english: UiStrings, locale: string, protocols: readonly Protocol[]): { key: string; english: string }[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const forms = CATEGORY_ORDER.filter((c) => categories.includes(c as Intl.LDMLPluralRule));
  const out: { key: string; english: string }[] = [];
  const seen = new Set<string>();
  for (const [key, text] of english) {
    if (!uiKeyUsed(key, protocols, english)) continue;
    const plural = PLURAL.exec(key);
    if (!plural) {
      out.push({ key, english: text });
      continue;
    }
    const base = key.slice(0, plural.index);
    if (seen.has(base)) continue;
    seen.add(base);
    for (const form of forms) out.push({ key: `${base}_${form}`, english: english.get(`${base}_${form}`) ?? english.get(`${base}_other`) ?? text });
  }
  return out;
}

/** A locale's units in a stable order (content as `sourceFields` lists it, then UI keys), or the errors that keep them from being read. */
export async function localeUnits(localesDir: string, locale: string, protocols: readonly Protocol[]): Promise<{ units: Unit[]; diagnostics: Diagnostic[] }> {
  const { translations, diagnostics: found } = await loadTranslations(localesDir, [locale], protocols);
  const ui = await readUiStrings(localesDir, [locale]);
  const diagnostics = [...found, ...ui.diagnostics].filter((d) => d.severity === 'error');
  if (diagnostics.length > 0) return { units: [], diagnostics };
  const translation = translations.get(locale)!;
  const raw = new Map<string, unknown>();
  const units: Unit[] = [];
  for (const f of sourceFields(protocols)) {
    const path = join(localesDir, locale, 'content', f.protocol, f.file);
    if (!raw.has(path)) {
      const read = await readYamlValue(path);
      raw.set(path, read && 'value' in read ? read.value : undefined);
    }
    const value = f.path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), raw.get(path));
    const text = typeof value === 'string' ? value : typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string' ? (value as { text: string }).text : '';
    const t = translatedField(translation, f);
    units.push({ id: contentUnitId(f), source: f.english, target: text, state: t?.state ?? 'missing', note: contentNote(f, protocols), place: { kind: 'content', field: f } });
  }
  const own = ui.strings.get(locale) ?? new Map<string, string>();
  for (const { key, english } of uiKeys(ui.strings.get('en') ?? new Map(), locale, protocols)) {
    const text = own.get(key) ?? '';
    const form = PLURAL.exec(key)?.[1];
    units.push({
      id: `ui/${key}`,
      source: english,
      target: text,
      state: text.trim() === '' ? 'missing' : 'translated',
      note: `UI string ${key}${form ? ` (plural form '${form}' of ${locale})` : ''}; keep the {{placeholders}} as they are`,
      place: { kind: 'ui', key },
    });
  }
  return { units, diagnostics: [] };
}

/** Counts of units by state. */
export function countUnits(units: readonly Unit[]): UnitCounts {
  let translated = 0;
  let stale = 0;
  for (const u of units) {
    if (u.state === 'translated') translated++;
    else if (u.state === 'stale') stale++;
  }
  return { total: units.length, translated, stale, missing: units.length - translated - stale };
}

/**
 * Per locale, its units translated and in all, as `i18n status` counts them, from
 * translations already loaded (the build's) and the locales' ui.json.
 */
export async function localeCoverage(
  localesDir: string,
  translations: ReadonlyMap<string, LocaleTranslation>,
  protocols: readonly Protocol[],
): Promise<Map<string, { translated: number; total: number }>> {
  const locales = [...translations.keys()];
  const ui = await readUiStrings(localesDir, locales);
  const english = ui.strings.get('en') ?? new Map<string, string>();
  const out = new Map<string, { translated: number; total: number }>();
  for (const locale of locales) {
    const content = translationStatus(protocols, translations.get(locale)!);
    const own = ui.strings.get(locale) ?? new Map<string, string>();
    const keys = uiKeys(english, locale, protocols);
    const done = keys.filter(({ key }) => (own.get(key) ?? '').trim() !== '').length;
    out.set(locale, { translated: content.translated + done, total: content.total + keys.length });
  }
  return out;
}
