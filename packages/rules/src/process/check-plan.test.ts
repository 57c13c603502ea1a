import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KiemdiemError } from '../errors';
import { checkPlan } from './check-plan';
import type { PlanFinding, PlanMeeting, PlanReview, PlanRuleFinding, ReviewPlan } from './types';

const read = (rel: string) => JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8'));
const example = read('../../../../examples/review-plan/plan.json') as ReviewPlan;
const provinceOverlay = read('../../../../examples/review-plan/overlay-tinh-vi-du.json');

const C = (unit?: string): PlanReview => ({ type: 'collective', ...(unit ? { unit } : {}) });
const I = (person: string, role: 'head' | 'deputy' | 'member', name?: string): PlanReview => ({ type: 'individual', person, role, ...(name ? { name } : {}) });

/**
 * A small correct plan for 2026: chi bộ 1 (Thu 3/12), the commune government's leadership collective
 * (Mon 7/12), then the đảng bộ (Thu 10/12). Each draft leaves exactly 3 working days.
 */
function base(): ReviewPlan {
  return {
    year: 2026,
    units: [
      { id: 'db', name: 'Đảng bộ xã A', level: 'dang-bo-co-so', kind: 'party' },
      { id: 'cb1', name: 'Chi bộ thôn 1', level: 'chi-bo', kind: 'party', parent: 'db' },
      { id: 'ub', name: 'Tập thể lãnh đạo UBND xã A', level: 'dang-bo-co-so', kind: 'government', parent: 'db' },
    ],
    meetings: [
      { id: 'm-cb1', unit: 'cb1', date: '2026-12-03', days: 1, attendees: ['bt', 'pbt', 'ct', 'dv'], reviews: [C(), I('bt', 'head', 'Bí thư'), I('pbt', 'deputy'), I('ct', 'member', 'Chủ tịch'), I('dv', 'member')] },
      { id: 'm-ub', unit: 'ub', date: '2026-12-07', days: 1, reviews: [C(), I('ct', 'head', 'Chủ tịch'), I('pct', 'deputy')] },
      { id: 'm-db', unit: 'db', date: '2026-12-10', days: 1, reviews: [C(), I('bt', 'head', 'Bí thư'), I('ct', 'deputy', 'Chủ tịch')] },
    ],
    documents: [
      { meeting: 'm-cb1', kind: 'draft-report', sentOn: '2026-11-27' }, // Fri → Mon, Tue, Wed
      { meeting: 'm-ub', kind: 'draft-report', sentOn: '2026-12-01' }, // Tue → Wed, Thu, Fri
      { meeting: 'm-db', kind: 'draft-report', sentOn: '2026-12-04' }, // Fri → Mon, Tue, Wed
    ],
    filesUpward: [{ unit: 'db', sentOn: '2026-12-28' }],
  };
}

const meeting = (plan: ReviewPlan, id: string): PlanMeeting => plan.meetings.find((m) => m.id === id)!;
const codes = (findings: PlanFinding[]) => findings.map((f) => f.code);
const rules = (plan: unknown, options = {}) => checkPlan(plan, options).findings.filter((f): f is PlanRuleFinding => f.kind === 'rule');
const only = (plan: unknown, code: string, options = {}) => {
  const found = rules(plan, options).filter((f) => f.code === code);
  expect(found, code).toHaveLength(1);
  return found[0]!;
};

describe('checkPlan: a correct plan', () => {
  it('passes the small base plan and the shipped example, under QĐ 366 picked by the year', () => {
    expect(checkPlan(base())).toEqual({ ok: true, findings: [], regulation: 'qd-366-2025', year: 2026 });
    expect(checkPlan(example)).toMatchObject({ ok: true, findings: [], regulation: 'qd-366-2025' });
  });
});

