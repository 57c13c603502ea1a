/**
 * pdfmake content as Word content: the same document definitions the PDFs print from (render.ts, summary.ts,
 * rollup-report.ts build them in the HD 36 layout) become docx paragraphs and tables. Text nodes become
 * ordinary paragraphs a member can edit; `table` nodes become real Word tables (header rows repeated, spans
 * merged, rows kept whole when the PDF keeps them); `columns` (the header block, the signature block) become
 * borderless tables, as in the Party's own Word templates. Only the pdfmake features the reports use are read.
 */
import type { FileChild, IParagraphOptions, Paragraph, Table, TableCell, TextRun } from 'docx';
import { ZWSP } from './breaks';

/** The docx package, loaded on first use (docx.ts): a browser bundle keeps it in a chunk of its own. */
export type DocxModule = typeof import('docx');

/**
 * The loaded docx package for the translation under way: set by `wordContent` for its synchronous run (nothing
 * in it awaits), so the helpers below need not pass it along.
 */
let lib: DocxModule;

type Node = Record<string, any>;

/** What pdfmake passes down from a node to the text inside it. */
export interface Inherited {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  fontSize: number;
  alignment?: string;
  lineHeight: number;
}

/** A paragraph before it becomes a docx Paragraph: margins can still be added to it. */
interface Para {
  kind: 'p';
  runs: TextRun[];
  style: Inherited;
  /** The document's defaults: what equals them is not written. */
  base: Inherited;
  before: number;
  after: number;
  left: number;
  right: number;
  firstLine: number;
  bullet: boolean;
  keepNext: boolean;
}

interface Tab {
  kind: 't';
  table: Table;
}

type Block = Para | Tab;

/** Points to twentieths of a point (Word's unit for spacing, indents and widths). */
const twip = (pt: number) => Math.round(pt * 20);

/** pdfmake's default cell padding: 4 pt each side, 2 pt above and below. */
const CELL_MARGINS = { left: twip(4), right: twip(4), top: twip(2), bottom: twip(2) };

