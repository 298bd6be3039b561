import { displayReason, groupOf, pairSlug, type Contrast, type Protocol, type Reference, type StatusCode, type Text } from '@statusbook/core/model';
import { factKeys, plainRowLabel, referenceUrl } from '../fragments.js';
import { equivalentSentences } from '../pages/equivalents.js';
import { SOURCE_LOCALE, type Localized, type Translator } from '../i18n.js';
import { html } from '../formats/html.js';
import { hrefBetween } from '../formats/relative.js';
import { jsonFile, mdProfilePath, urlPath } from '../formats/paths.js';
import { indexOf } from '../protocol-index.js';
import { compareTitle, leadSentence, phraseContrasts } from '../pages/compare.js';
import type { RenderEnv } from '../pages/types.js';
import { inLocale, to } from '../targets.js';
import type { Page, PageOf, Target } from '../types.js';
import { jsonText, jsonValue } from './stringify.js';

// Keys are written in the order the objects below are built: the same input gives the same bytes.

/** A JSON document's file: `json/<locale>/<protocol>/...` as segments under `json/`. */
function folderOf(target: Target): string[] {
  return jsonFile(target).slice(0, -1);
}

/** A relative URL from one JSON document to another. */
export function jsonHref(from: Target, to: Target): string {
  return hrefBetween(folderOf(from), jsonFile(to));
}

/** A relative URL from a document to a file under `json/` (the schemas). */
function fileHref(from: Target, file: readonly string[]): string {
  return hrefBetween(folderOf(from), file);
}

/** Rendered HTML per text of the model: a code's texts appear in all its comparisons. */
const rendered = new WeakMap<Text, string>();

/** A content text: its Markdown source, the same as the HTML site renders it, its state and language. */
function text(value: Localized, locale: string) {
  let inline = rendered.get(value.text);
  if (inline === undefined) rendered.set(value.text, (inline = html.inline(value.text)));
  return {
    markdown: value.text.source,
    html: inline,
    state: value.state,
    lang: value.state === 'fallback' ? SOURCE_LOCALE : locale,
  };
}

/**
 * JSON text of parts that repeat across a (locale, format)'s documents (a code's side of
 * its comparisons), serialized once: most of a comparison document's bytes.
 */
const parts = new WeakMap<RenderEnv, Map<string, string>>();

function part(env: RenderEnv, key: string, make: () => unknown): string {
  let cache = parts.get(env);
  if (!cache) parts.set(env, (cache = new Map()));
  let hit = cache.get(key);
  if (hit === undefined) cache.set(key, (hit = jsonValue(make())));
  return hit;
}

/** An object's JSON from its members' JSON texts, in the order given. */
function members(entries: readonly (readonly [string, string])[]): string {
  let out = '{';
  for (let i = 0; i < entries.length; i++) out += `${i === 0 ? '' : ','}${JSON.stringify(entries[i]![0])}:${entries[i]![1]}`;
  return `${out}}`;
}

function reference(ref: Reference, env: RenderEnv) {
  const tr = env.translator;
  if ('url' in ref) {
    return {
      rfc: null,
      section: ref.section ?? null,
      title: ref.title,
      role: ref.role,
      url: ref.url,
      label: ref.section ? tr.plain('documentSection', { title: ref.title, section: ref.section }) : tr.plain('document', { title: ref.title }),
    };
  }
  return {
    rfc: ref.rfc,
    section: ref.section ?? null,
    title: ref.title ?? null,
    role: ref.role,
    url: referenceUrl(ref),
    label: ref.section ? tr.plain('rfcSection', { rfc: ref.rfc, section: ref.section }) : tr.plain('rfc', { rfc: ref.rfc }),
  };
}

/**
 * The other forms of a page: the JSON document in every other linked locale (relative), the
 * HTML page (base URL + path) and the Markdown file (path under the output folder), each only
 * when the output holds that form.
 */
