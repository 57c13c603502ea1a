import type { ParameterProblem } from '../pack/load';
import type { Level, Provenance, Rounding, Status, SubjectType } from '../types';

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
    onlyFor(field: string, who: string): string;
    admittedAfterPeriod(field: string): string;
    quarterNotRated(field: string): string;
    periodNotSupported(field: string, regulation: string): string;
    noRegulation(field: string, period: string): string;
    criterionId(key: string): string;
    gradesIncomplete(field: string): string;
  };
  who: { individual: string; collective: string; leader: string };
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
  };
}
