// Applies a translator's file to locales/<locale>/: checks every unit against the current
// English first, then writes only the files whose units changed (a round trip without edits
// writes nothing), each through a temporary file renamed into place.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Document, isMap, parseDocument } from 'yaml';
import { sourceHash, type Diagnostic } from '@statusbook/core';
import type { ImportedUnit } from './types.js';
import type { Unit } from './units.js';

export interface ImportCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

interface Change {
  readonly unit: Unit;
  readonly text: string;
  /** Whether the text was reviewed against the current English: its source hash is recorded. */
  readonly done: boolean;
}

/**
 * The changes a file makes, or diagnostics: units the project does not have, units given
 * twice, and units whose English is not the current English (stale: the file was exported
 * before the English changed, so its translation cannot be recorded as up to date).
 */
export function planImport(file: string, imported: readonly ImportedUnit[], units: readonly Unit[]): { changes: Change[]; counts: ImportCounts; diagnostics: Diagnostic[] } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const diagnostics: Diagnostic[] = [];
  const changes: Change[] = [];
  const seen = new Set<string>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const i of imported) {
    const at = { file, line: i.line, column: i.column, severity: 'error' as const };
    const unit = byId.get(i.id) ?? i.alternatives?.map((a) => byId.get(a)).find((u) => u !== undefined);
    if (!unit) {
      diagnostics.push({ ...at, ruleId: 'import/unknown-unit', message: `unit '${i.id}' is not a field or UI string of this project`, hint: 'export the locale again and translate that file' });
      continue;
    }
    if (seen.has(unit.id)) {
      diagnostics.push({ ...at, ruleId: 'import/duplicate-unit', message: `unit '${unit.id}' is in the file twice; expected each unit once` });
      continue;
    }
    seen.add(unit.id);
    if (i.source !== unit.source) {
      diagnostics.push({
        ...at,
        ruleId: 'import/stale-source',
        message: `unit '${unit.id}' was translated from English that is no longer current`,
        expected: unit.source,
        actual: i.source,
        hint: `the English is now "${unit.source.length > 80 ? `${unit.source.slice(0, 77)}...` : unit.source}": export the locale again, review these units against it, and import that file`,
      });
      continue;
    }
    if (i.status === 'empty') {
      unchanged++;
      continue;
    }
    const done = i.status === 'translated';
    const same = i.target === unit.target && (unit.place.kind === 'ui' || !done || unit.state === 'translated');
    if (same) {
      unchanged++;
      continue;
    }
    changes.push({ unit, text: i.target, done });
    if (unit.target.trim() === '') added++;
    else updated++;
  }
  return { changes, counts: { added, updated, unchanged }, diagnostics };
}

/** Writes the changes into the locale's files; returns the files written. */
export async function applyImport(localesDir: string, locale: string, changes: readonly Change[]): Promise<string[]> {
  const byFile = new Map<string, Change[]>();
  for (const c of changes) {
    const place = c.unit.place;
    const path = place.kind === 'ui' ? join(localesDir, locale, 'ui.json') : join(localesDir, locale, 'content', place.field.protocol, place.field.file);
    byFile.set(path, [...(byFile.get(path) ?? []), c]);
  }
  // Every file's new text first, then the writes: a file that cannot be read stops the import before any is written.
  const contents = new Map<string, string>();
  for (const [path, list] of byFile) {
    const before = await readFile(path, 'utf8').catch(() => undefined);
    contents.set(path, path.endsWith('ui.json') ? editUi(before ?? '{}', list) : editYaml(before, list));
  }
  for (const [path, text] of contents) {
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.importing`;
    await writeFile(temp, text);
    await rename(temp, path);
  }
  return [...contents.keys()];
}

function editYaml(before: string | undefined, changes: readonly Change[]): string {
  const doc = before === undefined || before.trim() === '' ? new Document({}) : parseDocument(before);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as typeof doc.contents;
  for (const { unit, text, done } of changes) {
    if (unit.place.kind !== 'content') continue;
    const { path, english } = unit.place.field;
    const old = doc.getIn(path) as unknown;
    const oldSource = isMap(old) ? old.get('source') : undefined;
    // Text that still needs review keeps the source it had (stale), or records none.
    const source = done ? sourceHash(english) : oldSource === undefined || oldSource === null ? undefined : String(oldSource);
    doc.setIn(path, doc.createNode(source === undefined ? { text } : { text, source }));
  }
  return doc.toString({ lineWidth: 0 });
}

function editUi(before: string, changes: readonly Change[]): string {
  const root = JSON.parse(before) as Record<string, unknown>;
  for (const { unit, text } of changes) {
    if (unit.place.kind !== 'ui') continue;
    const parts = unit.place.key.split('.');
    let obj = root;
    let i = 0;
    // A key may be written nested ("code": {"title"}) or joined ("code.title"): keep the form it has.
    while (i < parts.length - 1 && !Object.hasOwn(obj, parts.slice(i).join('.'))) {
      const k = parts[i]!;
      if (typeof obj[k] !== 'object' || obj[k] === null) obj[k] = {};
      obj = obj[k] as Record<string, unknown>;
      i++;
    }
    obj[parts.slice(i).join('.')] = text;
  }
  return `${JSON.stringify(root, null, 2)}\n`;
}
