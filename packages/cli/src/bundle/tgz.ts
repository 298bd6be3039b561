import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

/** One file of a tar: its POSIX path and bytes; folders are added from the paths. */
export interface TarEntry {
  readonly path: string;
  readonly data: Uint8Array;
}

/**
 * A .tar.gz of these files, folders first, entries sorted by path, with fixed owners (0),
 * modes (755 folders, 644 files) and times (`date` at 00:00 UTC): the same files give the
 * same bytes.
 */
export async function tgzEntries(entries: readonly TarEntry[], date: string): Promise<Buffer> {
  const mtime = new Date(`${date}T00:00:00Z`);
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const folders = new Set<string>();
  for (const { path } of sorted) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const tar = pack();
  const chunks: Buffer[] = [];
  const read = (async () => {
    for await (const chunk of tar) chunks.push(chunk as Buffer);
  })();
  const owner = { uid: 0, gid: 0, uname: '', gname: '', mtime };
  for (const folder of [...folders].sort()) tar.entry({ name: `${folder}/`, type: 'directory', mode: 0o755, ...owner });
  for (const { path, data } of sorted) tar.entry({ name: path, type: 'file', mode: 0o644, size: data.length, ...owner }, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  tar.finalize();
  await read;
  // Node's gzip header has no time and a fixed OS byte.
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}
