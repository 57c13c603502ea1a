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
  | 'cycle';

export class KiemdiemError extends Error {
  readonly code: KiemdiemErrorCode;
  readonly details?: unknown;
  constructor(code: KiemdiemErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'KiemdiemError';
    this.code = code;
    this.details = details;
  }
}

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
