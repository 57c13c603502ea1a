import { describe, expect, it } from 'vitest';
import { checkForm, exampleFor, getForm, schemaFor, toSubject, validate, type FormValidation } from './index';

type Doc = Record<string, any>;
const example = () => exampleFor('hd43-2025/02b') as Doc;

describe('schemaFor (requirements from the rule pack)', () => {
  it('asks for a section III row per earlier shortcoming and bounds Part B by the pack parameters', () => {
    const plain = schemaFor('hd43-2025/02b');
    expect(plain.properties!.A!.properties!.III!.properties!.items!.minItems).toBeUndefined();
    const s = schemaFor('hd43-2025/02b', { shortcomings: { identified: 3 }, reviewSuggestions: 2 });
    const A = s.properties!.A!;
    expect(A.required).toEqual(expect.arrayContaining(['III', 'IV']));
    expect(A.properties!.III!.required).toContain('items');
    expect(A.properties!.III!.properties!.items!.minItems).toBe(3);
    expect(A.properties!.IV!.properties!.items!.minItems).toBe(2);
    expect(s.properties!.B!.properties!.I!.properties!.common!.maximum).toBe(30);
    expect(s['x-rules']).toEqual(expect.arrayContaining(['form.section-iii-rows', 'form.section-iv-explanations', 'form.part-b-scores']));
    // The shipped definition is not modified.
    expect(schemaFor('hd43-2025/02b').properties!.A!.required).not.toContain('III');
  });

  it('enforces the same requirements when validating', () => {
    const doc = example();
    delete doc.A.III;
    const errors = checkForm('hd43-2025/02b', doc, { context: { shortcomings: { identified: 1 } } }).errors;
    expect(errors).toEqual([expect.objectContaining({ path: '/A/III/items', code: 'required', rule: 'form.section-iii-rows' })]);
    expect(checkForm('hd43-2025/02b', doc).errors).toEqual([]);
  });

  it('checks that the total is the sum of the two groups', () => {
    const doc = example();
    doc.B.I.total = 90;
    const [e] = checkForm('hd43-2025/02b', doc).errors;
    expect(e).toMatchObject({ path: '/B/I/total', code: 'sum', rule: 'form.part-b-scores' });
    expect(e!.message).toBe('"Tổng điểm" phải bằng tổng "1. Nhóm tiêu chí chung" và "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ" (93,5)');
  });
});

describe('validate: the proposed level against the rule pack', () => {
  it('accepts a proposal the document supports', async () => {
    const r = await validate('hd43-2025/02b', example());
    expect(r).toMatchObject({ valid: true, errors: [], warnings: [] });
  });

  it('explains a proposal the score does not support', async () => {
    const doc = example();
    doc.B.I = { common: 27, tasks: 58, total: 85 };
    const r = await validate('hd43-2025/02b', doc);
    expect(r.valid).toBe(true);
    expect(r.warnings[0]!.message).toBe('Mức đề xuất HTXSNV cao hơn mức HTTNV mà bộ quy tắc tính được từ chính bản kiểm điểm');
    expect(r.warnings[1]).toMatchObject({ rule: 'htxsnv.total', message: 'HTXSNV cần tổng điểm từ 90 trở lên; đạt 85', citationText: 'Khoản 1 Điều 11 Quy định 366-QĐ/TW' });
  });

  it('reads the task annex: 1 of 5 tasks exceeded is not enough for HTXSNV', async () => {
    const doc = example();
    const row = { task: 'Nhiệm vụ', completed: 'hoan-thanh', onTime: 'dung-tien-do', exceeded: 'khong' };
    doc.B.evidence = [{ ...row, exceeded: 'co' }, row, row, row, row];
    const r = await validate('hd43-2025/02b', doc, { lang: 'en' });
    expect(r.warnings.map((w) => w.message)).toContain('HTXSNV needs ≥ 30 % of tasks exceeding requirements; got 20 %');
  });

  it('reads section III: a shortcoming not yet remedied blocks HTXSNV', async () => {
    const doc = example();
    doc.A.III.items[0].status = 'dang-khac-phuc';
    const r = await validate('hd43-2025/02b', doc);
    expect(r.warnings.map((w) => w.rule)).toContain('htxsnv.shortcomings-remedied');
  });
});

