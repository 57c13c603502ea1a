/** What a pack asks of a subject beyond its shape: the inputs it needs for the subject type, and the kind of period it rates. */
import { fieldLabel, type Locale } from '../locales';
import type { Pack, ParameterScalar } from '../pack/types';
import type { Issue } from '../subject/validate';
import type { Period, Subject, SubjectType } from '../types';

/** The inputs the pack needs for this subject type (manifest `inputs`) that the subject lacks. */
export function missingInputs(pack: Pack, type: SubjectType, subject: Subject, loc: Locale): Issue[] {
  const missing: Issue[] = [];
  let needsGrades = false;
  for (const i of pack.manifest.inputs) {
    if (!i.for.includes(type)) continue;
    if (i.field === 'grades') needsGrades = true;
    if ((subject as unknown as Record<string, unknown>)[i.field] === undefined)
      missing.push({ path: `/${i.field}`, code: 'required-by-regulation', message: loc.issues.requiredBy(fieldLabel(loc, `/${i.field}`), pack.manifest.number) });
  }
  if (needsGrades && subject.grades) {
    const keys = Object.keys(subject.grades);
    if (!keys.includes('tasks') || keys.length < 2)
      missing.push({ path: keys.includes('tasks') ? '/grades' : '/grades/tasks', code: 'required-by-regulation', message: loc.issues.gradesIncomplete(fieldLabel(loc, '/grades')) });
  }
  return missing;
}

/** Null when the pack rates this kind of period (a year, a quarter; the 4th quarter only when a parameter says so). */
export function periodProblem(pack: Pack, period: Period, params: Readonly<Record<string, ParameterScalar>>, loc: Locale): Issue | null {
  const kinds = pack.manifest.periods ?? ['year'];
  if (period.quarter !== undefined && !kinds.includes('quarter'))
    return { path: '/period/quarter', code: 'period-not-supported', message: loc.issues.periodNotSupported(fieldLabel(loc, '/period/quarter'), pack.manifest.number) };
  if (period.quarter === undefined && !kinds.includes('year'))
    return { path: '/period', code: 'period-not-supported', message: loc.issues.periodNotSupported(fieldLabel(loc, '/period'), pack.manifest.number) };
  if (period.quarter === 4 && params['param:periods.quarter4.rated'] === false)
    return { path: '/period/quarter', code: 'quarter-not-rated', message: loc.issues.quarterNotRated(fieldLabel(loc, '/period/quarter')) };
  return null;
}
