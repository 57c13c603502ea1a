/**
 * @kiemdiem/sheets: member lists in from .xlsx and .csv, summary lists, roll-ups and diffs out to .xlsx.
 * Being built (issue #19); the modules land with their tests.
 */
export const SHEETS_FORMATS = ['xlsx', 'csv'] as const;
export type SheetFormat = (typeof SHEETS_FORMATS)[number];
