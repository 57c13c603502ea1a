import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decisiveReasons, diff, MATRIX_KEYS, matrixKey, shownMatrixKeys, type MatrixKey } from './diff';
import { diffToMarkdown } from './diff-markdown';
import { rateMany } from './rating';
import type { Subject } from './types';

const read = (rel: string) => JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8'));
const example = read('../../../examples/overlays/tinh-vi-du-2026.json');
const demo = read('../../../examples/chi-bo-2026/subjects.json') as Subject[];
const local = { regulation: 'qd-366-2025', overlays: [example] };

describe('diff', () => {
  it('finds no change between a pack and itself', async () => {
    const report = await diff('qd-366-2025', 'qd-366-2025', demo);
    expect(report.structural).toEqual({ added: [], removed: [], changed: [], parameters: [] });
    expect(report.impact).toMatchObject({ total: demo.length, unchanged: demo.length, changed: [], incomplete: [], errors: [], quota: [] });
    const diagonal = Object.entries(report.impact!.matrix).reduce((n, [k, row]) => n + row[k as keyof typeof row], 0);
    expect(diagonal).toBe(demo.length);
  });

  it('lists what an overlay adds, switches off and overrides, with citations', async () => {
    const report = await diff('qd-366-2025', local);
    expect(report.to.id).toBe('qd-366-2025+tinh-vi-du-2026');
    expect(report.structural.added).toEqual([expect.objectContaining({ id: 'htxsnv.local.common-criteria', level: 'HTXSNV', conditions: 'scoreCommon ≥ 27', provenance: 'unverified', overlay: 'tinh-vi-du-2026' })]);
    expect(report.structural.removed.map((r) => r.id)).toEqual(['htnv.individual.late-share']);
    expect(report.structural.parameters).toEqual([
      expect.objectContaining({ name: 'quota.rounding', from: 'floor', to: 'round-half-up', toCitation: expect.objectContaining({ document: '99-HD/TU' }), overlay: 'tinh-vi-du-2026' }),
    ]);
    expect(report.impact).toBeUndefined();
  });

  it('reports a changed rule by id: condition text with the parameter value', async () => {
    const stricter = { regulation: 'qd-366-2025', overlays: [{ ...example, rules: [], disabledRules: [], parameters: { 'tasks.HTXSNV.minExceededShare': { value: 0.5 } } }] };
    const report = await diff('qd-366-2025', stricter, demo);
    const changed = report.structural.changed.find((c) => c.id === 'htxsnv.tasks-exceeded')!;
    expect(changed.changes).toEqual([{ field: 'conditions', from: 'tasks.exceededShare ≥ tasks.HTXSNV.minExceededShare (0.3)', to: 'tasks.exceededShare ≥ tasks.HTXSNV.minExceededShare (0.5)' }]);
    // Everyone rated HTXSNV with fewer than 50 % of tasks exceeded drops to HTTNV, because of that rule.
    const expected = demo.filter((s) => s.tasks && s.tasks.exceeded / s.tasks.assigned < 0.5);
    const moved = report.impact!.changed;
    expect(moved.length).toBeGreaterThan(0);
    for (const c of moved) {
      expect(c).toMatchObject({ from: { status: 'rated', level: 'HTXSNV' }, to: { status: 'rated', level: 'HTTNV' } });
      expect(expected.map((s) => s.id)).toContain(c.id);
      // A leader's own tasks are tested by their own rule (a reading, reading.leaderOwnTasks).
      const rule = c.because.to.find((r) => r.rule === 'htxsnv.tasks-exceeded' || r.rule === 'htxsnv.leader.own-tasks-exceeded');
      expect(rule?.citationText).toBe('Khoản 1 Điều 11 Quy định 366-QĐ/TW');
    }
    expect(report.impact!.matrix.HTXSNV.HTTNV).toBe(moved.length);
    expect(report.impact!.unchanged + moved.length).toBe(demo.length);
  });

  it('sorts invalid and incomplete subjects out, accounting for every input', async () => {
    const subjects = [demo[1], { ...demo[2], score: { common: 99, tasks: 1 } }, { ...demo[3], ledUnits: undefined }];
    const report = await diff('qd-366-2025', local, subjects);
    const i = report.impact!;
    expect(i.total).toBe(3);
    expect(i.unchanged + i.changed.length + i.incomplete.length + new Set(i.errors.map((e) => e.index)).size).toBe(3);
    expect(i.errors).toEqual([expect.objectContaining({ index: 1, path: '/score/common' })]);
    expect(i.incomplete).toEqual([{ id: demo[3]!.id, index: 2, missing: { from: ['/ledUnits'], to: ['/ledUnits'] } }]);
  });
});

