/**
 * The unit hierarchy: each unit checked (JSON pointer, vi/en), then the whole: duplicate ids, unknown parents,
 * cycles, a parent not above its child, a subject listed in two units. Any of these is an error naming the
 * units involved; a roll-up over a broken tree would count members twice or lose them.
 */
import { en, locale, vi } from '../locales';
import type { Lang } from '../types';
import { isRecord, RecordChecker, stamp, throwIssues, type RecordIssue } from '../feedback/common';
import { nfc } from '../feedback/validate';
import { UNIT_LEVEL_RANK, UNIT_LEVELS, type HierarchyInput, type HierarchyUnit } from './types';

const MAX_MEMBERS = 1_000_000;

/** The hierarchy's wording per language (the locale's `hierarchy`). */
export const HIERARCHY_WORDS = /* @__PURE__ */ (() => ({ vi: vi.hierarchy, en: en.hierarchy }))();

export interface Tree {
  /** Units in tree order: each top unit followed by its subtree, siblings in input order. */
  order: HierarchyUnit[];
  byId: Map<string, HierarchyUnit>;
  children: Map<string, string[]>;
  /** Ids from the top unit down to the parent. */
  ancestors: Map<string, string[]>;
  roots: string[];
  /** Subject id → unit id from the units' `members`. */
  members: Map<string, string>;
}

function checkUnit(input: unknown, lang: Lang): Array<{ path: string; code: string; message: string }> {
  const c = new RecordChecker(lang, 'unit');
  if (!c.object(input, '', ['id', 'name', 'level', 'parent', 'members', 'meta'])) return c.issues;
  const u = input;
  if (c.present(u, '', 'id')) c.string(u.id, '/id', 200);
  if (c.present(u, '', 'name')) c.string(u.name, '/name');
  if (c.present(u, '', 'level')) c.oneOf(u.level, '/level', UNIT_LEVELS);
  if (u.parent !== undefined && u.parent !== null) c.string(u.parent, '/parent', 200);
  if (u.members !== undefined) {
    if (!Array.isArray(u.members)) c.add('/members', 'type', c.loc.issues.notArray(c.label('/members')));
    else if (u.members.length > MAX_MEMBERS) c.add('/members', 'too-long', c.loc.issues.range(c.label('/members'), 0, MAX_MEMBERS));
    else u.members.forEach((m: unknown, i: number) => c.string(m, `/members/${i}`, 200));
  }
  if (u.meta !== undefined) c.meta(u.meta, '/meta');
  return c.issues;
}

/** Checks and links the hierarchy; throws `invalid-option` naming every problem (vi by default). */
export function buildTree(input: HierarchyInput | unknown, lang: Lang = 'vi'): Tree {
  const w = locale(lang).hierarchy;
  const list: unknown = isRecord(input) && Object.prototype.hasOwnProperty.call(input, 'units') ? input.units : input;
  if (!Array.isArray(list)) throwIssues('invalid-option', w.what, [{ index: 0, path: '', code: 'type', message: w.notList }]);
  const issues: RecordIssue[] = [];
  list.forEach((u, i) => issues.push(...stamp(checkUnit(u, lang), i, u)));
  if (issues.length) throwIssues('invalid-option', w.what, issues);

  const units = list.map((u) => nfc(u) as HierarchyUnit);
  const index = new Map<string, number>();
  const byId = new Map<string, HierarchyUnit>();
  units.forEach((u, i) => {
    const first = index.get(u.id);
    if (first !== undefined) issues.push({ index: i, id: u.id, path: '/id', code: 'duplicate-id', message: w.duplicate(u.id, first) });
    else {
      index.set(u.id, i);
      byId.set(u.id, u);
    }
  });
  const parentOf = (u: HierarchyUnit) => (u.parent === undefined || u.parent === null ? null : u.parent);
  units.forEach((u, i) => {
    const p = parentOf(u);
    if (p === null) return;
    const parent = byId.get(p);
    if (!parent) issues.push({ index: i, id: u.id, path: '/parent', code: 'unknown-parent', message: w.unknownParent(u.id, p) });
    else if (p !== u.id && UNIT_LEVEL_RANK[parent.level] <= UNIT_LEVEL_RANK[u.level]) {
      issues.push({ index: i, id: u.id, path: '/parent', code: 'level-order', message: w.levelOrder(u.id, u.level, p, parent.level) });
    }
  });
  // Cycles: walk up from each unit; a walk that meets itself is a cycle, reported once from its first unit in input order.
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of byId.values()) {
    if (state.has(start.id)) continue;
    const path: string[] = [];
    let cur: HierarchyUnit | undefined = start;
    while (cur && !state.has(cur.id)) {
      state.set(cur.id, 'walking');
      path.push(cur.id);
      const p = parentOf(cur);
      cur = p === null ? undefined : byId.get(p);
    }
    if (cur && state.get(cur.id) === 'walking') {
      const cycle = [...path.slice(path.indexOf(cur.id)), cur.id];
      const first = cycle.slice(0, -1).reduce((a, b) => (index.get(a)! <= index.get(b)! ? a : b));
      issues.push({ index: index.get(first)!, id: first, path: '/parent', code: 'cycle', message: w.cycle(rotate(cycle, first)) });
    }
    for (const id of path) state.set(id, 'done');
  }
  const members = new Map<string, string>();
  units.forEach((u, i) => {
    (u.members ?? []).forEach((m, j) => {
      const other = members.get(m);
      if (other !== undefined && other !== u.id) issues.push({ index: i, id: u.id, path: `/members/${j}`, code: 'duplicate-member', message: w.twoUnits(m, other, u.id) });
      else members.set(m, u.id);
    });
  });
  if (issues.length) throwIssues('invalid-option', w.what, issues.sort((a, b) => a.index - b.index));

  const children = new Map<string, string[]>(units.map((u) => [u.id, []]));
  const roots: string[] = [];
  for (const u of units) {
    const p = parentOf(u);
    if (p === null) roots.push(u.id);
    else children.get(p)!.push(u.id);
  }
  const order: HierarchyUnit[] = [];
  const ancestors = new Map<string, string[]>();
  // Iterative depth-first walk: a deep chain of units cannot overflow the stack.
  const stack: Array<{ id: string; up: string[] }> = roots.map((id) => ({ id, up: [] })).reverse();
  while (stack.length) {
    const { id, up } = stack.pop()!;
    order.push(byId.get(id)!);
    ancestors.set(id, up);
    const kids = children.get(id)!;
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ id: kids[k]!, up: [...up, id] });
  }
  return { order, byId, children, ancestors, roots, members };
}

/** The cycle a → b → c → a written from `first`. */
function rotate(cycle: string[], first: string): string[] {
  const ring = cycle.slice(0, -1);
  const at = ring.indexOf(first);
  const turned = [...ring.slice(at), ...ring.slice(0, at)];
  return [...turned, first];
}
