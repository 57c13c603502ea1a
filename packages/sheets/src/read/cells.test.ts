import { describe, expect, it } from 'vitest';
import { columnOf } from '../columns';
import { en, vi } from '../locales';
import { convertCell } from './cells';

const col = (field: string) => columnOf(field)!;
const value = (field: string, cell: Parameters<typeof convertCell>[1]) => convertCell(col(field), cell, vi);

describe('convertCell', () => {
  it('reads numbers typed as text where they are unambiguous', () => {
    expect(value('score.tasks', '65')).toEqual({ ok: true, value: 65 });
    expect(value('score.common', '25,5')).toEqual({ ok: true, value: 25.5 });
    expect(value('score.common', ' 25.5 ')).toEqual({ ok: true, value: 25.5 });
    expect(value('score.common', 27)).toEqual({ ok: true, value: 27 });
  });

  it('refuses a number that could be a decimal or thousands, words, and out-of-range values', () => {
    expect(value('tasks.assigned', '1.234')).toMatchObject({ ok: false, code: 'ambiguous-number' });
    expect(value('score.common', 'tám')).toMatchObject({ ok: false, code: 'not-number', problem: '"tám" không phải là số' });
    expect(value('score.common', 31)).toMatchObject({ ok: false, code: 'out-of-range' });
    expect(value('tasks.assigned', 2.5)).toMatchObject({ ok: false, code: 'not-integer' });
  });

  it('says a date is no number, typed as text or turned into a date by the spreadsheet', () => {
    expect(value('tasks.assigned', '12/03/2025')).toMatchObject({ ok: false, code: 'date-not-number' });
    expect(value('score.tasks', new Date(Date.UTC(2025, 2, 12)))).toMatchObject({ ok: false, code: 'date-not-number' });
  });

  it('parses dates typed as text in a date field, day first, and refuses impossible days', () => {
    expect(value('discipline.decidedOn', '15/03/2025')).toEqual({ ok: true, value: '2025-03-15' });
    expect(value('discipline.decidedOn', '2025-03-15')).toEqual({ ok: true, value: '2025-03-15' });
    expect(value('discipline.decidedOn', new Date(Date.UTC(2025, 2, 15)))).toEqual({ ok: true, value: '2025-03-15' });
    expect(value('discipline.decidedOn', '31/02/2025')).toMatchObject({ ok: false, code: 'bad-date' });
    expect(value('discipline.decidedOn', 'tháng ba')).toMatchObject({ ok: false, code: 'bad-date' });
  });

  it('maps the drop-down words and the codes, NFC and case insensitive', () => {
    expect(value('audience', 'Lãnh đạo, quản lý')).toEqual({ ok: true, value: 'leader' });
    expect(value('audience', 'LA\u0303NH ĐẠO, QUẢN LÝ'.normalize('NFD'))).toEqual({ ok: true, value: 'leader' });
    expect(value('audience', 'non-leader')).toEqual({ ok: true, value: 'non-leader' });
    expect(value('discipline.form', 'Khiển trách')).toEqual({ ok: true, value: 'khien-trach' });
    expect(value('stateRating', 'htxsnv')).toEqual({ ok: true, value: 'HTXSNV' });
    expect(value('audience', 'Giám đốc')).toMatchObject({ ok: false, code: 'not-in-list' });
    expect(value('violatedProhibitions', 'Có')).toEqual({ ok: true, value: true });
    expect(value('violatedProhibitions', 'không')).toEqual({ ok: true, value: false });
    expect(value('violatedProhibitions', 'có lẽ')).toMatchObject({ ok: false, code: 'not-boolean' });
  });

  it('never evaluates a formula, and refuses 100k-character text without normalising it', () => {
    expect(value('name', { formula: 'HYPERLINK("http://x","y")' })).toMatchObject({ ok: false, code: 'formula' });
    expect(value('score.common', { error: '#N/A' })).toMatchObject({ ok: false, code: 'error-value' });
    const long = convertCell(col('name'), 'a'.repeat(100_000), en);
    expect(long).toEqual({ ok: false, code: 'too-long', problem: 'text too long (100000 characters, at most 500)' });
    expect(value('name', ' Nguyễn Văn A ')).toEqual({ ok: true, value: 'Nguyễn Văn A' });
    expect(value('name', '')).toBeUndefined();
  });
});
