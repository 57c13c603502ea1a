/**
 * What every batch does around rating one record: the record's duplicate check (by kind, NFC id and
 * period, see ids/keys.ts) and its isolation (a getter or Proxy that throws spoils that record only).
 */
import { IdSet } from '../ids/id-set';
import { idOfSubjectKey, subjectKey } from '../ids/keys';
import type { Issue } from '../subject/validate';
import type { SubjectIssue } from '../types';
import type { Session } from './session';

/** The record's id for an issue, read defensively (the record may throw when read). */
function idOf(input: unknown): string | undefined {
  try {
    const raw = (input as { id?: unknown } | null)?.id;
    return typeof raw === 'string' && raw.trim() !== '' ? raw : undefined;
  } catch {
    return undefined;
  }
}

export function toSubjectIssues(input: unknown, index: number, issues: readonly Issue[]): SubjectIssue[] {
  const id = idOf(input);
  return issues.map((i) => ({ ...(id !== undefined ? { id } : {}), index, path: i.path, message: i.message, code: i.code }));
}

/** The issue of a record that threw while it was read. */
export function unreadable(error: unknown, s: Session): Issue {
  const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { path: '', code: 'unreadable-record', message: s.loc.issues.unreadableRecord(why) };
}

/** The ids seen in one batch (or one rater's stream), kept compactly: see IdSet. */
export class SeenSubjects {
  private readonly ids = new IdSet(true, 2); // subject keys start with a 2-byte kind-and-period tag

  /**
   * Null when the record may be rated (its id is claimed for it, valid or not, so both sides of a diff
   * agree), else the issues that stop it: `duplicate-id` naming the first occurrence, or `unreadable-record`.
   */
  check(input: unknown, index: number, s: Session): SubjectIssue[] | null {
    let key: string | undefined;
    try {
      key = subjectKey(input);
    } catch (error) {
      return toSubjectIssues(input, index, [unreadable(error, s)]);
    }
    if (key === undefined) return null;
    const first = this.ids.add(key, index);
    if (first < 0) return null;
    const id = idOfSubjectKey(key);
    return [{ id, index, path: '/id', code: 'duplicate-id', message: s.loc.issues.duplicateId(id, first) }];
  }
}
