/**
 * kiemdiem rollup and kiemdiem feedback through the built binary, on examples/rollup: rate → roll up (JSON and
 * PDF, read back with poppler) → tally feedback. Expectations are counted from the example files here, not
 * pasted from engine output.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfText, READ_BACK } from '../../packages/reports/test/poppler';
import { expectNoStackTrace, kiemdiem, readJsonFile, referenceRating, type Level, type RawSubject } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'kd-rollup-'));
const EX = 'examples/rollup';

interface Unit {
  id: string;
  name: string;
  level: string;
  parent?: string;
  members?: string[];
}
const units = readJsonFile<{ units: Unit[] }>(`${EX}/units.json`).units;
const subjects = readJsonFile<Array<RawSubject & { name: string }>>(`${EX}/subjects.json`);
const plans = readJsonFile<Array<{ target: { kind: string; id: string }; items: Array<{ status?: string }> }>>(`${EX}/remediation.json`);
const feedback = readJsonFile<Array<{ category: string; target: { id: string }; response?: unknown }>>(`${EX}/feedback.json`);

/** Every unit id below `id` (itself included). */
function subtree(id: string): string[] {
  return [id, ...units.filter((u) => u.parent === id).flatMap((u) => subtree(u.id))];
}
const unitOf = (subjectId: string) => units.find((u) => u.members?.includes(subjectId))?.id;
const levelOf = (s: RawSubject): Level | null => {
  const r = referenceRating(s);
  return r.rated ? r.level : null;
};

