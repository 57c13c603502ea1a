/**
 * A filled self-review as a rating Subject, so the rule pack can check the proposed level. Facts the
 * form does not collect are assumed at their most favourable (all tasks done, on time and exceeded;
 * no discipline), so the computed level is the highest the document itself supports, unless the host
 * gives them in `context.facts` (no HD 43 form has a field for discipline decisions, a vote of confidence,
 * the units a leader answers for or a collective's type).
 */
import type { Subject, TaskCounts } from '@kiemdiem/rules';
import { subjectTypeFor, type FormContext } from './context';
import type { FormDefinition } from './model';
import { getAt } from './schema-tools';

const BEST: TaskCounts = { assigned: 1, completed: 1, onTime: 1, exceeded: 1 };

function tasksFrom(rows: unknown): TaskCounts | undefined {
  if (!Array.isArray(rows) || rows.length === 0) return undefined;
  const r = rows as Array<{ completed?: string; onTime?: string; exceeded?: string }>;
  const completed = r.filter((x) => x.completed === 'hoan-thanh');
  return {
    assigned: r.length,
    completed: completed.length,
    onTime: completed.filter((x) => x.onTime === 'dung-tien-do').length,
    exceeded: completed.filter((x) => x.exceeded === 'co').length,
  };
}

export function toSubject(form: FormDefinition, doc: unknown, context: FormContext = {}): { subject: Partial<Subject>; missing: string[] } {
  const f = form.fields;
  const common = f.scoreCommon ? getAt(doc, f.scoreCommon) : undefined;
  const tasks = f.scoreTasks ? getAt(doc, f.scoreTasks) : undefined;
  const missing = [f.scoreCommon, f.scoreTasks].filter((p, i) => p && typeof [common, tasks][i] !== 'number') as string[];
  const period = (f.period ? (getAt(doc, f.period) as Subject['period'] | undefined) : undefined) ?? context.period;
  const year = (getAt(doc, '/header/year') as number | undefined) ?? period?.year ?? new Date().getUTCFullYear();
  const type = subjectTypeFor(form, context) ?? 'collective';
  const subject: Partial<Subject> = {
    id: (f.fullName && (getAt(doc, f.fullName) as string)) || form.id,
    kind: type === 'collective' ? 'collective' : 'individual',
    period: period ?? { year },
    score: { common: common as number, tasks: tasks as number },
    tasks: (f.evidence && tasksFrom(getAt(doc, f.evidence))) || BEST,
  };
  if (type !== 'collective') subject.audience = type;
  if (type === 'leader') subject.ledUnits = BEST;
  if (type === 'collective') subject.collective = { subUnitsDisciplined: 0, leadershipMembersDisciplined: 0 };
  const rows = f.remediation ? getAt(doc, f.remediation) : undefined;
  if (Array.isArray(rows) && rows.length > 0) {
    subject.shortcomings = { identified: rows.length, remediated: rows.filter((r) => (r as { status?: string }).status === 'da-khac-phuc').length };
  }
  const { collective, ...facts } = context.facts ?? {};
  // The host's records are the later word: a fact given there replaces the document's (or the assumed) one.
  Object.assign(subject, facts);
  if (collective) subject.collective = { ...(subject.collective ?? { subUnitsDisciplined: 0, leadershipMembersDisciplined: 0 }), ...collective };
  return { subject, missing };
}
