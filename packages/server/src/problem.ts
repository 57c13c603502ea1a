/**
 * RFC 9457 problem details: every error the server answers is one of these (application/problem+json),
 * with a stable `code` a client branches on and a message in the request's language, never a stack.
 */
import { KiemdiemError, type Lang } from '@kiemdiem/rules';
import { serverMessages, type ProblemCode } from './locales';

export interface ProblemIssue {
  path: string;
  code: string;
  message: string;
  index?: number;
  id?: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode | string;
  instance?: string;
  errors?: ProblemIssue[];
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: ProblemIssue[],
    /** Seconds, for 503 (Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(detail);
    this.name = 'Problem';
  }
}

export const PROBLEM_TYPE = 'https://github.com/kiemdiem/kiemdiem/blob/main/docs/server.md#errors';

/** HTTP status for each error code of the rules and forms packages (what they throw is the caller's fault). */
const STATUS_OF: Record<string, { status: number; code: ProblemCode }> = {
  'unknown-regulation': { status: 404, code: 'unknown-regulation' },
  'unknown-form': { status: 404, code: 'unknown-form' },
  'invalid-subject': { status: 422, code: 'invalid-subject' },
  'no-regulation-for-period': { status: 422, code: 'invalid-subject' },
  'too-deep': { status: 400, code: 'invalid-request' },
  cycle: { status: 400, code: 'invalid-request' },
};

/** Any error as a Problem: KiemdiemErrors keep their message (already in `lang`); anything else is internal. */
export function toProblem(error: unknown, lang: Lang): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof KiemdiemError) {
    const mapped = STATUS_OF[error.code] ?? { status: 422, code: 'invalid-request' as ProblemCode };
    const details = error.details;
    const errors = Array.isArray(details) ? (details as ProblemIssue[]).filter((d) => d && typeof d === 'object').map(issue) : undefined;
    const problem = new Problem(mapped.status, mapped.code, error.message, errors);
    // The rules' own code stays visible (unknown-parameter, invalid-pack…) next to the HTTP family.
    if (mapped.code === 'invalid-request') Object.defineProperty(problem, 'code', { value: error.code });
    return problem;
  }
  return new Problem(500, 'internal', serverMessages(lang).internal);
}

function issue(d: ProblemIssue): ProblemIssue {
  return { path: String(d.path ?? ''), code: String(d.code ?? ''), message: String(d.message ?? ''), ...(d.index !== undefined ? { index: d.index } : {}), ...(d.id !== undefined ? { id: d.id } : {}) };
}

export function problemDocument(problem: Problem, lang: Lang, instance?: string): ProblemDocument {
  const titles = serverMessages(lang).titles as Record<string, string>;
  return {
    type: `${PROBLEM_TYPE}`,
    title: titles[problem.code] ?? titles['invalid-request']!,
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    ...(instance ? { instance } : {}),
    ...(problem.errors && problem.errors.length > 0 ? { errors: problem.errors } : {}),
  };
}
