import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CODE_FIELDS, FACT_KINDS, codeSchema, pairsSchema, protocolSchema } from './content-schema.js';
import { compareStrings, sortDiagnostics } from './diagnostics.js';
import { offsetOf } from './schema.js';
import { readSource, textOf } from './source-file.js';
import { nodeAt, parseYaml, type YamlDocument } from './yaml-file.js';
import { suggest } from './suggest.js';
import { cached, type CheckCache } from './check-cache.js';
import { linkEquivalents, type WrittenEquivalent } from './equivalents.js';
import type {
  CodeClass,
  CodeFact,
  CuratedNotes,
  Diagnostic,
  FactDeclaration,
  FactKind,
  LoadResult,
  Protocol,
  Reference,
  StatusCode,
  Vocabulary,
} from './types.js';

type ProtocolValue = NonNullable<ReturnType<typeof protocolSchema>>;
type CodeValue = NonNullable<ReturnType<ReturnType<typeof codeSchema>>>;

/** What a protocol file declares, once checked: its classes and its fact schema. */
interface Declaration {
  readonly classes: CodeClass[];
  readonly facts: FactDeclaration[];
  readonly vocabularies: Vocabulary[];
}

const CODE_FILE = /^(\d+)\.ya?ml$/;

/** Equivalents written in code files, and the codes each protocol folder has a file for. */
interface Links {
  readonly written: Map<StatusCode, readonly WrittenEquivalent[]>;
  readonly known: Map<string, ReadonlySet<number>>;
}

/** A protocol file's checked value (absent when it has errors), as the check cache keeps it. */
interface CheckedProtocol {
  readonly value?: ProtocolValue | undefined;
  readonly declaration?: Declaration | undefined;
  readonly diagnostics: Diagnostic[];
}

/**
 * Loads and validates `content/`: every protocol with its codes and curated pairs, plus all
 * diagnostics. With a `cache`, files whose text (and whatever their check depends on) did not
 * change are not parsed again.
 */
export async function loadContent(dir: string, options: { cache?: CheckCache } = {}): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  let folders: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort(compareStrings);
  } catch {
    diagnostics.push(fileError(dir, 'content/missing', `content folder not found: ${dir}`, 'a folder with one sub-folder per protocol'));
    return { protocols: [], diagnostics };
  }
  const loaded: Protocol[] = [];
  const links: Links = { written: new Map(), known: new Map() };
  for (const folder of folders) {
    const protocol = await loadProtocol(join(dir, folder), folder, diagnostics, options.cache, links);
    if (protocol) loaded.push(protocol);
  }
  if (folders.length === 0) {
    diagnostics.push(fileError(dir, 'content/empty', `no protocol folders in ${dir}`, 'content/<protocol>/protocol.yaml'));
  }
  // Equivalents name codes of other protocols: checked, and their reverse derived, once all are loaded.
  const protocols = linkEquivalents(loaded, links, diagnostics);
  return { protocols, diagnostics: sortDiagnostics(diagnostics) };
}

