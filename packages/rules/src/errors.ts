/** Errors a host can branch on by `code`; messages are already in the requested language. */

export type KiemdiemErrorCode =
  | 'unknown-regulation'
  | 'no-regulation-for-period'
  | 'invalid-pack'
  | 'unknown-parameter'
  | 'invalid-parameter'
  | 'unknown-rule'
  | 'invalid-subject'
  | 'unknown-form'
  | 'invalid-option'
  /** A required argument missing (null/undefined) or of the wrong type. */
  | 'invalid-argument'
  /** Input nested deeper than the limit (100 levels), or an object that contains itself. */
  | 'too-deep'
  | 'cycle'
  /** A bounded queue is full (@kiemdiem/reports' render pool): try again later. */
  | 'overloaded';

/**
 * A registry-wide symbol: the ESM and CommonJS builds of this package (both loaded when one part of an
 * application imports and another requires it) each define their own class, and only a brand both can see lets
 * one recognise the other's errors.
 */
const BRAND = Symbol.for('@kiemdiem/rules/KiemdiemError');

export class KiemdiemError extends Error {
  readonly code: KiemdiemErrorCode;
  readonly details?: unknown;
  constructor(code: KiemdiemErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'KiemdiemError';
    this.code = code;
    this.details = details;
  }

  /**
   * Whether `value` is a KiemdiemError from any copy of this package (its ESM or CommonJS build, or another
   * installed version). Prefer it to `instanceof` in code that may meet errors from another copy; `instanceof
   * KiemdiemError` gives the same answer.
   */
  static is(value: unknown): value is KiemdiemError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /**
   * `error instanceof KiemdiemError` holds for an error of any copy of the package (see `is`). For a subclass
   * (PackError), the class's own prototype chain, or a branded error of the same name from another copy.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (!KiemdiemError.is(value)) return false;
    return this.prototype === KiemdiemError.prototype || (value as Error).name === this.prototype.name;
  }
}
// On the prototype, not the instance: it stays out of JSON, object spreads and deep equality.
Object.defineProperty(KiemdiemError.prototype, BRAND, { value: true });

/** A rule-pack file that does not match the pack schema or refers to something that does not exist. */
export class PackError extends KiemdiemError {
  readonly file: string;
  /** JSON pointer inside `file`. */
  readonly path: string;
  constructor(file: string, path: string, reason: string) {
    super('invalid-pack', `${file}${path ? ` (${path})` : ''}: ${reason}`, { file, path, reason });
    this.name = 'PackError';
    this.file = file;
    this.path = path;
  }
}
// The name `instanceof PackError` compares across copies of the package (KiemdiemError[Symbol.hasInstance]).
Object.defineProperty(PackError.prototype, 'name', { value: 'PackError', writable: true, configurable: true });
