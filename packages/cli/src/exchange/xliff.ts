// XLIFF 1.2, the version Weblate, Crowdin and Phrase import and export: one <file> per
// locale, one <trans-unit> per unit. The state of a translation travels twice, as XLIFF 1.2
// says it (`state` on <target>) and as translate-toolkit, Weblate and Crowdin read it
// (`approved` on <trans-unit>): translated units are approved, stale ones need review.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { Diagnostic } from '@statusbook/core';
import type { ImportedStatus, ImportedUnit, ReadExchange } from './types.js';
import type { Unit } from './units.js';

const NS_12 = 'urn:oasis:names:tc:xliff:document:1.2';
/** po2xliff writes 1.1; its elements and attributes are the same for what we read. */
const NAMESPACES = [NS_12, 'urn:oasis:names:tc:xliff:document:1.1'];

const TARGET_STATE = { translated: 'translated', stale: 'needs-review-translation', missing: 'new' } as const;
/** Target states that say the text is done; any other state means it needs work. */
const DONE_STATES = ['translated', 'final', 'signed-off'];

function escapeXml(text: string, attribute = false): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? escaped.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : escaped.replace(/\r/g, '&#13;');
}

/** An XLIFF 1.2 document of a locale's units: same units, same bytes. */
export function writeXliff(locale: string, units: readonly Unit[]): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff version="1.2" xmlns="${NS_12}">`,
    `  <file original="statusbook" source-language="en" target-language="${escapeXml(locale, true)}" datatype="plaintext">`,
    '    <body>',
  ];
  for (const u of units) {
    const id = escapeXml(u.id, true);
    const approved = u.state === 'translated' ? ' approved="yes"' : u.state === 'stale' ? ' approved="no"' : '';
    out.push(
      `      <trans-unit id="${id}" resname="${id}" xml:space="preserve"${approved}>`,
      `        <source>${escapeXml(u.source)}</source>`,
      `        <target state="${TARGET_STATE[u.state]}">${escapeXml(u.target)}</target>`,
      `        <note from="statusbook">${escapeXml(u.note)}</note>`,
      '      </trans-unit>',
    );
  }
  out.push('    </body>', '  </file>', '</xliff>', '');
  return out.join('\n');
}

interface OpenUnit {
  id?: string;
  resname?: string;
  /** From po2xliff: the PO entry's `#:` reference or msgctxt, which hold our id. */
  reference?: string;
  approved?: string;
  header: boolean;
  source?: string;
  target?: string;
  state?: string;
  line: number;
  column: number;
}

/** Reads an XLIFF 1.2 (or 1.1) file: its units, its target language, or positioned errors. */
export function readXliff(file: string, text: string): ReadExchange {
  const diagnostics: Diagnostic[] = [];
  const units: ImportedUnit[] = [];
  let locale: string | undefined;
  const parser = new SaxesParser({ xmlns: true, position: true });
  // saxes counts columns from 0.
  const at = () => ({ line: parser.line, column: parser.column + 1 });
  const fail = (message: string, where = at(), hint?: string) =>
    diagnostics.push({ file, ...where, severity: 'error', ruleId: 'xliff/format', message, ...(hint ? { hint } : {}) });
  const stack: string[] = [];
  let unit: OpenUnit | undefined;
  let collecting: 'source' | 'target' | 'context' | undefined;
  let contextType = '';
  let buffer = '';
  let sawRoot = false;

  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = tag.local;
    const attr = (n: string) => tag.attributes[n]?.value;
    stack.push(name);
    if (stack.length === 1) {
      sawRoot = true;
      if (name !== 'xliff' || !NAMESPACES.includes(tag.uri)) fail(`expected an <xliff> element of XLIFF 1.2 (xmlns="${NS_12}"), found <${tag.name}>`);
      return;
    }
    if (collecting === 'source' || collecting === 'target') {
      fail(`<${tag.name}> inside <${collecting}>: statusbook's text has no inline markup; expected plain text`);
      return;
    }
    if (name === 'file') {
      const target = attr('target-language');
      if (target !== undefined) {
        if (locale !== undefined && locale !== target) fail(`a second <file> is in '${target}', the first in '${locale}': expected one language per file`);
        locale ??= target;
      }
    } else if (name === 'trans-unit') {
      if (unit) fail('<trans-unit> inside <trans-unit>');
      unit = { header: attr('restype') === 'x-gettext-domain-header', ...at(), ...pick({ id: attr('id'), resname: attr('resname'), approved: attr('approved') }) };
    } else if (unit && (name === 'source' || name === 'target')) {
      collecting = name;
      buffer = '';
      const state = attr('state');
      if (name === 'target' && state !== undefined) unit.state = state;
    } else if (unit && name === 'context') {
      contextType = attr('context-type') ?? '';
      collecting = 'context';
      buffer = '';
    }
  });
  parser.on('text', (t) => {
    if (collecting) buffer += t;
  });
  parser.on('cdata', (t) => {
    if (collecting) buffer += t;
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    stack.pop();
    const name = tag.local;
    if (!unit) return;
    if ((collecting === 'source' || collecting === 'target') && collecting === name) {
      unit[collecting] = buffer;
      collecting = undefined;
    } else if (collecting === 'context' && name === 'context') {
      const reference = buffer.trim().split(/\s+/)[0];
      if ((contextType === 'sourcefile' || contextType === 'x-po-msgctxt') && reference) unit.reference ??= reference;
      collecting = undefined;
    } else if (name === 'trans-unit') {
      const done = unit;
      unit = undefined;
      if (done.header) return;
      const id = done.resname ?? done.reference ?? done.id;
      if (id === undefined || id === '') return void fail("a <trans-unit> without an id: expected id or resname naming the unit, such as 'sip/437/summary'", done);
      if (done.source === undefined) return void fail(`trans-unit '${id}' has no <source>: expected the English text it was exported with`, done);
      const target = done.target ?? '';
      units.push({ id, source: done.source, target, status: statusOf(target, done.state, done.approved), line: done.line, column: done.column });
    }
  });
  let malformed = false;
  parser.on('error', (e) => {
    // The first error only: the rest are usually its consequences. saxes prefixes its
    // messages with the position, which the diagnostic carries already.
    if (!malformed) fail(`malformed XML: ${e.message.replace(/^(\S*:)?\d+:\d+: /, '')}`);
    malformed = true;
  });
  try {
    parser.write(text).close();
  } catch {
    // the error handler has recorded it
  }
  if (diagnostics.length === 0 && !sawRoot) fail('no <xliff> element: expected an XLIFF 1.2 document', { line: 1, column: 1 });
  return { ...(locale !== undefined ? { locale } : {}), units, diagnostics };
}

function statusOf(target: string, state: string | undefined, approved: string | undefined): ImportedStatus {
  if (target.trim() === '') return 'empty';
  if (state !== undefined) return DONE_STATES.includes(state) ? 'translated' : 'review';
  return approved === 'no' ? 'review' : 'translated';
}

function pick<T extends Record<string, string | undefined>>(values: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}