describe('collective-before-individuals (tập thể trước, cá nhân sau)', () => {
  it('flags individuals reviewed before their collective, once per unit, naming the first one', () => {
    const plan = base();
    meeting(plan, 'm-cb1').reviews = [I('bt', 'head', 'Bí thư'), I('pbt', 'deputy'), C(), I('ct', 'member'), I('dv', 'member')];
    const f = only(plan, 'collective-before-individuals');
    expect(f).toMatchObject({ rule: 'process.collective-before-individuals', severity: 'error', path: '/meetings/0/reviews/0', unit: 'cb1', subject: 'bt', actual: 2, provenance: 'verified' });
    expect(f.citation).toEqual({ document: '366-QĐ/TW', dieu: 7 });
    expect(f.citationText).toBe('Điều 7 Quy định 366-QĐ/TW');
    expect(f.message).toContain('Bí thư kiểm điểm ngày 03/12/2026, trước tập thể');
    expect(checkPlan(plan).ok).toBe(false);
  });

  it('flags a unit whose collective is not in the plan at all', () => {
    const plan = base();
    meeting(plan, 'm-cb1').reviews.shift();
    expect(only(plan, 'collective-before-individuals').message).toContain('chưa có trong kế hoạch');
  });

  it('accepts the collective in an earlier meeting, and flags it in a later one', () => {
    const plan = base();
    meeting(plan, 'm-cb1').reviews.shift();
    plan.meetings.unshift({ id: 'm-cb1-tt', unit: 'cb1', date: '2026-12-02', days: 1, reviews: [C()] });
    plan.documents!.push({ meeting: 'm-cb1-tt', kind: 'draft-report', sentOn: '2026-11-26' });
    expect(codes(checkPlan(plan).findings)).toEqual([]);
    plan.meetings[0]!.date = '2026-12-04';
    plan.documents![3]!.sentOn = '2026-11-30';
    expect(codes(checkPlan(plan).findings)).toEqual(['collective-before-individuals']);
  });
});

describe('head-first (người đứng đầu trước, cấp phó và thành viên sau)', () => {
  it('flags a deputy reviewed before the head', () => {
    const plan = base();
    meeting(plan, 'm-ub').reviews = [C(), I('pct', 'deputy', 'Phó Chủ tịch'), I('ct', 'head', 'Chủ tịch')];
    const f = only(plan, 'head-first');
    expect(f).toMatchObject({ path: '/meetings/1/reviews/1', unit: 'ub', subject: 'pct', actual: 1 });
    expect(f.message).toContain('trước người đứng đầu Chủ tịch');
  });

  it('orders meetings of a unit on the same day by start time', () => {
    const plan = base();
    const m = meeting(plan, 'm-ub');
    m.reviews = [C(), I('ct', 'head')];
    m.start = '13:30';
    m.end = '17:30';
    m.days = 0.5; // the stated length wins over the times, which only order the meetings
    plan.meetings.push({ id: 'm-ub-2', unit: 'ub', date: '2026-12-07', start: '07:30', end: '11:30', days: 0.5, reviews: [I('pct', 'deputy')] });
    expect(codes(rules(plan))).toEqual(['collective-before-individuals', 'head-first']);
    plan.meetings[3]!.start = '17:45';
    plan.meetings[3]!.end = '18:30';
    expect(codes(rules(plan))).toEqual([]);
  });

  it('says nothing for a unit that reviews no head', () => {
    const plan = base();
    meeting(plan, 'm-ub').reviews = [C(), I('pct', 'deputy')];
    expect(codes(rules(plan))).toEqual([]);
  });
});

