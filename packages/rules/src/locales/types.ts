import type { ParameterProblem } from '../pack/load';
import type { UnitLevel } from '../rollup/types';
import type { Level, Provenance, Rounding, Status, SubjectType } from '../types';

/**
 * Field labels of one kind of record by JSON pointer (array indexes written as a star). The pointers are
 * fixed per kind, so vi and en label the same fields: a missing or an extra one is a type error.
 */
export type FieldLabels<Pointer extends string> = Readonly<Record<Pointer, string>>;

/** A review plan (checkPlan). */
export type PlanField =
  | '' | '/year' | '/regulation' | '/name'
  | '/units' | '/units/*' | '/units/*/id' | '/units/*/name' | '/units/*/level' | '/units/*/kind' | '/units/*/parent' | '/units/*/special'
  | '/meetings' | '/meetings/*' | '/meetings/*/id' | '/meetings/*/unit' | '/meetings/*/date' | '/meetings/*/endDate' | '/meetings/*/start'
  | '/meetings/*/end' | '/meetings/*/days' | '/meetings/*/attendees' | '/meetings/*/attendees/*' | '/meetings/*/reviews' | '/meetings/*/reviews/*'
  | '/meetings/*/reviews/*/type' | '/meetings/*/reviews/*/unit' | '/meetings/*/reviews/*/person' | '/meetings/*/reviews/*/role'
  | '/meetings/*/reviews/*/name' | '/meetings/*/reviews/*/position' | '/meetings/*/title'
  | '/documents' | '/documents/*' | '/documents/*/id' | '/documents/*/meeting' | '/documents/*/kind' | '/documents/*/sentOn'
  | '/documents/*/recipients' | '/documents/*/recipients/*' | '/documents/*/title'
  | '/filesUpward' | '/filesUpward/*' | '/filesUpward/*/unit' | '/filesUpward/*/sentOn' | '/filesUpward/*/to' | '/filesUpward/*/documents' | '/filesUpward/*/documents/*'
  | '/calendar' | '/calendar/holidays' | '/calendar/holidays/*' | '/calendar/workingDays' | '/calendar/workingDays/*' | '/meta';
/** A unit of the roll-up hierarchy. */
export type UnitField = '' | '/id' | '/name' | '/level' | '/parent' | '/members' | '/members/*' | '/meta';
/** A rating result as the roll-up reads it. */
export type ResultField = '' | '/id' | '/kind' | '/audience' | '/status' | '/level' | '/period' | '/period/year' | '/period/quarter' | '/group' | '/regulation' | '/unit' | '/name' | '/decision' | '/decision/without' | '/decision/rules' | '/decision/rules/*';
/** The person or collective a feedback record or a remediation plan is about, with the unit and host data. */
export type TargetField = '/target' | '/target/kind' | '/target/id' | '/target/name' | '/unit' | '/meta';
/** A remediation plan. */
export type RemediationField =
  | TargetField | '' | '/id' | '/year' | '/items' | '/items/*' | '/items/*/shortcoming' | '/items/*/cause' | '/items/*/measures' | '/items/*/owner'
  | '/items/*/deadline' | '/items/*/output' | '/items/*/status' | '/items/*/extent' | '/items/*/obstacles' | '/items/*/responsibility';
/** A feedback record. */
export type FeedbackField =
  | TargetField | '' | '/id' | '/source' | '/category' | '/year' | '/date' | '/content' | '/from'
  | '/response' | '/response/kind' | '/response/text' | '/response/date' | '/response/by';
/** A feedback category list. */
export type CategoryListField =
  | '' | '/id' | '/categories' | '/categories/*' | '/categories/*/id' | '/categories/*/label' | '/categories/*/label/vi' | '/categories/*/label/en'
  | '/citation' | '/citation/document' | '/provenance';

