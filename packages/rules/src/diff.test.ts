import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diff } from './diff';
import { diffToMarkdown } from './diff-markdown';
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