describe('government-collectives-first (chính quyền, Mặt trận, đoàn thể trước cấp ủy)', () => {
  it('flags the government collective reviewed after its party organisation began', () => {
    const plan = base();
    meeting(plan, 'm-ub').date = '2026-12-14';
    plan.documents![1]!.sentOn = '2026-12-08';
    const f = only(plan, 'government-collectives-first');
    expect(f).toMatchObject({ unit: 'ub', meeting: 'm-ub', provenance: 'verified' });
    expect(f.message).toContain('sau khi Đảng bộ xã A đã bắt đầu kiểm điểm (ngày 10/12/2026)');
  });

  it('on the same day, follows the order the plan lists the meetings', () => {
    const plan = base();
    meeting(plan, 'm-ub').date = '2026-12-10';
    plan.documents![1]!.sentOn = '2026-12-04';
    expect(codes(rules(plan))).toEqual([]);
    plan.meetings = [plan.meetings[0]!, plan.meetings[2]!, plan.meetings[1]!];
    expect(codes(rules(plan))).toEqual(['government-collectives-first']);
  });

  it('accepts the government collective reviewed inside the party meeting before the party collective, not after', () => {
    const plan = base();
    plan.meetings.splice(1, 1);
    plan.documents!.splice(1, 1);
    meeting(plan, 'm-db').reviews = [C('ub'), C(), I('bt', 'head'), I('ct', 'deputy')];
    expect(codes(rules(plan))).toEqual([]);
    meeting(plan, 'm-db').reviews = [C(), C('ub'), I('bt', 'head'), I('ct', 'deputy')];
    expect(codes(rules(plan))).toEqual(['government-collectives-first']);
  });
});

describe('lower-level-first (cấp dưới trước, cấp trên sau)', () => {
  it('flags a chi bộ still reviewing after the đảng bộ began', () => {
    const plan = base();
    meeting(plan, 'm-cb1').date = '2026-12-11';
    plan.documents![0]!.sentOn = '2026-12-07';
    const f = only(plan, 'lower-level-first');
    expect(f).toMatchObject({ unit: 'cb1', citation: { document: '366-QĐ/TW', dieu: 12, khoan: 2 }, provenance: 'verified', actual: 5 });
    expect(f.citationText).toBe('Khoản 2 Điều 12 Quy định 366-QĐ/TW');
  });

  it('compares with the nearest level above that has reviews in the plan', () => {
    const plan = base();
    plan.units.push({ id: 'bp', name: 'Đảng bộ bộ phận', level: 'dang-bo-bo-phan', kind: 'party', parent: 'db' });
    plan.units[1]!.parent = 'bp';
    expect(codes(rules(plan))).toEqual([]);
    meeting(plan, 'm-cb1').date = '2026-12-11';
    plan.documents![0]!.sentOn = '2026-12-07';
    expect(only(plan, 'lower-level-first').message).toContain('Đảng bộ xã A');
  });
});

describe('chi-bo-first (đảng viên giữ chức vụ kiểm điểm ở chi bộ trước)', () => {
  it('flags a leader reviewed at the workplace before the chi bộ', () => {
    const plan = base();
    meeting(plan, 'm-cb1').date = '2026-12-08';
    plan.documents![0]!.sentOn = '2026-12-02';
    const f = only(plan, 'chi-bo-first');
    expect(f).toMatchObject({ subject: 'ct', unit: 'ub', path: '/meetings/1/reviews/1' });
    expect(f.message).toContain('đồng chí Chủ tịch kiểm điểm ở Tập thể lãnh đạo UBND xã A ngày 07/12/2026, trước khi kiểm điểm ở Chi bộ thôn 1');
  });

  it('says nothing about people reviewed in no chi bộ of the plan', () => {
    const plan = base();
    meeting(plan, 'm-ub').reviews.push(I('khach', 'member'));
    expect(codes(rules(plan))).toEqual([]);
  });
});

