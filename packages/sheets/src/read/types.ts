import type { Period, Subject } from '@kiemdiem/rules';

export type SheetsLang = 'vi' | 'en';

export interface ReadOptions {
  format: 'xlsx' | 'csv';
  /** The worksheet to read, by name; default: the first visible sheet. (CSV: the name errors give the file; default "CSV".) */
  sheet?: string;
  /** A host's own headers → dotted field names of `Subject` (`{"Điểm phần B1": "score.common"}`); wins over the built-in map. */
  columns?: Readonly<Record<string, string>>;
  lang?: SheetsLang;
  /** The period of rows without a Năm (period.year) cell. */
  period?: Period;
}

/** A problem with the list, naming where it is: the sheet, the row as the spreadsheet shows it, the column header. */
export interface SheetIssue {
  /** 0-based position of the data row among the non-blank data rows (as `sources`); absent for a header or sheet problem. */
  index?: number;
  /** The subject's id when the row got that far. */
  id?: string;
  sheet: string;
  /** 1-based, as Excel and LibreOffice number rows. */
  row?: number;
  /** The column header as the sheet spells it. */
  column?: string;
  /** JSON pointer into the subject ("" for the row itself), as in @kiemdiem/rules' errors. */
  path: string;
  /** Stable machine-readable code, e.g. "not-number", "formula", "merged". */
  code: string;
  /** The whole sentence: place and problem, in the chosen language. */
  message: string;
}

/** Where a subject came from. */
export interface RowSource {
  sheet: string;
  row: number;
  /** Position among the non-blank data rows (`SheetIssue.index`). */
  index: number;
}

export interface ReadResult {
  /** One per data row read without a problem, in row order. */
  subjects: Subject[];
  /** `sources[i]` is where `subjects[i]` came from. */
  sources: RowSource[];
  errors: SheetIssue[];
  /** The sheet read. */
  sheet: string;
  /** Its header row (1-based), and each column read: header → field. */
  headerRow: number;
  columns: Array<{ header: string; field: string }>;
  /** Every data row accounted for: data = subjects + rows in errors; blank rows skipped. */
  rows: { data: number; blank: number };
  /** Things worth saying that are no error (columns not read, hidden sheets skipped), in the chosen language. */
  notices: string[];
}

/** A problem with the whole file (not a spreadsheet, no such sheet, no header row): nothing could be read. */
export class SheetsError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'SheetsError';
    this.code = code;
  }
}
