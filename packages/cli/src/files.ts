/** Filesystem problems on paths the user gave: usage errors (exit 2) that name the path and say what is wrong. */
import type { Messages } from './locales';
import { UsageError } from './io';

/** The reason for an errno error: words and the code ("không tồn tại / not found (ENOENT)"), or the code alone. */
export function fsWhy(error: unknown, msg: Messages): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words = code === 'ENOENT' ? msg.notFound : code ? msg.fsCodes[code] : undefined;
  return words ? `${words} (${code})` : (code ?? String(error));
}

/** A file that cannot be read. */
export function fileProblem(file: string, error: unknown, msg: Messages): UsageError {
  return new UsageError(msg.unreadable(file, fsWhy(error, msg)));
}

/** A place that cannot be written. */
export function writeProblem(file: string, error: unknown, msg: Messages): UsageError {
  return new UsageError(msg.unwritable(file, fsWhy(error, msg)));
}

/** An errno error from the filesystem (as opposed to a bug): it has a code and names a syscall. */
export function isFsError(error: unknown): error is NodeJS.ErrnoException {
  const e = error as NodeJS.ErrnoException | undefined;
  return typeof e?.code === 'string' && typeof e.syscall === 'string';
}