describe('drafts-3-working-days (dự thảo gửi trước ít nhất 03 ngày làm việc)', () => {
  it('accepts exactly 3 working days and flags 2, naming the last day to send', () => {
    const plan = base();
    plan.documents![2]!.sentOn = '2026-12-07'; // Mon → Tue, Wed: 2
    const f = only(plan, 'drafts-3-working-days');
    expect(f).toMatchObject({ meeting: 'm-db', actual: 2, expected: 3, citation: { document: '43-HD/BTCTW', muc: '2.1', diem: 'a' }, provenance: 'verified' });
    // Sent by Sunday 6/12, Mon, Tue and Wed would still be three whole working days.
    expect(f.message).toContain('gửi ngày 07/12/2026, trước 2 ngày làm việc (chậm nhất phải gửi ngày 06/12/2026)');
  });

  it('does not count the weekend: Wednesday for Monday is 2 working days, Tuesday is 3', () => {
    const plan = base();
    plan.documents![1]!.sentOn = '2026-12-02';
    expect(only(plan, 'drafts-3-working-days').actual).toBe(2);
    plan.documents![1]!.sentOn = '2026-12-01';
    expect(codes(rules(plan))).toEqual([]);
  });

  it('does not count a holiday: across the year end (1/1/2027 is Tết Dương lịch)', () => {
    const plan = base();
    plan.units.push({ id: 'dt', name: 'Đơn vị đặc thù', level: 'dang-bo-co-so', kind: 'party', parent: 'db', special: true });
    plan.meetings.push({ id: 'm-dt', unit: 'dt', date: '2027-01-05', days: 1, reviews: [C()] });
    plan.documents!.push({ meeting: 'm-dt', kind: 'draft-report', sentOn: '2026-12-29' });
    // Lower level after higher: the special unit reviews after the đảng bộ, switched off to isolate the draft rule.
    const options = { disabledRules: ['process.lower-level-first'] };
    expect(codes(rules(plan, options))).toEqual([]);
    plan.documents![3]!.sentOn = '2026-12-30';
    expect(only(plan, 'drafts-3-working-days', options)).toMatchObject({ actual: 2 });
  });

  it('does not count Tết, and the special deadline 15/01 is then missed too', () => {
    const plan = base();
    plan.units.push({ id: 'dt', name: 'Đơn vị đặc thù', level: 'dang-bo-co-so', kind: 'party', special: true });
    plan.meetings.push({ id: 'm-dt', unit: 'dt', date: '2027-02-12', days: 1, reviews: [C()] });
    plan.documents!.push({ meeting: 'm-dt', kind: 'draft-report', sentOn: '2027-02-03' });
    // Between Wed 3/2 and Fri 12/2/2027: Thu 4/2 only; 5–11/2 is Tết (6/2 Saturday) with days in lieu.
    expect(codes(rules(plan))).toEqual(['drafts-3-working-days', 'finish-by']);
    expect(only(plan, 'drafts-3-working-days').actual).toBe(1);
    expect(only(plan, 'finish-by')).toMatchObject({ actual: '2027-02-12', expected: '2027-01-15' });
  });

  it('flags a meeting with no draft, a member who got none, and a draft sent after the meeting', () => {
    const plan = base();
    plan.documents!.splice(2, 1);
    expect(only(plan, 'drafts-3-working-days')).toMatchObject({ meeting: 'm-db', actual: null });
    const partial = base();
    partial.documents![0]!.recipients = ['bt', 'pbt', 'ct'];
    expect(only(partial, 'drafts-3-working-days')).toMatchObject({ subject: 'dv', actual: null });
    expect(only(partial, 'drafts-3-working-days').message).toContain('không nhận được dự thảo');
    partial.documents!.push({ meeting: 'm-cb1', kind: 'draft-report', sentOn: '2026-11-26', recipients: ['dv'] });
    expect(codes(rules(partial))).toEqual([]);
    const after = base();
    after.documents![2]!.sentOn = '2026-12-14'; // Mon after the Thursday meeting: Fri 11/12 lies between
    expect(only(after, 'drafts-3-working-days')).toMatchObject({ actual: -1 });
    expect(only(after, 'drafts-3-working-days').message).toContain('sau ngày họp');
  });

  it('counts with the plan calendar: an extra day off makes it late, a make-up Saturday makes up for it', () => {
    const plan = base();
    plan.calendar = { holidays: ['2026-12-04'] }; // a Friday off: Wed, Thu left before Monday 7/12
    expect(only(plan, 'drafts-3-working-days')).toMatchObject({ meeting: 'm-ub', actual: 2 });
    plan.calendar.workingDays = ['2026-12-05'];
    expect(codes(rules(plan))).toEqual([]);
  });

  it('counts with a host calendar that replaces the default', () => {
    const plan = base();
    plan.documents![1]!.sentOn = '2026-12-02'; // Wed for Mon: with Saturdays worked, Thu, Fri, Sat
    expect(codes(rules(plan, { calendar: { weekend: [7] } }))).toEqual([]);
  });

  it('warns once when a count falls outside the years the holiday calendar knows', () => {
    const plan = base();
    plan.year = 2031;
    plan.meetings.forEach((m) => (m.date = m.date.replace('2026', '2031')));
    plan.documents!.forEach((d) => (d.sentOn = d.sentOn.replace('2026', '2031')));
    plan.filesUpward![0]!.sentOn = '2031-12-26';
    const result = checkPlan(plan, { disabledRules: ['process.drafts-3-working-days'] });
    expect(result.findings).toEqual([]);
    const warned = checkPlan(plan).findings.filter((f) => f.code === 'calendar-not-covered');
    expect(warned).toEqual([expect.objectContaining({ kind: 'shape', severity: 'warning', path: '/meetings/0/date' })]);
  });

  it('reads the minimum from the pack parameter, which a host can override', () => {
    const found = rules(base(), { parameters: { 'process.drafts.minWorkingDays': 4 } });
    expect(found.map((f) => [f.code, f.meeting, f.actual, f.expected])).toEqual([
      ['drafts-3-working-days', 'm-cb1', 3, 4],
      ['drafts-3-working-days', 'm-ub', 3, 4],
      ['drafts-3-working-days', 'm-db', 3, 4],
    ]);
  });
});

