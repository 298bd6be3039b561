import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import yazl from 'yazl';
// tar-stream's header codec (ustar, pax): the stream around it is Node's own, for backpressure.
import tarHeaders, { type Header as TarHeader } from 'tar-stream/headers.js';

/** One file to pack: its path in the archive and where its bytes come from (a file, or bytes made for the archive). */
export type Entry =
  | {
      /** POSIX path inside the archive. */
      readonly path: string;
      /** The file to read. */
      readonly source: string;
      /** Rewrites the file's bytes on the way in (the HTML archive's links); default: as they are. */
      readonly transform?: (bytes: Buffer) => Buffer;
    }
  | { readonly path: string; readonly bytes: Buffer };

/** What manifest.json says about one packed file. */
export interface PackedFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** What manifest.json holds besides the files. */
export interface ManifestHead {
  readonly statusbook: string;
  readonly contentHash: string;
  readonly locale: string;
  readonly format: string;
}

export type ArchiveType = 'zip' | 'tar.gz';

/** Every entry's time: fixed, so the same files make the same archive bytes. */
const ZIP_TIME = new Date(2000, 0, 1); // local fields: yazl writes DOS times in local time
const TAR_TIME = new Date(Date.UTC(2000, 0, 1));
const FILE_MODE = 0o644;
export const MANIFEST = 'manifest.json';

/**
 * Packs `entries` (in the order given, which the caller sorts) under `top/`, then
 * `top/manifest.json` listing each with its size and sha256, into `dest`. Files are read one
 * at a time as the archive is written, so memory does not grow with the number of files.
 */
export async function packArchive(type: ArchiveType, dest: string, top: string, entries: readonly Entry[], head: ManifestHead): Promise<void> {
  mkdirSync(dirname(dest), { recursive: true });
  const packed: PackedFile[] = [];
  // One line per file: readable, and a third of the size of indented JSON.
  const manifest = () => Buffer.from(`${JSON.stringify(head).slice(0, -1)},"files":[\n${packed.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
  // Each file is read (and hashed) when the archive reaches it; the manifest is read last.
  const sources = [
    ...entries.map((entry) => ({
      path: `${top}/${entry.path}`,
      bytes: async () => {
        const bytes = 'bytes' in entry ? entry.bytes : await read(entry.source, entry.transform);
        packed.push({ path: entry.path, size: bytes.length, sha256: sha256(bytes) });
        return bytes;
      },
    })),
    { path: `${top}/${MANIFEST}`, bytes: async () => manifest() },
  ];
  await (type === 'zip' ? packZip(dest, sources) : packTarGz(dest, sources));
}

async function read(source: string, transform: ((bytes: Buffer) => Buffer) | undefined): Promise<Buffer> {
  const raw = await readFile(source);
  return transform ? transform(raw) : raw;
}

interface Source {
  readonly path: string;
  bytes(): Promise<Buffer>;
}

async function packZip(dest: string, sources: readonly Source[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const source of sources) {
    // yazl asks for an entry's stream only when the archive reaches it.
    zip.addReadStreamLazy(source.path, { mtime: ZIP_TIME, mode: FILE_MODE, forceDosTimestamp: true, compress: true }, (done) => {
      source.bytes().then((bytes) => done(null, Readable.from([bytes])), (error: Error) => done(error, undefined as never));
    });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(dest));
}

async function packTarGz(dest: string, sources: readonly Source[]): Promise<void> {
  async function* tar(): AsyncGenerator<Buffer> {
    for (const source of sources) {
      const bytes = await source.bytes();
      yield* tarHeader({ name: source.path, size: bytes.length, mode: FILE_MODE, mtime: TAR_TIME, type: 'file', uid: 0, gid: 0, uname: '', gname: '' });
      yield bytes;
      const pad = (512 - (bytes.length % 512)) % 512;
      if (pad > 0) yield Buffer.alloc(pad);
    }
    // The end of a tar: two empty records.
    yield Buffer.alloc(1024);
  }
  await pipeline(Readable.from(tar()), createGzip(), createWriteStream(dest));
}

/** A file's ustar header; a pax header before it when its path does not fit ustar (over 255 bytes). */
function* tarHeader(header: TarHeader): Generator<Buffer> {
  const plain = tarHeaders.encode(header);
  if (plain) {
    yield plain;
    return;
  }
  const pax = tarHeaders.encodePax({ name: header.name, pax: {} });
  yield tarHeaders.encode({ ...header, name: 'PaxHeader', size: pax.length, type: 'pax-header' })!;
  yield pax;
  const pad = (512 - (pax.length % 512)) % 512;
  if (pad > 0) yield Buffer.alloc(pad);
  yield tarHeaders.encode({ ...header, name: header.name.slice(-100) })!;
}

/** The hex sha256 of some bytes. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The hex sha256 and size of a file, read as a stream. */
export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}
