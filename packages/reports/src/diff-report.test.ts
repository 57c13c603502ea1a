import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diff, type DiffReport, type MatrixKey } from '@kiemdiem/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffDefinition } from './diff-report';
import { renderDiff } from './index';
import { pdfFonts, pdfInfo, pdfText, READ_BACK, savePdf } from '../test/poppler';
import { facesMissing, textsOf } from '../test/glyphs';

const subjects = JSON.parse(readFileSync(fileURLToPath(new URL('../../../examples/regulation-change/subjects.json', import.meta.url)), 'utf8')) as unknown[];
const KEYS: MatrixKey[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'for-decision', 'none'];

const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');
/** Without any whitespace: ids and citations may wrap inside a table cell. */
const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
/**
 * Whether `hay` holds `needle`, whole or split once: a reasons cell that breaks across pages is printed in two parts,
 * with the other column's part of that page between them (content order). The two parts must come in order.
 */
const containsAcrossBreak = (hay: string, needle: string) => {
  if (hay.includes(needle)) return true;
  for (let k = needle.length - 1; k > 0; k--) {
    const at = hay.indexOf(needle.slice(0, k));
    if (at >= 0 && hay.indexOf(needle.slice(k), at + k) >= 0) return true;
  }
  return false;
};
/** The text between two headings of the -layout output. */
const section = (text: string, from: string, to?: string) => {
  const start = text.indexOf(from);
  const end = to ? text.indexOf(to, start + from.length) : -1;
  return text.slice(start, end === -1 ? undefined : end);
};

let report: DiffReport;
let bytes: Uint8Array;
let text = '';
let file = '';

beforeAll(async () => {
  report = await diff('qd-124-2023', 'qd-366-2025', subjects);
  bytes = await renderDiff(report, { date: '2026-03-01' });
  if (READ_BACK) {
    file = savePdf(bytes, 'diff.pdf');
    text = pdfText(file).normalize('NFC');
  }
});

