export function proseSentences(markdown: string): string[];
export function overlapOf(compareMd: string, codeMds: readonly string[]): { copied: number; total: number };
export function measureOverlap(
  site: { pages(): Iterable<any>; render(page: any): { contents: string } },
  options?: { locale?: string; sampleSize?: number },
): { pages: number; curated: number; copied: number; total: number; share: number };
