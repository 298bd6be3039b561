// tar-stream's header codec, which its own types do not declare.
declare module 'tar-stream/headers.js' {
  interface Header {
    name: string;
    size: number;
    mode: number;
    mtime: Date;
    type: 'file' | 'pax-header';
    uid: number;
    gid: number;
    uname: string;
    gname: string;
  }
  /** A 512-byte ustar header, or null when the name does not fit one. */
  function encode(header: Header): Buffer | null;
  function encodePax(header: { name: string; pax: Record<string, string> }): Buffer;
  const headers: { encode: typeof encode; encodePax: typeof encodePax };
  export default headers;
  export type { Header };
}
