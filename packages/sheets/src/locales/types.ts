/** The words of @kiemdiem/sheets: problems with a list, cell by cell, and the template's notes. */
export interface SheetsMessages {
  /** "Trang tính X, dòng N, cột H: …": where a problem is. */
  at(place: { sheet: string; row?: number; column?: string }): string;
  missingYear: string;
  notNumber(value: string): string;
  ambiguousNumber(value: string): string;
  notInteger(value: string): string;
  outOfRange(value: string, min: number | undefined, max: number | undefined): string;
  looksLikeDate(value: string): string;
  dateNotNumber(value: string): string;
  badDate(value: string): string;
  notBoolean(value: string): string;
  notInList(value: string, allowed: readonly string[]): string;
  tooLong(length: number, max: number): string;
  formulaWithoutValue(formula: string): string;
  errorValue(value: string): string;
  merged(range: string): string;
  forbiddenHeader(header: string): string;
  duplicateColumn(header: string, field: string): string;
  hiddenSheetList(sheet: string): string;
  hiddenSheetSkipped(sheet: string): string;
  hiddenSheetChosen(sheet: string): string;
  sheetNotFound(sheet: string, available: readonly string[]): string;
  noHeaderRow(sheet: string): string;
  unknownColumns(sheet: string, headers: readonly string[]): string;
  notXlsx: string;
  badEncoding: string;
  notUtf8(line: number): string;
  badCsv(detail: string): string;
  badColumnsMap(detail: string): string;
  unknownField(field: string): string;
  /** The template. */
  template: {
    dataSheet: string;
    notesSheet: string;
    notesTitle: string;
    notesIntro: readonly string[];
    notesHeaders: readonly [string, string, string, string];
    listPrompt: string;
    numberPrompt(min: number | undefined, max: number | undefined): string;
    dateHint: string;
    booleanHint: string;
    yes: string;
    no: string;
    validationError: string;
  };
}
