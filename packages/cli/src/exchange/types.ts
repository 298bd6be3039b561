import type { Diagnostic } from '@statusbook/core';

/** What a translator's file says about one unit. */
export type ImportedStatus = 'translated' | 'review' | 'empty';

/** One unit read back from an XLIFF or PO file, with where it is in that file. */
export interface ImportedUnit {
  readonly id: string;
  /**
   * Other names the file gives the unit, tried when `id` names none: a PO entry's `#:`
   * references (xliff2po writes a msgctxt of its own for repeated English, our id twice).
   */
  readonly alternatives?: readonly string[];
  readonly source: string;
  readonly target: string;
  readonly status: ImportedStatus;
  readonly line: number;
  readonly column: number;
}

/** A translator's file, read: the units it holds and the locale it names, or what is wrong with it. */
export interface ReadExchange {
  readonly locale?: string;
  readonly units: ImportedUnit[];
  readonly diagnostics: Diagnostic[];
}

export type ExchangeFormat = 'xliff' | 'po';