describe('diffToMarkdown', () => {
  it('writes the sections a tester attaches to a ticket, in Vietnamese by default', async () => {
    const md = diffToMarkdown(await diff('qd-366-2025', local, demo));
    for (const heading of ['## Tóm tắt', '## Ma trận chuyển mức xếp loại', '## Tham số', '### Thêm (1)', '### Bỏ (1)', '## Đối tượng thay đổi mức xếp loại', '## Tỷ lệ HTXSNV theo nhóm thay đổi (1)'])
      expect(md).toContain(heading);
    expect(md).toContain('| quota.rounding | floor | round-half-up |');
    expect(md).toMatch(/\| chuyen-vien \| năm 2026 \| 4\/8, 1, 2, vượt/);
    const en = diffToMarkdown(await diff('qd-366-2025', local, demo), 'en');
    expect(en).toContain('## Level transition matrix');
  });

  it('escapes table cells', async () => {
    const report = await diff('qd-366-2025', 'qd-366-2025');
    report.structural.parameters.push({ name: 'a|b', from: 'x\ny', to: null, fromCitation: null, toCitation: null, fromProvenance: null, toProvenance: null });
    expect(diffToMarkdown(report)).toContain('| a\\|b | x y | — |');
  });
});

describe('diff across regulations (QĐ 124 → QĐ 366)', () => {
  const members = read('../../../examples/regulation-change/subjects.json') as Subject[];

  it('matches rules by stable id and shows the new threshold and article', async () => {
    const report = await diff('qd-124-2023', 'qd-366-2025', members);
    const exceeded = report.structural.changed.find((c) => c.id === 'htxsnv.tasks-exceeded')!;
    expect(exceeded.changes).toEqual(
      expect.arrayContaining([
        { field: 'conditions', from: 'tasks.exceededShare ≥ tasks.HTXSNV.minExceededShare (0.5)', to: 'tasks.exceededShare ≥ tasks.HTXSNV.minExceededShare (0.3)' },
        expect.objectContaining({ field: 'citation', to: 'Khoản 1 Điều 11 Quy định 366-QĐ/TW' }),
      ]),
    );
    expect(report.structural.parameters.find((p) => p.name === 'tasks.HTXSNV.minExceededShare')).toMatchObject({ from: 0.5, to: 0.3 });
    expect(report.structural.added.map((r) => r.id)).toContain('htxsnv.total');
    expect(report.structural.removed.map((r) => r.id)).toContain('htxsnv.grade-tasks');
    // Điều 11 khoản 4 read word for word: the KHTNV cases per audience, the cases left to the competent level, the readings.
    const added = report.structural.added.map((r) => r.id);
    for (const id of ['khtnv.leader.confidence-vote', 'khtnv.leader.responsible-units', 'khtnv.tasks-over-half-not-completed', 'khtnv.collective.cadre-work', 'refer.discipline.self-detected', 'refer.collective.force-majeure', 'khtnv.no-level', 'httnv.total-below-band'])
      expect(added, id).toContain(id);
    expect(report.structural.added.find((r) => r.id === 'refer.discipline.self-detected')).toMatchObject({ stage: 'refer', provenance: 'verified', citationText: 'Khoản 4 Điều 11 Quy định 366-QĐ/TW' });
    expect(report.structural.changed.find((c) => c.id === 'khtnv.discipline')!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['conditions', 'appliesTo']));
  });

  it('explains each member who moves up because 30 % exceeded now suffices', async () => {
    const report = await diff('qd-124-2023', 'qd-366-2025', members);
    // Independently: members who meet every QĐ 124 HTXSNV condition except ≥ 50 % exceeded, and every QĐ 366 one.
    const share = (s: Subject) => s.tasks!.exceeded / s.tasks!.assigned;
    const candidates = members.filter(
      (s) => s.grades!.tasks === 'xuat-sac' && share(s) >= 0.3 && share(s) < 0.5 && s.score!.common + s.score!.tasks >= 90 && !s.discipline && !s.shortcomings,
    );
    expect(candidates.length).toBeGreaterThan(0);
    for (const s of candidates) {
      const c = report.impact!.changed.find((x) => x.id === s.id)!;
      expect(c, s.id).toMatchObject({ from: { level: 'HTTNV' }, to: { level: 'HTXSNV' } });
      expect(c.because.from.map((r) => [r.rule, r.outcome])).toEqual([['htxsnv.tasks-exceeded', 'failed']]);
      expect(c.because.to.map((r) => [r.rule, r.outcome])).toEqual([['htxsnv.tasks-exceeded', 'met']]);
    }
  });
});

