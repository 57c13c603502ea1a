/**
 * writeRollupXlsx(output, options): the roll-up per unit (rollup() of @kiemdiem/rules) as .xlsx: one row per
 * unit with the cumulative counts and shares per level, the HTXSNV quota per unit and group, and the records
 * that could not be placed or were invalid, so that every input record is accounted for.
 */
import { KiemdiemError, LEVELS, locale, periodLabel, type Lang, type RollupOutput } from '@kiemdiem/rules';
import { sheetWords } from './locales';
import { addTable, DECIMAL_FORMAT, INTEGER_FORMAT, newWorkbook, sheetName, toBytes, type Cell, type Column } from './workbook';

export interface RollupXlsxOptions {
  lang?: Lang;
}

/** Percentages in the roll-up are already ×100 (23.8 means 23,8 %): written as numbers with one decimal. */
const PERCENT_FORMAT = DECIMAL_FORMAT;

export async function writeRollupXlsx(output: RollupOutput, options: RollupXlsxOptions = {}): Promise<Uint8Array> {
  if (!output || !Array.isArray(output.units)) throw new KiemdiemError('invalid-subject', 'writeRollupXlsx: { units: UnitRollup[] } (the output of rollup)');
  const words = sheetWords(options.lang);
  const loc = locale(words.lang);
  const h = words.rollupHead;
  const wb = newWorkbook();
  const byId = new Map(output.units.map((u) => [u.id, u]));
  const columns: Column[] = [
    { header: h.id, width: 14 },
    { header: h.name, width: 34, wrap: true },
    { header: h.level, width: 18 },
    { header: h.parent, width: 28, wrap: true },
    { header: h.total, width: 10, format: INTEGER_FORMAT },
    { header: h.rated, width: 12, format: INTEGER_FORMAT },
    ...LEVELS.flatMap((level): Column[] => [
      { header: level, width: 10, format: INTEGER_FORMAT },
      { header: h.share(level), width: 12, format: PERCENT_FORMAT },
    ]),
    { header: h.forDecision, width: 16, format: INTEGER_FORMAT },
    { header: h.notRated, width: 14, format: INTEGER_FORMAT },
  ];
  addTable(
    wb,
    sheetName(words.sheets.units),
    columns,
    output.units.map((u): Cell[] => {
      const t = u.cumulative.all;
      // The name indented by depth, as the tree reads in the PDF.
      return [
        u.id,
        `${'  '.repeat(Math.max(0, u.depth))}${u.name}`,
        loc.unitLevels[u.level] ?? u.level,
        u.parent ? (byId.get(u.parent)?.name ?? u.parent) : '',
        t.total,
        t.rated,
        ...LEVELS.flatMap((level): Cell[] => [t.levels[level], t.percent[level]]),
        t.forDecision,
        t.reviewedNotRated + t.notReviewed,
      ];
    }),
  );
  const q = words.quotaHead;
  addTable(
    wb,
    sheetName(words.sheets.quota),
    [
      { header: q.unit, width: 30, wrap: true },
      { header: q.group, width: 24 },
      { header: q.period, width: 12 },
      { header: q.excellent, width: 10, format: INTEGER_FORMAT },
      { header: q.good, width: 10, format: INTEGER_FORMAT },
      { header: q.allowed, width: 11, format: INTEGER_FORMAT },
      { header: q.maxExcellent, width: 14, format: INTEGER_FORMAT },
      { header: q.ratio, width: 9, format: '0%' },
      { header: q.over, width: 11 },
    ],
    output.units.flatMap((u) => u.quota.map((line): Cell[] => [u.name, line.group, periodLabel(line.period, words.lang), line.excellent, line.good, line.allowed, line.maxExcellent, line.ratio, line.over ? words.yes : words.no])),
  );
  const p = words.unplacedHead;
  const unplaced = (['results', 'remediation', 'feedback'] as const).flatMap((source) =>
    (output.unplaced?.[source] ?? []).map((r): Cell[] => [words.sources[source], r.index, r.id ?? '', r.unit ?? '', words.unplacedReasons[r.reason] ?? r.reason]),
  );
  const errors = (output.errors ?? []).map((e): Cell[] => [words.sources[e.source] ?? e.source, e.index, e.id ?? '', '', `${e.path || '/'}: ${e.message}`]);
  addTable(
    wb,
    sheetName(words.sheets.unplaced),
    [
      { header: p.source, width: 18 },
      { header: p.index, width: 12, format: INTEGER_FORMAT },
      { header: p.id, width: 16 },
      { header: p.unit, width: 16 },
      { header: p.reason, width: 60, wrap: true },
    ],
    [...unplaced, ...errors],
  );
  return toBytes(wb);
}