describe('kiemdiem rollup (built CLI)', () => {
  const rated = kiemdiem('rate', '--input', `${EX}/subjects.json`, '--format', 'json');
  const results = join(dir, 'results.json');
  writeFileSync(results, rated.stdout);

  it('the committed example results are what `kiemdiem rate` prints for the example subjects (ids, statuses, levels)', () => {
    expect(rated.status, rated.stderr).toBe(0);
    // Reason wording may be reworded in a pack; the figures the roll-up counts may not drift.
    type R = { id: string; status: string; level: string | null; total?: number; group?: string };
    const essentials = (o: { results: R[] }) => o.results.map(({ id, status, level, total, group }) => ({ id, status, level, total, group }));
    expect(essentials(JSON.parse(rated.stdout))).toEqual(essentials(readJsonFile(`${EX}/results.json`)));
    for (const s of subjects) expect(JSON.parse(rated.stdout).results.find((r: R) => r.id === s.id)?.level ?? null, s.id).toBe(levelOf(s));
  });

  it('prints JSON whose counts per unit match the example, summed by hand up the tree', () => {
    const r = kiemdiem('rollup', '--input', results, '--hierarchy', `${EX}/units.json`, '--remediation', `${EX}/remediation.json`, '--feedback', `${EX}/feedback.json`);
    expect(r.status, r.stderr).toBe(0);
    expectNoStackTrace(r.stderr);
    const out = JSON.parse(r.stdout) as {
      units: Array<{ id: string; depth: number; cumulative: { members: { total: number; rated: number; levels: Record<Level, number>; percent: Record<Level, number | null> }; collectives: { total: number } }; remediation: { cumulative: { collectives: { withPlan: number; total: number }; members: { withPlan: number; total: number }; items: { total: number; remedied: number } } }; feedback: { cumulative: { total: number; answered: number; byCategory: Record<string, number> } } }>;
      accounted: { results: { input: number; placed: number } };
    };
    expect(out.units.map((u) => u.id)).toEqual(['tinh-vi-du', 'khoi-cq', 'so-tai-chinh', 'cb-tong-hop', 'cb-ngan-sach', 'cb-bao-vi-du', 'huyen-nui-xanh', 'xa-hoa-binh', 'cb-thon-dong', 'cb-thon-tay']);
    expect(out.accounted.results).toMatchObject({ input: subjects.length, placed: subjects.length });
    for (const u of out.units) {
      const inside = subjects.filter((s) => subtree(u.id).includes(unitOf(s.id)!));
      const members = inside.filter((s) => s.kind === 'individual');
      const ratedMembers = members.filter((s) => levelOf(s) !== null);
      const m = u.cumulative.members;
      expect([m.total, m.rated], u.id).toEqual([members.length, ratedMembers.length]);
      for (const level of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const) {
        const n = ratedMembers.filter((s) => levelOf(s) === level).length;
        expect(m.levels[level], `${u.id} ${level}`).toBe(n);
        expect(m.percent[level], `${u.id} ${level} %`).toBe(ratedMembers.length ? Math.round((n / ratedMembers.length) * 1000) / 10 : null);
      }
      expect(u.cumulative.collectives.total).toBe(inside.length - members.length);
      // Plans: reviewed subjects of the subtree with a plan / reviewed subjects.
      const reviewed = inside.filter((s) => levelOf(s) !== null); // QĐ 366: every reviewed subject is rated
      const withPlan = (kind: string) => reviewed.filter((s) => s.kind === kind && plans.some((p) => p.target.id === s.id)).length;
      expect(u.remediation.cumulative.collectives, u.id).toEqual(expect.objectContaining({ withPlan: withPlan('collective'), total: reviewed.filter((s) => s.kind === 'collective').length }));
      expect(u.remediation.cumulative.members, u.id).toEqual(expect.objectContaining({ withPlan: withPlan('individual'), total: reviewed.filter((s) => s.kind === 'individual').length }));
      const mine = feedback.filter((f) => inside.some((s) => s.id === f.target.id));
      expect(u.feedback.cumulative.total, u.id).toBe(mine.length);
      expect(u.feedback.cumulative.answered, u.id).toBe(mine.filter((f) => f.response).length);
    }
    const items = plans.flatMap((p) => p.items);
    expect(out.units[0]!.remediation.cumulative.items).toEqual(expect.objectContaining({ total: items.length, remedied: items.filter((i) => i.status === 'da-khac-phuc').length }));
  });

  it('reports (exit 1) results in no unit of the hierarchy instead of dropping them', () => {
    const fewer = join(dir, 'fewer-units.json');
    writeFileSync(fewer, JSON.stringify({ units: units.map((u) => (u.id === 'cb-bao-vi-du' ? { ...u, members: [] } : u)) }));
    const r = kiemdiem('rollup', '--input', results, '--hierarchy', fewer, '--lang', 'en');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { unplaced: { results: Array<{ id: string; reason: string }> }; accounted: { results: { placed: number; unplaced: number } }; totals: { all: { total: number } } };
    expect(out.unplaced.results.map((u) => u.id)).toEqual(['cb-bao-vi-du', 'bv-01', 'bv-02', 'bv-03', 'bv-04']);
    expect(out.unplaced.results.every((u) => u.reason === 'no-unit')).toBe(true);
    expect(out.accounted.results).toMatchObject({ placed: subjects.length - 5, unplaced: 5 });
    expect(out.totals.all.total).toBe(subjects.length);
    expect(r.stderr).toContain('5 records in no unit of the hierarchy');
  });

  it('exits 2 for a hierarchy with a cycle, naming it', () => {
    const cyclic = join(dir, 'cyclic.json');
    writeFileSync(cyclic, JSON.stringify({ units: units.map((u) => (u.id === 'tinh-vi-du' ? { ...u, level: 'tinh', parent: 'cb-thon-tay' } : u)) }));
    const r = kiemdiem('rollup', '--input', results, '--hierarchy', cyclic);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Vòng lặp cấp trên: tinh-vi-du → cb-thon-tay → /);
    expectNoStackTrace(r.stderr);
  });

  it.skipIf(!READ_BACK)('writes the statistics PDF in the Party layout, read back with poppler', () => {
    const out = join(dir, 'thong-ke.pdf');
    const r = kiemdiem('rollup', '--input', results, '--hierarchy', `${EX}/units.json`, '--remediation', `${EX}/remediation.json`, '--feedback', `${EX}/feedback.json`, '--format', 'pdf', '--out', out, '--unit', `${EX}/unit.json`, '--date', '2027-01-10');
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfInfo(out)['Page size']).toMatch(/841\.8\d? x 595\.2\d? pts \(A4\)/);
    expect(pdfInfo(out).CreationDate).toMatch(/Jan 10 00:00:00 2027 UTC/);
    for (const f of pdfFonts(out)) expect(f.name).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
    const text = pdfText(out).normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('ĐẢNG BỘ TỈNH VÍ DỤ');
    expect(text).toContain('THỐNG KÊ KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN NĂM 2026');
    for (const u of units) expect(text).toContain(u.name);
    expect(text).toContain('V. XÂY DỰNG, THỰC HIỆN KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM');
    expect(text).toContain('VI. Ý KIẾN GÓP Ý THEO LĨNH VỰC');
    expect(text).toMatch(/T\/M BAN THƯỜNG VỤ PHÓ BÍ THƯ THƯỜNG TRỰC \(Ký, ghi rõ họ tên\) Nguyễn Minh Khôi/);
    // The same input gives the same bytes.
    const again = join(dir, 'thong-ke-2.pdf');
    kiemdiem('rollup', '--input', results, '--hierarchy', `${EX}/units.json`, '--remediation', `${EX}/remediation.json`, '--feedback', `${EX}/feedback.json`, '--format', 'pdf', '--out', again, '--unit', `${EX}/unit.json`, '--date', '2027-01-10');
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });
});

describe('kiemdiem feedback (built CLI)', () => {
  it('tallies the example per category, counted here by hand from the file', () => {
    const r = kiemdiem('feedback', '--input', `${EX}/feedback.json`, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const tally = JSON.parse(r.stdout) as { total: number; answered: number; byCategory: Array<{ id: string; count: number; answered: number }> };
    expect(tally.total).toBe(feedback.length);
    expect(tally.answered).toBe(feedback.filter((f) => f.response).length);
    for (const c of tally.byCategory) {
      expect(c.count, c.id).toBe(feedback.filter((f) => f.category === c.id).length);
      expect(c.answered, c.id).toBe(feedback.filter((f) => f.category === c.id && f.response).length);
    }
  });

  it('prints a table in English on request', () => {
    const r = kiemdiem('feedback', '--input', `${EX}/feedback.json`, '--lang', 'en');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Carrying out duties and tasks\s+\d+/);
    expect(r.stdout).toContain('(unverified)');
  });
});
