import type { LoadResult } from '@statusbook/core';

/**
 * One kind of bundle that `statusbook bundle` makes from a finished output folder: an archive
 * of a format (zip, tar.gz), an EPUB book, a Dash/Zeal docset, a PDF book. The command builds
 * the output first; before that build's new version of the output is swapped in, it runs each
 * kind once per locale with `staging` = the new version's bundles/ folder, then adds sizes and
 * sha256 to bundles/index.json: the bundles appear with the version, all at once, so a killed
 * run never leaves a bundle under its final name.
 */
export interface BundleKind {
  /** The name used by `--kind` and in index.json ('zip', 'tar.gz', 'epub', 'docset', 'pdf'). */
  readonly id: string;
  /** One line for `statusbook bundle --help`. */
  readonly describe: string;
  /** The output formats this kind reads, or those of `--format` (archives); the command builds them first. */
  readonly needs: readonly string[] | 'formats';
  /** Whether the kind prints with Chromium: the command then finds it and passes `options.chromium`. */
  readonly browser?: boolean;
  /** Writes this kind's files for one locale under `job.staging`; returns what it wrote. */
  make(job: BundleJob): Promise<readonly BundleFile[]>;
}

export interface BundleJob {
  /** Absolute path of the built output folder (html/, md/, print/, json/ ...), read only. */
  readonly output: string;
  /** Absolute folder to write into; paths in BundleFile are relative to it. */
  readonly staging: string;
  readonly locale: string;
  /** Every locale this run bundles (the output holds each one's pages). */
  readonly locales: readonly string[];
  /** The loaded content: protocols, codes and pairs, for titles, order and search indexes. */
  readonly content: LoadResult;
  readonly meta: {
    /** statusbook's version. */
    readonly version: string;
    /** Hash of content/ and locales/, as json/index.json reports it. */
    readonly contentHash: string;
    /** The content's date (YYYY-MM-DD): the newest commit touching content/ and locales/, else today. */
    readonly contentDate: string;
  };
  readonly options: {
    /** The formats archives pack (`--format`): html, md, print, json, those the output holds. */
    readonly formats: readonly string[];
    readonly paper: 'a4' | 'letter';
    /** Chromium's path, when a kind needs a browser (pdf). */
    readonly chromium?: string;
  };
}

/** A file a bundle kind wrote, described for output/bundles/index.json and the Downloads page. */
export interface BundleFile {
  /** POSIX path relative to the staging folder, e.g. `ja/statusbook-ja-html.zip`. */
  readonly path: string;
  readonly kind: string;
  readonly locale: string;
  /** The output format packed (archives), when there is one. */
  readonly format?: string;
  /** The protocol it covers (epub, pdf), when it covers one. */
  readonly protocol?: string;
}
