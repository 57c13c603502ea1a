/**
 * Checks of the results a roll-up reads: enough of a Result (id, kind, status, level, period) to count it,
 * plus the optional unit id and, for status `for-decision`, the optional `decision` (rateMany always writes it;
 * counting does not need it, so a stored result without it still counts). Problems are reported per result (JSON pointer, vi/en); other Result fields
 * (reasons, total, regulation) are carried by rateMany and not re-checked here beyond forbidden keys.
 */
import { en, vi } from '../locales';
import { LEVELS, STATUSES, type Lang, type Period } from '../types';
import { scanIssue } from '../shape/scan';
import { isRecord, RecordChecker } from '../feedback/common';

const KINDS = ['individual', 'collective'] as const;
const AUDIENCES = ['leader', 'non-leader', 'outside-system'] as const;

/** A Result's fields (rateMany writes them) and the roll-up's own `unit`. */
const RESULT_FIELDS = ['id', 'regulation', 'status', 'level', 'decision', 'total', 'reasons', 'kind', 'audience', 'period', 'group', 'name', 'unit'];

/** The results' wording per language (the locale's `results`). */
export const RESULT_WORDS = /* @__PURE__ */ (() => ({ vi: vi.results, en: en.results }))();

/** Problems in one result. */
export function checkResult(input: unknown, lang: Lang): Array<{ path: string; code: string; message: string }> {
  const c = new RecordChecker(lang, 'result');
  if (!isRecord(input)) {
    c.add('', 'type', c.loc.issues.notObject(c.label('')));
    return c.issues;
  }
  const bad = scanIssue(input, '', c.loc);
  if (bad) {
    c.add(bad.path, bad.code, bad.message);
    // A cyclic or too deep result is not read further: the checks below would walk it.
    if (bad.code !== 'forbidden-key') return c.issues;
  }
  // Unknown keys are refused (unknown-field), as in subjects: a misspelt "gruop" must not go uncounted silently.
  c.object(input, '', RESULT_FIELDS);
  const r = input;
  if (c.present(r, '', 'id')) c.string(r.id, '/id', 200);
  const kindOk = c.present(r, '', 'kind') && c.oneOf(r.kind, '/kind', KINDS);
  if (kindOk && r.kind === 'individual' && r.audience !== undefined) c.oneOf(r.audience, '/audience', AUDIENCES);
  const statusOk = c.present(r, '', 'status') && c.oneOf(r.status, '/status', STATUSES);
  if (statusOk) {
    if (r.status === 'rated') {
      if (c.present(r, '', 'level')) c.oneOf(r.level, '/level', LEVELS);
    } else if (r.level !== undefined && r.level !== null) c.add('/level', 'not-allowed', c.loc.results.levelForStatus(r.status as string));
  }
  if (c.present(r, '', 'period') && c.object(r.period, '/period', ['year', 'quarter'])) {
    const p = r.period;
    if (c.present(p, '/period', 'year')) c.integer(p.year, '/period/year', 2000, 2100);
    if (p.quarter !== undefined) c.integer(p.quarter, '/period/quarter', 1, 4);
  }
  if (r.decision !== undefined) checkDecision(c, r.status, r.decision);
  if (r.group !== undefined) c.string(r.group, '/group', 200);
  if (r.regulation !== undefined) c.string(r.regulation, '/regulation', 400);
  if (r.unit !== undefined) c.string(r.unit, '/unit', 200);
  if (r.name !== undefined) c.string(r.name, '/name');
  return c.issues;
}

/** `decision` belongs to a for-decision result: `without` a level or null, `rules` rule ids. */
function checkDecision(c: RecordChecker, status: unknown, decision: unknown): void {
  if (status !== 'for-decision') {
    c.add('/decision', 'not-allowed', c.loc.issues.onlyFor(c.label('/decision'), c.loc.results.forDecisionStatus));
    return;
  }
  if (!c.object(decision, '/decision', ['without', 'rules'])) return;
  if (c.present(decision, '/decision', 'without') && decision.without !== null) c.oneOf(decision.without, '/decision/without', LEVELS);
  if (!c.present(decision, '/decision', 'rules')) return;
  if (!Array.isArray(decision.rules)) c.add('/decision/rules', 'type', c.loc.issues.notArray(c.label('/decision/rules')));
  else decision.rules.forEach((id: unknown, i: number) => c.string(id, `/decision/rules/${i}`, 200));
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && (a.quarter ?? 0) === (b.quarter ?? 0);
}
