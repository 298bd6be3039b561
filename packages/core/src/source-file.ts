import { open } from 'node:fs/promises';
import { MAX_FILE_BYTES } from './limits.js';
import type { Diagnostic } from './types.js';

/** A file's text, or the error that keeps it from being read as content. */
export type Source = { readonly text: string } | { readonly diagnostic: Diagnostic };

// Fatal: a byte that is not UTF-8 is an error, not a U+FFFD in every page. The BOM is kept,
// as `readFile(path, 'utf8')` kept it, so a file's text (the check cache's key) is unchanged.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a file as content: at most MAX_FILE_BYTES of UTF-8. Undefined when it does not exist. */
export async function readSource(path: string): Promise<Source | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    // The size first: a huge file is refused without reading it. Then as many syscalls as readFile.
    const { size } = await handle.stat();
    if (size > MAX_FILE_BYTES) return { diagnostic: tooLarge(path, size) };
    const bytes = Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const { bytesRead } = await handle.read(bytes, length, size - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return decodeSource(path, bytes.subarray(0, length));
  } finally {
    await handle.close();
  }
}

/**
 * A read file's text; undefined when it does not exist or cannot be read as content. The
 * latter's diagnostic goes to `diagnostics` here, before any check cache: their key is the
 * text, which such a file does not have (a lenient read would give the text of a valid file).
 */
export function textOf(read: Source | undefined, diagnostics: Diagnostic[]): string | undefined {
  if (read === undefined) return undefined;
  if ('text' in read) return read.text;
  diagnostics.push(read.diagnostic);
  return undefined;
}

/** The text of a file's bytes, or a positioned error when they are too many or not UTF-8. */
export function decodeSource(file: string, bytes: Uint8Array): Source {
  if (bytes.length > MAX_FILE_BYTES) return { diagnostic: tooLarge(file, bytes.length) };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { diagnostic: notUtf8(file, bytes) };
  }
}

function tooLarge(file: string, size: number): Diagnostic {
  const n = (x: number) => x.toLocaleString('en-US');
  return {
    file,
    line: 1,
    column: 1,
    severity: 'error',
    ruleId: 'file/too-large',
    message: `file is ${n(size)} bytes, more than the limit of ${n(MAX_FILE_BYTES)} (1 MiB)`,
    expected: `at most ${n(MAX_FILE_BYTES)} bytes`,
    actual: `${n(size)} bytes`,
    hint: 'a content file is a few KB: check that this is the file you meant, or shorten its text',
  };
}

function notUtf8(file: string, bytes: Uint8Array): Diagnostic {
  const at = Math.max(0, firstInvalidByte(bytes));
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  // Columns count UTF-16 code units, as the YAML parser's do; the bytes before `at` are valid.
  const column = utf8.decode(bytes.subarray(lineStart, at)).length + 1;
  const byte = `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    file,
    line,
    column,
    severity: 'error',
    ruleId: 'file/encoding',
    message: `file is not valid UTF-8: byte ${byte} does not start a valid UTF-8 sequence`,
    expected: 'UTF-8 text',
    actual: `the byte ${byte}`,
    hint: 'save the file as UTF-8 (this byte suggests another encoding, such as Latin-1 or Windows-1252)',
  };
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629, 4), or -1. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (extra === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += extra + 1;
  }
  return -1;
}
