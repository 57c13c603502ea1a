/**
 * Subjects the text hands to the competent level (status `for-decision`, QĐ 366 Điều 11 khoản 4) and quota groups
 * with the exceptional ratio, in every report: the summary list, the diff report and the roll-up, read back with
 * poppler in Vietnamese and English.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diff, LEVELS, rateMany, rollup, type DiffReport, type RateManyOutput, type RollupOutput, type Subject } from '@kiemdiem/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDiff, renderRollup, renderSummary } from './index';
import { countLevels, summaryDefinition, summaryNotes } from './summary';
import { diffDefinition } from './diff-report';
import { rollupDefinition } from './rollup-report';
import { pdfText, READ_BACK, savePdf } from '../test/poppler';
import { facesMissing, textsOf } from '../test/glyphs';

const read = (rel: string) => JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8')) as unknown;
const demo = read('../../../examples/chi-bo-2026/subjects.json') as Subject[];
const overlay = read('../../../examples/overlays/tinh-vi-du-2026.json') as Record<string, unknown>;

const base = { kind: 'individual', audience: 'non-leader', period: { year: 2026 }, group: 'chuyen-vien', shortcomings: { identified: 1, remediated: 1 } } as const;
/** HTXSNV data, but disciplined for a duty-related violation the member found and remedied: handed over, without HTXSNV. */
const referred = { ...base, id: 'dv-90', name: 'Nguyễn Văn Chuyển', score: { common: 29, tasks: 66 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 5 }, discipline: [{ form: 'khien-trach', decidedOn: '2026-05-04', dutyRelated: true, selfDetectedAndRemedied: true }] } as Subject;
/** 30 % of tasks late: no level, no case of khoản 4; with the reading switched off, a gap for the competent level. */
const gap = { ...base, id: 'dv-91', name: 'Trần Thị Khoảng', score: { common: 25, tasks: 40 }, tasks: { assigned: 10, completed: 10, onTime: 7, exceeded: 0 } } as Subject;
const subjects = [...demo, referred, gap];
const options = { regulation: 'qd-366-2025', parameters: { 'reading.noLevelIsKHTNV': false }, exceptionalGroups: ['chuyen-vien'] };
/** qd-366-2025 with the gap reading switched off by an overlay: the diff moves dv-91 from KHTNV to for-decision. */
const gapOpen = { regulation: 'qd-366-2025', overlays: [{ ...overlay, id: 'gap-open', rules: [], disabledRules: [], parameters: { 'reading.noLevelIsKHTNV': { value: false } } }] };

const FD = { vi: 'Cấp có thẩm quyền xem xét, quyết định', en: 'For the competent level to decide' } as const;
/** Without any whitespace: words wrap inside table cells. */
const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');
const lineWith = (text: string, needle: string) => text.split('\n').find((l) => l.includes(needle)) ?? '';
/** Content-stream order: a wrapped cell stays together (-layout interleaves neighbouring cells). */
const raw = (bytes: Uint8Array) => pdfText(savePdf(bytes), ['-raw']).normalize('NFC');
const layout = (bytes: Uint8Array) => pdfText(savePdf(bytes)).normalize('NFC');

let rated: RateManyOutput;
let report: DiffReport;
let stats: RollupOutput;

beforeAll(async () => {
  rated = await rateMany(subjects, options);
  report = await diff('qd-366-2025', gapOpen, subjects);
  const hierarchy = [
    { id: 'db', name: 'Đảng bộ Sở Tài chính', level: 'dang-bo-co-so' as const },
    { id: 'cb', name: 'Chi bộ Phòng Tổng hợp', level: 'chi-bo' as const, parent: 'db' },
  ];
  stats = rollup(rated, hierarchy, { units: Object.fromEntries(rated.results.map((r) => [r.id, 'cb'])) });
});