describe('validate: a rating the rules leave to the competent level (for-decision)', () => {
  /** The example 02B with one of its three tasks not completed: it meets no level and no case of khoản 4. */
  const noLevel = () => {
    const doc = example();
    doc.B.evidence[0].completed = 'chua-hoan-thanh';
    return doc;
  };
  /** The host's records: a reprimand for a duty-related violation the member detected and remedied. */
  const selfDetected = { discipline: [{ form: 'khien-trach' as const, decidedOn: '2026-05-10', dutyRelated: true, selfDetectedAndRemedied: true }] };
  const headline = (r: FormValidation) => r.warnings.filter((w) => w.code);

  it('by default a draft that meets no level is KHTNV, and the proposal is a mismatch', async () => {
    const r = await validate('hd43-2025/02b', noLevel());
    expect(headline(r)).toEqual([expect.objectContaining({ code: 'level-mismatch', rule: 'level-check', message: 'Mức đề xuất HTXSNV cao hơn mức KHTNV mà bộ quy tắc tính được từ chính bản kiểm điểm' })]);
  });

  it('with the host reading "no level: for the competent level", says so and claims no mismatch (vi)', async () => {
    const r = await validate('hd43-2025/02b', noLevel(), { rateOptions: { parameters: { 'reading.noLevelIsKHTNV': false } } });
    expect(r.valid).toBe(true);
    expect(headline(r)).toEqual([
      {
        path: '/B/II/level',
        code: 'level-for-decision',
        rule: 'level-check',
        message: 'Mức xếp loại do cấp có thẩm quyền xem xét, quyết định (quy tắc khtnv.no-level), nên bộ quy tắc không đối chiếu mức đề xuất HTXSNV',
      },
    ]);
    // The rule that left it to the competent level follows, with its citation; nothing else is listed.
    expect(r.warnings.slice(1)).toEqual([expect.objectContaining({ rule: 'khtnv.no-level', citationText: 'Khoản 4 Điều 11 Quy định 366-QĐ/TW', provenance: 'unverified' })]);
    expect(r.warnings[1]!.message).toContain('cấp có thẩm quyền xem xét, quyết định');
  });

  it('names the referral rule and what the rules give without it, in Vietnamese and English', async () => {
    const doc = example();
    doc.B.I = { common: 27, tasks: 58, total: 85 }; // HTTNV, set aside the discipline
    const context = { facts: selfDetected };
    const vi = await validate('hd43-2025/02b', doc, { context });
    expect(headline(vi)).toEqual([
      expect.objectContaining({
        code: 'level-for-decision',
        message:
          'Mức xếp loại do cấp có thẩm quyền xem xét, quyết định (quy tắc refer.discipline.self-detected), nên bộ quy tắc không đối chiếu mức đề xuất HTXSNV; không tính trường hợp này, bộ quy tắc cho mức HTTNV',
      }),
    ]);
    expect(vi.warnings[1]).toMatchObject({ rule: 'refer.discipline.self-detected', citationText: 'Khoản 4 Điều 11 Quy định 366-QĐ/TW', provenance: 'verified' });
    expect(vi.warnings[1]!.message).toMatch(/^Bị kỷ luật trong kỳ vì vi phạm liên quan đến công vụ nhưng đã tự phát hiện/);
    const en = await validate('hd43-2025/02b', doc, { context, lang: 'en' });
    expect(headline(en).map((w) => w.message)).toEqual([
      'The level is for the competent level to decide (rule refer.discipline.self-detected), so the rule pack does not check the proposed level HTXSNV; with this case set aside, the rules give HTTNV',
    ]);
    expect(en.warnings[1]).toMatchObject({ rule: 'refer.discipline.self-detected', citationText: 'Article 11, clause 4, Quy định 366-QĐ/TW' });
  });

  it('never holds the proposal against the level the rules give without the case (no mismatch line)', async () => {
    const doc = example();
    doc.B.I = { common: 27, tasks: 58, total: 85 };
    for (const lang of ['vi', 'en'] as const) {
      const r = await validate('hd43-2025/02b', doc, { lang, context: { facts: selfDetected } });
      expect(r.warnings.map((w) => w.code).filter(Boolean)).toEqual(['level-for-decision']);
      expect(r.warnings.map((w) => w.rule)).not.toContain('htxsnv.total');
    }
    // The same document without the discipline is a plain mismatch: the check above is not silent by accident.
    expect(headline(await validate('hd43-2025/02b', doc))).toEqual([expect.objectContaining({ code: 'level-mismatch' })]);
  });

  it('a proposal at the level the rules would give without the case is still for the competent level', async () => {
    const r = await validate('hd43-2025/02b', example(), { context: { facts: selfDetected } });
    expect(headline(r).map((w) => w.message)).toEqual([
      'Mức xếp loại do cấp có thẩm quyền xem xét, quyết định (quy tắc refer.discipline.self-detected), nên bộ quy tắc không đối chiếu mức đề xuất HTXSNV; không tính trường hợp này, bộ quy tắc cho mức HTXSNV',
    ]);
  });
});