function links(target: Target, env: RenderEnv) {
  const self = jsonFile(target);
  return {
    self: self[self.length - 1]!,
    ...(env.forms.includes('html') ? { html: env.baseUrl + urlPath(target) } : {}),
    ...(env.forms.includes('md') ? { md: mdProfilePath(env.mdProfile, target) } : {}),
    locales: Object.fromEntries(env.locales.filter((l) => l !== target.locale).map((l) => [l, jsonHref(target, inLocale(target, l))])),
  };
}

function schemaRef(target: Target, kind: string): string {
  return fileHref(target, ['schema', `${kind}.json`]);
}

function protocolRef(protocol: Protocol) {
  return { id: protocol.id, name: protocol.name };
}

function gloss(code: StatusCode, env: RenderEnv) {
  const g = env.translator.content.reasonGloss(code);
  return g ? text(g, env.translator.locale) : null;
}

function protocolDocument(page: PageOf<'protocol'>, env: RenderEnv) {
  const { protocol, locale } = page;
  const tr = env.translator;
  const target = to.protocol(locale, protocol.id);
  return {
    $schema: schemaRef(target, 'protocol'),
    kind: 'protocol',
    locale,
    protocol: {
      id: protocol.id,
      name: protocol.name,
      title: protocol.title,
      description: text(tr.content.protocolDescription(protocol), locale),
      registry: { name: protocol.registry.name, url: protocol.registry.url },
      references: protocol.references.map((r) => reference(r, env)),
    },
    title: tr.plain('protocol.title', { protocol: protocol.name }),
    classes: protocol.classes.map((c) => ({
      id: c.id,
      range: [c.range[0], c.range[1]],
      final: c.final,
      name: text(tr.content.className(protocol, c), locale),
      description: text(tr.content.classDescription(protocol, c), locale),
    })),
    grouping: protocol.grouping
      ? {
          digit: protocol.grouping.digit,
          name: text(tr.content.groupingName(protocol), locale),
          values: protocol.grouping.values.map((v) => ({
            digit: v.digit,
            name: text(tr.content.groupingValue(protocol, v, 'name'), locale),
            description: text(tr.content.groupingValue(protocol, v, 'description'), locale),
          })),
        }
      : null,
    ranges: protocol.ranges.map((r) => ({
      range: [r.range[0], r.range[1]],
      name: text(tr.content.rangeText(protocol, r, 'name'), locale),
      description: text(tr.content.rangeText(protocol, r, 'description'), locale),
    })),
    codes: protocol.codes.map((c) => ({
      code: c.code,
      reason: c.reason,
      alsoNamed: c.alsoNamed.map((a) => a.reason),
      gloss: gloss(c, env),
      class: c.classId,
      final: c.final,
      status: c.status,
      summary: text(tr.content.code(c, 'summary'), locale),
      href: jsonHref(target, to.code(locale, protocol.id, c.code)),
    })),
    comparisons: jsonHref(target, to.compareIndex(locale, protocol.id)),
    links: links(target, env),
  };
}

function compareIndexDocument(page: PageOf<'compare-index'>, env: RenderEnv) {
  const { protocol, locale } = page;
  const { translator: tr, fragments } = env;
  const { byCode } = indexOf(protocol);
  const target = to.compareIndex(locale, protocol.id);
  return {
    $schema: schemaRef(target, 'compare-index'),
    kind: 'compare-index',
    locale,
    protocol: protocolRef(protocol),
    title: tr.plain('compareIndex.title', { protocol: protocol.name }),
    pairs: env.pairs,
    count: env.pairs === 'all' ? (protocol.codes.length * (protocol.codes.length - 1)) / 2 : protocol.curated.length,
    curated: protocol.curated.map((n) => {
      const low = fragments.label(protocol, byCode.get(n.low)!);
      const high = fragments.label(protocol, byCode.get(n.high)!);
      const slug = pairSlug(n.low, n.high);
      return {
        low: n.low,
        high: n.high,
        slug,
        html: tr.t('compare.vs', { low: low.labelRendered, high: high.labelRendered }),
        difference: text(tr.content.pairText(protocol, n, 'difference'), locale),
        href: jsonHref(target, to.compare(locale, protocol.id, slug)),
      };
    }),
    links: links(target, env),
  };
}

