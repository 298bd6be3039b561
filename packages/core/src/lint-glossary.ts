import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { compareStrings, sortDiagnostics } from './diagnostics.js';
import { readSource } from './source-file.js';
import type { Diagnostic } from './types.js';
import { parseYaml } from './yaml-file.js';

/** One concept of a locale's vocabulary: the rendering to use and the variants it replaces. */
export interface GlossaryTerm {
  /** The English term (for messages). */
  readonly term: string;
  readonly use: string;
  readonly variants: readonly string[];
  /** Longer phrases that contain a variant and are right as they are (e.g. 呼び出す for 呼). */
  readonly allow: readonly string[];
  /** Only the content of this protocol; undefined: every file of the locale. */
  readonly protocol: string | undefined;
}

export interface Glossary {
  readonly file: string;
  readonly terms: readonly GlossaryTerm[];
  /** `latin-cjk`: one space between Latin letters, digits or code and kana or kanji. */
  readonly spacing: 'latin-cjk' | undefined;
}

/** The glossary of a locale (`locales/<locale>/glossary.yaml`), undefined when it has none. */
export async function loadGlossary(localesDir: string, locale: string): Promise<{ glossary: Glossary | undefined; diagnostics: Diagnostic[] }> {
  const file = join(localesDir, locale, 'glossary.yaml');
  const read = await readSource(file);
  if (read === undefined) return { glossary: undefined, diagnostics: [] };
  if ('diagnostic' in read) return { glossary: undefined, diagnostics: [read.diagnostic] };
  const parsed = parseYaml(file, read.text);
  if (!parsed.ok) return { glossary: undefined, diagnostics: parsed.ctx.diagnostics };
  const { doc, ctx } = parsed;
  const bad = (node: Node | null | undefined, message: string): void => ctx.error(node?.range?.[0] ?? 0, 'glossary/schema', message);
  const strings = (node: unknown, name: string): string[] => {
    if (node === undefined || node === null) return [];
    if (!isSeq(node)) {
      bad(node as Node, `'${name}' must be a list of strings`);
      return [];
    }
    return node.items.flatMap((item) => {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') return [item.value];
      bad(item as Node, `each of '${name}' must be a non-empty string`);
      return [];
    });
  };
  const root = doc.contents;
  const terms: GlossaryTerm[] = [];
  let spacing: Glossary['spacing'];
  if (!isMap(root)) {
    bad(root, "a glossary is a mapping with 'terms' (and optionally 'spacing')");
    return { glossary: undefined, diagnostics: ctx.diagnostics };
  }
  const spacingNode = root.get('spacing', true) as Node | undefined;
  if (spacingNode !== undefined) {
    if (isScalar(spacingNode) && (spacingNode.value as unknown) === 'latin-cjk') spacing = 'latin-cjk';
    else bad(spacingNode, "'spacing' must be 'latin-cjk'");
  }
  const list = root.get('terms', true);
  if (!isSeq(list)) bad(list ?? root, "'terms' must be a list of terms");
  else {
    for (const item of list.items) {
      if (!isMap(item)) {
        bad(item as Node, "a term is a mapping with 'term', 'use' and 'variants'");
        continue;
      }
      const text = (key: string, required: boolean): string | undefined => {
        const node = item.get(key, true);
        if (node === undefined) {
          if (required) bad(item, `a term needs '${key}'`);
          return undefined;
        }
        if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value;
        bad(node, `'${key}' must be a non-empty string`);
        return undefined;
      };
      const term = text('term', true);
      const use = text('use', true);
      const protocol = text('protocol', false);
      const variants = strings(item.get('variants', true), 'variants');
      const allow = strings(item.get('allow', true), 'allow');
      if (variants.length === 0) bad(item, `term '${term ?? '?'}' lists no variants`);
      if (term !== undefined && use !== undefined) terms.push({ term, use, variants, allow, protocol });
    }
  }
  return { glossary: ctx.diagnostics.length > 0 ? undefined : { file, terms, spacing }, diagnostics: ctx.diagnostics };
}

/** A reason phrase of a protocol, to check that one phrase gets one gloss across protocols. */
export interface ReasonPhrase {
  readonly protocol: string;
  readonly code: number;
  readonly reason: string;
}

/**
 * Lints a locale's `ui.json` and translated content against its glossary: every variant of a
 * term, spacing between Latin text and kana/kanji (with `spacing: latin-cjk`), and one reason
 * phrase glossed two ways in two protocols. Returns warnings, sorted.
 */
