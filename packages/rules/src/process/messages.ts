/** Wording for review plans: field labels by JSON pointer and plan-specific problems, in Vietnamese and English. */
import type { Lang } from '../types';

type Words = {
  fields: Record<string, string>;
  duplicateId: (field: string, id: string) => string;
  unknownRef: (field: string, id: string, what: string) => string;
  badTime: (field: string) => string;
  notAfter: (field: string, other: string) => string;
  parentNotParty: (field: string) => string;
  parentCycle: (field: string) => string;
  outsideYear: (field: string, year: number) => string;
  calendarNotCovered: (field: string, from: number, to: number) => string;
  what: { unit: string; meeting: string };
  notInPlan: string;
  /** A date as written in messages. */
  date: (iso: string) => string;
  /** The deadline phrase: "trước ngày 31/12/2026" / "chậm nhất ngày …". */
  deadline: (iso: string, inclusive: boolean) => string;
  draftMissing: string;
  draftTo: (person: string) => string;
  draftLate: (sentOn: string, days: number, latest: string) => string;
  draftAfter: (sentOn: string, latest: string) => string;
  draftNotReceived: string;
  allAttendees: string;
  head: string;
  days: (n: number) => string;
};

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const num = (n: number, decimal: string) => String(Math.round(n * 100) / 100).replace('.', decimal);