function codeDocument(page: PageOf<'code'>, env: RenderEnv) {
  const { protocol, code, locale } = page;
  const { translator: tr, fragments } = env;
  const target = to.code(locale, protocol.id, code.code);
  const f = fragments.get(protocol, code);
  // Content validation makes every code's class one its protocol declares.
  const cls = protocol.classes.find((c) => c.id === code.classId)!;
  const curated = new Set((indexOf(protocol).curatedOf.get(code.code) ?? []).map((n) => (n.low === code.code ? n.high : n.low)));
  // Links go only to the comparisons the build has (every pair, or the curated ones).
  const others = protocol.codes.filter((c) => c.code !== code.code && (env.pairs === 'all' || curated.has(c.code)));
  return {
    $schema: schemaRef(target, 'code'),
    kind: 'code',
    locale,
    protocol: protocolRef(protocol),
    title: tr.plain('code.title', { protocol: protocol.name, label: `${code.code} ${displayReason(code)}` }),
    code: code.code,
    reason: code.reason,
    alsoNamed: code.alsoNamed.map((a) => ({ reason: a.reason, references: a.references.map((r) => reference(r, env)) })),
    gloss: gloss(code, env),
    class: { id: code.classId, name: text(tr.content.className(protocol, cls), locale) },
    grouping: groupingOf(protocol, code, env),
    final: code.final,
    status: { id: code.status, label: tr.plain(`status.${code.status}`) },
    formerReasons: code.formerReasons.map((r, i) => ({ reason: r.reason, rfc: r.rfc, html: f.formerly[i]! })),
    facts: factKeys(protocol).filter((key) => f.facts.has(key)).map((key) => ({ key, label: plainRowLabel(protocol, key, tr), html: f.facts.get(key) ?? '', ...factData(code, key, protocol, tr) })),
    references: code.references.map((r) => reference(r, env)),
    equivalents: equivalentsOf(target, code, env),
    text: {
      summary: text(tr.content.code(code, 'summary'), locale),
      description: text(tr.content.code(code, 'description'), locale),
      whenYouSeeIt: text(tr.content.code(code, 'whenYouSeeIt'), locale),
      howToFix: text(tr.content.code(code, 'howToFix'), locale),
    },
    comparisons: others.map((c) => ({
      code: c.code,
      reason: c.reason,
      curated: curated.has(c.code),
      href: jsonHref(target, to.compare(locale, protocol.id, pairSlug(code.code, c.code))),
    })),
    links: links(target, env),
  };
}

/** A code's value of its protocol's grouping, if the grouping names its digit. */
function groupingOf(protocol: Protocol, code: StatusCode, env: RenderEnv) {
  const value = protocol.grouping && groupOf(code.code, protocol.grouping);
  if (!protocol.grouping || !value) return null;
  const { translator: tr } = env;
  return { digit: value.digit, name: text(tr.content.groupingName(protocol), tr.locale), value: text(tr.content.groupingValue(protocol, value, 'name'), tr.locale) };
}

/** A code's equivalents: the other code, the relation as written or derived, the sentence the HTML page shows and the other code's document. */
function equivalentsOf(target: Target, code: StatusCode, env: RenderEnv) {
  const sentences = equivalentSentences(target, code, env);
  return code.equivalents.map((eq, i) => {
    const protocol = env.protocols.find((p) => p.id === eq.protocol);
    const other = protocol?.codes.find((c) => c.code === eq.code);
    return {
      protocol: { id: eq.protocol, name: protocol?.name ?? eq.protocol },
      code: eq.code,
      reason: other ? displayReason(other) : '',
      relation: eq.relation,
      derived: eq.derived,
      html: sentences[i]!,
      href: other ? jsonHref(target, to.code(target.locale, eq.protocol, eq.code)) : null,
    };
  });
}

/** A contrast's data without its kind, which comes first. */
/**
 * A declared fact's kind and value, for a code document's fact row (the rows every protocol
 * has, class, kind, status and spec, have their own fields): parties and retry values with
 * their labels, tokens as a list, a flag as a boolean.
 */
