/**
 * Section III of next year's review form, prefilled from the remediation plans made after this year's review
 * (templates-and-format.md §1.4: "the statuses then feed section III of next year's form"). Works on every
 * form with a `remediation` field (HD 43 01/02A/02B/02C at /A/III/items, HD 25 at /III/items): the rows come
 * from @kiemdiem/rules sectionIIIRows, so the rating facts (toSubject) and the rows agree.
 */
import { KiemdiemError, sectionIIIRows, type RemediationPlan, type SectionIIIRow } from '@kiemdiem/rules';
import { formLocale } from './locales';
import { unescape, normalizeNfc } from './schema-tools';
import { formOrThrow } from './validate';

export interface PrefillOptions {
  lang?: 'vi' | 'en';
}

const key = (row: { limitation?: unknown }) => (typeof row.limitation === 'string' ? row.limitation.normalize('NFC').trim() : '');

/**
 * A copy of `document` (NFC) with section III holding one row per plan item. Rows the document already has
 * are kept as written (the person's own wording and status win); plan items with the same shortcoming text
 * are not added twice. Throws `unknown-form` for an unknown id, `invalid-option` for a form without section III,
 * `invalid-subject` for a malformed plan.
 */
export function prefillSectionIII(formId: string, document: unknown, plans: RemediationPlan | readonly RemediationPlan[], options: PrefillOptions = {}): Record<string, unknown> {
  const loc = formLocale(options.lang);
  const form = formOrThrow(formId, loc.lang);
  const pointer = form.fields.remediation;
  if (!pointer) throw new KiemdiemError('invalid-option', loc.messages.noSectionIII(formId), { id: formId });
  const rows: SectionIIIRow[] = sectionIIIRows(plans, { lang: loc.lang });
  const doc: Record<string, unknown> = document !== null && typeof document === 'object' && !Array.isArray(document) ? normalizeNfc(document as Record<string, unknown>) : {};
  const tokens = pointer.split('/').slice(1).map(unescape);
  let parent: Record<string, unknown> = doc;
  for (const token of tokens.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(parent, token) ? parent[token] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      const created: Record<string, unknown> = {};
      Object.defineProperty(parent, token, { value: created, enumerable: true, writable: true, configurable: true });
      parent = created;
    } else parent = next as Record<string, unknown>;
  }
  const last = tokens[tokens.length - 1]!;
  const existing = Object.prototype.hasOwnProperty.call(parent, last) && Array.isArray(parent[last]) ? (parent[last] as Array<Record<string, unknown>>) : [];
  const have = new Set(existing.map(key));
  const merged = [...existing, ...rows.filter((r) => !have.has(key(r)))];
  Object.defineProperty(parent, last, { value: merged, enumerable: true, writable: true, configurable: true });
  return doc;
}