const vi: Words = {
  fields: {
    '': 'kế hoạch kiểm điểm',
    '/year': 'năm kiểm điểm (year)',
    '/regulation': 'bộ quy tắc (regulation)',
    '/name': 'tên kế hoạch (name)',
    '/units': 'danh sách đơn vị (units)',
    '/units/*': 'đơn vị (units[])',
    '/units/*/id': 'mã đơn vị (units[].id)',
    '/units/*/name': 'tên đơn vị (units[].name)',
    '/units/*/level': 'cấp của đơn vị (units[].level)',
    '/units/*/kind': 'loại tập thể (units[].kind)',
    '/units/*/parent': 'tổ chức đảng cấp trên hoặc lãnh đạo (units[].parent)',
    '/units/*/special': 'đơn vị đặc thù (units[].special)',
    '/meetings': 'danh sách hội nghị (meetings)',
    '/meetings/*': 'hội nghị kiểm điểm (meetings[])',
    '/meetings/*/id': 'mã hội nghị (meetings[].id)',
    '/meetings/*/unit': 'đơn vị tổ chức hội nghị (meetings[].unit)',
    '/meetings/*/date': 'ngày họp (meetings[].date)',
    '/meetings/*/endDate': 'ngày kết thúc (meetings[].endDate)',
    '/meetings/*/start': 'giờ bắt đầu (meetings[].start)',
    '/meetings/*/end': 'giờ kết thúc (meetings[].end)',
    '/meetings/*/days': 'số ngày họp (meetings[].days)',
    '/meetings/*/attendees': 'thành viên hội nghị (meetings[].attendees)',
    '/meetings/*/attendees/*': 'mã thành viên hội nghị (meetings[].attendees[])',
    '/meetings/*/reviews': 'thứ tự kiểm điểm (meetings[].reviews)',
    '/meetings/*/reviews/*': 'lượt kiểm điểm (meetings[].reviews[])',
    '/meetings/*/reviews/*/type': 'loại đối tượng kiểm điểm (reviews[].type)',
    '/meetings/*/reviews/*/unit': 'tập thể được kiểm điểm (reviews[].unit)',
    '/meetings/*/reviews/*/person': 'mã người được kiểm điểm (reviews[].person)',
    '/meetings/*/reviews/*/role': 'vai trò trong đơn vị (reviews[].role)',
    '/meetings/*/reviews/*/name': 'tên (reviews[].name)',
    '/meetings/*/reviews/*/position': 'chức vụ (reviews[].position)',
    '/meetings/*/title': 'tên hội nghị (meetings[].title)',
    '/documents': 'văn bản gửi trước hội nghị (documents)',
    '/documents/*': 'văn bản (documents[])',
    '/documents/*/id': 'mã văn bản (documents[].id)',
    '/documents/*/meeting': 'hội nghị nhận văn bản (documents[].meeting)',
    '/documents/*/kind': 'loại văn bản (documents[].kind)',
    '/documents/*/sentOn': 'ngày gửi (documents[].sentOn)',
    '/documents/*/recipients': 'người nhận (documents[].recipients)',
    '/documents/*/recipients/*': 'mã người nhận (documents[].recipients[])',
    '/documents/*/title': 'tên văn bản (documents[].title)',
    '/filesUpward': 'hồ sơ gửi cấp trên (filesUpward)',
    '/filesUpward/*': 'lần gửi hồ sơ (filesUpward[])',
    '/filesUpward/*/unit': 'đơn vị gửi hồ sơ (filesUpward[].unit)',
    '/filesUpward/*/sentOn': 'ngày gửi hồ sơ (filesUpward[].sentOn)',
    '/filesUpward/*/to': 'nơi nhận hồ sơ (filesUpward[].to)',
    '/filesUpward/*/documents': 'danh mục hồ sơ (filesUpward[].documents)',
    '/filesUpward/*/documents/*': 'hồ sơ (filesUpward[].documents[])',
    '/calendar': 'lịch làm việc (calendar)',
    '/calendar/holidays': 'ngày nghỉ thêm (calendar.holidays)',
    '/calendar/holidays/*': 'ngày nghỉ thêm (calendar.holidays[])',
    '/calendar/workingDays': 'ngày làm bù (calendar.workingDays)',
    '/calendar/workingDays/*': 'ngày làm bù (calendar.workingDays[])',
    '/meta': 'dữ liệu bổ sung (meta)',
  },
  duplicateId: (f, id) => `${cap(f)} "${id}" bị trùng`,
  unknownRef: (f, id, what) => `${cap(f)}: không có ${what} "${id}" trong kế hoạch`,
  badTime: (f) => `${cap(f)} phải là giờ dạng HH:MM (00:00–23:59)`,
  notAfter: (f, other) => `${cap(f)} phải sau ${other}`,
  parentNotParty: (f) => `${cap(f)} phải là một tổ chức đảng (kind: party)`,
  parentCycle: (f) => `${cap(f)} tạo thành vòng lặp cấp trên – cấp dưới`,
  outsideYear: (f, y) => `${cap(f)} ngoài kỳ kiểm điểm năm ${y} (từ 01/01/${y} đến hết năm sau)`,
  calendarNotCovered: (f, from, to) => `${cap(f)}: lịch ngày nghỉ lễ chỉ có các năm ${from}–${to}; số ngày làm việc có thể thiếu ngày lễ, Tết`,
  what: { unit: 'đơn vị', meeting: 'hội nghị' },
  notInPlan: 'chưa có trong kế hoạch',
  date: (iso) => `ngày ${dmy(iso)}`,
  deadline: (iso, inclusive) => (inclusive ? `chậm nhất ngày ${dmy(iso)}` : `trước ngày ${dmy(iso)}`),
  draftMissing: 'chưa có dự thảo nào được gửi',
  draftTo: (p) => `gửi đồng chí ${p}`,
  draftLate: (sent, days, latest) => `gửi ngày ${dmy(sent)}, trước ${days} ngày làm việc (chậm nhất phải gửi ngày ${dmy(latest)})`,
  draftAfter: (sent, latest) => `gửi ngày ${dmy(sent)}, sau ngày họp (chậm nhất phải gửi ngày ${dmy(latest)})`,
  draftNotReceived: 'không nhận được dự thảo',
  allAttendees: 'thành viên hội nghị',
  head: 'người đứng đầu',
  days: (n) => num(n, ','),
};