describe('meeting-length (hội nghị kiểm điểm tối thiểu 01 ngày)', () => {
  it('converts start/end hours to days: 3 hours is short, 8 hours is a day', () => {
    const plan = base();
    const m = meeting(plan, 'm-cb1');
    delete m.days;
    m.start = '14:00';
    m.end = '17:00';
    const f = only(plan, 'meeting-length');
    // HD 43 Mục 2.1 sets the 01-day minimum for every collective and individual (verified): an error.
    expect(f).toMatchObject({ unit: 'cb1', actual: 0.38, expected: 1, provenance: 'verified', severity: 'error' });
    expect(f.message).toContain('kế hoạch: 0,38 ngày');
    m.start = '08:00';
    m.end = '16:00';
    expect(codes(rules(plan))).toEqual([]);
    expect(codes(rules({ ...plan, meetings: plan.meetings.map((x) => (x.id === 'm-cb1' ? { ...x, end: '11:00' } : x)) }, { parameters: { 'process.meeting.hoursPerDay': 3 } }))).toEqual([]);
  });

  it('sums a unit’s meetings and counts the days of a multi-day meeting', () => {
    const plan = base();
    meeting(plan, 'm-ub').days = 0.5;
    expect(only(plan, 'meeting-length')).toMatchObject({ unit: 'ub', actual: 0.5 });
    plan.meetings.push({ id: 'm-ub-2', unit: 'ub', date: '2026-12-08', days: 0.5, reviews: [I('pct', 'deputy')] });
    expect(codes(rules(plan))).toEqual([]);
  });

  it('asks 2 days of a provincial standing committee', () => {
    const plan: ReviewPlan = {
      year: 2026,
      units: [{ id: 'tu', name: 'Ban Thường vụ Tỉnh ủy', level: 'tinh', kind: 'party' }],
      meetings: [{ id: 'm', unit: 'tu', date: '2026-12-15', reviews: [C()] }],
      documents: [{ meeting: 'm', kind: 'draft-report', sentOn: '2026-12-01' }],
    };
    expect(only(plan, 'meeting-length')).toMatchObject({ actual: 1, expected: 2 });
    plan.meetings[0]!.endDate = '2026-12-16';
    expect(codes(rules(plan))).toEqual([]);
  });
});

