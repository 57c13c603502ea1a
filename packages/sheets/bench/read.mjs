/**
 * Bench: a 100,000-row member list (.xlsx) read by readSubjects and rated by rateMany, timed, with the peak
 * resident memory of the process that does it (a fresh one, so generating the file does not count).
 * Targets (issue #19): < 10 s and < 300 MB. Run after building: node packages/sheets/bench/read.mjs [ROWS]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const TARGET_SECONDS = 10;
const TARGET_MB = 300;

if (process.argv[2] === '--measure') {
  const { readSubjects } = await import('@kiemdiem/sheets');
  const { rateMany } = await import('@kiemdiem/rules');
  const file = process.argv[3];
  const start = performance.now();
  const read = await readSubjects(readFileSync(file), { format: 'xlsx' });
  const readSeconds = (performance.now() - start) / 1000;
  const rated = await rateMany(read.subjects, { reasons: false });
  const seconds = (performance.now() - start) / 1000;
  const peakMB = process.resourceUsage().maxRSS / 1024;
  const accounted = read.subjects.length + new Set(read.errors.map((e) => e.index)).size;
  console.log(JSON.stringify({ rows: read.rows.data, accounted, rated: rated.results.length, readSeconds, seconds, peakMB }));
} else {
  const rows = Number(process.argv[2] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-sheets-bench-'));
  const file = join(dir, 'members.xlsx');
  // The streaming writer keeps generation itself small and quick.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['STT', 'Mã', 'Họ và tên', 'Chức vụ', 'Đối tượng', 'Nhóm', 'Năm', 'Điểm nhóm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', 'Số nhiệm vụ được giao', 'Số nhiệm vụ hoàn thành', 'Số nhiệm vụ đúng hạn', 'Số nhiệm vụ vượt mức', 'Số hạn chế, khuyết điểm được chỉ ra', 'Số hạn chế, khuyết điểm đã khắc phục']).commit();
  for (let i = 0; i < rows; i++) {
    const assigned = 5 + (i % 11);
    const completed = assigned - (i % 3 === 0 ? 1 : 0);
    ws.addRow([i + 1, `dv-${i + 1}`, `Đảng viên ${i + 1}`, 'Chuyên viên', 'Không giữ chức vụ lãnh đạo, quản lý', `Chi bộ ${i % 200}`, 2025, 20 + (i % 21) * 0.5, 50 + (i % 41) * 0.5, assigned, completed, completed - (i % 2), i % 4, i % 3, i % 3]).commit();
  }
  ws.commit();
  await wb.commit();
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', file], { encoding: 'utf8' });
  if (process.env.KEEP) console.log(file); else rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    process.exit(1);
  }
  const r = JSON.parse(child.stdout);
  const ok = r.seconds < TARGET_SECONDS && r.peakMB < TARGET_MB && r.accounted === r.rows;
  console.log(`sheets read+rate: ${r.rows} rows (${r.accounted} accounted for, ${r.rated} rated) in ${r.seconds.toFixed(2)} s (read ${r.readSeconds.toFixed(2)} s), peak RSS ${Math.round(r.peakMB)} MB; targets < ${TARGET_SECONDS} s, < ${TARGET_MB} MB: ${ok ? 'met' : 'NOT met'}`);
  // A bench reports; it does not fail the chain of `pnpm bench:reports` (the PDF and Word benches run after it).
  if (!ok) console.log("sheets read+rate: target not met (see docs/sheets.md, Memory and speed)");
}
