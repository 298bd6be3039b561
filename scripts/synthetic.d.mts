/** Writes a project (content/, locales/, templates/) with N codes into `dir`; returns the codes. */
export function writeSynthetic(dir: string, n: number, locales?: readonly string[]): number[];
