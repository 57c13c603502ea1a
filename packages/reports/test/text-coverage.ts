/**
 * Test-only: whether a field's text is all in a PDF's text (pdftotext -raw). Both sides are compared NFC,
 * without whitespace (a line may break inside a token) and without zero-width or soft-hyphen characters (break
 * opportunities the renderer may add), and in lower case (headings and header lines are printed in capitals). The field must come out as a few long runs in order: one run per page
 * or table-cell part it spans, so a lost row, line or overflowed piece shows as text that cannot be found.
 */
import { execFileSync } from 'node:child_process';
import type { PdfDefinition } from '../src/pdf-types';

const INVISIBLE = /[\t\n\v\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u00ad\u200b\u200c\u200d\u2060\ufeff]+/gu;

export function comparable(text: string): string {
  return text.normalize('NFC').replace(/\f/g, PAGE).replace(INVISIBLE, '').toLowerCase();
}

/** Where pdftotext ends a page (a form feed), kept by `comparable`: a run of a field may end short there. */
export const PAGE = '\u0001';

export interface Coverage {
  /** The runs the field was found in, in order. */
  runs: number;
  /** The first text (up to 80 characters) that could not be found where it should be, if any. */
  missing?: string;
  /** Characters of the field not found. */
  lost: number;
}

/** Finds `field` in `pdf` (both already `comparable`) as runs of at least `minRun` characters, in order. */
export function coverage(pdf: string, field: string, minRun = 24): Coverage {
  let at = 0;
  let from = 0;
  let runs = 0;
  while (at < field.length) {
    // The longest prefix of the rest that occurs after the previous run: presence is monotone in length.
    let low = 0;
    let high = field.length - at;
    let found = -1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      const i = pdf.indexOf(field.slice(at, at + mid), from);
      if (i >= 0) {
        low = mid;
        found = i;
      } else high = mid - 1;
    }
    const rest = field.length - at;
    found = pdf.indexOf(field.slice(at, at + low), from);
    if (low < Math.min(minRun, rest)) {
      // Short runs only where a page ends (the last line of a cell at the foot of a page).
      let end = -1;
      for (let n = Math.min(minRun, rest); n > 0 && end < 0; n--) {
        end = pdf.indexOf(field.slice(at, at + n) + PAGE, from);
        if (end >= 0) low = n;
      }
      if (end < 0) return { runs, missing: field.slice(at, at + 80), lost: rest };
      found = end;
    }
    runs += 1;
    from = found + low;
    at += low;
  }
  return { runs, lost: 0 };
}

/** pdfmake's default table layout: 4 pt padding either side of a cell, 1 pt rules. */
const PADDING = 4;
const RULE = 1;

/**
 * The horizontal extent of every column of every table with numeric widths in a document definition, in
 * points from the page's left edge (tables sit at the left margin).
 */
export function tableColumns(definition: PdfDefinition): Array<[number, number]> {
  const left = (definition.pageMargins as number[])[0]!;
  const out = new Map<string, [number, number]>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const table = (node as { table?: { widths?: unknown[] } }).table;
    if (table && Array.isArray(table.widths) && table.widths.every((w) => typeof w === 'number')) {
      let x = left + RULE;
      for (const w of table.widths as number[]) {
        out.set(`${x.toFixed(1)}:${w.toFixed(1)}`, [x + PADDING, w]);
        x += w + 2 * PADDING + RULE;
      }
    }
    for (const value of Object.values(node)) walk(value);
  };
  walk(definition.content);
  return [...out.values()];
}

export interface Box {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  page: number;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Every word of a PDF with its box (pdftotext -bbox), however long the document. */
export function wordBoxes(file: string): Box[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const words: Box[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (m[0] === '<page ') page += 1;
    else words.push({ xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, text: decode(m[4]!), page });
  }
  return words;
}

/**
 * The PDF's text in content order (pdftotext -raw), then the text of each table column alone (the words
 * whose middle lies in its extent, line by line, page by page): pdftotext reads a table row across, so the
 * lines of cells side by side interleave; a column alone reads its cells in order. Pages end with PAGE.
 */
export function pdfTexts(file: string, columns: Array<[number, number]>): string[] {
  const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const words = columns.length ? wordBoxes(file) : [];
  const crops = columns.map(([x, w]) => {
    const inside = words.filter((b) => (b.xMin + b.xMax) / 2 >= x && (b.xMin + b.xMax) / 2 <= x + w);
    inside.sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin);
    return inside.map((b, i) => (i > 0 && inside[i - 1]!.page !== b.page ? `\f${b.text}` : b.text)).join(' ') + '\f';
  });
  return [raw, ...crops].map(comparable);
}

/** The coverage of a field in the best of several readings of a PDF (`comparable` texts). */
export function bestCoverage(texts: string[], field: string): Coverage {
  let best: Coverage | undefined;
  for (const text of texts) {
    const c = coverage(text, comparable(field));
    if (!best || c.lost < best.lost) best = c;
    if (c.lost === 0) break;
  }
  return best!;
}