describe('the data', () => {
  it('has exactly the two cases left to the competent level, and one exceptional quota group', () => {
    expect(rated.errors).toEqual([]);
    expect(rated.results.filter((r) => r.status === 'for-decision').map((r) => [r.id, r.decision?.without])).toEqual([
      ['dv-90', 'HTXSNV'],
      ['dv-91', null],
    ]);
    expect(rated.quota.filter((q) => q.exceptional).map((q) => [q.group, q.ratio])).toEqual([['chuyen-vien', 0.25]]);
    expect(report.impact!.matrix.KHTNV['for-decision']).toBe(1);
    expect(stats.totals.members.forDecision).toBe(2);
  });
});

describe('the summary list', () => {
  it('counts for-decision subjects apart: neither rated nor not rated', () => {
    const c = countLevels(rated.results.filter((r) => r.kind !== 'collective'));
    expect(c).toMatchObject({ forDecision: 2, notRated: 2, rated: 23, total: 27 });
    expect(LEVELS.reduce((n, l) => n + c.levels[l], 0)).toBe(c.rated);
  });

  it('notes why: the referral rule, or the fallback that did not hold', () => {
    expect(summaryNotes(rated.results.find((r) => r.id === 'dv-90')!)).toContain('đã tự phát hiện');
    expect(summaryNotes(rated.results.find((r) => r.id === 'dv-91')!)).toContain('reading.noLevelIsKHTNV');
  });

  it.skipIf(!READ_BACK)('prints the for-decision word in the level column, what the rules give without the case, and a counts row (vi)', async () => {
    const bytes = await renderSummary(rated, { date: '2026-12-15' });
    const text = squeeze(raw(bytes));
    // The row: number, name, audience, total, then the proposed-level cell.
    expect(text).toContain(squeeze(`27 Nguyễn Văn Chuyển Không giữ chức vụ 95 ${FD.vi} (Ngoài trường hợp này: HTXSNV)`));
    expect(text).toContain(squeeze(`28 Trần Thị Khoảng Không giữ chức vụ 65 ${FD.vi} (Không đạt mức nào)`));
    const lines = layout(bytes);
    const row = /Cấp có thẩm quyền xem xét, quyết định\s+(\d+)\s+(\d+)\s*$/.exec(lineWith(lines, 'Cấp có thẩm quyền xem xét, quyết định  '));
    expect(row?.slice(1).map(Number)).toEqual([2, 0]);
    expect(/Không kiểm điểm, không xếp loại\s+(\d+)\s+(\d+)\s*$/.exec(lineWith(lines, 'Không kiểm điểm, không xếp loại'))?.slice(1).map(Number)).toEqual([2, 0]);
    // Shares of those rated: 5 HTXSNV of 23 members, for-decision outside the base.
    expect(lineWith(lines, '(HTXSNV)')).toMatch(/\(HTXSNV\)\s+5\s+21,7 %/);
    expect(flat(lines)).toContain('Tỷ lệ tính trên số được xếp loại. Đối tượng do cấp có thẩm quyền xem xét, quyết định chưa có mức xếp loại, không tính vào tỷ lệ.');
  });

  it.skipIf(!READ_BACK)('says when a quota line has the exceptional ratio, and only there (vi)', async () => {
    const text = flat(layout(await renderSummary(rated, { date: '2026-12-15' })));
    expect(text).toContain('Nhóm chuyen-vien: 4 HTXSNV / 8 HTTNV; được phép 2 (25 % × 8, làm tròn xuống; tỷ lệ ngoại lệ 25 % do cấp có thẩm quyền quyết định): VƯỢT tỷ lệ');
    expect(text).toContain('Nhóm lanh-dao: 1 HTXSNV / 5 HTTNV; được phép 1 (20 % × 5, làm tròn xuống): trong tỷ lệ');
    expect(text.match(/tỷ lệ ngoại lệ/g)).toHaveLength(1);
  });

  it.skipIf(!READ_BACK)('speaks English', async () => {
    const bytes = await renderSummary(rated, { date: '2026-12-15', lang: 'en' });
    const text = squeeze(raw(bytes));
    expect(text).toContain(squeeze(`Nguyễn Văn Chuyển No leadership post 95 ${FD.en} (Apart from this case: HTXSNV)`));
    expect(text).toContain(squeeze(`Trần Thị Khoảng No leadership post 65 ${FD.en} (No level reached)`));
    const lines = layout(bytes);
    expect(/For the competent level to decide\s+(\d+)\s+(\d+)\s*$/.exec(lineWith(lines, 'For the competent level to decide  '))?.slice(1).map(Number)).toEqual([2, 0]);
    expect(flat(lines)).toContain('(25 % × 8, rounded down; exceptional ratio 25 % decided by the competent level): OVER the quota');
    expect(flat(lines)).toContain('Subjects left to the competent level have no level yet and are not in the shares.');
  });

  it('prints a list without such subjects as before: no counts row, no note', () => {
    const plain = { results: rated.results.filter((r) => r.status !== 'for-decision'), quota: rated.quota.map(({ exceptional: _, ...q }) => q) };
    const texts = textsOf(summaryDefinition(plain)).join('\n');
    expect(texts).not.toContain(FD.vi);
    expect(texts).not.toContain('ngoại lệ');
  });
});