describe('finish-by (hoàn thành trước 31/12) and files-upward-by (gửi hồ sơ trước 01/02)', () => {
  it('reads "trước 31/12" literally: 30/12 is in time, 31/12 is late, unless the deadline is inclusive', () => {
    const plan = base();
    meeting(plan, 'm-db').date = '2026-12-30';
    expect(codes(rules(plan))).toEqual([]);
    meeting(plan, 'm-db').date = '2026-12-31';
    const f = only(plan, 'finish-by');
    expect(f).toMatchObject({ unit: 'db', path: '/meetings/2/date', actual: '2026-12-31', expected: '2026-12-31', citation: { document: '43-HD/BTCTW', muc: '4' }, provenance: 'verified' });
    expect(f.message).toBe('Đảng bộ xã A phải hoàn thành kiểm điểm trước ngày 31/12/2026; m-db họp ngày 31/12/2026');
    expect(codes(rules(plan, { parameters: { 'process.deadlines.inclusive': true } }))).toEqual([]);
  });

  it('checks the last day of a meeting that runs into the next year', () => {
    const plan = base();
    meeting(plan, 'm-db').endDate = '2027-01-02';
    expect(only(plan, 'finish-by')).toMatchObject({ path: '/meetings/2/endDate', actual: '2027-01-02' });
  });

  it('gives special-case bodies until 15/01 of the next year', () => {
    const plan = base();
    plan.units[0]!.special = true;
    meeting(plan, 'm-db').date = '2027-01-14';
    plan.documents![2]!.sentOn = '2027-01-08';
    expect(codes(rules(plan))).toEqual([]);
    meeting(plan, 'm-db').date = '2027-01-15';
    expect(only(plan, 'finish-by')).toMatchObject({ expected: '2027-01-15' });
  });

  it('flags files sent upward on or after 01/02 of the next year', () => {
    const plan = base();
    plan.filesUpward![0]!.sentOn = '2027-01-31';
    expect(codes(rules(plan))).toEqual([]);
    plan.filesUpward![0]!.sentOn = '2027-02-01';
    expect(only(plan, 'files-upward-by')).toMatchObject({ unit: 'db', path: '/filesUpward/0/sentOn', expected: '2027-02-01' });
  });

  it('takes a province’s deadlines from an overlay: grassroots before 20/12, districts before 31/12, files before 10/01', () => {
    const plan = base();
    meeting(plan, 'm-db').date = '2026-12-19';
    plan.documents![2]!.sentOn = '2026-12-15';
    expect(checkPlan(plan, { overlays: [provinceOverlay] })).toMatchObject({ ok: true, regulation: 'qd-366-2025+tinh-vi-du-ke-hoach-2026' });
    meeting(plan, 'm-db').date = '2026-12-20';
    const f = only(plan, 'finish-by', { overlays: [provinceOverlay] });
    expect(f).toMatchObject({ expected: '2026-12-20', overlay: 'tinh-vi-du-ke-hoach-2026', provenance: 'unverified', citation: { document: '99-KH/TU', muc: '3' } });
    expect(f.message).toContain('trước ngày 20/12/2026');
    expect(codes(rules(plan))).toEqual([]); // the national deadline alone is 31/12

    const district: ReviewPlan = {
      year: 2026,
      units: [{ id: 'hu', name: 'Ban Thường vụ Huyện ủy', level: 'huyen', kind: 'party' }],
      meetings: [{ id: 'm', unit: 'hu', date: '2026-12-29', days: 1, reviews: [C()] }],
      documents: [{ meeting: 'm', kind: 'draft-report', sentOn: '2026-12-21' }],
      filesUpward: [{ unit: 'hu', sentOn: '2027-01-12' }],
    };
    expect(codes(rules(district, { overlays: [provinceOverlay] }))).toEqual(['files-upward-by']);
    expect(codes(rules(district))).toEqual([]);
  });
});

