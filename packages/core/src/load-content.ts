import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { codeSchema, pairsSchema, protocolSchema } from './content-schema.js';
import { compareStrings, sortDiagnostics } from './diagnostics.js';
import { offsetOf } from './schema.js';
import { readSource, textOf } from './source-file.js';
import { nodeAt, parseYaml, type YamlDocument } from './yaml-file.js';
import { suggest } from './suggest.js';
import { cached, type CheckCache } from './check-cache.js';
import { linkEquivalents, type WrittenEquivalent } from './equivalents.js';
import type { CodeClass, CuratedNotes, Diagnostic, LoadResult, Protocol, Reference, StatusCode } from './types.js';

type ProtocolValue = NonNullable<ReturnType<typeof protocolSchema>>;
type CodeValue = NonNullable<ReturnType<typeof codeSchema>>;

const CODE_FILE = /^(\d+)\.ya?ml$/;

/** Equivalents written in code files, and the codes each protocol folder has a file for. */
interface Links {
  readonly written: Map<StatusCode, readonly WrittenEquivalent[]>;
  readonly known: Map<string, ReadonlySet<number>>;
}

/** A protocol file's checked value (absent when it has errors), as the check cache keeps it. */
interface CheckedProtocol {
  readonly value?: ProtocolValue | undefined;
  readonly classes?: CodeClass[] | undefined;
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
  const { value, classes, diagnostics: found } =
    source === undefined
      ? { value: undefined, classes: undefined, diagnostics: [] }
      : cached<CheckedProtocol>(cache, ['protocol', protocolFile, source, id], () => {
          const file = parseYaml(protocolFile, source);
          const value = file.ok ? protocolSchema(file.doc.contents, file.ctx, '') : undefined;
          const classes = value && file.ok ? checkProtocol(value, id, file) : undefined;
          return { value, classes, diagnostics: file.ctx.diagnostics };
        });
  diagnostics.push(...found);

  const codeFiles = await listCodeFiles(join(folder, 'codes'));
  const codes: StatusCode[] = [];
  for (const loaded of await Promise.all(codeFiles.map(async (path) => loadCode(path, source ?? '', value, classes, diagnostics, cache)))) {
    if (!loaded?.code) continue;
    codes.push(loaded.code);
    if (loaded.equivalents.length > 0) links.written.set(loaded.code, loaded.equivalents);
  }
  const unique = dropDuplicates(codes, diagnostics);

  // Codes whose file exists but has errors are known too: a pair naming them is not reported again.
  const named = codeFiles.map((f) => Number(CODE_FILE.exec(basename(f))?.[1])).filter(Number.isInteger);
  links.known.set(id, new Set(named));
  const curated = await loadPairs(join(folder, 'pairs.yaml'), unique, new Set([...named, ...unique.map((c) => c.code)]), diagnostics, cache);
  if (!value || !classes) return undefined;
  return {
    id: value.id,
    name: value.name,
    title: value.title,
    description: value.description,
    registry: value.registry,
    references: normalizeReferences(value.references),
    senders: value.senders,
    methods: value.methods,
    cacheable: value.cacheable,
    nonFinal: value.nonFinal ?? 'provisional',
    classes,
    ...(value.grouping ? { grouping: value.grouping } : {}),
    ranges: (value.ranges ?? []).map((r) => ({ ...r, range: r.range as [number, number] })),
    codes: unique,
    curated,
  };
}

function checkProtocol(value: ProtocolValue, folderName: string, file: YamlDocument): CodeClass[] | undefined {
  const { ctx, doc } = file;
  let ok = true;
  if (value.id !== folderName) {
    ctx.error(offsetOf(nodeAt(doc, ['id'])), 'protocol/id', `protocol id '${value.id}' does not match its folder '${folderName}'`, {
      expected: `'${folderName}'`,
      actual: `'${value.id}'`,
    });
    ok = false;
  }
  // Classes cover ranges of any size (DNS 0-23, WebSocket 1000-1015): each range in order, and
  // no number in two classes, so every code falls in exactly one.
  value.classes.forEach((c, i) => {
    const [low, high] = c.range as [number, number];
    const at = offsetOf(nodeAt(doc, ['classes', i, 'range']));
    if (low > high) {
      ctx.error(at, 'protocol/class-range', `class ${c.id} has range ${low}-${high}, lower bound after upper bound`, {
        expected: 'the lower bound first: [low, high]',
        actual: `${low}-${high}`,
      });
      ok = false;
      return;
    }
    const other = value.classes.slice(0, i).find((o) => overlaps(o.range as [number, number], [low, high]));
    if (other) {
      ctx.error(at, 'protocol/class-overlap', `class ${c.id} (${low}-${high}) overlaps class ${other.id} (${other.range[0]}-${other.range[1]})`, {
        expected: 'class ranges that share no number',
        actual: `${low}-${high} and ${other.range[0]}-${other.range[1]}`,
      });
      ok = false;
    }
  });
  value.ranges?.forEach((r, i) => {
    const [low, high] = r.range as [number, number];
    if (low > high) {
      ctx.error(offsetOf(nodeAt(doc, ['ranges', i, 'range'])), 'protocol/range', `range ${low}-${high} has its lower bound after its upper bound`, {
        expected: 'the lower bound first: [low, high]',
        actual: `${low}-${high}`,
      });
      ok = false;
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
      ok = false;
    }
    digits.set(v.digit, i);
  });
  if (!ok) return undefined;
  return value.classes.map((c) => ({ ...c, range: c.range as [number, number] }));
}

