/** Dates that cannot be true together are refused, naming both fields: birth after the document, a review year the document date does not belong to. */
import { describe, expect, it } from 'vitest';
import { checkForm, exampleFor, FORMS } from './index';

type Doc = Record<string, any>;
const example = (id = 'hd43-2025/02b') => structuredClone(exampleFor(id)) as Doc;

describe('birth date against the document date', () => {
  it('refuses a birth date after the document date (born 2099 on a 2026 form)', () => {
    const doc = example();
    doc.identity.birthDate = '2099-01-01';
    expect(checkForm('hd43-2025/02b', doc).errors).toEqual([
      { path: '/identity/birthDate', code: 'impossible-date', message: '"Ngày sinh" (01/01/2099) sau "Ngày, tháng, năm" của văn bản (10/12/2026)' },
    ]);
    expect(checkForm('hd43-2025/02b', doc, { lang: 'en' }).errors[0]!.message).toBe('"Date of birth" (2099-01-01) is after the document\'s "Date" (2026-12-10)');
  });

  it('refuses a member younger than 18 on the document date, and accepts one who turned 18 that day', () => {
    const doc = example();
    doc.identity.birthDate = '2008-12-11';
    expect(checkForm('hd43-2025/02b', doc).errors).toEqual([
      {
        path: '/identity/birthDate',
        code: 'impossible-date',
        message: 'Theo "Ngày sinh" (11/12/2008), đến "Ngày, tháng, năm" của văn bản (10/12/2026) người này chưa đủ 18 tuổi, tuổi tối thiểu của đảng viên (Điều 1 Điều lệ Đảng)',
      },
    ]);
    doc.identity.birthDate = '2008-12-10';
    expect(checkForm('hd43-2025/02b', doc).errors).toEqual([]);
  });

  it('checks the member commented on at the place of residence too', () => {
    const doc = example('ref/nhan-xet-noi-cu-tru');
    doc.member.birthDate = '2030-05-01';
    expect(checkForm('ref/nhan-xet-noi-cu-tru', doc).errors).toEqual([expect.objectContaining({ path: '/member/birthDate', code: 'impossible-date' })]);
  });

  it('with no usable document date, refuses a birth year after the review year', () => {
    const doc = example();
    delete doc.header.date;
    doc.identity.birthDate = '2099-01-01';
    expect(checkForm('hd43-2025/02b', doc, { lang: 'en' }).errors).toEqual([
      expect.objectContaining({ path: '/header/date', code: 'required' }),
      { path: '/identity/birthDate', code: 'impossible-date', message: '"Date of birth" (2099-01-01) is after the "Review year" (2026)' },
    ]);
  });
});

describe('review year against the document date', () => {
  it('refuses a header year of 2030 on a document dated 2026, naming both fields', () => {
    const doc = example();
    doc.header.year = 2030;
    expect(checkForm('hd43-2025/02b', doc).errors).toEqual([
      {
        path: '/header/year',
        code: 'year-mismatch',
        message: '"Năm kiểm điểm" (2030) không khớp với "Ngày, tháng, năm" (10/12/2026): văn bản của kỳ này lập trong khoảng từ 01/01/2030 đến 31/12/2031',
      },
    ]);
    expect(checkForm('hd43-2025/02b', doc, { lang: 'en' }).errors[0]!.message).toBe(
      '"Review year" (2030) does not match "Date" (2026-12-10): this period\'s documents are dated from 2030-01-01 to 2031-12-31',
    );
  });

  it('accepts a year-end review written up early the next year, refuses one two years late', () => {
    const doc = example();
    doc.header.year = 2025;
    doc.header.date = '2026-01-20';
    expect(checkForm('hd43-2025/02b', doc).errors).toEqual([]);
    doc.header.year = 2024;
    expect(checkForm('hd43-2025/02b', doc).errors.map((e) => [e.path, e.code])).toEqual([['/header/year', 'year-mismatch']]);
  });

  it('Mẫu 05: a quarter’s assessment is not dated before the quarter starts', () => {
    const doc = example('hd43-2025/05');
    doc.header.date = '2026-03-20';
    expect(checkForm('hd43-2025/05', doc, { lang: 'en' }).errors).toEqual([
      expect.objectContaining({ path: '/period/year', code: 'year-mismatch', message: expect.stringContaining('dated from 2026-04-01 to 2027-12-31') }),
    ]);
  });

  it('every example of every form passes the date checks', () => {
    for (const f of FORMS) expect([f.id, checkForm(f.id, example(f.id)).errors]).toEqual([f.id, []]);
  });
});