describe('the diff report', () => {
  it.skipIf(!READ_BACK)('gives for-decision its row and column, with the numbers of the matrix (vi)', async () => {
    const bytes = await renderDiff(report, { date: '2026-03-01' });
    const text = layout(bytes);
    const matrix = text.slice(text.indexOf('MA TRẬN CHUYỂN MỨC XẾP LOẠI'), text.indexOf('THAM SỐ'));
    expect(squeeze(raw(bytes))).toContain(squeeze(`Trước → Sau HTXSNV HTTNV HTNV KHTNV ${FD.vi} Không xếp loại`));
    // Each row: its label (wrapped labels start the line) and six numbers.
    const rows = matrix.split('\n').flatMap((l) => {
      const m = /^\s*(\S.*?)((?:\s+\d+){6})\s*$/.exec(l);
      return m ? [{ label: m[1]!, numbers: m[2]!.trim().split(/\s+/).map(Number) }] : [];
    });
    expect(rows.map((r) => r.label)).toHaveLength(6);
    const m = report.impact!.matrix;
    const keys = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'for-decision', 'none'] as const;
    keys.forEach((from, i) => {
      const label = from === 'for-decision' ? FD.vi : from === 'none' ? 'Không xếp loại' : from;
      expect(label.startsWith(rows[i]!.label), `${from}: ${rows[i]!.label}`).toBe(true);
      expect(rows[i]!.numbers, from).toEqual(keys.map((to) => m[from][to]));
    });
    expect(rows[3]!.numbers[4]).toBe(1); // KHTNV → for-decision: dv-91
    expect(rows[4]!.numbers[4]).toBe(1); // for-decision on both sides: dv-90
  });

  it.skipIf(!READ_BACK)('shows the subject who moves, with what the rules give and why on each side (vi, en)', async () => {
    const vi = squeeze(raw(await renderDiff(report, { date: '2026-03-01' })));
    expect(vi).toContain(squeeze(`dv-91 KHTNV ${FD.vi} (quy định không cho mức nào)`));
    expect(vi).toContain(squeeze('× khtnv.no-level'));
    expect(vi).toContain(squeeze('• khtnv.no-level'));
    const en = raw(await renderDiff(report, { lang: 'en' }));
    expect(squeeze(en)).toContain(squeeze(`From → To HTXSNV HTTNV HTNV KHTNV ${FD.en} Not rated`));
    expect(squeeze(en)).toContain(squeeze(`dv-91 KHTNV ${FD.en} (the rules give no level)`));
  });

  it.skipIf(!READ_BACK)('says what the rules give without the case for a subject who moves into for-decision (QĐ 124 → QĐ 366, dv-08)', async () => {
    const moved = await diff('qd-124-2023', 'qd-366-2025', read('../../../examples/regulation-change/subjects.json') as unknown[]);
    const text = squeeze(raw(await renderDiff(moved)));
    expect(text).toContain(squeeze(`dv-08 HTXSNV ${FD.vi} (ngoài trường hợp chuyển cấp có thẩm quyền, quy định cho mức HTXSNV)`));
  });

  it('prints a diff without such subjects with the five columns it always had', async () => {
    const plain = await diff('qd-366-2025', 'qd-366-2025', demo);
    expect(textsOf(diffDefinition(plain)).join('\n')).not.toContain(FD.vi);
  });
});