async function loadProtocol(folder: string, id: string, diagnostics: Diagnostic[], cache: CheckCache | undefined, links: Links): Promise<Protocol | undefined> {
  const protocolFile = join(folder, 'protocol.yaml');
  const read = await readSource(protocolFile);
  if (read === undefined) {
    diagnostics.push(fileError(protocolFile, 'content/missing', `protocol folder '${id}' has no protocol.yaml`, 'content/<protocol>/protocol.yaml'));
    return undefined;
  }
  const source = textOf(read, diagnostics);
  // What the check depends on: the file's name and text, and its folder's name.
  const { value, declaration, diagnostics: found } =
    source === undefined
      ? { value: undefined, declaration: undefined, diagnostics: [] }
      : cached<CheckedProtocol>(cache, ['protocol', protocolFile, source, id], () => {
          const file = parseYaml(protocolFile, source);
          const value = file.ok ? protocolSchema(file.doc.contents, file.ctx, '') : undefined;
          const declaration = value && file.ok ? checkProtocol(value, id, file) : undefined;
          return { value, declaration, diagnostics: file.ctx.diagnostics };
        });
  diagnostics.push(...found);

  const codeFiles = await listCodeFiles(join(folder, 'codes'));
  const codes: StatusCode[] = [];
  for (const loaded of await Promise.all(codeFiles.map(async (path) => loadCode(path, source ?? '', value, declaration, diagnostics, cache)))) {
    if (!loaded?.code) continue;
    codes.push(loaded.code);
    if (loaded.equivalents.length > 0) links.written.set(loaded.code, loaded.equivalents);
  }
  const unique = dropDuplicates(codes, diagnostics);

  // Codes whose file exists but has errors are known too: a pair naming them is not reported again.
  const named = codeFiles.map((f) => Number(CODE_FILE.exec(basename(f))?.[1])).filter(Number.isInteger);
  links.known.set(id, new Set(named));
  const curated = await loadPairs(join(folder, 'pairs.yaml'), unique, new Set([...named, ...unique.map((c) => c.code)]), diagnostics, cache);
  if (!value || !declaration) return undefined;
  return {
    id: value.id,
    name: value.name,
    title: value.title,
    description: value.description,
    registry: value.registry,
    references: normalizeReferences(value.references),
    exchange: value.exchange,
    facts: declaration.facts,
    vocabularies: declaration.vocabularies,
    nonFinal: value.nonFinal ?? 'provisional',
    classes: declaration.classes,
    ...(value.grouping ? { grouping: value.grouping } : {}),
    ranges: (value.ranges ?? []).map((r) => ({ ...r, range: r.range as [number, number] })),
    codes: unique,
    curated,
  };
}

function checkProtocol(value: ProtocolValue, folderName: string, file: YamlDocument): Declaration | undefined {
  const { ctx, doc } = file;
  const before = ctx.diagnostics.length;
  if (value.id !== folderName) {
    ctx.error(offsetOf(nodeAt(doc, ['id'])), 'protocol/id', `protocol id '${value.id}' does not match its folder '${folderName}'`, {
      expected: `'${folderName}'`,
      actual: `'${value.id}'`,
    });
  }
  const classes = value.classes.map((c) => ({ ...c, range: c.range as [number, number] }));
  checkClasses(classes, file);
  checkGroupingAndRanges(value, file);
  const vocabularies = (value.vocabularies ?? []).map(([id, values]) => ({ id, values }));
  const facts = value.facts.map((f, i) => checkFactDeclaration(f, i, vocabularies, value.facts, file)).filter((f): f is FactDeclaration => f !== undefined);
  if (ctx.diagnostics.slice(before).some((d) => d.severity === 'error')) return undefined;
  return { classes, facts, vocabularies };
}

/**
 * Number ranges lower bound first, outside every class (their numbers have no code pages) and
 * apart from each other; each grouping digit declared once.
 */
function checkGroupingAndRanges(value: ProtocolValue, file: YamlDocument): void {
  const { ctx, doc } = file;
  const ranges = (value.ranges ?? []).map((r) => r.range as [number, number]);
  ranges.forEach(([low, high], i) => {
    const at = offsetOf(nodeAt(doc, ['ranges', i, 'range']));
    if (low > high) {
      ctx.error(at, 'protocol/range', `range ${low}-${high} has its lower bound above its upper bound`, {
        expected: 'a range [low, high], lower bound first',
        actual: `${low}-${high}`,
      });
      return;
    }
    const overlaps = (r: readonly number[]) => r[0]! <= high && low <= r[1]!;
    const cls = value.classes.find((c) => overlaps(c.range));
    const other = ranges.slice(0, i).find(overlaps);
    if (cls || other) {
      const what = cls ? `class ${cls.id} (${cls.range[0]}-${cls.range[1]})` : `range ${other![0]}-${other![1]}`;
      ctx.error(at, 'protocol/range', `range ${low}-${high} overlaps ${what}`, {
        expected: 'numbers outside every class and every other range (a range has no code pages)',
        actual: `${low}-${high}`,
      });
    }
  });
  const digits = new Map<number, number>();
  value.grouping?.values.forEach((v, i) => {
    const first = digits.get(v.digit);
    if (first !== undefined) {
      ctx.error(offsetOf(nodeAt(doc, ['grouping', 'values', i, 'digit'])), 'protocol/grouping-digit', `grouping value ${v.digit} is listed twice (also entry ${first + 1})`, {
        expected: 'each digit once',
        actual: String(v.digit),
      });
    }
    digits.set(v.digit, i);
  });
}

