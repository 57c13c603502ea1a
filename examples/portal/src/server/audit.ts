/**
 * The audit log: one JSON line per API request, appended (O_APPEND, never rewritten): when, who, from where,
 * what, which draft, and the result (status and error code). Passwords and documents are never written.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AuditEntry {
  at: string;
  user: string | null;
  role: string | null;
  ip: string | null;
  method: string;
  action: string;
  draft: string | null;
  status: number;
  code: string | null;
}

export interface AuditLog {
  write(entry: AuditEntry): void;
  close(): void;
}

export function fileAuditLog(path: string): AuditLog {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a', 0o600);
  let open = true;
  return {
    write(entry) {
      if (open) writeSync(fd, `${JSON.stringify(entry)}\n`);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

export const noAuditLog: AuditLog = { write() {}, close() {} };