/** A locale: labels for every subject field and the wording of every input problem (zod-style modules). */
export interface Locale {
  /** Field labels by JSON pointer, with array indexes written as a star (discipline/STAR/form). */
  fields: Record<string, string>;
  levels: Record<Level, string>;
  statuses: Record<Status, string>;
  /** Display words for provenance, quota rounding and subject types (tables, PDFs). */
  provenance: Record<Provenance, string>;
  rounding: Record<Rounding, string>;
  audiences: Record<SubjectType, string>;
  /** Criterion grades by rank (4 xuất sắc … 1 kém). */
  grades: Record<1 | 2 | 3 | 4, string>;
  /** Decimal separator used for points and percentages. */
  decimal: string;
  /** A review period in words: "năm 2026", "quý II/2026"; "year 2026", "Q2 2026". */
  period(period: { year: number; quarter?: number }): string;
  /** What rateMany calls its input, in the message for input that is not an array. */
  subjectList: string;
  /** How a reason quotes a yes/no fact. */
  yesNo: { yes: string; no: string };
  issues: {
    notObject(field: string): string;
    notArray(field: string): string;
    required(field: string): string;
    requiredBy(field: string, regulation: string): string;
    unknownField(field: string): string;
    forbiddenKey(field: string): string;
    notString(field: string): string;
    emptyString(field: string): string;
    tooLong(field: string, max: number): string;
    notBoolean(field: string): string;
    notInteger(field: string): string;
    notNumber(field: string): string;
    range(field: string, min: number, max: number): string;
    min(field: string, min: number): string;
    step(field: string, step: number): string;
    notOneOf(field: string, allowed: readonly string[]): string;
    badDate(field: string): string;
    notAbove(field: string, other: string): string;
    notAfter(field: string, other: string): string;
    onlyFor(field: string, who: string): string;
    admittedAfterPeriod(field: string): string;
    quarterNotRated(field: string): string;
    periodNotSupported(field: string, regulation: string): string;
    noRegulation(field: string, period: string): string;
    criterionId(key: string): string;
    gradesIncomplete(field: string): string;
    /** A later record with the id (kind and period) of an earlier one: `first` is that one's index, `line` its line when read from a file. */
    duplicateId(id: string, first: number, line?: number): string;
    /** A record whose properties could not be read (a getter or Proxy that throws). */
    unreadableRecord(why: string): string;
    /** A later record (feedback record, remediation plan) with the id of an earlier one, at index `first`. */
    duplicateRecord(field: string, id: string, first: number): string;
    /** Nesting deeper than the limit, at `path`. */
    tooDeep(path: string, max: number): string;
    /** An object that contains itself, at `path`. */
    cycle(path: string): string;
  };
  who: { individual: string; collective: string; leader: string; nonLeader: string };
  disabledBy(overlay: string, reason: string): string;
  citation(c: { document: string; dieu?: number; khoan?: number; diem?: string; phuLuc?: string; muc?: string }): string;
  errors: {
    unknownRegulation(id: string, known: string[]): string;
    noRegulation(period: string): string;
    unknownParameter(name: string, regulation: string): string;
    invalidParameter(name: string, expected: string): string;
    /** What a parameter needs (the second argument of invalidParameter). */
    parameterExpected(problem: ParameterProblem): string;
    unknownRule(id: string, regulation: string): string;
    invalidOption(name: string, value: string, allowed: readonly string[]): string;
    /** `engine: 'reference'` in a build that left json-rules-engine out (a browser bundle that did not ask for it). */
    referenceEngineMissing(available: readonly string[]): string;
    /** An option that must be a list of names (non-empty strings). */
    invalidNameList(name: string, value: string): string;
    /** A required argument that is missing (null or undefined) or of the wrong type. */
    badArgument(name: string, expected: string): string;
    /** What an argument should be, for badArgument. */
    argumentKinds: Record<'object' | 'array' | 'pack' | 'period' | 'result' | 'string' | 'report' | 'function' | 'index', string>;
    /** An overlay that defines the same rule id twice. */
    duplicateRule(id: string, first: string, second: string): string;
  };
  /** Names of the levels of party units in the roll-up hierarchy. */
  unitLevels: Record<UnitLevel, string>;
  /** Field labels of the other inputs, by kind of record: the checkers name each field with them. */
  records: {
    plan: FieldLabels<PlanField>;
    unit: FieldLabels<UnitField>;
    result: FieldLabels<ResultField>;
    remediation: FieldLabels<RemediationField>;
    feedback: FieldLabels<FeedbackField>;
    categoryList: FieldLabels<CategoryListField>;
    /** The target fields alone (feedback records and remediation plans share them). */
    target: FieldLabels<TargetField>;
  };
  /** Review plans (checkPlan): shape problems, and the words filled into the process rules' messages. */
  plan: {
    duplicateId(field: string, id: string): string;
    unknownRef(field: string, id: string, what: string): string;
    badTime(field: string): string;
    notAfter(field: string, other: string): string;
    parentNotParty(field: string): string;
    parentCycle(field: string): string;
    outsideYear(field: string, year: number): string;
    calendarNotCovered(field: string, from: number, to: number): string;
    /** What a reference names (the `what` of unknownRef). */
    what: { unit: string; meeting: string };
    notInPlan: string;
    /** A date as written in messages. */
    date(iso: string): string;
    /** The deadline phrase: "trước ngày 31/12/2026" / "chậm nhất ngày …". */
    deadline(iso: string, inclusive: boolean): string;
    draftMissing: string;
    draftTo(person: string): string;
    draftLate(sentOn: string, days: number, latest: string): string;
    draftAfter(sentOn: string, latest: string): string;
    draftNotReceived: string;
    allAttendees: string;
    head: string;
    /** A number of days (meeting lengths), with the locale's decimal separator. */
    days(n: number): string;
  };
  /** The unit hierarchy of a roll-up. */
  hierarchy: {
    /** Names the hierarchy in thrown messages ("what[index] path: message"). */
    what: string;
    notList: string;
    duplicate(id: string, first: number): string;
    unknownParent(id: string, parent: string): string;
    cycle(path: string[]): string;
    levelOrder(id: string, level: string, parent: string, parentLevel: string): string;
    twoUnits(subject: string, a: string, b: string): string;
  };
  /** The rating results a roll-up reads. */
  results: {
    what: string;
    levelForStatus(status: string): string;
    /** Who `decision` is for (the `onlyFor` message names it). */
    forDecisionStatus: string;
    otherPeriod(got: string, want: string): string;
    duplicate(id: string, first: number): string;
    conflict(id: string, a: string, b: string): string;
  };
  /** Roll-up options and notes. */
  rollup: {
    /** Where each quota line's ratio and rounding come from (every roll-up carries it in both languages). */
    quotaNote: string;
    badRatio(value: string): string;
    unitsNotObject: string;
    /** The input is neither rateMany output nor an array of results (English in both locales so far). */
    notResults: string;
  };
  /** Remediation plans. */
  remediation: {
    /** Names the plans in thrown messages. */
    what: string;
  };
  /** Feedback records and category lists. */
  feedback: {
    /** Names tallyFeedback's first argument in its "must be an array" error ("records" in both locales so far). */
    recordsName: string;
    unknownCategory(field: string, id: string, known: readonly string[]): string;
    badId(field: string): string;
    /** Names the category list in thrown messages. */
    list: string;
    /** The headings of a ref/phieu-gop-y row, joined into a record's content. */
    parts: { strengths: string; shortcomings: string; clarify: string };
  };
  /** The regulation diff report (diffToMarkdown, and the PDF of @kiemdiem/reports): DIFF_WORDS. */
  diff: {
    title(from: string, to: string): string;
    summary: string;
    subjects: string;
    unchanged: string;
    changed: string;
    incomplete: string;
    errors: string;
    rules(added: number, removed: number, changed: number): string;
    params(n: number): string;
    matrix: string;
    fromTo: string;
    none: string;
    /** The matrix row and column of the cases left to the competent level (status for-decision). */
    forDecision: string;
    /** After a for-decision side of a subject: the level the rules give without the cases handed over (null: none). */
    without(level: string | null): string;
    paramTable: string;
    paramHead: string[];
    ruleSection: string;
    added: string;
    removed: string;
    changedRules: string;
    ruleHead: string[];
    changeHead: string[];
    people: string;
    peopleHead: string[];
    missingHead: string[];
    errorHead: string[];
    nothing: string;
    overlay: string;
    quota: string;
    quotaHead: string[];
    yes: string;
    no: string;
  };
}
