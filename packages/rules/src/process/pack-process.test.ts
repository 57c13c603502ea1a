/** The process rules and parameters as pack data: shipped in every pack, validated on load, changed by overlays. */
import { describe, expect, it } from 'vitest';
import { PackError } from '../errors';
import { applyOverlay } from '../overlay';
import { BUILTIN_PACK_FILES } from '../pack/builtin';
import { loadPack } from '../pack/load';
import { loadRegulation } from '../registry';
import { checkPlan } from './check-plan';
import { CHECK_PARAMETERS, PLAN_UNIT_LEVELS, PROCESS_CHECKS } from './checks';
import { resolveReviewYearDate } from './deadlines';

const pristine = () => structuredClone(BUILTIN_PACK_FILES['qd-366-2025']) as Record<string, any>;

function rejects(files: Record<string, unknown>, file: string, path: string, reason: RegExp): void {
  let error: unknown;
  try {
    loadPack(files, 'regulations/test');
  } catch (e) {
    error = e;
  }
  expect(error, 'the pack should be rejected').toBeInstanceOf(PackError);
  expect((error as PackError).file).toBe(`regulations/test/${file}`);
  expect((error as PackError).path).toBe(path);
  expect((error as PackError).message).toMatch(reason);
}

const overlay = (extra: Record<string, unknown>) => ({
  kind: 'overlay',
  id: 'tinh-thu',
  extends: 'qd-366-2025',
  title: { vi: 'Thử', en: 'Test' },
  issuer: 'Tỉnh ủy (thử)',
  signedOn: '2026-11-01',
  citation: { document: '1-HD/TU' },
  provenance: 'unverified',
  ...extra,
});