describe('checkPlan: options, packs and languages', () => {
  it('picks the pack by year; unverified rules of older packs only warn', () => {
    const plan = base();
    plan.year = 2023;
    plan.meetings.forEach((m) => (m.date = m.date.replace('2026', '2023')));
    plan.documents!.forEach((d) => (d.sentOn = d.sentOn.replace('2026', '2023')));
    plan.filesUpward![0]!.sentOn = '2024-02-05';
    const result = checkPlan(plan);
    expect(result.regulation).toBe('qd-124-2023');
    expect(result.findings).toEqual([expect.objectContaining({ code: 'files-upward-by', severity: 'warning', provenance: 'unverified', citation: expect.objectContaining({ document: '25-HD/BTCTW' }) })]);
    expect(result.ok).toBe(true);
    expect(checkPlan({ ...plan, year: 2019, meetings: [], documents: [], filesUpward: [] }).ok).toBe(false); // no meetings: shape error
  });

  it('uses the regulation option, then the plan’s, and reports an unknown one in the plan as a field problem', () => {
    expect(checkPlan(base(), { regulation: 'qd-124-2023' }).regulation).toBe('qd-124-2023');
    expect(checkPlan({ ...base(), regulation: 'qd-132-2018' }).regulation).toBe('qd-132-2018');
    expect(checkPlan({ ...base(), regulation: 'qd-999' }).findings).toEqual([expect.objectContaining({ kind: 'shape', code: 'unknown-regulation', path: '/regulation' })]);
    expect(() => checkPlan(base(), { regulation: 'qd-999' })).toThrow(KiemdiemError);
  });

  it('reports a year with no regulation as a field problem', () => {
    const plan = { ...base(), year: 2017 };
    plan.meetings = plan.meetings.map((m) => ({ ...m, date: m.date.replace('2026', '2017') }));
    plan.documents = [];
    plan.filesUpward = [];
    expect(checkPlan(plan).findings).toEqual([expect.objectContaining({ code: 'no-regulation', path: '/year' })]);
  });

  it('switches rules off by id and rejects unknown ids and parameters', () => {
    const plan = base();
    meeting(plan, 'm-ub').days = 0.5;
    expect(codes(rules(plan))).toEqual(['meeting-length']);
    expect(checkPlan(plan, { disabledRules: ['process.meeting-length'] })).toMatchObject({ ok: true, findings: [] });
    expect(() => checkPlan(plan, { disabledRules: ['process.nope'] })).toThrow(/process\.nope/);
    expect(() => checkPlan(plan, { parameters: { 'process.nope': 1 } })).toThrow(KiemdiemError);
    expect(() => checkPlan(plan, { parameters: { 'process.filesUpwardBy': '02-01' } })).toThrow(/Y\+1-MM-DD/);
  });

  it('speaks English on request', () => {
    const plan = base();
    meeting(plan, 'm-db').date = '2026-12-31';
    const f = only(plan, 'finish-by', { lang: 'en' });
    expect(f.message).toBe('Đảng bộ xã A must finish its review before 31/12/2026; m-db meets on 31/12/2026');
    expect(f.citationText).toBe('section 4, Hướng dẫn 43-HD/BTCTW');
  });
});

