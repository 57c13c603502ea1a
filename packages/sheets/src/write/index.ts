/** The .xlsx writers: summary list, rating results, roll-up per unit and regulation diff. */
export { writeSummaryXlsx, type SummaryXlsxInput, type SummaryXlsxOptions } from './summary';
export { writeRatingXlsx, type RatingXlsxInput, type RatingXlsxOptions } from './rating';
export { writeRollupXlsx, type RollupXlsxOptions } from './rollup';
export { writeDiffXlsx, type DiffXlsxOptions } from './diff';
export { DECIMAL_FORMAT, MAX_CELL_TEXT } from './workbook';
