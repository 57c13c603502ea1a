/** Subjects a report left out as invalid: listed on stderr with their errors, and exit 1 (EXIT.failed). */
import { EXIT, type Io } from '../io';
import { printable } from '../table';

export interface InvalidEntry {
  index?: unknown;
  id?: unknown;
  path?: unknown;
  message?: unknown;
}

/** How many subjects `errors` is about (a subject may have several). */
export function invalidCount(errors: readonly InvalidEntry[]): number {
  return new Set(errors.map((e, i) => (e.index !== undefined ? String(e.index) : `#${i}`))).size;
}

/** Lists `errors` under `heading` (`#index (id) path: message`, one a line); returns 1 when there is any, else 0. */
export function listInvalid(errors: readonly InvalidEntry[], heading: (count: number) => string, io: Io): number {
  if (errors.length === 0) return EXIT.ok;
  const lines = errors.map((e) => `- #${String(e.index ?? '?')}${typeof e.id === 'string' ? ` (${e.id})` : ''} ${typeof e.path === 'string' && e.path !== '' ? e.path : '/'}: ${String(e.message ?? '')}`);
  io.stderr(`${[heading(invalidCount(errors)), ...lines].map(printable).join('\n')}\n`);
  return EXIT.failed;
}