describe('the regulation-change example', () => {
  it('changes ratings, parameters, rules and a quota line', () => {
    expect(report.impact!.changed.length).toBeGreaterThan(0);
    expect(report.impact!.quota.length).toBeGreaterThan(0);
    expect(report.structural.parameters.length).toBeGreaterThan(0);
    expect(report.structural.added.length + report.structural.removed.length + report.structural.changed.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!READ_BACK)('renderDiff read back with poppler', () => {
  it('is A4 (landscape) with only the embedded Tinos faces, dated from the options', () => {
    const info = pdfInfo(file);
    expect(info['Page size']).toMatch(/841\.8\d? x 595\.2\d? pts \(A4\)/);
    expect(info.CreationDate).toMatch(/Mar\s+1 00:00:00 2026 UTC/);
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
      expect(f.embedded).toBe(true);
    }
  });

  it('opens with the title and the summary counts', () => {
    const all = flat(text);
    expect(all).toContain('So sánh quy định: 124-QĐ/TW (qd-124-2023) → 366-QĐ/TW (qd-366-2025)');
    expect(all).toContain('Lập ngày 01/03/2026');
    const i = report.impact!;
    const s = report.structural;
    expect(all).toContain(`Số đối tượng: ${i.total}`);
    expect(all).toContain(`Không đổi mức xếp loại: ${i.unchanged}`);
    expect(all).toContain(`Thay đổi mức xếp loại: ${i.changed.length}`);
    expect(all).toContain(`Thiếu thông tin để xếp loại ở một bên: ${i.incomplete.length}`);
    expect(all).toContain(`Tỷ lệ HTXSNV theo nhóm thay đổi: ${i.quota.length}`);
    expect(all).toContain(`Quy tắc: thêm ${s.added.length}, bỏ ${s.removed.length}, sửa ${s.changed.length}`);
    expect(all).toContain(`Tham số thay đổi: ${s.parameters.length}`);
  });

  it('prints the level-transition matrix with the numbers of report.impact.matrix', () => {
    const matrix = section(text, 'MA TRẬN CHUYỂN MỨC XẾP LOẠI', 'THAM SỐ');
    // dv-08 moves from HTXSNV to a case for the competent level (QĐ 366 Điều 11 khoản 4): the matrix has its row and column.
    expect(report.impact!.matrix.HTXSNV['for-decision']).toBe(1);
    const raw = squeeze(section(pdfText(file, ['-raw']).normalize('NFC'), 'MA TRẬN CHUYỂN MỨC XẾP LOẠI', 'THAM SỐ'));
    expect(raw).toContain(squeeze('Trước → Sau HTXSNV HTTNV HTNV KHTNV Cấp có thẩm quyền xem xét, quyết định Không xếp loại'));
    // Each row: its label (a wrapped label starts the line) and one number per column.
    const rows = matrix.split('\n').flatMap((l) => {
      const m = /^\s*(\S.*?)((?:\s+\d+){6})\s*$/.exec(l);
      return m ? [{ label: m[1]!, numbers: m[2]!.trim().split(/\s+/).map(Number) }] : [];
    });
    expect(rows).toHaveLength(KEYS.length);
    let cells = 0;
    KEYS.forEach((from, i) => {
      const label = from === 'none' ? 'Không xếp loại' : from === 'for-decision' ? 'Cấp có thẩm quyền xem xét, quyết định' : from;
      expect(label.startsWith(rows[i]!.label), `${from}: ${rows[i]!.label}`).toBe(true);
      expect(rows[i]!.numbers, from).toEqual(KEYS.map((to) => report.impact!.matrix[from][to]));
      cells += rows[i]!.numbers.reduce((a, b) => a + b, 0);
    });
    expect(cells).toBe(report.impact!.total - report.impact!.incomplete.length - new Set(report.impact!.errors.map((e) => e.index)).size);
  });

  it('lists every parameter change with both values and both bases', () => {
    const params = squeeze(section(text, 'THAM SỐ', 'QUY TẮC'));
    for (const p of report.structural.parameters) {
      expect(params, p.name).toContain(squeeze(p.name));
      if (p.fromCitation) expect(params).toContain(squeeze(p.fromCitation.document));
      if (p.toCitation) expect(params).toContain(squeeze(p.toCitation.document));
    }
    const quota = text.split('\n').find((l) => /^\s*tasks\.HTXSNV\.minExceededShare\s/.test(l))!;
    expect(quota).toMatch(/0\.5\s+0\.3/);
  });

  it('lists the rules added, removed and changed, by id', () => {
    const rules = section(text, 'QUY TẮC', 'ĐỐI TƯỢNG THAY ĐỔI');
    const s = report.structural;
    expect(flat(rules)).toContain(`Thêm (${s.added.length})`);
    expect(flat(rules)).toContain(`Bỏ (${s.removed.length})`);
    expect(flat(rules)).toContain(`Sửa (${s.changed.length})`);
    // Raw (content-stream) order keeps a long id that wraps inside its cell together; -layout puts the
    // conditions column between its two halves.
    const raw = section(pdfText(file, ['-raw']).normalize('NFC'), 'QUY TẮC', 'ĐỐI TƯỢNG THAY ĐỔI');
    const added = squeeze(section(raw, 'Thêm (', 'Bỏ ('));
    const removed = squeeze(section(raw, 'Bỏ (', 'Sửa ('));
    const changed = squeeze(section(raw, 'Sửa ('));
    for (const r of s.added) expect(added, r.id).toContain(squeeze(r.id));
    for (const r of s.removed) expect(removed, r.id).toContain(squeeze(r.id));
    for (const c of s.changed) expect(changed, c.id).toContain(squeeze(c.id));
    expect(changed).toContain(squeeze('Độ tin cậy')); // field names in words
  });

  it('gives each changed subject with the reasons on both sides: rule id, message, citation, provenance', () => {
    const people = section(text, 'ĐỐI TƯỢNG THAY ĐỔI MỨC XẾP LOẠI', 'TỶ LỆ HTXSNV THEO NHÓM');
    // Raw (content-stream) order keeps each reasons cell together; -layout interleaves the two columns.
    // A row may break across pages: leave out the page numbers and the repeated table header between its halves.
    const raw = pdfText(file, ['-raw'])
      .normalize('NFC')
      .split('\n')
      .filter((l) => !/^\s*\d+\s*$/.test(l) && l.trim() !== 'Mã Trước Sau Căn cứ (trước) Căn cứ (sau)')
      .join('\n');
    const flatPeople = squeeze(section(raw, 'ĐỐI TƯỢNG THAY ĐỔI MỨC XẾP LOẠI', 'TỶ LỆ HTXSNV THEO NHÓM'));
    expect(flat(people)).toContain(`(${report.impact!.changed.length})`);
    for (const c of report.impact!.changed) {
      const row = people.split('\n').find((l) => new RegExp(`^\\s*${c.id}\\s`).test(l));
      expect(row, c.id).toBeDefined();
      expect(row).toMatch(new RegExp(`${c.from.level ?? ''}\\s+${c.to.level ?? ''}`));
      for (const r of [...c.because.from, ...c.because.to]) {
        expect(flatPeople, `${c.id} ${r.rule}`).toContain(squeeze(r.rule));
        expect(containsAcrossBreak(flatPeople, squeeze(r.message)), `${c.id} ${r.rule}: ${r.message}`).toBe(true);
        expect(flatPeople, `${c.id} ${r.rule}`).toContain(squeeze(r.citationText));
      }
    }
    expect(flatPeople).toContain(squeeze('đã kiểm chứng]'));
    expect(flatPeople).toContain(squeeze('√ htxsnv.tasks-exceeded'));
    expect(flatPeople).toContain(squeeze('× htxsnv.tasks-exceeded'));
  });

  it('shows the quota lines that change, VƯỢT where over', () => {
    const quota = section(text, 'TỶ LỆ HTXSNV THEO NHÓM THAY ĐỔI');
    for (const q of report.impact!.quota) {
      const row = quota.split('\n').find((l) => l.includes(q.group))!;
      expect(row, q.group).toContain(`${q.from!.excellent}/${q.from!.good}, được phép ${q.from!.allowed}`);
      expect(row, q.group).toContain(`${q.to!.excellent}/${q.to!.good}, được phép ${q.to!.allowed}`);
      if (q.to!.over) expect(row).toContain('VƯỢT');
    }
  });

  it('speaks English on request', async () => {
    const en = flat(pdfText(savePdf(await renderDiff(report, { lang: 'en' }))));
    expect(en).toContain('Regulation diff: 124-QĐ/TW (qd-124-2023) → 366-QĐ/TW (qd-366-2025)');
    expect(en).toContain('LEVEL TRANSITION MATRIX');
    expect(en).toContain(`Rules: ${report.structural.added.length} added`);
    expect(en).toContain('SUBJECTS WHOSE RATING CHANGES');
  });

  it('renders a structural diff (no subjects) without the impact sections, and lists invalid subjects', async () => {
    const structural = flat(pdfText(savePdf(await renderDiff(await diff('qd-124-2023', 'qd-366-2025')))));
    expect(structural).not.toContain('MA TRẬN');
    expect(structural).toContain('THAM SỐ');
    const withBad = await diff('qd-124-2023', 'qd-366-2025', [...subjects, { id: 'khong-hop-le', kind: 'individual' }]);
    expect(withBad.impact!.errors.length).toBeGreaterThan(0);
    const bad = flat(pdfText(savePdf(await renderDiff(withBad))));
    expect(bad).toContain('DỮ LIỆU KHÔNG HỢP LỆ');
    expect(bad).toContain('khong-hop-le');
  });
});

describe('renderDiff', () => {
  it('is deterministic: the same report gives the same bytes', async () => {
    const again = await renderDiff(structuredClone(report), { date: '2026-03-01' });
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(again))).toBe(0);
    const a = await renderDiff(report);
    const b = await renderDiff(structuredClone(report));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(bytes))).not.toBe(0);
  });

  it('has a glyph in every embedded face for every character it prints (vi and en)', async () => {
    for (const lang of ['vi', 'en'] as const) expect(await facesMissing(textsOf(diffDefinition(report, { lang, date: '2026-03-01' })))).toEqual([]);
  });

  it('prints symbols Tinos lacks with stand-ins (∈ in conditions from an overlay)', async () => {
    const tricky = structuredClone(report);
    tricky.structural.added[0]!.conditions = 'group ∈ ["a","b"] AND audience ∉ ["leader"] ✓';
    const texts = textsOf(diffDefinition(tricky));
    expect(texts).toContain('group in ["a","b"] AND audience not in ["leader"] √');
    expect(await facesMissing(texts)).toEqual([]);
  });

  it('refuses something that is not a diff report, and a bad date', async () => {
    await expect(renderDiff({} as DiffReport)).rejects.toMatchObject({ code: 'invalid-subject' });
    await expect(renderDiff(report, { date: '2026-13-01' })).rejects.toMatchObject({ code: 'invalid-subject' });
  });
});