const NONE = { style: 'none', size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const CELL_NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const SINGLE = { style: 'single', size: 4, color: '000000' } as const;
const GRID = { top: SINGLE, bottom: SINGLE, left: SINGLE, right: SINGLE, insideHorizontal: SINGLE, insideVertical: SINGLE };

/**
 * The text as Word shows it: NFC, without the zero-width spaces breaks.ts adds for pdfmake's line breaker
 * (Word wraps a long token by itself).
 */
export function wordText(value: unknown): string {
  return String(value ?? '').normalize('NFC').split(ZWSP).join('');
}

function inherit(parent: Inherited, node: Node): Inherited {
  return {
    ...parent,
    ...(node.bold !== undefined ? { bold: Boolean(node.bold) } : {}),
    ...(node.italics !== undefined ? { italics: Boolean(node.italics) } : {}),
    ...(node.decoration !== undefined ? { underline: node.decoration === 'underline' } : {}),
    ...(typeof node.fontSize === 'number' ? { fontSize: node.fontSize } : {}),
    ...(typeof node.alignment === 'string' ? { alignment: node.alignment } : {}),
    ...(typeof node.lineHeight === 'number' ? { lineHeight: node.lineHeight } : {}),
  };
}

/** pdfmake margins: a number, [horizontal, vertical] or [left, top, right, bottom], in points. */
function margins(m: unknown): [number, number, number, number] {
  if (typeof m === 'number') return [m, m, m, m];
  if (Array.isArray(m) && m.length === 2) return [m[0], m[1], m[0], m[1]];
  if (Array.isArray(m) && m.length === 4) return m as [number, number, number, number];
  return [0, 0, 0, 0];
}

/** Runs for pdfmake text; `base` is the document's default (a run of the default size says nothing of it). */
function runs(text: unknown, style: Inherited, base: Inherited): TextRun[] {
  if (Array.isArray(text)) return text.flatMap((part) => (part !== null && typeof part === 'object' ? runs((part as Node).text, inherit(style, part as Node), base) : runs(part, style, base)));
  if (text !== null && typeof text === 'object') return runs((text as Node).text, inherit(style, text as Node), base);
  const lines = wordText(text).split('\n');
  return lines.map(
    (line, i) =>
      new lib.TextRun({
        text: line,
        ...(i > 0 ? { break: 1 } : {}),
        ...(style.bold ? { bold: true } : {}),
        ...(style.italics ? { italics: true } : {}),
        ...(style.underline ? { underline: { type: 'single' } } : {}),
        ...(style.fontSize !== base.fontSize ? { size: Math.round(style.fontSize * 2) } : {}),
      }),
  );
}

function para(runList: TextRun[], style: Inherited, base: Inherited, node: Node = {}): Para {
  const [left, top, right, bottom] = margins(node.margin);
  return { kind: 'p', runs: runList, style, base, before: top, after: bottom, left, right, firstLine: typeof node.leadingIndent === 'number' ? node.leadingIndent : 0, bullet: false, keepNext: false };
}

/** Adds a node's margin around the blocks it holds (above the first, below the last, left of all paragraphs). */
function withMargin(blocks: Block[], node: Node): Block[] {
  if (node.margin === undefined || blocks.length === 0) return blocks;
  const [left, top, right, bottom] = margins(node.margin);
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  if (first.kind === 'p') first.before += top;
  if (last.kind === 'p') last.after += bottom;
  for (const b of blocks) if (b.kind === 'p') Object.assign(b, { left: b.left + left, right: b.right + right });
  return blocks;
}

/** The narrowest a '*' column gets before the 'auto' columns give up room (pdfmake gives it its longest word). */
const STAR_MIN = 60;

/**
 * Column widths in points for `room`: numbers as given, 'x%' of the room, 'auto' as wide as its widest line
 * when there is room for that (down to its longest word when not, as pdfmake does), '*' sharing the rest.
 */
function columnWidths(widths: unknown[], room: number, auto: (i: number) => { min: number; max: number }): number[] {
  const isStar = (w: unknown) => w === '*' || w === undefined;
  const fixed = widths.map((w) => (typeof w === 'number' ? w : typeof w === 'string' && w.endsWith('%') ? (room * parseFloat(w)) / 100 : 0));
  const autos = widths.map((w, i) => (w === 'auto' ? auto(i) : { min: 0, max: 0 }));
  const stars = widths.filter(isStar).length;
  const free = room - fixed.reduce((a, b) => a + b, 0) - stars * STAR_MIN;
  const minSum = autos.reduce((a, b) => a + b.min, 0);
  const maxSum = autos.reduce((a, b) => a + b.max, 0);
  // Between each auto column's min and max, by the same share of what the room allows.
  const share = maxSum <= minSum ? 1 : Math.max(0, Math.min(1, (free - minSum) / (maxSum - minSum)));
  const sized = widths.map((w, i) => (w === 'auto' ? autos[i]!.min + (autos[i]!.max - autos[i]!.min) * share : fixed[i]!));
  const rest = Math.max(0, room - sized.reduce((a, b) => a + b, 0));
  const out = widths.map((w, i) => (isStar(w) ? rest / Math.max(1, stars) : sized[i]!));
  // Never wider than the room: scale down (pdfmake would overflow the page; Word would too).
  const total = out.reduce((a, b) => a + b, 0);
  return total > room ? out.map((w) => (w * room) / total) : out;
}

/** All the text of a node, for sizing an 'auto' column. */
function plainText(node: unknown): string {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(plainText).join('');
  const n = node as Node;
  if (n.text !== undefined) return plainText(n.text);
  if (n.stack) return (n.stack as unknown[]).map(plainText).join('\n');
  return '';
}

/** Times' widest average advance for mixed Vietnamese text, bold and capitals included, in em. */
const CHAR_EM = 0.6;
/** The cell padding on both sides, and a little slack so the widest word never wraps. */
const CELL_EXTRA = 4;

/** An 'auto' column's narrowest (its longest word) and widest (its longest line) widths. */
function autoWidth(cells: unknown[], fontSize: number): { min: number; max: number } {
  const texts = cells.filter((c) => !(c !== null && typeof c === 'object' && Number((c as Node).colSpan) > 1)).map((c) => wordText(plainText(c)));
  const lines = texts.flatMap((t) => t.split('\n'));
  const longest = (parts: string[]) => Math.max(1, ...parts.map((p) => [...p].length));
  const em = fontSize * CHAR_EM;
  return { min: longest(lines.flatMap((l) => l.split(/\s+/))) * em + CELL_EXTRA, max: longest(lines) * em + CELL_EXTRA };
}

/** pdfmake's alignments as Word's (the values of docx's AlignmentType). */
const ALIGN: Record<string, 'left' | 'center' | 'right' | 'both'> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

function toParagraph(p: Para): Paragraph {
  const options: IParagraphOptions = {
    children: p.runs,
    ...(p.style.alignment && ALIGN[p.style.alignment] ? { alignment: ALIGN[p.style.alignment] } : {}),
    // Only what differs from the document's defaults (no space around, the default line height): smaller XML.
    ...(p.before || p.after || p.style.lineHeight !== p.base.lineHeight
      ? { spacing: { before: twip(p.before), after: twip(p.after), line: Math.round(240 * p.style.lineHeight), lineRule: 'auto' } }
      : {}),
    ...(p.left || p.right || p.firstLine ? { indent: { left: twip(p.left), right: twip(p.right), firstLine: twip(p.firstLine) } } : {}),
    ...(p.bullet ? { bullet: { level: 0 } } : {}),
    ...(p.keepNext ? { keepNext: true, keepLines: true } : {}),
  };
  return new lib.Paragraph(options);
}

function toChildren(blocks: Block[]): Array<Paragraph | Table> {
  // A cell must end with a paragraph (Word's rule); an empty one holds an empty paragraph.
  const out = blocks.map((b) => (b.kind === 'p' ? toParagraph(b) : b.table));
  if (blocks.length === 0 || blocks[blocks.length - 1]!.kind === 't') out.push(new lib.Paragraph({ children: [] }));
  return out;
}

interface Context {
  /** The room for the content at this depth, in points. */
  width: number;
  /** The document's defaults. */
  base: Inherited;
}

function tableBlock(node: Node, style: Inherited, ctx: Context): Tab {
  const spec = node.table as Node;
  const body = (spec.body ?? []) as unknown[][];
  const columns = Math.max(0, ...body.map((r) => r.length));
  const widthsSpec: unknown[] = Array.isArray(spec.widths) ? spec.widths : Array.from({ length: columns }, () => '*');
  // pdfmake's widths are the text's, inside 4 pt of padding each side and 1 pt rules; Word's include the padding.
  const inner = columnWidths(widthsSpec, ctx.width - columns * 8 - (columns + 1), (i) => autoWidth(body.map((r) => r[i]), style.fontSize));
  const widths = inner.map((w) => w + 8);
  const headerRows = typeof spec.headerRows === 'number' ? spec.headerRows : 0;
  // Cells covered by a span above or to the left (pdfmake keeps a placeholder there; Word does not).
  const covered = new Set<string>();
  const rows = body.map((row, r) => {
    const cells: TableCell[] = [];
    row.forEach((cell, c) => {
      if (covered.has(`${r}:${c}`)) return;
      const n = (cell !== null && typeof cell === 'object' && !Array.isArray(cell) ? cell : { text: cell }) as Node;
      const colSpan = Math.max(1, Number(n.colSpan) || 1);
      const rowSpan = Math.max(1, Number(n.rowSpan) || 1);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) if (dr || dc) covered.add(`${r + dr}:${c + dc}`);
      const width = widths.slice(c, c + colSpan).reduce((a, b) => a + b, 0);
      const content = blocks(n, style, { ...ctx, width: Math.max(1, width - 8) });
      cells.push(
        new lib.TableCell({
          children: toChildren(content),
          width: { size: twip(width), type: 'dxa' },
          ...(colSpan > 1 ? { columnSpan: colSpan } : {}),
          ...(rowSpan > 1 ? { rowSpan } : {}),
          ...(typeof n.fillColor === 'string' ? { shading: { type: 'clear', color: 'auto', fill: n.fillColor.replace('#', '').toUpperCase() } } : {}),
        }),
      );
    });
    return new lib.TableRow({ children: cells, ...(r < headerRows ? { tableHeader: true } : {}), ...(spec.dontBreakRows ? { cantSplit: true } : {}) });
  });
  return {
    kind: 't',
    table: new lib.Table({
      rows,
      columnWidths: widths.map(twip),
      width: { size: twip(widths.reduce((a, b) => a + b, 0)), type: 'dxa' },
      layout: 'fixed',
      margins: CELL_MARGINS,
      borders: GRID,
    }),
  };
}

