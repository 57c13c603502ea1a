/**
 * Table geometry for the Party layout: column widths that always fit the page, and whether a table's rows can
 * be kept whole on a page. pdfmake sizes `*` and `auto` columns by their longest word and lets the table run
 * off the page when those do not fit; and with `dontBreakRows` it silently drops a row taller than a page.
 * Widths here are numbers (pdfmake then wraps a word too long for its column), and rows are kept together only
 * when every row certainly fits on a page.
 */
import { mm, type LayoutProfile } from './layout';

/** A4 in points, as pdfmake has it. */
export const A4 = { width: 595.28, height: 841.89 };

/** pdfmake's default table layout: 4 pt padding each side of a cell, 1 pt rules. */
const PADDING = 8;
const RULE = 1;

/** Tinos advance widths in em (the layout is measured for Tinos, metric-compatible with Times New Roman). */
const EM = { digit: 0.5, boldT: 1366 / 2048 };

/** The width of the page between the margins. */
export function contentWidth(profile: LayoutProfile, landscape = false): number {
  return (landscape ? A4.height : A4.width) - mm(profile.margins.left) - mm(profile.margins.right);
}

/** The height of the page between the margins. */
export function contentHeight(profile: LayoutProfile, landscape = false): number {
  return (landscape ? A4.width : A4.height) - mm(profile.margins.top) - mm(profile.margins.bottom);
}

/**
 * Widths for a table of a row-number column ("TT", bold, over 1…rows) and `columns` equal columns filling the
 * rest of `width`: what `['auto', '*', …]` gives when it fits, as numbers, so it always fits.
 */
export function numberedWidths(width: number, columns: number, rows: number, fontSize: number): number[] {
  const numbers = Math.max(2 * EM.boldT, String(Math.max(1, rows)).length * EM.digit) * fontSize;
  const offsets = (columns + 1) * PADDING + (columns + 2) * RULE;
  const each = Math.max(1, (width - offsets - numbers) / columns);
  return [numbers, ...Array.from({ length: columns }, () => each)];
}

/** Tinos line height in em (ascent + descent + line gap). */
const LINE_EM = (1825 + 443 + 87) / 2048;
/** An advance that Vietnamese or English text does not exceed on average (about 0.45 em with its spaces). */
const AVERAGE_EM = 0.6;
/** Characters a wrapped line may leave unused at its end (a word that went to the next line). */
const WRAP_WASTE = 4;

/**
 * Whether every row certainly fits on one page, so `dontBreakRows` may keep each row whole: a generous bound of
 * each cell's height (0.6 em a character, a word's room lost at the end of every line, every hard line break)
 * must stay within three quarters of the page, the rest being room for the repeated header row. Otherwise rows
 * must be allowed to break across pages, or pdfmake drops the ones taller than a page.
 */
export function rowsFitOnAPage(rows: string[][], widths: number[], fontSize: number, lineHeight: number, pageHeight: number): boolean {
  const line = LINE_EM * fontSize * lineHeight;
  for (const row of rows) {
    let tallest = 0;
    row.forEach((text, i) => {
      const perLine = Math.max(1, widths[i] ?? 1) / (AVERAGE_EM * fontSize);
      const usable = Math.max(1, perLine - WRAP_WASTE, perLine / 2);
      const lines = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil([...part].length / usable)), 0);
      tallest = Math.max(tallest, lines * line + PADDING);
    });
    if (tallest > pageHeight * 0.75) return false;
  }
  return true;
}
