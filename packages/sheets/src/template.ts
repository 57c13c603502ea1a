/**
 * writeTemplate: the empty member list a chi bộ fills in, with the headers `readSubjects` reads, drop-down
 * lists and number ranges as data validation, a frozen header row, and a "Hướng dẫn" sheet explaining each column.
 */
import ExcelJS from 'exceljs';
import { locale } from '@kiemdiem/rules';
import { AUDIENCE_WORDS, DISCIPLINE_WORDS, GRADE_WORDS, LEVEL_WORDS, SUBJECT_COLUMNS, type ColumnType, type SubjectColumn } from './columns';
import { sheetsMessages, type SheetsMessages } from './locales';

export interface TemplateOptions {
  /** `vi` (default): Vietnamese headers; `en`: the English field names (`score.common`), read the same way. */
  lang?: 'vi' | 'en';
  /** Rows that get the data validation (default 1000). */
  rows?: number;
}

/** Fixed workbook metadata, so the same options give the same file. */
const CREATED = new Date(Date.UTC(2025, 0, 1));

/** The lists the drop-downs offer, written on the notes sheet (list items cannot hold commas inline). */
function lists(lang: 'vi' | 'en', msg: SheetsMessages): Partial<Record<ColumnType, string[]>> {
  const words = (w: Readonly<Record<string, string>>) => (lang === 'vi' ? Object.values(w) : Object.keys(w));
  return {
    audience: words(AUDIENCE_WORDS),
    level: Object.keys(LEVEL_WORDS),
    grade: words(GRADE_WORDS),
    'discipline-form': words(DISCIPLINE_WORDS),
    boolean: lang === 'vi' ? [msg.template.yes, msg.template.no] : ['yes', 'no'],
  };
}

export async function writeTemplate(options: TemplateOptions = {}): Promise<Uint8Array> {
  const lang = options.lang === 'en' ? 'en' : 'vi';
  const msg = sheetsMessages(lang);
  const rows = Math.max(1, Math.min(options.rows ?? 1000, 100_000));
  const columns = SUBJECT_COLUMNS.filter((c) => c.template);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kiemdiem';
  workbook.created = CREATED;
  workbook.modified = CREATED;

  const data = workbook.addWorksheet(msg.template.dataSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const notes = workbook.addWorksheet(msg.template.notesSheet);
  const header = (c: SubjectColumn) => (lang === 'vi' ? c.vi : c.field);

  data.columns = columns.map((c) => ({ header: header(c), key: c.field, width: Math.min(40, Math.max(12, header(c).length + 2)) }));
  const head = data.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };

  // The lists, one column each on the notes sheet, from column G; the drop-downs refer to them.
  const listCells = new Map<string, string>();
  const sheetRef = `'${msg.template.notesSheet}'`;
  Object.entries(lists(lang, msg)).forEach(([type, values], i) => {
    const col = 7 + i;
    const letter = notes.getColumn(col).letter;
    notes.getCell(1, col).value = type;
    notes.getCell(1, col).font = { bold: true };
    values.forEach((v, j) => (notes.getCell(2 + j, col).value = v));
    notes.getColumn(col).width = Math.max(14, ...values.map((v) => v.length + 2));
    listCells.set(type, `${sheetRef}!$${letter}$2:$${letter}$${1 + values.length}`);
  });

  const validations = (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  columns.forEach((c, i) => {
    const letter = data.getColumn(i + 1).letter;
    const range = `${letter}2:${letter}${rows + 1}`;
    const v = validation(c, listCells, msg);
    if (v) validations.add(range, v);
    // Text columns stay text: a typed "=…" is then shown, never run, when the file is opened.
    if (c.type === 'text' || c.type === 'date') data.getColumn(i + 1).numFmt = '@';
  });

  notes.getColumn(1).width = 40;
  notes.getColumn(2).width = 26;
  notes.getColumn(3).width = 60;
  notes.getColumn(4).width = 40;
  notes.getCell(1, 1).value = msg.template.notesTitle;
  notes.getCell(1, 1).font = { bold: true };
  msg.template.notesIntro.forEach((line, i) => (notes.getCell(2 + i, 1).value = line));
  const top = 3 + msg.template.notesIntro.length;
  msg.template.notesHeaders.forEach((h, i) => {
    notes.getCell(top, 1 + i).value = h;
    notes.getCell(top, 1 + i).font = { bold: true };
  });
  const listed = lists(lang, msg);
  columns.forEach((c, i) => {
    const r = top + 1 + i;
    notes.getCell(r, 1).value = header(c);
    notes.getCell(r, 2).value = c.field;
    notes.getCell(r, 3).value = lang === 'vi' ? describeVi(c) : c.en;
    notes.getCell(r, 4).value = valuesText(c, listed, msg);
  });

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function validation(c: SubjectColumn, listCells: ReadonlyMap<string, string>, msg: SheetsMessages): ExcelJS.DataValidation | undefined {
  const common = { allowBlank: true, showErrorMessage: true, error: msg.template.validationError, showInputMessage: true };
  const list = listCells.get(c.type);
  if (list) return { ...common, type: 'list', formulae: [list], prompt: msg.template.listPrompt };
  if (c.type === 'integer' || c.type === 'number') {
    return { ...common, type: c.type === 'integer' ? 'whole' : 'decimal', operator: 'between', formulae: [c.min ?? 0, c.max ?? 100000], prompt: msg.template.numberPrompt(c.min, c.max) };
  }
  return undefined;
}

/** The field's Vietnamese label from @kiemdiem/rules (the words its messages use), capitalised. */
function describeVi(c: SubjectColumn): string {
  const pointer = c.field.startsWith('discipline.') ? `/discipline/*/${c.field.slice('discipline.'.length)}` : `/${c.field.replace(/\./g, '/')}`;
  const label = locale('vi').fields[pointer] ?? c.vi;
  return label.charAt(0).toLocaleUpperCase('vi') + label.slice(1);
}

function valuesText(c: SubjectColumn, listed: Partial<Record<ColumnType, string[]>>, msg: SheetsMessages): string {
  const list = listed[c.type];
  if (list) return list.join('; ');
  if (c.type === 'integer' || c.type === 'number') return msg.template.numberPrompt(c.min, c.max);
  if (c.type === 'date') return msg.template.dateHint;
  return '';
}
