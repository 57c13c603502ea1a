/**
 * What the pages compute from a document, all with the SDK in the browser: the form's Vietnamese validation
 * messages (@kiemdiem/forms checkForm: precompiled validators, no code generation), and the rating the rule
 * pack gives the Part B scores (@kiemdiem/rules rateSync: the compiled engine, plain closures).
 */
import { checkForm, getForm, labelOf, nodeAt, schemaFor, toSubject, type FormIssue } from '@kiemdiem/forms';
import { LEVELS, loadRegulation, locale, rateManySync, rateSync, type Decision, type Level, type RateManyOutput, type Reason, type Result, type Subject } from '@kiemdiem/rules';
import { MEMBER_FORMS, type Draft, type MemberFormId } from '../shared/api';

const vi = locale('vi');

/** Rule pack parameters the portal overrides (its settings, GET /api/settings), by name. */
export type Parameters = Record<string, unknown>;

export interface FormChoice {
  id: MemberFormId;
  code: string;
  /** Who fills it, as HD 43-HD/BTCTW puts it. */
  who: string;
  /** The HTXSNV quota group its members are counted in (members in similar positions are counted together). */
  group: string;
}

export const FORM_CHOICES: readonly FormChoice[] = [
  { id: 'hd43-2025/02a', code: 'Mẫu 02A', who: 'Đảng viên là cán bộ lãnh đạo, quản lý', group: 'lãnh đạo, quản lý' },
  { id: 'hd43-2025/02b', code: 'Mẫu 02B', who: 'Đảng viên không giữ chức vụ lãnh đạo, quản lý', group: 'không giữ chức vụ lãnh đạo, quản lý' },
  { id: 'hd43-2025/02c', code: 'Mẫu 02C', who: 'Đảng viên không làm việc trong hệ thống chính trị (nghỉ hưu, doanh nghiệp ngoài nhà nước…)', group: 'ngoài hệ thống chính trị' },
];

export function choiceOf(formId: MemberFormId): FormChoice {
  return FORM_CHOICES.find((c) => c.id === formId)!;
}

export function problemsOf(formId: MemberFormId, document: unknown): FormIssue[] {
  return checkForm(formId, document, { lang: 'vi' }).errors;
}

