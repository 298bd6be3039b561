import type { LocaleTranslation, Protocol } from '@statusbook/core';
import { createSite, sourceContent, type JsonSiteInfo, type SitePart, type RedirectRules, translatedContent, type Format, type MdProfile, type OutputFile, type PageRef, type Site, type SitePreparation } from '@statusbook/generator';

/** What a renderer can prepare before the content is loaded. */
export interface SiteInputs {
  readonly templatesDir: string;
  readonly localesDir: string;
  readonly locales: readonly string[];
  readonly formats: readonly Format[];
  /** Per format, the locales its pages link to (the output's, after the build); default `locales`. */
  readonly linkLocales?: Readonly<Partial<Record<Format, readonly string[]>>>;
}

/** What every renderer (a worker, or the main thread for small builds) is set up with. */
export interface RenderSetup extends SiteInputs {
  readonly protocols: readonly Protocol[];
  readonly translations: ReadonlyMap<string, LocaleTranslation>;
  readonly baseUrl: string;
  readonly pairs: 'all' | 'curated';
  readonly redirects: RedirectRules;
  /** Per locale, the formats the output holds after the build (pages link to their other forms in these); default `formats`. */
  readonly linkFormats?: Readonly<Record<string, readonly Format[]>>;
  /** What json/index.json says besides the model. */
  readonly json?: JsonSiteInfo;
  readonly mdProfile?: MdProfile;
  /** Whether the output holds bundles after the build (the HTML homes link to their Downloads page). */
  readonly downloads?: boolean;
  /** Locales built but not advertised (below `minTranslated`). */
  readonly unadvertised?: readonly string[];
}

/** A batch of pages to render, in page order. */
export interface Batch {
  readonly id: number;
  readonly render: readonly PageRef[];
  /**
   * Also render up to this many of the site files (stylesheet, 404, sitemap and redirect
   * pieces), going on from where the last such batch stopped.
   */
  readonly siteFiles?: number;
  /** Which site files: the parts whose input changed (the first such batch decides). */
  readonly siteParts?: readonly SitePart[];
}

export interface BatchResult {
  readonly id: number;
  /** The rendered files, for the build's one writer; nothing of them stays here. */
  readonly files: readonly OutputFile[];
  /** Of `files`, how many are site files (they come last). */
  readonly siteFiles: number;
  /** Milliseconds spent rendering. */
  readonly renderMs: number;
  /** The batch's last result (site files come one result each, so no more than one is held). */
  readonly last: boolean;
  /** On a batch's last result: every site file has been sent. */
  readonly siteFilesDone?: boolean;
}

/**
 * Pages are posted in small groups as they are rendered: fewer pages wait in the young
 * generation, which each scavenge copies.
 */
const POST_EVERY = 20;

/** Renders batches of pages; the templates, sentences and fragments are set up once. */
export class Renderer {
  /** The site files still to send, across batches. */
  private siteFiles: Iterator<OutputFile> | undefined;

  private constructor(private readonly site: Site) {}

  static async create(setup: RenderSetup, prepared?: Promise<SitePreparation>): Promise<Renderer> {
    const site = await createSite(
      {
        protocols: setup.protocols,
        templatesDir: setup.templatesDir,
        localesDir: setup.localesDir,
        locales: setup.locales,
        formats: setup.formats,
        ...(setup.linkLocales ? { linkLocales: setup.linkLocales } : {}),
        baseUrl: setup.baseUrl,
        pairs: setup.pairs,
        redirects: setup.redirects,
        ...(setup.linkFormats ? { linkFormats: setup.linkFormats } : {}),
        ...(setup.json ? { json: setup.json } : {}),
        ...(setup.mdProfile ? { mdProfile: setup.mdProfile } : {}),
        ...(setup.downloads ? { downloads: true } : {}),
        ...(setup.unadvertised ? { unadvertised: setup.unadvertised } : {}),
        content: (locale) => {
          const translation = setup.translations.get(locale);
          return translation ? translatedContent(translation) : sourceContent;
        },
      },
      prepared,
    );
    return new Renderer(site);
  }

  /** Renders a batch; `emit` gets its pages, then each site file on its own. */
  run(batch: Batch, emit: (result: BatchResult) => void): void {
    let started = performance.now();
    let files: OutputFile[] = [];
    batch.render.forEach((ref, i) => {
      // A long file (a wiki's import dump) comes in pieces, posted as they are made.
      for (const file of this.site.renderPieces(ref)) {
        if (files.length >= POST_EVERY) {
          emit({ id: batch.id, files, siteFiles: 0, renderMs: performance.now() - started, last: false });
          files = [];
          started = performance.now();
        }
        files.push(file);
      }
      const done = i === batch.render.length - 1;
      if (files.length < POST_EVERY && !done) return;
      emit({ id: batch.id, files, siteFiles: 0, renderMs: performance.now() - started, last: done && !batch.siteFiles });
      files = [];
      started = performance.now();
    });
    if (!batch.siteFiles) return;
    this.siteFiles ??= this.site.files(batch.siteParts)[Symbol.iterator]();
    let done = false;
    for (let n = 0; n < batch.siteFiles; n++) {
      started = performance.now();
      const next = this.siteFiles.next();
      if (next.done) {
        done = true;
        break;
      }
      emit({ id: batch.id, files: [next.value], siteFiles: 1, renderMs: performance.now() - started, last: false });
    }
    emit({ id: batch.id, files: [], siteFiles: 0, renderMs: 0, last: true, siteFilesDone: done });
  }
}

/**
 * Inputs posted from another thread, with their names (locales, formats, protocol ids) as
 * V8 keeps property names: one shared copy each. A posted string is a copy of its own; once
 * it is used as a property name, V8 turns it into a forwarding string, which
 * `Array.prototype.join` copies as two-byte text. Every URL holds a locale and a protocol id,
 * so every page (English Markdown and print pages, sitemaps) would be two-byte: twice the
 * bytes to flatten, post to the writer and convert to UTF-8.
 */
export function withSharedNames<T extends SiteInputs & { readonly protocols?: readonly Protocol[] }>(inputs: T): T {
  return {
    ...inputs,
    locales: inputs.locales.map(shared),
    formats: inputs.formats.map(shared),
    ...(inputs.linkLocales ? { linkLocales: Object.fromEntries(Object.entries(inputs.linkLocales).map(([f, ls]) => [shared(f), ls.map(shared)])) } : {}),
    ...(inputs.protocols ? { protocols: inputs.protocols.map((p) => ({ ...p, id: shared(p.id) })) } : {}),
  };
}

function shared<S extends string>(name: S): S {
  return Object.keys({ [name]: 0 })[0] as S;
}
