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
  const headers: {
    /** A 512-byte ustar header, or null when the name does not fit one. */
    encode(header: Header): Buffer | null;
    /** A pax extended header's records (the name, and more). */
    encodePax(header: { name: string; pax: Record<string, string> }): Buffer;
  };
  export default headers;
  export type { Header };
}