describe.each(['qd-132-2018', 'qd-124-2023', 'qd-366-2025'])('shipped pack %s: process rules', (id) => {
  const pack = loadRegulation(id);

  it('has one rule for every check, each with a citation, a provenance and messages in both languages', () => {
    expect(pack.processRules.map((r) => r.check).sort()).toEqual([...PROCESS_CHECKS].sort());
    for (const rule of pack.processRules) {
      expect(rule.name).toBe(`process.${rule.check}`);
      expect(rule.citation.document, rule.name).toMatch(/-(QĐ|HD)\//);
      expect(['verified', 'single-source', 'legacy', 'unverified']).toContain(rule.provenance);
      // An unverified default warns; it never fails a plan on its own.
      expect(rule.severity, rule.name).toBe(rule.provenance === 'unverified' ? 'warning' : 'error');
      for (const text of [rule.message.vi, rule.message.en]) {
        expect(text.length).toBeGreaterThan(20);
        expect(text).toBe(text.normalize('NFC'));
      }
    }
  });

  it('defines every parameter the checks read, with dated values, a citation and a provenance', () => {
    for (const name of Object.values(CHECK_PARAMETERS).flat()) {
      const def = pack.parameters[name];
      expect(def, name).toBeDefined();
      for (const v of def!.values) {
        expect(v.citation.document.length).toBeGreaterThan(2);
        expect(['verified', 'single-source', 'legacy', 'unverified']).toContain(v.provenance);
      }
    }
  });
});

describe('process parameters: values', () => {
  const value = (id: string, name: string) => loadRegulation(id).parameters[name]!.values.at(-1)!;

  it('QĐ 366 / HD 43: finish before 31/12 at every level, special bodies 15/01, files 01/02, drafts 3 working days', () => {
    for (const level of PLAN_UNIT_LEVELS) expect(value('qd-366-2025', `process.finishBy.${level}`)).toMatchObject({ value: 'Y-12-31', provenance: 'verified', citation: { document: '43-HD/BTCTW', muc: '4' } });
    expect(value('qd-366-2025', 'process.finishBy.dac-biet').value).toBe('Y+1-01-15');
    expect(value('qd-366-2025', 'process.filesUpwardBy').value).toBe('Y+1-02-01');
    expect(value('qd-366-2025', 'process.drafts.minWorkingDays')).toMatchObject({ value: 3, provenance: 'verified' });
    // HD 43 Mục 2.1, now read word for word: 01 day as the central default everywhere (provinces set their own by
    // overlay), 02 days for the standing committees of provinces and party committees directly under the Centre.
    expect(value('qd-366-2025', 'process.meeting.minDays.tinh')).toMatchObject({ value: 2, provenance: 'verified' });
    for (const level of ['chi-bo', 'dang-bo-bo-phan', 'dang-bo-co-so', 'huyen', 'khoi', 'trung-uong'])
      expect(value('qd-366-2025', `process.meeting.minDays.${level}`)).toMatchObject({ value: 1, provenance: 'verified' });
    expect(value('qd-366-2025', 'process.deadlines.inclusive')).toMatchObject({ value: false, provenance: 'unverified' });
  });

  it('marks the older guidance’s timetable as unverified defaults', () => {
    for (const id of ['qd-124-2023', 'qd-132-2018']) {
      expect(value(id, 'process.finishBy.chi-bo')).toMatchObject({ value: 'Y-12-31', provenance: 'unverified' });
      expect(value(id, 'process.drafts.minWorkingDays')).toMatchObject({ value: 3, provenance: 'unverified' });
    }
  });

  it('resolves review-year dates', () => {
    expect(resolveReviewYearDate('Y-12-31', 2026)).toBe('2026-12-31');
    expect(resolveReviewYearDate('Y+1-02-01', 2026)).toBe('2027-02-01');
    expect(() => resolveReviewYearDate('12-31', 2026)).toThrow(RangeError);
  });
});

describe('loadPack: process files', () => {
  it('rejects a process rule that does not list a parameter its check reads', () => {
    const f = pristine();
    f['process/huong-dan-43-muc-4.json'].rules[0].parameters = ['process.finishBy.chi-bo'];
    rejects(f, 'process/huong-dan-43-muc-4.json', '/rules/0/parameters', /process\.finishBy\.dang-bo-bo-phan/);
  });

  it('rejects an unknown check, an unknown parameter and a duplicate rule id', () => {
    const f = pristine();
    f['process/dieu-7.json'].rules[0].check = 'tea-break';
    rejects(f, 'process/dieu-7.json', '/rules/0/check', /allowed/);
    const g = pristine();
    g['process/huong-dan-43-muc-2.json'].rules[0].parameters.push('process.nope');
    rejects(g, 'process/huong-dan-43-muc-2.json', '/rules/0/parameters/1', /process\.nope/);
    const h = pristine();
    h['process/dieu-7.json'].rules[1].name = 'process.collective-before-individuals';
    rejects(h, 'process/dieu-7.json', '/rules/1/name', /used twice/);
  });

  it('rejects a deadline that is not a day of the review year or the next', () => {
    for (const bad of ['12-31', 'Y-02-29', 'Y+2-01-01', 'Y-13-01', 2026]) {
      const f = pristine();
      f['process/parameters.json'].parameters['process.filesUpwardBy'].values[0].value = bad;
      rejects(f, 'process/parameters.json', '/parameters/process.filesUpwardBy/values/0/value', typeof bad === 'number' ? /string/ : /Y\+1-MM-DD/);
    }
  });

  it('rejects a process file the manifest does not list, and a listed one that is missing', () => {
    const f = pristine();
    f['process/extra.json'] = f['process/dieu-7.json'];
    rejects(f, 'process/extra.json', '', /not listed/);
    const g = pristine();
    delete g['process/dieu-7.json'];
    rejects(g, 'manifest.json', '/files/process/0', /file not found/);
  });
});

describe('overlays on process rules', () => {
  const plan = {
    year: 2026,
    units: [{ id: 'cb', name: 'Chi bộ A', level: 'chi-bo', kind: 'party' }],
    meetings: [{ id: 'm', unit: 'cb', date: '2026-12-21', days: 0.5, reviews: [{ type: 'collective' }] }],
    documents: [{ meeting: 'm', kind: 'draft-report', sentOn: '2026-12-01' }],
  };

  it('switches a process rule off, with the reason kept on the pack', () => {
    const o = overlay({ disabledRules: [{ rule: 'process.meeting-length', reason: { vi: 'Chi bộ họp nửa ngày', en: 'Half-day chi bộ meetings' } }] });
    expect(checkPlan(plan).findings.map((f) => f.code)).toEqual(['meeting-length']);
    expect(checkPlan(plan, { overlays: [o] })).toMatchObject({ ok: true, findings: [] });
    const pack = applyOverlay(loadRegulation('qd-366-2025'), o);
    expect(pack.processRules.find((r) => r.name === 'process.meeting-length')!.disabledBy).toBe('tinh-thu');
    expect(pack.disabled).toEqual([expect.objectContaining({ rule: 'process.meeting-length', overlay: 'tinh-thu' })]);
  });

  it('sets a deadline from a date onwards, keeps the national one before it', () => {
    const o = overlay({ parameters: { 'process.finishBy.chi-bo': { value: 'Y-12-20', from: '2027-01-01', citation: { document: '1-HD/TU', muc: '2' } } } });
    expect(checkPlan(plan, { overlays: [o] }).findings.map((f) => f.code)).toEqual(['meeting-length']); // 2026: still 31/12
    const next = { ...plan, year: 2027, meetings: [{ ...plan.meetings[0]!, date: '2027-12-21' }], documents: [{ ...plan.documents[0]!, sentOn: '2027-12-01' }] };
    const finish = checkPlan(next, { overlays: [o] }).findings.find((f) => f.code === 'finish-by');
    expect(finish).toMatchObject({ overlay: 'tinh-thu', expected: '2027-12-20', citation: { document: '1-HD/TU', muc: '2' } });
  });

  it('rejects an overlay deadline in the wrong form, naming the overlay file and pointer', () => {
    const o = overlay({ parameters: { 'process.finishBy.chi-bo': { value: '20/12' } } });
    expect(() => checkPlan(plan, { overlays: [o] })).toThrow(/overlays\[0\] \(\/parameters\/process\.finishBy\.chi-bo\/value\)/);
    const unknownRule = overlay({ disabledRules: [{ rule: 'process.nope', reason: { vi: 'x', en: 'x' } }] });
    expect(() => checkPlan(plan, { overlays: [unknownRule] })).toThrow(/process\.nope/);
  });
});