describe('the roll-up report', () => {
  it.skipIf(!READ_BACK)('has a for-decision column with the counts of the JSON, and the note on the base (vi)', async () => {
    const text = layout(await renderRollup(stats, { date: '2027-01-10' }));
    expect(squeeze(raw(await renderRollup(stats, { date: '2027-01-10' })))).toContain(squeeze(`KHTNV ${FD.vi} Không xếp loại`));
    const t = stats.units[1]!.cumulative.members;
    // Chi bộ row: total, rated, four levels with shares, for-decision, not rated.
    const cells = `${t.total} ${t.rated} ${LEVELS.map((l) => `${t.levels[l]} ${t.percent[l]!.toFixed(1).replace('.', ',')} %`).join(' ')} ${t.forDecision} ${t.total - t.rated - t.forDecision}`;
    expect(cells).toBe('27 23 5 21,7 % 15 65,2 % 2 8,7 % 1 4,3 % 2 2');
    expect(flat(lineWith(text, 'Chi bộ Phòng Tổng'))).toContain(cells);
    expect(flat(text)).toContain('Đối tượng do cấp có thẩm quyền xem xét, quyết định (Điều 11 khoản 4 Quy định 366-QĐ/TW) chưa có mức xếp loại: không tính vào số được xếp loại và tỷ lệ.');
    expect(flat(text)).toContain('(25 % × 8, làm tròn xuống; tỷ lệ ngoại lệ 25 % do cấp có thẩm quyền quyết định)');
  });

  it.skipIf(!READ_BACK)('speaks English', async () => {
    const bytes = await renderRollup(stats, { date: '2027-01-10', lang: 'en' });
    expect(squeeze(raw(bytes))).toContain(squeeze(`KHTNV ${FD.en} Not rated`));
    const text = flat(layout(bytes));
    expect(text).toContain('Subjects left to the competent level (QĐ 366 Điều 11 khoản 4) have no level yet');
    expect(text).toContain('exceptional ratio 25 % decided by the competent level');
  });

  it('prints a roll-up without such subjects without the column or the note', () => {
    const plain = rollup(
      rated.results.filter((r) => r.status !== 'for-decision'),
      [{ id: 'cb', name: 'Chi bộ', level: 'chi-bo' }],
      { units: Object.fromEntries(rated.results.map((r) => [r.id, 'cb'])) },
    );
    const texts = textsOf(rollupDefinition(plain)).join('\n');
    expect(texts).not.toContain(FD.vi);
    expect(texts).toContain('Không xếp loại');
  });
});

describe('glyphs', () => {
  it('has a glyph in every embedded face for every character the new words print (vi and en)', async () => {
    const texts = (['vi', 'en'] as const).flatMap((lang) => [
      ...textsOf(summaryDefinition(rated, { lang })),
      ...textsOf(diffDefinition(report, { lang })),
      ...textsOf(rollupDefinition(stats, { lang })),
    ]);
    expect(texts.join('\n')).toContain(FD.en);
    expect(await facesMissing(texts)).toEqual([]);
  });
});
