/**
 * kiemdiem feedback --input FEEDBACK.json [--categories FILE] [--format json|table] [--lang vi|en]: tallies
 * feedback records (góp ý, nhận xét nơi cư trú, tự phê bình trước nhân dân) per category, per person or
 * collective concerned, answered or not. FEEDBACK.json is an array of records or `{ "records", "categories"? }`;
 * --categories FILE replaces the default category list (a list with its basis, or an array of categories).
 * Invalid records are reported (exit 1) and left out of the counts.
 */
import { tallyFeedback, type FeedbackCategory, type FeedbackCategoryList, type FeedbackTally, type Lang } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { readJson } from '../input';
import { messages, type Messages } from '../locales';
import { printable, printableLines, renderTable, truncate } from '../table';

export const feedback = defineCommand({
  name: 'feedback',
  flags: {
    input: { type: 'string', short: 'i', required: true, arg: 'FILE' },
    categories: { type: 'string', arg: 'FILE' },
    format: { type: 'string', short: 'f', choices: ['json', 'table'], default: 'table' },
  },
  run: (v, { io, lang, msg }) => feedbackCommand({ input: v.input, ...(v.categories ? { categories: v.categories } : {}), format: v.format, lang }, io, msg),
});

export interface FeedbackArgs {
  input: string;
  categories?: string;
  format: 'json' | 'table';
  lang: Lang;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A feedback file: an array of records, or `{ records, categories? }`. */
export function readFeedbackFile(file: string, msg: Messages): { records: unknown[]; categories?: FeedbackCategoryList | FeedbackCategory[] } {
  const data = readJson(file, msg);
  if (Array.isArray(data)) return { records: data };
  if (isObject(data) && Array.isArray(data.records)) {
    return { records: data.records, ...(data.categories !== undefined ? { categories: data.categories as FeedbackCategoryList } : {}) };
  }
  throw new UsageError(msg.feedback.notRecords(file));
}

export function feedbackTable(t: FeedbackTally, lang: Lang): string[] {
  const m = messages(lang);
  const w = m.feedback;
  const rows = t.byCategory.map((c) => [c.label, String(c.count), m.percent(c.percent, 1), String(c.answered), String(c.unanswered)]);
  rows.push([w.total, String(t.total), m.percent(t.total ? 100 : null, 1), String(t.answered), String(t.unanswered)]);
  const targets = t.byTarget.map((x) => [truncate(x.name ? `${x.name} (${x.id})` : x.id, 48), String(x.count), String(x.answered), String(x.unanswered)]);
  return [
    ...renderTable(w.head, rows),
    '',
    ...renderTable(w.targetHead, targets),
    '',
    `${w.basis}: ${t.categories.citationText} (${m.provenance(t.categories.provenance)})${t.categories.note ? `. ${t.categories.note}` : ''}`,
  ];
}

export async function feedbackCommand(args: FeedbackArgs, io: Io, msg: Messages): Promise<number> {
  const { records, categories } = readFeedbackFile(args.input, msg);
  const list = args.categories !== undefined ? (readJson(args.categories, msg) as FeedbackCategoryList | FeedbackCategory[]) : categories;
  const tally = tallyFeedback(records, { lang: args.lang, ...(list !== undefined ? { categories: list } : {}) });
  if (args.format === 'json') io.stdout(`${JSON.stringify(tally, null, 2)}\n`);
  else io.stdout(`${printableLines(feedbackTable(tally, args.lang).join('\n'))}\n`);
  if (tally.errors.length) {
    io.stderr(`${msg.feedback.invalid(tally.accounted.invalid, tally.accounted.records)}\n`);
    if (args.format === 'table') for (const e of tally.errors.slice(0, 20)) io.stderr(`${printable(`  [${e.index}]${e.path ? ` ${e.path}` : ''}: ${e.message}`)}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