/** Each class range low <= high and overlapping no other; class ids once each. */
function checkClasses(classes: readonly CodeClass[], file: YamlDocument): void {
  const { ctx, doc } = file;
  classes.forEach((c, i) => {
    const [low, high] = c.range;
    const at = offsetOf(nodeAt(doc, ['classes', i, 'range']));
    if (classes.findIndex((d) => d.id === c.id) < i) {
      ctx.error(offsetOf(nodeAt(doc, ['classes', i, 'id'])), 'protocol/duplicate-class', `class '${c.id}' is declared twice`, { expected: 'each class id once', actual: `'${c.id}'` });
    }
    if (low > high) {
      ctx.error(at, 'protocol/class-range', `class ${c.id} has range ${low}-${high}, whose lower bound is above its upper bound`, {
        expected: 'a range [low, high], lower bound first',
        actual: `${low}-${high}`,
      });
      return;
    }
    const other = classes.slice(0, i).find((d) => d.range[0] <= high && low <= d.range[1]);
    if (other) {
      ctx.error(at, 'protocol/class-range', `class ${c.id} (${low}-${high}) overlaps class ${other.id} (${other.range[0]}-${other.range[1]})`, {
        expected: 'ranges that do not overlap',
        actual: `${low}-${high}`,
      });
    }
  });
}

type FactValueDeclared = ProtocolValue['facts'][number];

/** Which declaration keys each kind takes besides `id` and `kind`. */
const FACT_KEYS: { readonly [K in FactKind]: readonly ('of' | 'pattern' | 'empty')[] } = {
  parties: ['of'],
  retry: [],
  tokens: ['of', 'pattern', 'empty'],
  flag: [],
};

