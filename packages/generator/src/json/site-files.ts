import type { Protocol } from '@statusbook/core/model';
import { languageName, textDirection } from '../locale-info.js';
import type { PairSelection } from '../page-refs.js';
import { to } from '../targets.js';
import type { OutputFile } from '../types.js';
import { jsonFile } from '../formats/paths.js';
import { JSON_KINDS, jsonSchema, schemaId } from './schemas.js';
import { jsonText } from './stringify.js';

/** How much of the content a locale translates (as `statusbook i18n status` counts it). */
export interface Coverage {
  readonly total: number;
  readonly translated: number;
  readonly stale: number;
  readonly missing: number;
}

/** What `json/index.json` says besides the model: set by the build. */
export interface JsonSiteInfo {
  /** The statusbook version that wrote the output. */
  readonly version: string;
  /** A hash of the input (content, translations, templates) the output was built from. */
  readonly contentHash: string;
  /** Per translated locale, its coverage; the source language has none. */
  readonly coverage: Readonly<Record<string, Coverage>>;
}

interface JsonSiteInput {
  readonly protocols: readonly Protocol[];
  /** The locales the json format holds after the build, default first. */
  readonly locales: readonly string[];
  readonly pairs: PairSelection;
  readonly info: JsonSiteInfo;
}

/**
 * `_headers` rules for the JSON documents under `prefix` (`` when output/json is a site of its
 * own, `/json` beside the HTML site): any origin may read them, as JSON, never sniffed.
 * Netlify and Cloudflare Pages both read this format; `*` matches any characters.
 */
export function jsonHeaderRules(prefix: string): string {
  return `${prefix}/*
  Access-Control-Allow-Origin: *
  X-Content-Type-Options: nosniff
${prefix}/*.json
  Content-Type: application/json; charset=utf-8
`;
}

/** The json format's entry point, `json/index.json`: it changes with the content. */
export function jsonIndexFile(site: JsonSiteInput): OutputFile {
  return { path: 'json/index.json', contents: jsonText(index(site)) };
}

/** The json format's files that change only with statusbook: the schemas and the hosts' header rules. */
export function* jsonStaticFiles(): Generator<OutputFile> {
  for (const kind of JSON_KINDS) yield { path: `json/schema/${kind}.json`, contents: `${JSON.stringify(jsonSchema(kind), null, 2)}\n` };
  yield { path: 'json/_headers', contents: `# Statusbook JSON API, published as a site of its own (Netlify, Cloudflare Pages)\n${jsonHeaderRules('')}` };
}

function index(site: JsonSiteInput) {
  const { protocols, locales, info } = site;
  return {
    $schema: 'schema/index.json',
    kind: 'index',
    tool: { name: 'statusbook', version: info.version },
    schemas: Object.fromEntries(JSON_KINDS.map((kind) => [kind, { id: schemaId(kind), url: `schema/${kind}.json` }])),
    contentHash: info.contentHash,
    protocols: protocols.map((p) => ({
      id: p.id,
      name: p.name,
      title: p.title,
      codes: p.codes.length,
      comparisons: site.pairs === 'all' ? (p.codes.length * (p.codes.length - 1)) / 2 : p.curated.length,
      locales: Object.fromEntries(locales.map((l) => [l, jsonFile(to.protocol(l, p.id)).join('/')])),
    })),
    locales: locales.map((locale, i) => ({
      locale,
      name: languageName(locale),
      dir: textDirection(locale),
      default: i === 0,
      coverage: coverage(info.coverage[locale]),
    })),
  };
}

/** A locale's coverage with its keys in the schema's order. */
function coverage(c: Coverage | undefined) {
  return c ? { total: c.total, translated: c.translated, stale: c.stale, missing: c.missing } : null;
}
