/**
 * Cases the text hands to the competent level (status `for-decision`, QĐ 366 Điều 11 khoản 4) through the built
 * binary and packages: rate under an overlay that switches the gap reading off → the summary list, the diff
 * report and the roll-up (JSON and PDF, read back with poppler); and a quota group with the exceptional ratio.
 * Expectations come from the subjects written here, not from engine output.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText, READ_BACK } from '../../packages/reports/test/poppler';
import { kiemdiem, readJsonFile } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'kd-for-decision-'));
const FD = { vi: 'Cấp có thẩm quyền xem xét, quyết định', en: 'For the competent level to decide' } as const;
const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

const demo = readJsonFile<Array<{ id: string; kind: string }>>('examples/chi-bo-2026/subjects.json');
const base = { kind: 'individual', audience: 'non-leader', period: { year: 2026 }, group: 'chuyen-vien', shortcomings: { identified: 1, remediated: 1 } };
// HTXSNV data, but disciplined for a duty-related violation the member found and remedied: handed over.
const referred = { ...base, id: 'dv-90', name: 'Nguyễn Văn Chuyển', score: { common: 29, tasks: 66 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 5 }, discipline: [{ form: 'khien-trach', decidedOn: '2026-05-04', dutyRelated: true, selfDetectedAndRemedied: true }] };
// 30 % of tasks late: no level and no case of khoản 4; KHTNV only by the reading reading.noLevelIsKHTNV.
const gap = { ...base, id: 'dv-91', name: 'Trần Thị Khoảng', score: { common: 25, tasks: 40 }, tasks: { assigned: 10, completed: 10, onTime: 7, exceeded: 0 } };
const subjects = [...demo, referred, gap];
const subjectsFile = join(dir, 'subjects.json');
writeFileSync(subjectsFile, JSON.stringify(subjects));
// The gap reading switched off by local guidance: a subject who reaches no level is for the competent level.
const { $schema: _, ...example } = readJsonFile<Record<string, unknown>>('examples/overlays/tinh-vi-du-2026.json');
const overlay = { ...example, id: 'gap-open', rules: [], disabledRules: [], parameters: { 'reading.noLevelIsKHTNV': { value: false } } };
const overlayFile = join(dir, 'gap-open.json');
writeFileSync(overlayFile, JSON.stringify(overlay));
const hierarchyFile = join(dir, 'units.json');
writeFileSync(hierarchyFile, JSON.stringify({ units: [{ id: 'db', name: 'Đảng bộ Sở Tài chính', level: 'dang-bo-co-so' }, { id: 'cb', name: 'Chi bộ Phòng Tổng hợp', level: 'chi-bo', parent: 'db', members: subjects.map((s) => s.id) }] }));

describe('kiemdiem with cases for the competent level (built CLI)', () => {
  const rated = kiemdiem('rate', '--input', subjectsFile, '--overlay', overlayFile, '--format', 'json');
  const resultsFile = join(dir, 'results.json');
  writeFileSync(resultsFile, rated.stdout);

  it('rates the two cases for-decision, with what the rules give without them', () => {
    expect(rated.status, rated.stderr).toBe(0);
    const out = JSON.parse(rated.stdout) as { results: Array<{ id: string; status: string; level: string | null; decision?: { without: string | null } }> };
    expect(out.results.filter((r) => r.status === 'for-decision').map((r) => [r.id, r.level, r.decision?.without])).toEqual([
      ['dv-90', null, 'HTXSNV'],
      ['dv-91', null, null],
    ]);
  });

  // Through the built package: `kiemdiem summary` (packages/cli) still refuses a for-decision result as input.
  it.skipIf(!READ_BACK)('summary: the for-decision word and what the rules give in the level column, and a counts row (vi, en)', async () => {
    const { renderSummary } = await import('@kiemdiem/reports');
    const output = JSON.parse(rated.stdout) as Parameters<typeof renderSummary>[0];
    const vi = join(dir, 'tong-hop.pdf');
    writeFileSync(vi, await renderSummary(output));
    const text = squeeze(pdfText(vi, ['-raw']));
    expect(text).toContain(squeeze(`Nguyễn Văn Chuyển Không giữ chức vụ 95 ${FD.vi} (Ngoài trường hợp này: HTXSNV)`));
    expect(text).toContain(squeeze(`Trần Thị Khoảng Không giữ chức vụ 65 ${FD.vi} (Không đạt mức nào)`));
    // Two members for the competent level, none of the collectives; the not-rated row keeps its own two.
    expect(text).toContain(squeeze(`${FD.vi} 2 0 Không kiểm điểm, không xếp loại 2 0`));
    const en = join(dir, 'summary-en.pdf');
    writeFileSync(en, await renderSummary(output, { lang: 'en' }));
    const english = squeeze(pdfText(en, ['-raw']));
    expect(english).toContain(squeeze(`${FD.en} (Apart from this case: HTXSNV)`));
    expect(english).toContain(squeeze(`${FD.en} 2 0 Not reviewed or not rated 2 0`));
  });

  it('diff: the Markdown matrix has the for-decision row and column', () => {
    const r = kiemdiem('diff', '--from', 'qd-366-2025', '--to', `qd-366-2025+${overlayFile}`, '--input', subjectsFile, '--format', 'md');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`| Trước → Sau | HTXSNV | HTTNV | HTNV | KHTNV | ${FD.vi} | Không xếp loại |`);
    expect(r.stdout).toContain('| KHTNV | 0 | 0 | 0 | 1 | 1 | 0 |');
    expect(r.stdout).toContain(`| ${FD.vi} | 0 | 0 | 0 | 0 | 1 | 0 |`);
  });

  it.skipIf(!READ_BACK)('diff --format pdf: the matrix row and column, and the subject who moves (vi, en)', () => {
    const vi = join(dir, 'diff.pdf');
    const r = kiemdiem('diff', '--from', 'qd-366-2025', '--to', `qd-366-2025+${overlayFile}`, '--input', subjectsFile, '--format', 'pdf', '--out', vi);
    expect(r.status, r.stderr).toBe(0);
    const text = squeeze(pdfText(vi, ['-raw']));
    expect(text).toContain(squeeze(`Trước → Sau HTXSNV HTTNV HTNV KHTNV ${FD.vi} Không xếp loại`));
    expect(text).toContain(squeeze(`KHTNV 0 0 0 1 1 0 ${FD.vi} 0 0 0 0 1 0`));
    expect(text).toContain(squeeze(`dv-91 KHTNV ${FD.vi} (quy định không cho mức nào)`));
    const en = join(dir, 'diff-en.pdf');
    expect(kiemdiem('diff', '--from', 'qd-366-2025', '--to', `qd-366-2025+${overlayFile}`, '--input', subjectsFile, '--format', 'pdf', '--out', en, '--lang', 'en').status).toBe(0);
    expect(squeeze(pdfText(en, ['-raw']))).toContain(squeeze(`From → To HTXSNV HTTNV HTNV KHTNV ${FD.en} Not rated`));
  });

  it('rollup: the JSON counts them as forDecision, outside the rated base', () => {
    const r = kiemdiem('rollup', '--input', resultsFile, '--hierarchy', hierarchyFile);
    expect(r.status, r.stderr).toBe(0);
    const members = (JSON.parse(r.stdout) as { units: Array<{ cumulative: { members: Record<string, unknown> } }> }).units[1]!.cumulative.members;
    const individuals = subjects.filter((s) => s.kind === 'individual').length;
    // The demo's 25 members: 2 not reviewed, 23 rated; plus the two cases here.
    expect(members).toMatchObject({ total: individuals, rated: 23, forDecision: 2, notReviewed: 2 });
    expect(individuals).toBe(27);
  });

  it.skipIf(!READ_BACK)('rollup --format pdf: the for-decision column and its note (vi, en)', () => {
    const vi = join(dir, 'thong-ke.pdf');
    expect(kiemdiem('rollup', '--input', resultsFile, '--hierarchy', hierarchyFile, '--format', 'pdf', '--out', vi).status).toBe(0);
    const text = pdfText(vi, ['-raw']).normalize('NFC');
    expect(squeeze(text)).toContain(squeeze(`KHTNV ${FD.vi} Không xếp loại`));
    expect(text.replace(/\s+/g, ' ')).toContain('Đối tượng do cấp có thẩm quyền xem xét, quyết định (Điều 11 khoản 4 Quy định 366-QĐ/TW) chưa có mức xếp loại');
    const en = join(dir, 'thong-ke-en.pdf');
    expect(kiemdiem('rollup', '--input', resultsFile, '--hierarchy', hierarchyFile, '--format', 'pdf', '--out', en, '--lang', 'en').status).toBe(0);
    expect(squeeze(pdfText(en, ['-raw']))).toContain(squeeze(`KHTNV ${FD.en} Not rated`));
  });
});

describe.skipIf(!READ_BACK)('an exceptional quota group (built packages)', () => {
  it('says so in the summary list and the roll-up, in Vietnamese and English', async () => {
    const { rateMany, rollup } = await import('@kiemdiem/rules');
    const { renderSummary, renderRollup } = await import('@kiemdiem/reports');
    const out = await rateMany(demo, { exceptionalGroups: ['chuyen-vien'] });
    const line = out.quota.find((q) => q.group === 'chuyen-vien')!;
    expect(line).toMatchObject({ ratio: 0.25, exceptional: true });
    const hierarchy = [{ id: 'cb', name: 'Chi bộ', level: 'chi-bo' as const, members: demo.map((s) => s.id) }];
    for (const [lang, words] of [
      ['vi', `(25 % × ${line.good}, làm tròn xuống; tỷ lệ ngoại lệ 25 % do cấp có thẩm quyền quyết định)`],
      ['en', `(25 % × ${line.good}, rounded down; exceptional ratio 25 % decided by the competent level)`],
    ] as const) {
      const summary = join(dir, `quota-${lang}.pdf`);
      writeFileSync(summary, await renderSummary(out, { lang }));
      expect(pdfText(summary).replace(/\s+/g, ' '), lang).toContain(words);
      const stats = join(dir, `quota-rollup-${lang}.pdf`);
      writeFileSync(stats, await renderRollup(rollup(out, hierarchy), { lang }));
      expect(pdfText(stats).replace(/\s+/g, ' '), lang).toContain(words);
    }
  });
});