const en: Words = {
  fields: {
    '': 'review plan',
    '/year': 'review year (year)',
    '/regulation': 'rule pack (regulation)',
    '/name': 'plan name (name)',
    '/units': 'units',
    '/units/*': 'unit (units[])',
    '/units/*/id': 'unit id (units[].id)',
    '/units/*/name': 'unit name (units[].name)',
    '/units/*/level': 'unit level (units[].level)',
    '/units/*/kind': 'collective kind (units[].kind)',
    '/units/*/parent': 'party organisation above or leading it (units[].parent)',
    '/units/*/special': 'special-case body (units[].special)',
    '/meetings': 'meetings',
    '/meetings/*': 'review meeting (meetings[])',
    '/meetings/*/id': 'meeting id (meetings[].id)',
    '/meetings/*/unit': 'unit holding the meeting (meetings[].unit)',
    '/meetings/*/date': 'meeting date (meetings[].date)',
    '/meetings/*/endDate': 'last day (meetings[].endDate)',
    '/meetings/*/start': 'start time (meetings[].start)',
    '/meetings/*/end': 'end time (meetings[].end)',
    '/meetings/*/days': 'length in days (meetings[].days)',
    '/meetings/*/attendees': 'conference members (meetings[].attendees)',
    '/meetings/*/attendees/*': 'conference member id (meetings[].attendees[])',
    '/meetings/*/reviews': 'order of reviews (meetings[].reviews)',
    '/meetings/*/reviews/*': 'review (meetings[].reviews[])',
    '/meetings/*/reviews/*/type': 'review subject type (reviews[].type)',
    '/meetings/*/reviews/*/unit': 'collective reviewed (reviews[].unit)',
    '/meetings/*/reviews/*/person': 'person id (reviews[].person)',
    '/meetings/*/reviews/*/role': 'role in the unit (reviews[].role)',
    '/meetings/*/reviews/*/name': 'name (reviews[].name)',
    '/meetings/*/reviews/*/position': 'position (reviews[].position)',
    '/meetings/*/title': 'meeting title (meetings[].title)',
    '/documents': 'documents sent before meetings (documents)',
    '/documents/*': 'document (documents[])',
    '/documents/*/id': 'document id (documents[].id)',
    '/documents/*/meeting': 'meeting it is for (documents[].meeting)',
    '/documents/*/kind': 'document kind (documents[].kind)',
    '/documents/*/sentOn': 'date sent (documents[].sentOn)',
    '/documents/*/recipients': 'recipients (documents[].recipients)',
    '/documents/*/recipients/*': 'recipient id (documents[].recipients[])',
    '/documents/*/title': 'document title (documents[].title)',
    '/filesUpward': 'files sent upward (filesUpward)',
    '/filesUpward/*': 'filing (filesUpward[])',
    '/filesUpward/*/unit': 'unit sending the files (filesUpward[].unit)',
    '/filesUpward/*/sentOn': 'date the files are sent (filesUpward[].sentOn)',
    '/filesUpward/*/to': 'recipient (filesUpward[].to)',
    '/filesUpward/*/documents': 'file list (filesUpward[].documents)',
    '/filesUpward/*/documents/*': 'file (filesUpward[].documents[])',
    '/calendar': 'working calendar (calendar)',
    '/calendar/holidays': 'extra days off (calendar.holidays)',
    '/calendar/holidays/*': 'extra day off (calendar.holidays[])',
    '/calendar/workingDays': 'make-up working days (calendar.workingDays)',
    '/calendar/workingDays/*': 'make-up working day (calendar.workingDays[])',
    '/meta': 'host data (meta)',
  },
  duplicateId: (f, id) => `${cap(f)} "${id}" is used twice`,
  unknownRef: (f, id, what) => `${cap(f)}: the plan has no ${what} "${id}"`,
  badTime: (f) => `${cap(f)} must be a time as HH:MM (00:00–23:59)`,
  notAfter: (f, other) => `${cap(f)} must be after ${other}`,
  parentNotParty: (f) => `${cap(f)} must be a party organisation (kind: party)`,
  parentCycle: (f) => `${cap(f)} makes a loop of units above one another`,
  outsideYear: (f, y) => `${cap(f)} is outside the ${y} review (from 01/01/${y} to the end of the next year)`,
  calendarNotCovered: (f, from, to) => `${cap(f)}: the holiday calendar covers ${from}–${to} only; working-day counts may miss public holidays`,
  what: { unit: 'unit', meeting: 'meeting' },
  notInPlan: 'not in the plan',
  date: (iso) => `on ${dmy(iso)}`,
  deadline: (iso, inclusive) => (inclusive ? `on or before ${dmy(iso)}` : `before ${dmy(iso)}`),
  draftMissing: 'no draft is sent',
  draftTo: (p) => `to ${p}`,
  draftLate: (sent, days, latest) => `sent ${dmy(sent)}, ${days} working day(s) ahead (send by ${dmy(latest)} at the latest)`,
  draftAfter: (sent, latest) => `sent ${dmy(sent)}, after the meeting (send by ${dmy(latest)} at the latest)`,
  draftNotReceived: 'no draft received',
  allAttendees: 'the conference members',
  head: 'the head',
  days: (n) => num(n, '.'),
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type PlanWords = Words;

export function planWords(lang: Lang | undefined): PlanWords {
  return lang === 'en' ? en : vi;
}

/** The label of a plan field by JSON pointer, array indexes generalised; falls back to the pointer. */
export function planFieldLabel(words: PlanWords, pointer: string): string {
  const pattern = pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  return words.fields[pattern] ?? (pointer || words.fields['']!);
}
