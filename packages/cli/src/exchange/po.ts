// Gettext PO from the same units as XLIFF: msgctxt is the unit's id, msgid the English,
// msgstr the translation, `#, fuzzy` a stale one. The id is also the entry's `#:` reference,
// which po2xliff keeps (it drops msgctxt) and xliff2po writes from our XLIFF ids.
import type { Diagnostic } from '@statusbook/core';
import type { ImportedUnit, ReadExchange } from './types.js';
import type { Unit } from './units.js';

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** A PO file of a locale's units: same units, same bytes (no dates in the header). */
export function writePo(locale: string, units: readonly Unit[]): string {
  const out = [
    'msgid ""',
    'msgstr ""',
    quote(`Language: ${locale}\n`),
    quote('MIME-Version: 1.0\n'),
    quote('Content-Type: text/plain; charset=UTF-8\n'),
    quote('Content-Transfer-Encoding: 8bit\n'),
    quote('X-Generator: statusbook\n'),
    '',
  ];
  for (const u of units) {
    out.push(`#. ${u.note.replace(/\s+/g, ' ')}`, `#: ${u.id}`);
    if (u.state === 'stale') out.push('#, fuzzy');
    out.push(`msgctxt ${quote(u.id)}`, `msgid ${quote(u.source)}`, `msgstr ${quote(u.state === 'missing' ? '' : u.target)}`, '');
  }
  return out.join('\n');
}

interface Entry {
  ctxt?: string;
  id?: string;
  str?: string;
  references: string[];
  fuzzy: boolean;
  obsolete: boolean;
  line: number;
  column: number;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** Reads a PO file: its units, the language of its header, or positioned errors. */
export function readPo(file: string, text: string): ReadExchange {
  const diagnostics: Diagnostic[] = [];
  const fail = (line: number, column: number, message: string, hint?: string) =>
    diagnostics.push({ file, line, column, severity: 'error', ruleId: 'po/format', message, ...(hint ? { hint } : {}) });
  const entries: Entry[] = [];
  let entry: Entry | undefined;
  let field: 'ctxt' | 'id' | 'str' | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const start = (line: number) => (entry ??= { references: [], fuzzy: false, obsolete: false, line, column: 1 });
  const close = () => {
    if (entry && (entry.id !== undefined || entry.ctxt !== undefined)) entries.push(entry);
    entry = undefined;
    field = undefined;
  };

  lines.forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (s === '') return close();
    if (s.startsWith('#')) {
      // A comment after a string starts the next entry.
      if (field !== undefined) close();
      const e = start(line);
      if (s.startsWith('#~')) e.obsolete = true;
      else if (s.startsWith('#:')) e.references.push(...s.slice(2).trim().split(/\s+/).filter((r) => r !== ''));
      else if (s.startsWith('#,')) e.fuzzy ||= s.slice(2).split(',').some((f) => f.trim() === 'fuzzy');
      return;
    }
    const keyword = /^(msgctxt|msgid_plural|msgid|msgstr(\[\d+\])?)\s+/.exec(s);
    const column = raw.length - raw.trimStart().length + 1;
    let rest = s;
    if (keyword) {
      const name = keyword[1]!;
      if (name === 'msgid_plural' || name.startsWith('msgstr[')) {
        fail(line, column, `${name} is not supported: statusbook's strings have no gettext plural forms (plural UI strings are units of their own, such as ui/home.codeCount_other)`);
        field = undefined;
        return;
      }
      const next = name === 'msgctxt' ? 'ctxt' : name === 'msgid' ? 'id' : 'str';
      // msgctxt or msgid after a msgstr starts the next entry.
      if (next !== 'str' && entry?.str !== undefined) close();
      if (next === 'id' && entry?.id !== undefined) close();
      field = next;
      const e = start(line);
      if (e[next] !== undefined) return void fail(line, column, `a second ${name} in one entry: expected msgctxt, msgid and msgstr once each`);
      e[next] = '';
      rest = s.slice(keyword[0].length);
    } else if (!s.startsWith('"') || field === undefined || entry === undefined) {
      return void fail(line, column, `unexpected '${s.slice(0, 20)}': expected msgctxt, msgid, msgstr, a "string" continuing one, or a # comment`);
    }
    const value = unquote(rest, (offset, message) => fail(line, column + (s.length - rest.length) + offset, message));
    if (value !== undefined && entry && field) entry[field] = (entry[field] ?? '') + value;
  });
  close();

  let locale: string | undefined;
  const units: ImportedUnit[] = [];
  for (const e of entries) {
    if (e.obsolete) continue;
    if (e.id === '' && e.ctxt === undefined) {
      locale = /^Language:\s*(\S+)\s*$/m.exec(e.str ?? '')?.[1];
      continue;
    }
    if (e.id === undefined) {
      fail(e.line, e.column, 'an entry without msgid: expected the English text it was exported with');
      continue;
    }
    if (e.str === undefined) {
      fail(e.line, e.column, 'an entry without msgstr: expected msgstr "" at least');
      continue;
    }
    const id = e.ctxt ?? e.references[0];
    if (id === undefined) {
      fail(e.line, e.column, `the entry for "${e.id.slice(0, 40)}" names no unit: expected msgctxt or a #: reference such as sip/437/summary`);
      continue;
    }
    const status = e.str.trim() === '' ? 'empty' : e.fuzzy ? 'review' : 'translated';
    units.push({ id, alternatives: e.references, source: e.id, target: e.str, status, line: e.line, column: e.column });
  }
  return { ...(locale !== undefined ? { locale } : {}), units, diagnostics };
}

/** The value of one "quoted string" of a PO line, with its escapes read. */
function unquote(s: string, fail: (offset: number, message: string) => void): string | undefined {
  if (!s.startsWith('"')) return void fail(0, `expected a "quoted string", found '${s.slice(0, 20)}'`);
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      if (s.slice(i + 1).trim() !== '') return void fail(i + 1, `unexpected text after the closing quote: '${s.slice(i + 1, i + 21)}'`);
      return out;
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = s[++i] ?? '';
    if (e in ESCAPES) out += ESCAPES[e];
    else if (/[0-7]/.test(e)) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i))![0];
      out += String.fromCharCode(parseInt(oct, 8));
      i += oct.length - 1;
    } else if (e === 'x' && /^[0-9a-fA-F]{1,2}/.test(s.slice(i + 1))) {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(hex, 16));
      i += hex.length;
    } else return void fail(i - 1, `unknown escape '\\${e}': expected \\n, \\t, \\", \\\\ or an octal or hex escape`);
  }
  return void fail(s.length, 'the string has no closing quote');
}