function checkFactDeclaration(
  fact: FactValueDeclared,
  index: number,
  vocabularies: readonly Vocabulary[],
  all: readonly FactValueDeclared[],
  file: YamlDocument,
): FactDeclaration | undefined {
  const { ctx, doc } = file;
  const at = (key: string) => offsetOf(nodeAt(doc, ['facts', index, key]));
  const kinds: readonly string[] = FACT_KINDS;
  if (!kinds.includes(fact.kind)) {
    const close = suggest(fact.kind, FACT_KINDS);
    ctx.error(at('kind'), 'protocol/fact-kind', `unknown fact kind '${fact.kind}'${close ? `: did you mean '${close}'?` : ''}`, {
      expected: `one of ${FACT_KINDS.map((k) => `'${k}'`).join(', ')}`,
      actual: `'${fact.kind}'`,
    });
    return undefined;
  }
  const kind = fact.kind as FactKind;
  let ok = true;
  if (all.findIndex((f) => f.id === fact.id) < index) {
    ctx.error(at('id'), 'protocol/duplicate-fact', `fact '${fact.id}' is declared twice`, { expected: 'each fact id once', actual: `'${fact.id}'` });
    ok = false;
  }
  if (Object.hasOwn(CODE_FIELDS, fact.id)) {
    ctx.error(at('id'), 'protocol/fact-id', `fact id '${fact.id}' is the name of a field every code has`, {
      expected: `a name other than ${Object.keys(CODE_FIELDS).map((k) => `'${k}'`).join(', ')}`,
      actual: `'${fact.id}'`,
    });
    ok = false;
  }
  for (const key of ['of', 'pattern', 'empty'] as const) {
    if (fact[key] !== undefined && !FACT_KEYS[kind].includes(key)) {
      ctx.error(at(key), 'protocol/fact-key', `'${key}' does not apply to a fact of kind '${kind}'`, {
        expected: FACT_KEYS[kind].length > 0 ? `only ${FACT_KEYS[kind].map((k) => `'${k}'`).join(', ')} besides 'id' and 'kind'` : `only 'id' and 'kind'`,
        actual: `'${key}'`,
      });
      ok = false;
    }
  }
  if (fact.of !== undefined && !vocabularies.some((v) => v.id === fact.of)) {
    const names = vocabularies.map((v) => v.id);
    const close = suggest(fact.of, names);
    ctx.error(at('of'), 'protocol/fact-vocabulary', `fact '${fact.id}' has 'of: ${fact.of}', which names no vocabulary${close ? `: did you mean '${close}'?` : ''}`, {
      expected: names.length > 0 ? `one of the vocabularies: ${names.join(', ')}` : 'a vocabulary declared under vocabularies:',
      actual: `'${fact.of}'`,
    });
    ok = false;
  }
  if (kind === 'parties' && fact.of === undefined) {
    ctx.error(offsetOf(nodeAt(doc, ['facts', index])), 'protocol/fact-vocabulary', `fact '${fact.id}' of kind 'parties' needs 'of', the vocabulary of its parties`, {
      expected: "of: <vocabulary>",
      actual: 'no such field',
    });
    ok = false;
  }
  if (fact.pattern !== undefined && !compiles(fact.pattern)) {
    ctx.error(at('pattern'), 'protocol/fact-pattern', `fact '${fact.id}' has a pattern that is not a valid regular expression`, {
      expected: "a JavaScript regular expression, like '^[245]\\.[0-9]{1,3}$'",
      actual: `'${fact.pattern}'`,
    });
    ok = false;
  }
  if (!ok) return undefined;
  return {
    id: fact.id,
    kind,
    ...(fact.of === undefined ? {} : { of: fact.of }),
    ...(fact.pattern === undefined ? {} : { pattern: fact.pattern }),
    empty: fact.empty ?? 'none',
  };
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

async function loadCode(
  path: string,
  protocolSource: string,
  protocol: ProtocolValue | undefined,
  declaration: Declaration | undefined,
  diagnostics: Diagnostic[],
  cache: CheckCache | undefined,
): Promise<{ code?: StatusCode; equivalents: readonly WrittenEquivalent[] } | undefined> {
  const source = textOf(await readSource(path), diagnostics);
  if (source === undefined) return undefined;
  // What a code file's check depends on: its name and text, and its protocol's file.
  const result = cached(cache, ['code', path, source, protocolSource], () => {
    const file = parseYaml(path, source);
    const value = file.ok ? codeSchema(declaration?.facts)(file.doc.contents, file.ctx, '') : undefined;
    const code = value && file.ok && protocol && declaration ? checkCode(value, protocol, declaration, file) : undefined;
    // Where each equivalent was written: they are checked once every protocol is loaded.
    const equivalents = code && file.ok ? (value?.equivalents ?? []).map((e, i) => ({ ...e, ...file.ctx.position(offsetOf(nodeAt(file.doc, ['equivalents', i]))) })) : [];
    return { ...(code ? { code } : {}), equivalents, diagnostics: file.ctx.diagnostics };
  });
  diagnostics.push(...result.diagnostics);
  return result;
}

function checkCode(value: CodeValue, protocol: ProtocolValue, declaration: Declaration, file: YamlDocument): StatusCode | undefined {
  const { classes } = declaration;
  const { ctx, doc } = file;
  const before = ctx.diagnostics.length;
  const codeOffset = offsetOf(nodeAt(doc, ['code']));

  const fileCode = CODE_FILE.exec(basename(ctx.file))?.[1];
  if (fileCode !== String(value.code)) {
    ctx.error(codeOffset, 'code/file-name', `code ${value.code} is in a file named '${basename(ctx.file)}', expected '${value.code}.yaml'`, {
      expected: `the file to be named '${value.code}.yaml'`,
      actual: `'${basename(ctx.file)}'`,
      hint: 'rename the file or fix the code',
    });
  }

  const codeClass = classes.find((c) => value.code >= c.range[0] && value.code <= c.range[1]);
  if (!codeClass) {
    const ranges = classes.map((c) => `${c.id} (${c.range[0]}-${c.range[1]})`).join(', ');
    ctx.error(codeOffset, 'code/class-range', `code ${value.code} is outside every class of ${protocol.name}: ${ranges}`, {
      expected: ranges,
      actual: String(value.code),
    });
  }

  const facts = declaration.facts.map((fact) => checkFact(fact, (value as Record<string, unknown>)[fact.id], value.status, declaration.vocabularies, file));

  (value.formerReasons ?? []).forEach((former, i) => {
    if (former.reason === value.reason) {
      ctx.error(offsetOf(nodeAt(doc, ['formerReasons', i, 'reason'])), 'code/former-reason', `former reason '${former.reason}' is the current reason`, {
        expected: 'a reason phrase the code no longer has',
        actual: `'${former.reason}'`,
      });
    }
  });

  (value.alsoNamed ?? []).forEach((other, i) => {
    const names = [value.reason, ...(value.alsoNamed ?? []).slice(0, i).map((a) => a.reason)];
    if (names.includes(other.reason)) {
      ctx.error(offsetOf(nodeAt(doc, ['alsoNamed', i, 'reason'])), 'code/also-named', `'${other.reason}' is already a name of code ${value.code}`, {
        expected: 'a second registered name, different from the reason and the other names',
        actual: `'${other.reason}'`,
      });
    }
  });

  if (ctx.diagnostics.slice(before).some((d) => d.severity === 'error') || !codeClass) return undefined;
  const { summary, description, whenYouSeeIt, howToFix } = value;
  return {
    protocol: protocol.id,
    code: value.code,
    reason: value.reason,
    formerReasons: value.formerReasons ?? [],
    alsoNamed: (value.alsoNamed ?? []).map((a) => ({ reason: a.reason, references: normalizeReferences(a.references ?? []) })),
    equivalents: [],
    status: value.status,
    references: normalizeReferences(value.references),
    classId: codeClass.id,
    final: codeClass.final,
    outcome: codeClass.outcome,
    facts,
    text: { summary, description, whenYouSeeIt, howToFix },
    file: ctx.file,
  };
}

/** A code's value of one declared fact (its type checked by the schema), checked against the declaration. */
function checkFact(fact: FactDeclaration, raw: unknown, status: StatusCode['status'], vocabularies: readonly Vocabulary[], file: YamlDocument): CodeFact {
  switch (fact.kind) {
    case 'retry':
      return { id: fact.id, kind: 'retry', value: raw as Extract<CodeFact, { kind: 'retry' }>['value'] };
    case 'flag':
      return { id: fact.id, kind: 'flag', value: raw as boolean };
    case 'parties':
    case 'tokens': {
      const values = raw as string[];
      const vocabulary = vocabularies.find((v) => v.id === fact.of);
      if (vocabulary) checkVocabulary(values, vocabulary, fact.id, file);
      if (fact.pattern !== undefined) checkPattern(values, fact.pattern, fact.id, file);
      // A code nobody sends any more may name no sender; one in use must.
      if (fact.kind === 'parties' && values.length === 0 && status === 'current') {
        file.ctx.error(offsetOf(nodeAt(file.doc, [fact.id])), 'code/no-parties', `a current code needs at least one value in '${fact.id}' (who sends it)`, {
          expected: `at least one of ${vocabulary?.values.join(', ') ?? 'its parties'} (only an unused, obsolete, deprecated or unregistered code may list none)`,
          actual: `${fact.id}: []`,
        });
      }
      return { id: fact.id, kind: fact.kind, values };
    }
  }
}

function checkVocabulary(values: readonly string[], vocabulary: Vocabulary, field: string, file: YamlDocument): void {
  values.forEach((v, i) => {
    if (vocabulary.values.includes(v)) return;
    const close = suggest(v, vocabulary.values);
    file.ctx.error(offsetOf(nodeAt(file.doc, [field, i])), 'code/unknown-value', `'${v}' in '${field}' is not in the vocabulary '${vocabulary.id}'${close ? `: did you mean '${close}'?` : ''}`, {
      expected: `one of ${vocabulary.values.join(', ')}`,
      actual: `'${v}'`,
    });
  });
}

function checkPattern(values: readonly string[], pattern: string, field: string, file: YamlDocument): void {
  const re = new RegExp(pattern, 'u');
  values.forEach((v, i) => {
    if (re.test(v)) return;
    file.ctx.error(offsetOf(nodeAt(file.doc, [field, i])), 'code/token-pattern', `'${v}' in '${field}' does not match the pattern the protocol declares`, {
      expected: `a token matching ${pattern}`,
      actual: `'${v}'`,
    });
  });
}

/** Keeps the first file of each code; later ones are reported. */
function dropDuplicates(codes: StatusCode[], diagnostics: Diagnostic[]): StatusCode[] {
  const byCode = new Map<number, StatusCode>();
  for (const code of [...codes].sort((a, b) => compareStrings(a.file, b.file))) {
    const first = byCode.get(code.code);
    if (first) {
      diagnostics.push({
        ...fileError(code.file, 'code/duplicate', `code ${code.code} is defined twice: here and in ${basename(first.file)}`, 'each code in exactly one file'),
        actual: `${basename(first.file)} and ${basename(code.file)}`,
      });
      continue;
    }
    byCode.set(code.code, code);
  }
  return [...byCode.values()].sort((a, b) => a.code - b.code);
}

async function loadPairs(
  path: string,
  codes: readonly StatusCode[],
  known: ReadonlySet<number>,
  diagnostics: Diagnostic[],
  cache: CheckCache | undefined,
): Promise<CuratedNotes[]> {
  const source = textOf(await readSource(path), diagnostics);
  if (source === undefined) return [];
  // What the check depends on: the file's name and text, and which codes exist and loaded.
  const loaded = new Set(codes.map((c) => c.code));
  const result = cached(cache, ['pairs', path, source, [...loaded].join(','), [...known].sort((a, b) => a - b).join(',')], () => checkPairs(path, source, loaded, known));
  diagnostics.push(...result.diagnostics);
  return result.pairs;
}

function checkPairs(path: string, source: string, loaded: ReadonlySet<number>, known: ReadonlySet<number>): { pairs: CuratedNotes[]; diagnostics: Diagnostic[] } {
  const file = parseYaml(path, source);
  if (!file.ok) return { pairs: [], diagnostics: file.ctx.diagnostics };
  const value = pairsSchema(file.doc.contents, file.ctx, '');
  const out: CuratedNotes[] = [];
  const seen = new Map<string, number>();
  value?.forEach((entry, i) => {
    const [a, b] = entry.codes as [number, number];
    const codesNode = nodeAt(file.doc, [i, 'codes']);
    if (a === b) {
      file.ctx.error(offsetOf(codesNode), 'pair/same-code', `pair names code ${a} twice, expected two different codes`, {
        expected: 'two different codes',
        actual: `[${a}, ${b}]`,
      });
      return;
    }
    const missing = [a, b].filter((c) => !known.has(c));
    if (missing.length > 0) {
      const index = [a, b].indexOf(missing[0]!);
      file.ctx.error(offsetOf(nodeAt(file.doc, [i, 'codes', index])), 'pair/unknown-code', `pair names code ${missing[0]}, which has no file in codes/`, {
        expected: 'a code defined in codes/<code>.yaml',
        actual: String(missing[0]),
      });
      return;
    }
    // A code whose file has errors: those were reported; the pair is left out.
    if (!loaded.has(a) || !loaded.has(b)) return;
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    const key = `${low}-${high}`;
    const first = seen.get(key);
    if (first !== undefined) {
      file.ctx.error(offsetOf(codesNode), 'pair/duplicate', `pair ${low} vs ${high} is listed twice (also entry ${first + 1})`, {
        expected: 'each pair once',
        actual: `[${a}, ${b}]`,
      });
      return;
    }
    seen.set(key, i);
    const { difference, whenToUse, scenario } = entry;
    out.push({ low, high, text: { difference, whenToUse, scenario } });
  });
  return { pairs: out.sort((x, y) => x.low - y.low || x.high - y.high), diagnostics: file.ctx.diagnostics };
}

function normalizeReferences(refs: readonly (Omit<Reference, 'role'> & { role?: Reference['role'] })[]): Reference[] {
  return refs.map((r, i) => ({ ...r, role: r.role ?? (i === 0 ? 'definition' : 'update') }) as Reference);
}

async function listCodeFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names
      .filter((n) => CODE_FILE.test(n) || /\.ya?ml$/.test(n))
      .sort(compareStrings)
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

function fileError(file: string, ruleId: string, message: string, expected: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', ruleId, message, expected };
}