describe('cases left to the competent level (status for-decision)', () => {
  const overlay = read('../../../examples/overlays/tinh-vi-du-2026.json');
  // The reading that closes the gap in the text switched off: a subject who reaches no level is for the competent level.
  const gapOpen = { regulation: 'qd-366-2025', overlays: [{ ...overlay, id: 'gap-open', rules: [], disabledRules: [], parameters: { 'reading.noLevelIsKHTNV': { value: false } } }] };
  const base = { kind: 'individual', audience: 'non-leader', period: { year: 2026 }, group: 'cv', shortcomings: { identified: 1, remediated: 1 } } as const;
  // HTXSNV data but disciplined for a duty-related violation found and remedied by the member: handed over (refer).
  const referred = { ...base, id: 'referred', score: { common: 29, tasks: 66 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 5 }, discipline: [{ form: 'khien-trach', decidedOn: '2026-05-04', dutyRelated: true, selfDetectedAndRemedied: true }] } as Subject;
  // 30 % of tasks late: no level reached, no KHTNV case of khoản 4 (a gap; KHTNV only by the reading).
  const gap = { ...base, id: 'gap', score: { common: 25, tasks: 40 }, tasks: { assigned: 10, completed: 10, onTime: 7, exceeded: 0 } } as Subject;
  const plain = { ...base, id: 'plain', score: { common: 25, tasks: 55 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 1 } } as Subject;

  it('exports the matrix keys: the levels, for-decision, none', () => {
    expect(MATRIX_KEYS).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'for-decision', 'none']);
    expect(matrixKey({ status: 'for-decision', level: null })).toBe('for-decision');
    expect(matrixKey({ status: 'reviewed-not-rated', level: null })).toBe('none');
    expect(matrixKey({ status: 'rated', level: 'HTNV' })).toBe('HTNV');
  });

  it('counts a subject moving into for-decision in its own column, not in none (QĐ 124 → QĐ 366, dv-08)', async () => {
    const members = read('../../../examples/regulation-change/subjects.json') as Subject[];
    const report = await diff('qd-124-2023', 'qd-366-2025', members);
    const m = report.impact!.matrix;
    for (const row of MATRIX_KEYS) expect(Object.keys(m[row]), row).toEqual([...MATRIX_KEYS]);
    expect(m.HTXSNV['for-decision']).toBe(1);
    // Every subject rated on both sides is in exactly one cell.
    const cells = MATRIX_KEYS.reduce((n, a) => n + MATRIX_KEYS.reduce((k, b) => k + m[a][b], 0), 0);
    expect(cells).toBe(report.impact!.total - report.impact!.incomplete.length - new Set(report.impact!.errors.map((e) => e.index)).size);
    const c = report.impact!.changed.find((x) => x.id === 'dv-08')!;
    expect(c.from).toEqual({ status: 'rated', level: 'HTXSNV' });
    expect(c.to).toEqual({ status: 'for-decision', level: null, decision: { without: 'HTXSNV', rules: ['refer.discipline.self-detected.assumed-duty-related'] } });
    expect(c.because.to.map((r) => [r.rule, r.stage, r.outcome])).toEqual([['refer.discipline.self-detected.assumed-duty-related', 'refer', 'applied']]);
  });

  it('counts the reverse move in the for-decision row, and keeps two for-decision sides on the diagonal', async () => {
    const back = await diff('qd-366-2025', 'qd-124-2023', [{ ...referred, period: { year: 2024 }, grades: { tasks: 'xuat-sac', 'chinh-tri': 'xuat-sac' }, discipline: [{ ...referred.discipline![0]!, decidedOn: '2024-05-04' }] }]);
    expect(back.impact!.matrix['for-decision']).toMatchObject({ 'for-decision': 0, none: 0 });
    expect(MATRIX_KEYS.reduce((n, k) => n + back.impact!.matrix['for-decision'][k], 0)).toBe(1);
    expect(back.impact!.changed[0]!.from).toMatchObject({ status: 'for-decision', decision: { without: 'HTXSNV' } });
    const same = await diff('qd-366-2025', 'qd-366-2025', [referred, plain]);
    expect(same.impact!.matrix['for-decision']['for-decision']).toBe(1);
    expect(same.impact!.unchanged).toBe(2);
    expect(same.impact!.changed).toEqual([]);
  });

  it('moves a subject who reaches no level from KHTNV (the reading) to for-decision (the gap), with the failed fallback as reason', async () => {
    const report = await diff('qd-366-2025', gapOpen, [gap, plain, referred]);
    const i = report.impact!;
    expect(i.matrix.KHTNV['for-decision']).toBe(1);
    expect(i.matrix['for-decision']['for-decision']).toBe(1); // `referred`, on both sides
    expect(i.matrix.KHTNV.none + i.matrix.none['for-decision']).toBe(0);
    expect(i.changed.map((c) => c.id)).toEqual(['gap']);
    const c = i.changed[0]!;
    expect(c.to).toEqual({ status: 'for-decision', level: null, decision: { without: null, rules: ['khtnv.no-level'] } });
    // Why: no fallback held, and the nearest level (HTNV) missed 30 % late tasks; the other side applied the fallback.
    expect(c.because.to.map((r) => [r.rule, r.outcome])).toEqual([
      ['khtnv.no-level', 'failed'],
      ['htnv.individual.late-share', 'failed'],
    ]);
    expect(c.because.from.map((r) => [r.rule, r.outcome])).toEqual([
      ['khtnv.no-level', 'applied'],
      ['htnv.individual.late-share', 'failed'],
    ]);
  });

  it('decisiveReasons gives the referral for a referred case, and no met requirement of the level set aside', async () => {
    const { results } = await rateMany([referred], { regulation: 'qd-366-2025' });
    expect(results[0]!.status).toBe('for-decision');
    expect(decisiveReasons(results[0]!).map((r) => [r.rule, r.stage, r.outcome])).toEqual([['refer.discipline.self-detected', 'refer', 'applied']]);
  });

  it('shows the matrix column only when a subject is for the competent level on a side', () => {
    const zero = Object.fromEntries(MATRIX_KEYS.map((k) => [k, Object.fromEntries(MATRIX_KEYS.map((l) => [l, 0]))])) as Record<MatrixKey, Record<MatrixKey, number>>;
    expect(shownMatrixKeys(zero)).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'none']);
    expect(shownMatrixKeys({ ...zero, none: { ...zero.none, 'for-decision': 1 } })).toEqual([...MATRIX_KEYS]);
    expect(shownMatrixKeys({ ...zero, 'for-decision': { ...zero['for-decision'], HTNV: 2 } })).toEqual([...MATRIX_KEYS]);
  });

  it('diffToMarkdown gives for-decision its row and column and says what the rules give without the cases handed over', async () => {
    const report = await diff('qd-366-2025', gapOpen, [gap, plain, referred]);
    const md = diffToMarkdown(report);
    expect(md).toContain('| Trước → Sau | HTXSNV | HTTNV | HTNV | KHTNV | Cấp có thẩm quyền xem xét, quyết định | Không xếp loại |');
    expect(md).toContain('| KHTNV | 0 | 0 | 0 | 0 | 1 | 0 |');
    expect(md).toContain('| Cấp có thẩm quyền xem xét, quyết định | 0 | 0 | 0 | 0 | 1 | 0 |');
    expect(md).toMatch(/\| gap \| KHTNV \| Cấp có thẩm quyền xem xét, quyết định \(quy định không cho mức nào\) \|/);
    const en = diffToMarkdown(report, 'en');
    expect(en).toContain('| From → To | HTXSNV | HTTNV | HTNV | KHTNV | For the competent level to decide | Not rated |');
    expect(en).toMatch(/\| gap \| KHTNV \| For the competent level to decide \(the rules give no level\) \|/);
    const moved = diffToMarkdown(await diff('qd-124-2023', 'qd-366-2025', read('../../../examples/regulation-change/subjects.json')));
    expect(moved).toMatch(/\| dv-08 \| HTXSNV \| Cấp có thẩm quyền xem xét, quyết định \(ngoài trường hợp chuyển cấp có thẩm quyền, quy định cho mức HTXSNV\) \|/);
  });

  it('prints a matrix without for-decision subjects as before (five rows and columns)', async () => {
    const md = diffToMarkdown(await diff('qd-366-2025', 'qd-366-2025', [plain]));
    expect(md).toContain('| Trước → Sau | HTXSNV | HTTNV | HTNV | KHTNV | Không xếp loại |');
    expect(md).not.toContain('Cấp có thẩm quyền');
  });
});
