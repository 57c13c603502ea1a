/**
 * A filled `ref/ke-hoach-khac-phuc` document (reference form of @kiemdiem/forms) as a RemediationPlan: the
 * year from the header ("sau kiểm điểm năm …"), the rows of section II as items. The form does not say whose
 * plan it is in machine terms, so the caller names the target (the collective or person, by subject id).
 */
import { badArgument, isObj, optionsOf } from '../args';
import { langOf } from '../locales';
import type { Lang } from '../types';
import { isRecord, throwIssues } from '../feedback/common';
import type { RecordTarget } from '../feedback/types';
import type { RemediationPlan } from './types';
import { checkPlans } from './validate';

export interface PlanFromFormOptions {
  target: RecordTarget;
  id?: string;
  unit?: string;
  /** Overrides the header's year. */
  year?: number;
  lang?: Lang;
}

const ITEM_FIELDS = ['shortcoming', 'cause', 'measures', 'owner', 'deadline', 'output', 'status'] as const;

export function planFromForm(document: unknown, options: PlanFromFormOptions | null): RemediationPlan {
  options = optionsOf(options);
  if (!isObj(options.target)) throw badArgument('options.target', 'object');
  const doc = isRecord(document) ? document : {};
  const header = isRecord(doc.header) ? doc.header : {};
  const section = isRecord(doc.II) ? doc.II : {};
  const rows = Array.isArray(section.items) ? section.items : [];
  const items = rows.map((row) => {
    const r = isRecord(row) ? row : {};
    const item: Record<string, unknown> = {};
    // Only the plan's own columns: a stray key in the document does not become a plan field.
    for (const key of ITEM_FIELDS) if (r[key] !== undefined && r[key] !== '') item[key] = r[key];
    return item;
  });
  const plan: Record<string, unknown> = {
    ...(options.id !== undefined ? { id: options.id } : {}),
    target: options.target,
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
    year: options.year ?? header.year,
    items,
  };
  const { valid, errors } = checkPlans([plan], langOf(options.lang));
  if (errors.length) throwIssues('invalid-subject', 'ref/ke-hoach-khac-phuc', errors);
  return valid[0]!.plan;
}
