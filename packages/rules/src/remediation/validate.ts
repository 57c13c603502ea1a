/** Input checks for remediation plans: every problem at its JSON pointer, vi (default) or en. */
import type { Lang } from '../types';
import { IdSet } from '../ids/id-set';
import { duplicateIssue } from '../ids/keys';
import { locale } from '../locales';
import { MAX_LONG_TEXT, RecordChecker, stamp, type RecordIssue } from '../feedback/common';
import { checkTarget, nfc } from '../feedback/validate';
import { REMEDIATION_STATES, type RemediationPlan } from './types';

export const MAX_ITEMS = 500;

const ITEM_FIELDS = ['shortcoming', 'cause', 'measures', 'owner', 'deadline', 'output', 'status', 'extent', 'obstacles', 'responsibility'];

/** Problems in one remediation plan. */
export function checkRemediationPlan(input: unknown, lang: Lang = 'vi'): Array<{ path: string; code: string; message: string }> {
  const c = new RecordChecker(lang, 'remediation');
  if (!c.object(input, '', ['id', 'target', 'unit', 'year', 'items', 'meta'])) return c.issues;
  const p = input;
  if (p.id !== undefined) c.string(p.id, '/id', 200);
  checkTarget(c, p);
  if (p.unit !== undefined) c.string(p.unit, '/unit', 200);
  if (c.present(p, '', 'year')) c.integer(p.year, '/year', 2000, 2100);
  if (c.present(p, '', 'items')) {
    if (!Array.isArray(p.items)) c.add('/items', 'type', c.loc.issues.notArray(c.label('/items')));
    else if (p.items.length > MAX_ITEMS) c.add('/items', 'too-long', c.loc.issues.range(c.label('/items'), 0, MAX_ITEMS));
    else
      p.items.forEach((item: unknown, i: number) => {
        const path = `/items/${i}`;
        if (!c.object(item, path, ITEM_FIELDS)) return;
        if (c.present(item, path, 'shortcoming')) c.string(item.shortcoming, `${path}/shortcoming`);
        for (const key of ['cause', 'output', 'owner', 'extent', 'obstacles', 'responsibility']) if (item[key] !== undefined) c.string(item[key], `${path}/${key}`);
        if (item.measures !== undefined) c.string(item.measures, `${path}/measures`, MAX_LONG_TEXT);
        if (item.deadline !== undefined) c.date(item.deadline, `${path}/deadline`);
        if (item.status !== undefined) c.oneOf(item.status, `${path}/status`, REMEDIATION_STATES);
      });
  }
  if (p.meta !== undefined) c.meta(p.meta, '/meta');
  return c.issues;
}

/** Checks a list of plans: the valid ones (NFC) and the problems of the rest. */
export function checkPlans(plans: readonly unknown[], lang: Lang = 'vi'): { valid: Array<{ index: number; plan: RemediationPlan }>; errors: RecordIssue[] } {
  const valid: Array<{ index: number; plan: RemediationPlan }> = [];
  const errors: RecordIssue[] = [];
  // Plan ids (when given) are unique: a plan listed twice would count its items twice.
  const seen = new IdSet();
  const loc = locale(lang);
  plans.forEach((input, index) => {
    const issues = checkRemediationPlan(input, lang);
    if (issues.length) {
      errors.push(...stamp(issues, index, input));
      return;
    }
    const plan = nfc(input) as RemediationPlan;
    const first = plan.id === undefined ? -1 : seen.add(plan.id, index);
    if (first >= 0) errors.push(...stamp([duplicateIssue(loc, loc.records.remediation['/id'], plan.id!, first)], index, input));
    else valid.push({ index, plan });
  });
  return { valid, errors };
}