describe('toSubject: facts the forms do not collect, from the host', () => {
  it('lays them over the document: a leader’s vote of confidence decides the level', async () => {
    const doc = exampleFor('hd43-2025/02a') as Doc;
    doc.B.II.level = 'HTXSNV';
    const facts = { confidenceVote: { total: 40, low: 21 } }; // over half low: KHTNV (Điều 11 khoản 4)
    expect(toSubject(getForm('hd43-2025/02a')!, doc, { facts }).subject.confidenceVote).toEqual({ total: 40, low: 21 });
    const r = await validate('hd43-2025/02a', doc, { context: { facts } });
    expect(r.warnings[0]).toMatchObject({ rule: 'level-check', message: 'Mức đề xuất HTXSNV cao hơn mức KHTNV mà bộ quy tắc tính được từ chính bản kiểm điểm' });
    expect(r.warnings.map((w) => w.rule)).toContain('khtnv.leader.confidence-vote');
  });

  it('merges a collective’s facts into the counts the form assumes', () => {
    const subject = toSubject(getForm('hd43-2025/01')!, exampleFor('hd43-2025/01'), { facts: { collective: { type: 'leadership', selfDetectedAndRemedied: true } } }).subject;
    expect(subject.collective).toEqual({ subUnitsDisciplined: 0, leadershipMembersDisciplined: 0, type: 'leadership', selfDetectedAndRemedied: true });
    expect(toSubject(getForm('hd43-2025/01')!, exampleFor('hd43-2025/01')).subject.collective).toEqual({ subUnitsDisciplined: 0, leadershipMembersDisciplined: 0 });
  });
});

describe('input hygiene', () => {
  it('normalises decomposed Vietnamese to NFC before checking', async () => {
    const doc = example();
    doc.identity.fullName = 'Nguyễn Thị Mai Anh'.normalize('NFD');
    const r = await validate('hd43-2025/02b', doc);
    expect(r.valid).toBe(true);
    expect((r.document as Doc).identity.fullName).toBe('Nguyễn Thị Mai Anh'.normalize('NFC'));
    expect((r.document as Doc).identity.fullName).not.toBe(doc.identity.fullName);
  });

  it('rejects prototype-pollution keys as unknown fields, without polluting', () => {
    const doc = JSON.parse(JSON.stringify(example()).replace('"identity":{', '"identity":{"__proto__":{"polluted":true},'));
    expect(checkForm('hd43-2025/02b', doc).errors).toEqual([expect.objectContaining({ path: '/identity/__proto__', code: 'unknown-field' })]);
    expect(({} as Doc).polluted).toBeUndefined();
  });

  it('names fields by their English labels in English', () => {
    const doc = example();
    doc.B.I.common = 30.3;
    expect(checkForm('hd43-2025/02b', doc, { lang: 'en' }).errors.map((e) => e.message)).toContain('"1. Common criteria" must be a multiple of 0.5');
  });

  it('throws a coded error for an unknown form', () => {
    expect(() => checkForm('hd99/01', {})).toThrow(expect.objectContaining({ code: 'unknown-form' }));
  });
});

describe('form 05 (quarter or year, for anyone)', () => {
  it('checks the level only when the context says who filled it, using the period on the form', async () => {
    const doc = exampleFor('hd43-2025/05') as Doc;
    doc.II.level = 'HTXSNV';
    expect((await validate('hd43-2025/05', doc)).warnings).toEqual([]);
    const r = await validate('hd43-2025/05', doc, { context: { audience: 'non-leader' } });
    expect(r.warnings.map((w) => w.rule)).toEqual(expect.arrayContaining(['level-check', 'htxsnv.total']));
  });
});
