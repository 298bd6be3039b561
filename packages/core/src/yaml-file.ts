import { Composer, isScalar, Lexer, LineCounter, Parser, visit, YAMLParseError, type CST, type Document, type Node } from 'yaml';
import { escapeControls } from './characters.js';
import { MAX_DEPTH } from './limits.js';
import { FileContext } from './schema.js';
import { readSource } from './source-file.js';
import type { Diagnostic } from './types.js';

/** A parsed YAML file with the context its diagnostics go to; no document when it has errors (already reported). */
export type YamlFile = YamlDocument | { readonly ok: false; readonly ctx: FileContext };

export interface YamlDocument {
  readonly ok: true;
  readonly doc: Document.Parsed;
  readonly ctx: FileContext;
}

/**
 * Parses YAML keeping positions; reports the first syntax error (the rest are usually its
 * echoes), or nesting deeper than MAX_DEPTH, found before anything recursive reads it.
 */
export function parseYaml(file: string, source: string): YamlFile {
  const lines = new LineCounter();
  const ctx = new FileContext(file, lines, source);
  const tokens = shallowTokens(source, lines, ctx);
  if (!tokens) return { ok: false, ctx };
  // As `parseDocument` does, from tokens already read.
  let doc: Document.Parsed | undefined;
  for (const next of new Composer({ uniqueKeys: true }).compose(tokens, true, source.length)) {
    if (doc) {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
    doc = next;
  }
  const [first] = doc!.errors;
  if (first) {
    ctx.error(first.pos[0], 'yaml/syntax', `YAML syntax error: ${escapeControls(first.message.replace(/\s+/g, ' ').trim())}`, {
      expected: 'valid YAML',
      actual: first.code,
    });
    return { ok: false, ctx };
  }
  return { ok: true, doc: doc!, ctx };
}

/**
 * The file's syntax tokens, or undefined after reporting lists and mappings nested deeper
 * than MAX_DEPTH. The lexer and parser keep their state in arrays, not on the call stack;
 * composing (and anything reading the document) recurses once per level.
 */
function shallowTokens(source: string, lines: LineCounter, ctx: FileContext): CST.Token[] | undefined {
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(source)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The parser's stack holds the open collections, plus the document and a scalar or two.
    if (parser.stack.length > MAX_DEPTH) {
      const open = parser.stack.filter((t) => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection');
      if (open.length > MAX_DEPTH) {
        ctx.error(open[MAX_DEPTH]!.offset, 'yaml/depth', `YAML nested too deeply: more than ${MAX_DEPTH} levels of lists and mappings`, {
          expected: `at most ${MAX_DEPTH} levels of nested lists and mappings`,
          actual: `a list or mapping at level ${MAX_DEPTH + 1}`,
        });
        return undefined;
      }
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

export function nodeAt(doc: Document.Parsed, path: readonly (string | number)[]): Node | undefined {
  return doc.getIn(path, true) as Node | undefined;
}

/**
 * A YAML file's text and plain value, read and parsed as content files are (size, UTF-8,
 * depth); diagnostics instead when it cannot be; undefined when it does not exist.
 */
export async function readYamlValue(path: string, options: { readonly asWritten?: readonly string[] } = {}): Promise<{ text: string; value: unknown } | { diagnostics: Diagnostic[] } | undefined> {
  const read = await readSource(path);
  if (read === undefined) return undefined;
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const file = parseYaml(path, read.text);
  if (!file.ok) return { diagnostics: file.ctx.diagnostics };
  const keys = options.asWritten ?? [];
  if (keys.length > 0) {
    // A source hash of digits with one `e` (511e7097) is a number to YAML: keep what was written.
    visit(file.doc, {
      Pair(_, pair) {
        if (isScalar(pair.key) && keys.includes(String(pair.key.value)) && isScalar(pair.value) && typeof pair.value.value !== 'string') {
          pair.value.value = pair.value.source ?? String(pair.value.value);
        }
      },
    });
  }
  return { text: read.text, value: file.doc.toJS() };
}
