/**
 * kiemdiem feedback --input FEEDBACK.json [--categories FILE] [--format json|table] [--lang vi|en]: tallies
 * feedback records (góp ý, nhận xét nơi cư trú, tự phê bình trước nhân dân) per category, per person or
 * collective concerned, answered or not. FEEDBACK.json is an array of records or `{ "records", "categories"? }`;
 * --categories FILE replaces the default category list (a list with its basis, or an array of categories).
 * Invalid records are reported (exit 1) and left out of the counts.
 */
import { locale, tallyFeedback, type FeedbackCategory, type FeedbackCategoryList, type FeedbackTally, type Lang } from '@kiemdiem/rules';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import type { Messages } from '../messages';
import { renderTable, truncate } from '../table';

export interface FeedbackArgs {
  input?: string;
  categories?: string;
  format: 'json' | 'table';
  lang: Lang;
}

const WORDS = {
  vi: {
    notRecords: (file: string) => `Tệp ${file} phải chứa một mảng ý kiến góp ý, hoặc một đối tượng { "records": [...], "categories"?: ... }`,
    head: ['Lĩnh vực', 'Số ý kiến', 'Tỷ lệ', 'Đã trả lời', 'Chưa trả lời'],
    targetHead: ['Đối tượng được góp ý', 'Số ý kiến', 'Đã trả lời', 'Chưa trả lời'],
    total: 'Tổng',
    basis: 'Danh mục',
    invalid: (n: number, total: number) => `${n}/${total} ý kiến không hợp lệ, không được tính (xem "errors")`,
  },
  en: {
    notRecords: (file: string) => `${file} must hold an array of feedback records, or an object { "records": [...], "categories"?: ... }`,
    head: ['Category', 'Comments', 'Share', 'Answered', 'Unanswered'],
    targetHead: ['Person or collective', 'Comments', 'Answered', 'Unanswered'],
    total: 'Total',
    basis: 'Categories',
    invalid: (n: number, total: number) => `${n}/${total} feedback records invalid, not counted (see "errors")`,
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A feedback file: an array of records, or `{ records, categories? }`. */
export function readFeedbackFile(file: string, lang: Lang, msg: Messages): { records: unknown[]; categories?: FeedbackCategoryList | FeedbackCategory[] } {
  const data = readJson(file, msg);
  if (Array.isArray(data)) return { records: data };
  if (isObject(data) && Array.isArray(data.records)) {
    return { records: data.records, ...(data.categories !== undefined ? { categories: data.categories as FeedbackCategoryList } : {}) };
  }
  throw new UsageError(WORDS[lang].notRecords(file));
}

function pct(value: number | null, lang: Lang): string {
  return value === null ? '—' : `${value.toFixed(1).replace('.', lang === 'vi' ? ',' : '.')} %`;
}

export function feedbackTable(t: FeedbackTally, lang: Lang): string[] {
  const w = WORDS[lang];
  const rows = t.byCategory.map((c) => [c.label, String(c.count), pct(c.percent, lang), String(c.answered), String(c.unanswered)]);
  rows.push([w.total, String(t.total), pct(t.total ? 100 : null, lang), String(t.answered), String(t.unanswered)]);
  const targets = t.byTarget.map((x) => [truncate(x.name ? `${x.name} (${x.id})` : x.id, 48), String(x.count), String(x.answered), String(x.unanswered)]);
  return [
    ...renderTable(w.head, rows),
    '',
    ...renderTable(w.targetHead, targets),
    '',
    `${w.basis}: ${t.categories.citationText} (${locale(lang).provenance[t.categories.provenance]})${t.categories.note ? `. ${t.categories.note}` : ''}`,
  ];
}

export async function feedbackCommand(args: FeedbackArgs, io: Io, msg: Messages): Promise<number> {
  if (!args.input) throw new UsageError(msg.missingInput);
  const { records, categories } = readFeedbackFile(args.input, args.lang, msg);
  const list = args.categories !== undefined ? (readJson(args.categories, msg) as FeedbackCategoryList | FeedbackCategory[]) : categories;
  const tally = tallyFeedback(records, { lang: args.lang, ...(list !== undefined ? { categories: list } : {}) });
  if (args.format === 'json') io.stdout(`${JSON.stringify(tally, null, 2)}\n`);
  else io.stdout(`${feedbackTable(tally, args.lang).join('\n')}\n`);
  if (tally.errors.length) {
    io.stderr(`${WORDS[args.lang].invalid(tally.accounted.invalid, tally.accounted.records)}\n`);
    if (args.format === 'table') for (const e of tally.errors.slice(0, 20)) io.stderr(`  [${e.index}]${e.path ? ` ${e.path}` : ''}: ${e.message}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
