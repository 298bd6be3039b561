import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LocaleTranslation, Protocol } from '@statusbook/core';
import { createSite, refPath, sourceContent, translatedContent, type Format, type OutputFile, type PageRef, type Site } from '@statusbook/generator';

/** What every renderer (a worker, or the main thread for small builds) is set up with. */
export interface RenderSetup {
  readonly protocols: readonly Protocol[];
  readonly translations: ReadonlyMap<string, LocaleTranslation>;
  readonly templatesDir: string;
  readonly localesDir: string;
  readonly locales: readonly string[];
  readonly formats: readonly Format[];
  readonly baseUrl: string;
  readonly pairs: 'all' | 'curated';
  /** Where this build writes. */
  readonly staging: string;
  /** The previous output, whose unchanged files are linked instead of rendered again. */
  readonly previous?: string;
}

/** A batch of pages: each rendered, or linked from the previous output when unchanged. */
export interface Batch {
  readonly id: number;
  readonly render: readonly PageRef[];
  readonly keep: readonly PageRef[];
  /** Also write the site files (stylesheet, sitemap, 404, redirects)... */
  readonly siteFiles?: boolean;
  /** ...or link these site files of the previous build, when nothing they show changed. */
  readonly keepFiles?: readonly string[];
}

export interface BatchResult {
  readonly id: number;
  /** Milliseconds spent rendering pages and writing (or linking) files. */
  readonly renderMs: number;
  readonly writeMs: number;
  readonly rendered: number;
  readonly kept: number;
  /** Pages to keep that had no previous file and were rendered instead. */
  readonly rerendered: number;
  readonly files: number;
  /** Paths of the site files written or kept. */
  readonly filePaths: readonly string[];
}

/**
 * Renders batches into the staging folder with synchronous writes (this thread does nothing
 * else). The build makes the pages' folders before it hands out a batch; this only makes
 * the folders of site files.
 */
export class Renderer {
  private readonly dirs = new Set<string>();

  private constructor(
    private readonly setup: RenderSetup,
    private readonly site: Site,
  ) {}

  static async create(setup: RenderSetup): Promise<Renderer> {
    const site = await createSite({
      protocols: setup.protocols,
      templatesDir: setup.templatesDir,
      localesDir: setup.localesDir,
      locales: setup.locales,
      formats: setup.formats,
      baseUrl: setup.baseUrl,
      pairs: setup.pairs,
      content: (locale) => {
        const translation = setup.translations.get(locale);
        return translation ? translatedContent(translation) : sourceContent;
      },
    });
    return new Renderer(setup, site);
  }

  run(batch: Batch): BatchResult {
    this.renderMs = 0;
    this.writeMs = 0;
    let rendered = 0;
    let kept = 0;
    let rerendered = 0;
    let files = 0;
    for (const ref of batch.render) {
      this.write(this.renderRef(ref));
      rendered++;
    }
    for (const ref of batch.keep) {
      if (this.link(refPath(ref))) kept++;
      else {
        this.write(this.renderRef(ref));
        rerendered++;
      }
    }
    const filePaths: string[] = [];
    const keepFiles = batch.keepFiles && batch.keepFiles.every((path) => this.link(path, true)) ? batch.keepFiles : undefined;
    if (keepFiles) filePaths.push(...keepFiles);
    else if (batch.siteFiles || batch.keepFiles) {
      const started = performance.now();
      for (const file of this.site.files()) {
        this.renderMs += performance.now() - started;
        this.write(file, true);
        filePaths.push(file.path);
        files++;
      }
    }
    return { id: batch.id, rendered, kept, rerendered, files, filePaths, renderMs: this.renderMs, writeMs: this.writeMs };
  }

  private renderMs = 0;
  private writeMs = 0;

  private renderRef(ref: PageRef): OutputFile {
    const started = performance.now();
    const file = this.site.renderRef(ref);
    this.renderMs += performance.now() - started;
    return file;
  }

  private ensureDir(path: string): void {
    const dir = dirname(path);
    if (this.dirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.dirs.add(dir);
  }

  private write(file: OutputFile, ensureDir = false): void {
    const started = performance.now();
    const target = join(this.setup.staging, file.path);
    if (ensureDir) this.ensureDir(target);
    writeFileSync(target, file.contents);
    this.writeMs += performance.now() - started;
  }

  /** Hard-links the previous build's file: no bytes are written for an unchanged page. */
  private link(path: string, ensureDir = false): boolean {
    if (!this.setup.previous) return false;
    const started = performance.now();
    const target = join(this.setup.staging, path);
    if (ensureDir) this.ensureDir(target);
    try {
      linkSync(join(this.setup.previous, path), target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    } finally {
      this.writeMs += performance.now() - started;
    }
  }
}