/** JSON pointers of the leaves that differ between two documents (what the member just changed). */
export function changedPaths(before: unknown, after: unknown, base = ''): string[] {
  if (before === after) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObj(before) || !isObj(after) || Array.isArray(before) !== Array.isArray(after)) return [base];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].flatMap((k) => changedPaths(before[k], after[k], `${base}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
}

/**
 * Whether a problem is shown next to its field yet: once the member has touched the field, something inside it
 * (a new row) or around it (a removed row), or a field that a sum rule ties it to; everything after "Kiểm tra"
 * or when the document came filled. A blank form is not covered in red before the member types.
 */
export function isShown(issue: FormIssue, touched: ReadonlySet<string>, all: boolean): boolean {
  if (all) return true;
  const parent = (p: string) => p.slice(0, p.lastIndexOf('/'));
  for (const t of touched) {
    if (issue.path === t || issue.path.startsWith(`${t}/`) || t.startsWith(`${issue.path}/`)) return true;
    if (issue.code === 'sum' && parent(issue.path) === parent(t)) return true;
  }
  return false;
}

const schemas = new Map<MemberFormId, ReturnType<typeof schemaFor>>();

function labelAt(formId: MemberFormId, pointer: string): string | undefined {
  let schema = schemas.get(formId);
  if (!schema) schemas.set(formId, (schema = schemaFor(formId)));
  const node = nodeAt(schema, pointer);
  return node ? labelOf(node, 'vi') : undefined;
}

/** The field's own label ("1. Nhóm tiêu chí chung"). */
export function fieldLabel(formId: MemberFormId, pointer: string): string {
  return labelAt(formId, pointer) ?? pointer;
}

/**
 * Where a problem is, for the list beside the form: the part of the form ("Phần B", "Thông tin cá nhân") and the
 * row of a table. The message itself already names the field.
 */
export function sectionOf(formId: MemberFormId, pointer: string): string {
  const tokens = pointer.split('/').slice(1);
  const top = labelAt(formId, `/${tokens[0] ?? ''}`) ?? tokens[0] ?? '';
  const part = /^([A-Z])\.\s/.exec(top);
  const where = [part ? `Phần ${part[1]}` : top.charAt(0) + top.slice(1).toLowerCase()];
  const row = tokens.findIndex((t) => /^\d+$/.test(t));
  if (row > 0) where.push(`${labelAt(formId, `/${tokens.slice(0, row).join('/')}`) ?? ''}, dòng ${Number(tokens[row]) + 1}`);
  return where.join(' › ');
}

export type Rating = { state: 'missing'; fields: string[] } | { state: 'invalid'; message: string } | { state: 'rated'; result: Result; proposed?: Level };

function nameOf(document: unknown): string {
  const identity = (document as { identity?: { fullName?: unknown } } | undefined)?.identity;
  return typeof identity?.fullName === 'string' ? identity.fullName.trim() : '';
}

/** The subject the rule pack rates for a draft: its Part B scores, its annex of tasks, its quota group. */
export function subjectOf(id: string, formId: MemberFormId, document: unknown): { subject: Subject; missing: string[] } {
  const built = toSubject(getForm(formId)!, document);
  const subject = { ...built.subject, id, group: choiceOf(formId).group } as Subject;
  const name = nameOf(document);
  if (name) subject.name = name;
  return { subject, missing: built.missing };
}

export function rateDraft(id: string, formId: MemberFormId, document: unknown, problems: readonly FormIssue[], parameters: Parameters = {}): Rating {
  const { subject, missing } = subjectOf(id, formId, document);
  if (missing.length > 0) return { state: 'missing', fields: missing.map((p) => fieldLabel(formId, p)) };
  // A score the form refuses (out of range, off the 0,5 step) is shown in the form's words, not the rule pack's.
  const fields = getForm(formId)!.fields;
  const scoreProblems = problems.filter((p) => p.path === fields.scoreCommon || p.path === fields.scoreTasks);
  if (scoreProblems.length > 0) return { state: 'invalid', message: scoreProblems.map((p) => p.message).join('; ') };
  const proposedValue = (document as { B?: { II?: { level?: unknown } } }).B?.II?.level;
  const proposed = LEVELS.includes(proposedValue as Level) ? (proposedValue as Level) : undefined;
  try {
    const result = rateSync(subject, { lang: 'vi', parameters });
    return proposed ? { state: 'rated', result, proposed } : { state: 'rated', result };
  } catch (error) {
    return { state: 'invalid', message: (error as Error).message };
  }
}

export interface Summary {
  output: RateManyOutput;
  /** Drafts without both Part B scores: listed, not rated. */
  unscored: Draft[];
}

/** rateMany over the drafts that have their Part B scores: levels, counts and the HTXSNV quota per group. */
export function summarize(drafts: readonly Draft[], parameters: Parameters = {}): Summary {
  const subjects: Subject[] = [];
  const unscored: Draft[] = [];
  for (const d of drafts) {
    const { subject, missing } = subjectOf(d.id, d.formId, d.document);
    if (missing.length > 0) unscored.push(d);
    else subjects.push(subject);
  }
  return { output: rateManySync(subjects, { lang: 'vi', parameters }), unscored };
}

/** The rules that left a result to the competent level (none unless its status is `for-decision`). */
function handedOverRules(result: Result): readonly string[] {
  return result.status === 'for-decision' ? (result.decision?.rules ?? []) : [];
}

/** Whether this reason is one the result was handed to the competent level by. */
export function isHandedOver(result: Result, reason: Reason): boolean {
  return handedOverRules(result).includes(reason.rule);
}

/** The reasons that handed the result to the competent level (the referral, or the gap in the text). */
export function handedOver(result: Result): Reason[] {
  return result.reasons.filter((r) => isHandedOver(result, r));
}

/** Every reason, those that handed the result to the competent level first: they are why there is no level. */
export function reasonsHandedOverFirst(result: Result): Reason[] {
  return [...handedOver(result), ...result.reasons.filter((r) => !isHandedOver(result, r))];
}

/** What the rules give with the handed-over cases set aside, as the member and the secretary read it. */
export function withoutSentence(decision: Decision): string {
  return decision.without
    ? `Nếu không tính trường hợp chuyển cấp có thẩm quyền, bộ quy tắc cho mức ${decision.without} (${vi.levels[decision.without]}).`
    : 'Bộ quy tắc không cho mức nào, kể cả khi không tính trường hợp chuyển cấp có thẩm quyền.';
}

export interface LevelCounts {
  levels: Record<Level, number>;
  /** Results the rules leave to the competent level: counted apart from the levels, and from the unrated. */
  forDecision: number;
  /** Not reviewed or not rated, and drafts that could not be rated (`unrated`). */
  notRated: number;
}

/** The secretary's counts: each level, those for the competent level to decide, the rest. */
export function countLevels(results: readonly Result[], unrated = 0): LevelCounts {
  const levels = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  let forDecision = 0;
  let notRated = unrated;
  for (const r of results) {
    if (r.status === 'rated' && r.level) levels[r.level] += 1;
    else if (r.status === 'for-decision') forDecision += 1;
    else notRated += 1;
  }
  return { levels, forDecision, notRated };
}

/** The parameters the portal overrides, each with its value (as JSON) and what it means (from the member forms' rule pack). */
export function parameterNotes(parameters: Parameters): Array<{ name: string; value: string; meaning?: string }> {
  const pack = loadRegulation(getForm(MEMBER_FORMS[0])!.regulation!);
  return Object.entries(parameters).map(([name, value]) => {
    const meaning = pack.parameters[name]?.description.vi;
    return meaning ? { name, value: JSON.stringify(value), meaning } : { name, value: JSON.stringify(value) };
  });
}

const LEVEL_RANK = Object.fromEntries(LEVELS.map((l, i) => [l, i])) as Record<Level, number>;

/** True when the member proposes a higher level than the rules give (LEVELS runs from best to worst). */
export function proposesHigher(proposed: Level | undefined, computed: Level | null): boolean {
  return Boolean(proposed && computed && LEVEL_RANK[proposed] < LEVEL_RANK[computed]);
}

/** A random draft id; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newDraftId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `dv-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** An ASCII file name from a Vietnamese name: "Trần Thị Hồng" → "tran-thi-hong". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
