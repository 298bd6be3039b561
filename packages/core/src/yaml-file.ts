import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { FileContext } from './schema.js';
import { readSource } from './source-file.js';
import type { Diagnostic } from './types.js';

/** A parsed YAML file with the context its diagnostics go to. */
export interface YamlFile {
  readonly doc: Document.Parsed;
  readonly ctx: FileContext;
  /** False when the file has a YAML syntax error (already reported). */
  readonly ok: boolean;
}

/** Parses YAML keeping positions; reports the first syntax error (the rest are usually its echoes). */
export function parseYaml(file: string, source: string): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const ctx = new FileContext(file, lines);
  const [first] = doc.errors;
  if (first) {
    ctx.error(first.pos[0], 'yaml/syntax', `YAML syntax error: ${first.message.replace(/\s+/g, ' ').trim()}`, {
      expected: 'valid YAML',
      actual: first.code,
    });
  }
  return { doc, ctx, ok: !first };
}

export function nodeAt(doc: Document.Parsed, path: readonly (string | number)[]): Node | undefined {
  return doc.getIn(path, true) as Node | undefined;
}

/**
 * A YAML file's text and plain value, read and parsed as content files are (size, UTF-8);
 * diagnostics instead when it cannot be; undefined when it does not exist.
 */
export async function readYamlValue(path: string): Promise<{ text: string; value: unknown } | { diagnostics: Diagnostic[] } | undefined> {
  const read = await readSource(path);
  if (read === undefined) return undefined;
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const file = parseYaml(path, read.text);
  return file.ok ? { text: read.text, value: file.doc.toJS() } : { diagnostics: file.ctx.diagnostics };
}
