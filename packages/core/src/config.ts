import { boolean, integer, list, object, oneOf, optional, string } from './schema.js';
import type { Diagnostic } from './types.js';
import { decodeSource } from './source-file.js';
import { parseYaml } from './yaml-file.js';

/** `statusbook.config.yaml`: defaults for the CLI, overridden by its flags. */
export interface Config {
  readonly locales?: readonly string[];
  readonly formats?: readonly ('md' | 'html' | 'print' | 'json' | 'embed' | 'mediawiki' | 'dokuwiki' | 'gitwiki')[];
  readonly protocols?: readonly string[];
  readonly baseUrl?: string;
  readonly out?: string;
  /** Which comparison pages to build: every pair, or only the curated ones. */
  readonly pairs?: 'all' | 'curated';
  /** Also write a redirect page for each reversed pair URL (hosts without redirect rules). */
  readonly redirectPages?: boolean;
  /** Which redirect rules `html/_redirects` holds: those that fit every host's limit, all, or none. */
  readonly redirects?: 'auto' | 'all' | 'none';
  /** The layout, front matter and links of the Markdown: plain, or for a docs tool. */
  readonly mdProfile?: 'plain' | 'hugo' | 'docusaurus' | 'starlight' | 'mkdocs';
  /**
   * The share of a locale's units (content fields and UI strings, as `i18n status` counts
   * them), in percent, below which it is built but not advertised (default 90).
   */
  readonly minTranslated?: number;
}

const id = string({ pattern: /^[a-z][a-z0-9-]*$/, describe: 'a lower-case identifier' });

const configSchema = object({
  locales: optional(list(string({ pattern: /^[a-zA-Z]{2,3}(-[A-Za-z0-9]+)*$/, describe: 'a locale such as vi or pt-BR' }), { min: 1 })),
  formats: optional(list(oneOf(['md', 'html', 'print', 'json', 'embed', 'mediawiki', 'dokuwiki', 'gitwiki'] as const), { min: 1 })),
  protocols: optional(list(id, { min: 1 })),
  baseUrl: optional(string({ pattern: /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, describe: 'an absolute http(s) URL such as https://docs.example.org/' })),
  out: optional(string()),
  pairs: optional(oneOf(['all', 'curated'] as const)),
  redirectPages: optional(boolean()),
  redirects: optional(oneOf(['auto', 'all', 'none'] as const)),
  mdProfile: optional(oneOf(['plain', 'hugo', 'docusaurus', 'starlight', 'mkdocs'] as const)),
  minTranslated: optional(integer({ min: 0, max: 100, describe: 'a percentage from 0 to 100' })),
});

/** Parses and checks a config file's bytes; problems come back as diagnostics with positions. */
export function parseConfig(file: string, bytes: Uint8Array): { config?: Config; diagnostics: Diagnostic[] } {
  const source = decodeSource(file, bytes);
  if ('diagnostic' in source) return { diagnostics: [source.diagnostic] };
  const yaml = parseYaml(file, source.text);
  if (!yaml.ok) return { diagnostics: yaml.ctx.diagnostics };
  if (yaml.doc.contents === null) return { config: {}, diagnostics: [] };
  const value = configSchema(yaml.doc.contents, yaml.ctx, '');
  return value ? { config: value as Config, diagnostics: yaml.ctx.diagnostics } : { diagnostics: yaml.ctx.diagnostics };
}