function factData(code: StatusCode, key: string, protocol: Protocol, tr: Translator): Record<string, unknown> {
  const fact = code.facts.find((f) => f.id === key);
  if (!fact) return {};
  const label = (prefix: string, value: string) => {
    const found = tr.pick([`${prefix}.${value}`], { context: protocol.exchange });
    return found === undefined ? value : tr.plainSentence(found);
  };
  switch (fact.kind) {
    case 'parties':
      return { kind: fact.kind, value: fact.values.map((s) => ({ id: s, label: label('sender', s) })) };
    case 'retry':
      return { kind: fact.kind, value: { id: fact.value, label: label('retry', fact.value) } };
    case 'tokens':
      return { kind: fact.kind, value: [...fact.values] };
    case 'flag':
      return { kind: fact.kind, value: fact.value };
  }
}

function contrastData(c: Contrast, env: RenderEnv): Record<string, unknown> {
  if (c.kind === 'definedIn') return { low: reference(c.low, env), high: reference(c.high, env) };
  const { kind: _kind, ...data } = c;
  return data;
}

function compareDocument(page: PageOf<'compare'>, env: RenderEnv) {
  const { protocol, pair, locale } = page;
  const { translator: tr, fragments } = env;
  const target = to.compare(locale, protocol.id, pair.slug);
  const low = fragments.get(protocol, pair.low);
  const high = fragments.get(protocol, pair.high);
  // Each contrast as a sentence, escaped as the HTML site escapes (the page shows them as a table).
  const sentences = phraseContrasts(pair, low, high, env);
  // The same for every comparison of the code: its href is relative to the compare folder.
  const side = (code: StatusCode) =>
    part(env, `side:${protocol.id}:${code.code}`, () => ({
      code: code.code,
      reason: code.reason,
      gloss: gloss(code, env),
      summary: text(tr.content.code(code, 'summary'), locale),
      href: jsonHref(target, to.code(locale, protocol.id, code.code)),
    }));
  const notes =
    pair.kind === 'curated'
      ? {
          difference: text(tr.content.pairText(protocol, pair.notes, 'difference'), locale),
          whenToUse: text(tr.content.pairText(protocol, pair.notes, 'whenToUse'), locale),
          scenario: text(tr.content.pairText(protocol, pair.notes, 'scenario'), locale),
        }
      : null;
  return members([
    ['$schema', jsonValue(schemaRef(target, 'compare'))],
    ['kind', '"compare"'],
    ['locale', jsonValue(locale)],
    ['protocol', part(env, `protocol:${protocol.id}`, () => protocolRef(protocol))],
    ['title', jsonValue(compareTitle(pair, env))],
    ['slug', jsonValue(pair.slug)],
    ['low', side(pair.low)],
    ['high', side(pair.high)],
    ['curated', String(pair.kind === 'curated')],
    // The page's first sentence: the curated note, else the difference that decides what to do.
    ['summary', jsonValue(pair.kind === 'curated' ? tr.render(tr.content.pairText(protocol, pair.notes, 'difference')) : leadSentence(pair, low, high, env))],
    ['contrasts', jsonValue(pair.contrasts.map((c, i) => ({ kind: c.kind, ...contrastData(c, env), html: sentences[i]! })))],
    ['facts', jsonValue(fragments.factRows(protocol).map(({ key }) => ({ key, label: plainRowLabel(protocol, key, tr), low: low.facts.get(key) ?? '', high: high.facts.get(key) ?? '' })))],
    ['notes', jsonValue(notes)],
    ['links', jsonValue(links(target, env))],
  ]);
}

/** The JSON document of a page, as the file's text. */
export function jsonDocument(page: Page, env: RenderEnv): string {
  switch (page.kind) {
    case 'protocol':
      return jsonText(protocolDocument(page, env));
    case 'compare-index':
      return jsonText(compareIndexDocument(page, env));
    case 'code':
      return jsonText(codeDocument(page, env));
    case 'compare':
      return `${compareDocument(page, env)}\n`;
    default:
      throw new Error(`format 'json' has no page of kind '${page.kind}'`);
  }
}
