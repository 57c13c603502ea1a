/**
 * @kiemdiem/sheets: member lists in from .xlsx and .csv, summary lists, roll-ups and diffs out to .xlsx.
 */
export const SHEETS_FORMATS = ['xlsx', 'csv'] as const;
export type SheetFormat = (typeof SHEETS_FORMATS)[number];

export { readSubjects, locateIssue, SheetsError } from './read';
export type { ReadOptions, ReadResult, RowSource, SheetIssue, SheetsLang } from './read';
export { SUBJECT_COLUMNS, IGNORED_HEADERS, AUDIENCE_WORDS, DISCIPLINE_WORDS, GRADE_WORDS, LEVEL_WORDS, headerKey, columnOf } from './columns';
export type { ColumnType, SubjectColumn } from './columns';
export { writeTemplate } from './template';
export type { TemplateOptions } from './template';
export * from './write';
