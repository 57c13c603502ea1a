/**
 * One walk over JSON-like input from a host or a file (a pack, an overlay, a subject's `meta`): finds a
 * prototype-polluting key, nesting deeper than MAX_DEPTH, or an object that contains itself. The walk is
 * bounded by MAX_DEPTH, so deep or cyclic input gets a library error instead of a stack overflow.
 */
import type { Locale } from '../locales/types';

export const MAX_DEPTH = 100;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export interface ScanProblem {
  code: 'forbidden-key' | 'too-deep' | 'cycle';
  /** JSON pointer of the offending key or value. */
  path: string;
}

/** The problem as an input issue (code, JSON pointer, message in the locale's words). */
export function scanIssue(value: unknown, pointer: string, loc: Locale): { path: string; code: string; message: string } | null {
  const p = scanJson(value, pointer);
  if (!p) return null;
  const message =
    p.code === 'forbidden-key' ? loc.issues.forbiddenKey(p.path.split('/').pop()!) : p.code === 'cycle' ? loc.issues.cycle(p.path) : loc.issues.tooDeep(p.path, MAX_DEPTH);
  return { path: p.path, code: p.code, message };
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The first problem in `value` (pointer prefixed with `pointer`), or null. */
export function scanJson(value: unknown, pointer = '', max = MAX_DEPTH): ScanProblem | null {
  const onPath = new Set<object>();
  // Objects already walked without a problem, with the depth they were walked at: shared (not cyclic)
  // references are walked again only when reached deeper, so a shared tree cannot blow up the walk.
  const done = new WeakMap<object, number>();
  const walk = (v: unknown, at: string, depth: number): ScanProblem | null => {
    if (v === null || typeof v !== 'object') return null;
    if (onPath.has(v)) return { code: 'cycle', path: at };
    const seenAt = done.get(v);
    if (seenAt !== undefined && depth <= seenAt) return null;
    if (depth >= max) return { code: 'too-deep', path: at };
    onPath.add(v);
    let hit: ScanProblem | null = null;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && !hit; i++) hit = walk(v[i], `${at}/${i}`, depth + 1);
    } else {
      for (const key of Object.keys(v)) {
        const child = `${at}/${escapePointer(key)}`;
        if (FORBIDDEN.has(key)) hit = { code: 'forbidden-key', path: child };
        else hit = walk((v as Record<string, unknown>)[key], child, depth + 1);
        if (hit) break;
      }
    }
    onPath.delete(v);
    if (!hit) done.set(v, depth);
    return hit;
  };
  return walk(value, pointer, 0);
}