export async function lintLocale(localesDir: string, locale: string, glossary: Glossary, reasons: readonly ReasonPhrase[] = []): Promise<Diagnostic[]> {
  const root = join(localesDir, locale);
  const files = [join(root, 'ui.json'), ...(await yamlFiles(join(root, 'content')))];
  const diagnostics: Diagnostic[] = [];
  const matchers = glossary.terms.map((t) => ({ term: t, re: variantPattern(t.variants), allow: t.allow.length > 0 ? variantPattern(t.allow) : undefined }));
  for (const file of files) {
    const read = await readSource(file);
    if (read === undefined) continue;
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const text = read.text;
    const protocol = protocolOf(root, file);
    const masked = maskTokens(text, file.endsWith('.json'));
    const at = positions(text);
    for (const { term, re, allow } of matchers) {
      if (term.protocol !== undefined && term.protocol !== protocol) continue;
      const allowed = allow ? ranges(masked, allow) : [];
      for (const m of masked.matchAll(re)) {
        const start = m.index;
        if (allowed.some(([s, e]) => s <= start && start < e)) continue;
        const found = text.slice(start, start + m[0].length).replace(/\s+/g, ' ');
        const { line, column } = at(start);
        diagnostics.push({
          file,
          line,
          column,
          severity: 'warning',
          ruleId: 'glossary/variant',
          message: `'${found}' is a variant of the term '${term.term}': use '${term.use}'`,
          expected: term.use,
          actual: found,
        });
      }
    }
    if (glossary.spacing === 'latin-cjk') {
      for (const m of masked.matchAll(UNSPACED)) {
        const { line, column } = at(m.index + 1);
        diagnostics.push({
          file,
          line,
          column,
          severity: 'warning',
          ruleId: 'glossary/spacing',
          message: `no space between '${text[m.index]}' and '${text[m.index + 1]}': Latin text, numbers and code are set off from Japanese by one space`,
          expected: `${text[m.index]} ${text[m.index + 1]}`,
          actual: text.slice(m.index, m.index + 2),
        });
      }
    }
  }
  diagnostics.push(...(await glossMismatches(root, reasons)));
  return sortDiagnostics(diagnostics);
}

// Latin letters, digits and the backtick of code, next to kana or kanji (not Japanese
// punctuation, which takes no space). A placeholder is neither: its value may be Japanese.
const LATIN = 'A-Za-z0-9`';
const CJK = '\\u3041-\\u3096\\u30A1-\\u30FA\\u30FC\\u4E00-\\u9FFF';
const UNSPACED = new RegExp(`[${LATIN}](?=[${CJK}])|[${CJK}](?=[${LATIN}])`, 'gu');

/** A pattern matching any of `phrases`: case-insensitive, spaces matching any run of white space (folded YAML), whole words at Latin ends. */
function variantPattern(phrases: readonly string[]): RegExp {
  const parts = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const body = p.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
      const head = /^\p{Script=Latin}/u.test(p) ? '(?<![\\p{L}\\p{N}_])' : '';
      const tail = /\p{Script=Latin}$/u.test(p) ? '(?![\\p{L}\\p{N}_])' : '';
      return `${head}${body}${tail}`;
    });
  return new RegExp(parts.join('|'), 'giu');
}

function ranges(text: string, re: RegExp): [number, number][] {
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The text with what is no prose blanked out (same length, so offsets stay): code spans and
 * link URLs, placeholders' names in ui.json (their braces stay: they are Latin for spacing),
 * YAML keys and source hashes.
 */
function maskTokens(text: string, json: boolean): string {
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  let out = text
    .replace(/`[^`\n]*`/g, (s) => `\`${blank(s.slice(1, -1))}\``)
    .replace(/\]\([^)\s]*\)/g, (s) => `]${blank(s.slice(1))}`);
  if (json) out = out.replace(/\{\{[^}]*\}\}/g, (s) => `{{${blank(s.slice(2, -2))}}}`).replace(/^(\s*)"[^"]*":/gm, (s, indent: string) => indent + blank(s.slice(indent.length)));
  else out = out.replace(/^(\s*)(- )?[\w.-]+:/gm, (s) => blank(s)).replace(/^(\s*source:\s*)[0-9a-f]+/gm, (s) => blank(s));
  return out;
}

/** Line and column (1-based, UTF-16 units) of an offset. */
function positions(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

function protocolOf(root: string, file: string): string | undefined {
  const parts = relative(root, file).split(sep);
  return parts[0] === 'content' ? parts[1] : undefined;
}

async function yamlFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => compareStrings(a.name, b.name))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await yamlFiles(path)));
    else if (e.name.endsWith('.yaml')) out.push(path);
  }
  return out;
}

/** Reason phrases registered in several protocols whose glosses differ: each gloss but the first is reported. */
async function glossMismatches(root: string, reasons: readonly ReasonPhrase[]): Promise<Diagnostic[]> {
  const byReason = new Map<string, ReasonPhrase[]>();
  for (const r of reasons) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r]);
  const out: Diagnostic[] = [];
  for (const [reason, list] of byReason) {
    if (new Set(list.map((r) => r.protocol)).size < 2) continue;
    const glosses: { r: ReasonPhrase; gloss: string; file: string; offset: number; text: string }[] = [];
    for (const r of list) {
      const file = join(root, 'content', r.protocol, 'codes', `${r.code}.yaml`);
      const read = await readSource(file);
      if (read === undefined || 'diagnostic' in read) continue;
      const parsed = parseYaml(file, read.text);
      if (!parsed.ok) continue;
      const node = parsed.doc.getIn(['reason', 'text'], true) ?? parsed.doc.getIn(['reason'], true);
      if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') continue;
      glosses.push({ r, gloss: node.value.trim(), file, offset: node.range?.[0] ?? 0, text: read.text });
    }
    const first = glosses[0];
    if (!first) continue;
    for (const g of glosses.slice(1)) {
      if (g.gloss === first.gloss) continue;
      const { line, column } = positions(g.text)(g.offset);
      out.push({
        file: g.file,
        line,
        column,
        severity: 'warning',
        ruleId: 'glossary/gloss',
        message: `'${reason}' is glossed '${g.gloss}' in ${g.r.protocol} but '${first.gloss}' in ${first.r.protocol}: one reason phrase, one gloss`,
        expected: first.gloss,
        actual: g.gloss,
      });
    }
  }
  return out;
}
