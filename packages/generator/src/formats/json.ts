import type { FormatRenderer } from '../types.js';
import { jsonDocument, jsonHref } from '../json/documents.js';
import { html } from './html.js';
import { FORMAT_KINDS, jsonPath } from './paths.js';

/**
 * JSON: a document per page, built from the model (`document`), not from templates. Rendered
 * text inside it (`html` fields, localized sentences) is escaped exactly as the HTML site's,
 * so text, inline and sentences delegate to the HTML renderer.
 */
export const json: FormatRenderer = {
  id: 'json',
  kinds: FORMAT_KINDS.json,
  text: html.text,
  code: html.code,
  inline: html.inline,
  inlineCell: html.inlineCell,
  lang: html.lang,
  link: html.link,
  strong: html.strong,
  note: html.note,
  url: html.url,
  path: jsonPath,
  href: jsonHref,
  finish: (body) => body,
  document: jsonDocument,
};