function columnsBlock(node: Node, style: Inherited, ctx: Context): Tab {
  const cols = (node.columns ?? []) as Node[];
  const widths = columnWidths(
    cols.map((c) => c.width ?? '*'),
    ctx.width,
    (i) => autoWidth([cols[i]], style.fontSize),
  );
  const cells = cols.map(
    (c, i) =>
      new lib.TableCell({
        children: toChildren(blocks(c, style, { ...ctx, width: widths[i]! })),
        width: { size: twip(widths[i]!), type: 'dxa' },
        borders: CELL_NO_BORDERS,
      }),
  );
  return {
    kind: 't',
    table: new lib.Table({
      rows: [new lib.TableRow({ children: cells, cantSplit: true })],
      columnWidths: widths.map(twip),
      width: { size: twip(ctx.width), type: 'dxa' },
      layout: 'fixed',
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      borders: NO_BORDERS,
    }),
  };
}

/** The blocks for one pdfmake node under the style of its parent. */
export function blocks(content: unknown, parent: Inherited, ctx: Context): Block[] {
  if (content === null || content === undefined) return [];
  if (Array.isArray(content)) return content.flatMap((c) => blocks(c, parent, ctx));
  if (typeof content !== 'object') return [para(runs(content, parent, ctx.base), parent, ctx.base)];
  const node = content as Node;
  const style = inherit(parent, node);
  let out: Block[];
  if (node.table) out = [tableBlock(node, style, ctx)];
  else if (node.columns) out = [columnsBlock(node, style, ctx)];
  else if (node.stack) out = blocks(node.stack, style, ctx);
  else if (node.ul) {
    out = (node.ul as unknown[]).flatMap((item) => blocks(item, style, ctx));
    for (const b of out) if (b.kind === 'p') b.bullet = true;
  } else if (node.text !== undefined) return [para(runs(node.text, style, ctx.base), style, ctx.base, node)];
  else out = [];
  out = withMargin(out, node);
  // Kept together as pdfmake's `unbreakable`: each paragraph with the next.
  if (node.unbreakable) out.slice(0, -1).forEach((b) => b.kind === 'p' && (b.keepNext = true));
  return out;
}

/** The docx body for pdfmake content, `width` points wide. */
export function wordContent(docx: DocxModule, content: unknown, style: Inherited, width: number): FileChild[] {
  lib = docx;
  return blocks(content, style, { width, base: style }).map((b) => (b.kind === 'p' ? toParagraph(b) : b.table));
}