describe('checkPlan: malformed plans never throw, each problem names its field', () => {
  it.each([
    ['not an object', null, ''],
    ['an array', [], ''],
    ['no year', { units: [], meetings: [] }, '/year'],
    ['a bad date', { ...base(), meetings: [{ ...base().meetings[0]!, date: '2026-02-30' }] }, '/meetings/0/date'],
    ['a bad time', { ...base(), meetings: [{ ...base().meetings[0]!, start: '25:00', end: '26:00' }] }, '/meetings/0/start'],
    ['an end before the start', { ...base(), meetings: [{ ...base().meetings[0]!, start: '14:00', end: '08:00' }] }, '/meetings/0/end'],
    ['an end date before the date', { ...base(), meetings: [{ ...base().meetings[0]!, endDate: '2026-12-01' }] }, '/meetings/0/endDate'],
    ['an unknown unit', { ...base(), meetings: [{ ...base().meetings[0]!, unit: 'x' }] }, '/meetings/0/unit'],
    ['a duplicate meeting id', { ...base(), meetings: [base().meetings[0]!, base().meetings[0]!] }, '/meetings/1/id'],
    ['a document for an unknown meeting', { ...base(), documents: [{ meeting: 'x', kind: 'draft-report', sentOn: '2026-12-01' }] }, '/documents/0/meeting'],
    ['an unknown document kind', { ...base(), documents: [{ meeting: 'm-db', kind: 'memo', sentOn: '2026-12-01' }] }, '/documents/0/kind'],
    ['a review without a person', { ...base(), meetings: [{ ...base().meetings[0]!, reviews: [{ type: 'individual', role: 'head' }] }] }, '/meetings/0/reviews/0/person'],
    ['a review of an unknown type', { ...base(), meetings: [{ ...base().meetings[0]!, reviews: [{ type: 'group' }] }] }, '/meetings/0/reviews/0/type'],
    ['a date outside the review window', { ...base(), filesUpward: [{ unit: 'db', sentOn: '2028-01-01' }] }, '/filesUpward/0/sentOn'],
    ['a parent that is not a party organisation', { ...base(), units: [...base().units, { id: 'cb9', name: 'Chi bộ 9', level: 'chi-bo', kind: 'party', parent: 'ub' }] }, '/units/3/parent'],
    ['an unknown field', { ...base(), colour: 'red' }, '/colour'],
    ['a bad extra holiday', { ...base(), calendar: { holidays: ['31/12/2026'] } }, '/calendar/holidays/0'],
  ])('%s', (_what, plan, path) => {
    const result = checkPlan(plan);
    expect(result.ok).toBe(false);
    expect(result.findings.every((f) => f.kind === 'shape' && f.severity === 'error')).toBe(true);
    expect(result.findings.map((f) => f.path)).toContain(path);
    const finding = result.findings.find((f) => f.path === path)!;
    expect(finding.message.length).toBeGreaterThan(5);
  });

  it('names the field in English too', () => {
    const result = checkPlan({ ...base(), meetings: [{ ...base().meetings[0]!, date: '2026-13-01' }, ...base().meetings.slice(1)] }, { lang: 'en' });
    expect(result.findings).toEqual([expect.objectContaining({ path: '/meetings/0/date', code: 'bad-date', message: 'Meeting date (meetings[].date) must be a valid date as YYYY-MM-DD' })]);
  });

  it('rejects prototype-pollution keys anywhere, including host data', () => {
    const json = JSON.stringify(base()).replace('"id":"db"', '"__proto__":{"x":1},"id":"db"');
    expect(checkPlan(JSON.parse(json)).findings).toContainEqual(expect.objectContaining({ code: 'forbidden-key', path: '/units/0/__proto__' }));
    const meta = JSON.parse('{"a":{"constructor":{"prototype":1}}}');
    expect(checkPlan({ ...base(), meta }).findings).toEqual([expect.objectContaining({ code: 'forbidden-key', path: '/meta/a/constructor' })]);
  });

  it('finds a loop of parents', () => {
    const plan = base();
    plan.units[0]!.parent = 'cb1';
    const paths = checkPlan(plan).findings.filter((f) => f.code === 'parent-cycle').map((f) => f.path);
    expect(paths).toEqual(['/units/0/parent', '/units/1/parent']);
  });

  it('never throws on arbitrary JSON or on plans with random fields replaced', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = checkPlan(value);
        return typeof result.ok === 'boolean' && result.findings.every((f) => typeof f.path === 'string' && f.message.length > 0);
      }),
      { numRuns: 300 },
    );
    const paths = ['year', 'units', 'meetings', 'documents', 'filesUpward', 'calendar'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.integer({ min: 0, max: 2 }), fc.jsonValue(), (key, index, value) => {
        const plan = base() as unknown as Record<string, unknown>;
        const target = plan[key];
        if (Array.isArray(target) && target.length > index) target[index] = value;
        else plan[key] = value;
        const result = checkPlan(plan);
        return typeof result.ok === 'boolean';
      }),
      { numRuns: 300 },
    );
  });
});
