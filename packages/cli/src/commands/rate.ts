/** kiemdiem rate: rate a JSON array of subjects; json for machines, a Vietnamese table for people. */
import { loadRegulation, locale, periodLabel, rateMany, type Engine, type Lang, type RateManyOutput, type Result } from '@kiemdiem/rules';
import { EXIT, UsageError, type Io } from '../io';
import { readJson, readJsonLines } from '../input';
import { rateStream } from '../stream/rate-stream';
import type { Messages } from '../messages';
import { overlaidPack } from './packref';
import { renderTable, truncate } from '../table';
import { audienceWord, provenanceWord, roundingWord } from '../words';

export interface RateArgs {
  input?: string;
  regulation?: string;
  format: 'json' | 'table' | 'jsonl';
  lang: Lang;
  overlays: string[];
  engine: Engine;
  /** Worker threads for --format jsonl. */
  workers: number;
}

/** JSON Lines by extension (or stdin, which is read as lines). */
function isJsonLines(file: string): boolean {
  return file === '-' || /\.(jsonl|ndjson)$/i.test(file);
}

export async function rateCommand(args: RateArgs, io: Io, msg: Messages): Promise<number> {
  if (!args.input) throw new UsageError(msg.missingInput);
  const pack = overlaidPack(args.regulation, args.overlays, msg);
  const options = { lang: args.lang, ...(args.regulation ? { regulation: args.regulation } : {}), ...(pack ? { pack } : {}) };
  if (args.format === 'jsonl') {
    if (args.engine === 'reference') throw new UsageError(msg.badChoice('--engine', 'reference', ['compiled (--format jsonl)']));
    const counts = await rateStream({ input: args.input === '-' ? process.stdin : args.input, options, workers: args.workers, write: io.write ?? ((data) => io.stdout(typeof data === 'string' ? data : new TextDecoder().decode(data))), writeReleases: io.write !== undefined && io.writeReleases === true, msg });
    if (counts.invalid > 0) {
      io.stderr(`${msg.invalidLines(counts.invalid, counts.records)}\n`);
      return EXIT.failed;
    }
    return EXIT.ok;
  }
  const subjects = isJsonLines(args.input) ? readJsonLines(args.input, msg) : readJson(args.input, msg);
  if (!Array.isArray(subjects)) throw new UsageError(msg.notArray(args.input));
  const output = await rateMany(subjects, { ...options, engine: args.engine });
  if (args.format === 'json') io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  else io.stdout(`${tableLines(output, args.lang).join('\n')}\n`);
  if (output.errors.length > 0) {
    const invalid = new Set(output.errors.map((e) => e.index)).size;
    io.stderr(`${msg.invalidSummary(invalid, subjects.length)}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

const MARK = { met: '✓', failed: '✗', applied: '•', disabled: '○' } as const;

export function tableLines(output: RateManyOutput, lang: Lang): string[] {
  const vi = lang === 'vi';
  const loc = locale(lang);
  const lines: string[] = [];
  const regs = [...new Set(output.results.map((r) => r.regulation))].map((id) => {
    const [base, ...overlays] = id.split('+');
    const m = loadRegulation(base!).manifest;
    return `${m.documentType} ${m.number}${overlays.length ? ` + ${overlays.join(' + ')}` : ''}`;
  });
  const periods = [...new Set(output.results.map((r) => periodLabel(r.period, lang)))];
  lines.push(vi ? `KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG — ${periods.join(', ')} — ${regs.join(', ')}` : `QUALITY RATING — ${periods.join(', ')} — ${regs.join(', ')}`);
  lines.push('');
  const headers = vi ? ['STT', 'Mã', 'Họ tên / Tập thể', 'Đối tượng', 'Tổng điểm', 'Xếp loại'] : ['#', 'Id', 'Name', 'Audience', 'Total', 'Level'];
  const rows = output.results.map((r, i) => [
    String(i + 1),
    r.id,
    truncate(r.name ?? r.id, 32),
    audienceWord(r, lang),
    r.total === undefined ? '' : String(r.total).replace('.', loc.decimal),
    levelCell(r, lang),
  ]);
  lines.push(...renderTable(headers, rows));

  lines.push('', vi ? 'LÝ DO (✓ đạt, ✗ chưa đạt, • áp dụng, ○ đã tắt)' : 'REASONS (✓ met, ✗ failed, • applied, ○ switched off)');
  output.results.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.name ?? r.id} (${r.id}): ${levelCell(r, lang)}`);
    for (const reason of r.reasons) {
      const local = reason.overlay ? `; ${vi ? 'hướng dẫn địa phương' : 'local guidance'} ${reason.overlay}` : '';
      lines.push(`   ${MARK[reason.outcome]} ${reason.message} [${reason.citationText}; ${provenanceWord(reason.provenance, lang)}${local}]`);
    }
  });

  if (output.quota.length > 0) {
    lines.push('', vi ? 'TỶ LỆ HOÀN THÀNH XUẤT SẮC NHIỆM VỤ THEO NHÓM' : 'HTXSNV QUOTA BY GROUP');
    for (const q of output.quota) {
      const pct = `${String(q.ratio * 100).replace('.', loc.decimal)} %`;
      const verdict = q.over
        ? vi
          ? `VƯỢT tỷ lệ: cấp có thẩm quyền xem xét, quyết định (tối đa giữ được ${q.maxExcellent})`
          : `OVER the quota: the competent level decides (at most ${q.maxExcellent} can keep HTXSNV)`
        : vi
          ? 'trong tỷ lệ'
          : 'within the quota';
      lines.push(
        vi
          ? `- Nhóm ${q.group} (${periodLabel(q.period, lang)}): HTXSNV ${q.excellent}, HTTNV ${q.good}, được phép ${q.allowed} (${pct} × ${q.good}, ${roundingWord(q.rounding, lang)}) → ${verdict}`
          : `- Group ${q.group} (${periodLabel(q.period, lang)}): HTXSNV ${q.excellent}, HTTNV ${q.good}, allowed ${q.allowed} (${pct} × ${q.good}, ${roundingWord(q.rounding, lang)}) → ${verdict}`,
      );
    }
    const q0 = output.quota[0]!;
    const local = q0.overlay ? `; ${vi ? 'hướng dẫn địa phương' : 'local guidance'} ${q0.overlay}` : '';
    lines.push(`  [${loc.citation(q0.citation)}; ${provenanceWord(q0.provenance, lang)}${local}]`);
  }

  lines.push('', vi ? 'TỔNG HỢP' : 'SUMMARY');
  const count = (pred: (r: Result) => boolean) => output.results.filter(pred).length;
  for (const level of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const) {
    lines.push(`- ${loc.levels[level]} (${level}): ${count((r) => r.level === level)}`);
  }
  lines.push(`- ${vi ? 'Không kiểm điểm / không xếp loại' : 'Not reviewed / not rated'}: ${count((r) => r.status !== 'rated')}`);

  if (output.errors.length > 0) {
    lines.push('', vi ? 'ĐỐI TƯỢNG KHÔNG HỢP LỆ' : 'INVALID SUBJECTS');
    for (const e of output.errors) lines.push(`- #${e.index}${e.id ? ` (${e.id})` : ''} ${e.path || '/'}: ${e.message}`);
  }
  return lines;
}

function levelCell(r: Result, lang: Lang): string {
  if (r.status !== 'rated') return locale(lang).statuses[r.status];
  return r.level ?? '';
}
