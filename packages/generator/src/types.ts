import type { Pair, Protocol, StatusCode, Text } from '@statusbook/core';

/** Output formats; each has one renderer in `formats/`. */
export type Format = 'md' | 'html';

export const FORMATS: readonly Format[] = ['md', 'html'];

/** Page kinds; each has one module in `pages/`. */
export type PageKind = 'code' | 'compare';

interface PageBase {
  readonly locale: string;
  readonly format: Format;
  readonly protocol: Protocol;
}

/** One page to render: what it shows, in which locale and format. */
export type Page =
  | (PageBase & { readonly kind: 'code'; readonly code: StatusCode })
  | (PageBase & { readonly kind: 'compare'; readonly pair: Pair });

/** Where a link points, independent of format. */
export type Target =
  | { readonly kind: 'code'; readonly locale: string; readonly protocol: string; readonly code: number }
  | { readonly kind: 'compare'; readonly locale: string; readonly protocol: string; readonly slug: string };

/** A file the build writes, relative to the output folder. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
}

/** How one format escapes text, renders inline Markdown, names files and links them. */
export interface FormatRenderer {
  readonly id: Format;
  /** Plain text, escaped for this format. */
  text(value: string): string;
  /** Plain text for a table cell. */
  cell(value: string): string;
  /** Inline Markdown content, rendered for this format. */
  inline(value: Text): string;
  /** Inline Markdown content for a table cell. */
  inlineCell(value: Text): string;
  /** The output path of a target, relative to the output folder. */
  path(target: Target): string;
  /** A URL written into a link, escaped for this format. */
  url(href: string): string;
  /** A link from one target's page to another's. */
  href(from: Target, to: Target): string;
  /** Turns the rendered page into the final file (front matter, whitespace). */
  finish(body: string, frontMatter: Record<string, unknown>): string;
}