async function loadCode(
  path: string,
  protocolSource: string,
  protocol: ProtocolValue | undefined,
  classes: readonly CodeClass[] | undefined,
  diagnostics: Diagnostic[],
  cache: CheckCache | undefined,
): Promise<{ code?: StatusCode; equivalents: readonly WrittenEquivalent[] } | undefined> {
  const source = textOf(await readSource(path), diagnostics);
  if (source === undefined) return undefined;
  // What a code file's check depends on: its name and text, and its protocol's file.
  const result = cached(cache, ['code', path, source, protocolSource], () => {
    const file = parseYaml(path, source);
    const value = file.ok ? codeSchema(file.doc.contents, file.ctx, '') : undefined;
    const code = value && file.ok && protocol && classes ? checkCode(value, protocol, classes, file) : undefined;
    // Where each equivalent was written: they are checked once every protocol is loaded.
    const equivalents = code && file.ok ? (value?.equivalents ?? []).map((e, i) => ({ ...e, ...file.ctx.position(offsetOf(nodeAt(file.doc, ['equivalents', i])) ) })) : [];
    return { ...(code ? { code } : {}), equivalents, diagnostics: file.ctx.diagnostics };
  });
  diagnostics.push(...result.diagnostics);
  return result;
}

function checkCode(value: CodeValue, protocol: ProtocolValue, classes: readonly CodeClass[], file: YamlDocument): StatusCode | undefined {
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

  checkVocabulary(value.senders, protocol.senders, 'senders', 'sender', file);
  if (value.senders.length === 0 && value.status === 'current') {
    ctx.error(offsetOf(nodeAt(doc, ['senders'])), 'code/senders', `a current code needs at least one sender`, {
      expected: 'at least one sender (only an unused, obsolete, deprecated or unregistered code may list none)',
      actual: 'senders: []',
    });
  }
  checkVocabulary(value.methods, protocol.methods, 'methods', 'method', file);

  if (protocol.cacheable && value.cacheable === undefined) {
    ctx.error(offsetOf(doc.contents), 'code/cacheable', `missing required field 'cacheable' (${protocol.name} codes say whether they are cacheable by default)`, {
      expected: 'cacheable: true or false',
      actual: 'no such field',
    });
  } else if (!protocol.cacheable && value.cacheable !== undefined) {
    ctx.error(offsetOf(nodeAt(doc, ['cacheable'])), 'code/cacheable', `'cacheable' does not apply to ${protocol.name} codes`, {
      expected: 'no cacheable field',
      actual: `cacheable: ${value.cacheable}`,
    });
  }

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
    senders: value.senders,
    retry: value.retry,
    headers: value.headers,
    methods: value.methods,
    ...(value.cacheable === undefined ? {} : { cacheable: value.cacheable }),
    text: { summary, description, whenYouSeeIt, howToFix },
    file: ctx.file,
  };
}

function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

function checkVocabulary(values: readonly string[], allowed: readonly string[], field: string, noun: string, file: YamlDocument): void {
  values.forEach((v, i) => {
    if (allowed.includes(v)) return;
    const close = suggest(v, allowed);
    file.ctx.error(offsetOf(nodeAt(file.doc, [field, i])), `code/unknown-${noun}`, `unknown ${noun} '${v}'${close ? `: did you mean '${close}'?` : ''}`, {
      expected: `one of the protocol's ${field}: ${allowed.join(', ')}`,
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
