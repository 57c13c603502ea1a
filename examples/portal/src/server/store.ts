/**
 * Drafts in an embedded SQLite database file. node-sqlite3-wasm is SQLite itself compiled to WebAssembly,
 * writing the database file through Node's fs (with fsync): no native module, no prebuilt binary to download, no
 * install script, no other service. Each write is one statement, its own transaction (rollback journal), so a
 * draft acknowledged to the browser is on disk, and a crash or restart loses nothing that was saved.
 *
 * Writes are conditional on the version the client last read (optimistic concurrency): a save or delete of a
 * stale version changes nothing and says so. The database file is taken for this process first (owner-lock.ts),
 * which also clears the lock a killed portal left behind.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Draft, DraftSummary, MemberFormId } from '../shared/api';
import { acquireOwner } from './owner-lock';

// A CommonJS module whose exports Node cannot list for `import { Database }`.
const { Database } = createRequire(import.meta.url)('node-sqlite3-wasm') as typeof import('node-sqlite3-wasm');
type Db = InstanceType<typeof Database>;

/** Bump with a migration below when the table changes. */
const SCHEMA_VERSION = 2;

interface Row {
  id: string;
  owner: string;
  chi_bo: string;
  version: number;
  form_id: string;
  full_name: string;
  document?: string;
  valid: number;
  error_count: number;
  created_at: string;
  updated_at: string;
}

export interface DraftInput {
  formId: MemberFormId;
  fullName: string;
  document: Record<string, unknown>;
  valid: boolean;
  errorCount: number;
}

/** Who a new draft belongs to. */
export interface DraftOwner {
  owner: string;
  chiBo: string;
}

/** What a conditional write did. */
export type WriteOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'stale' | 'missing' | 'exists'; current?: DraftSummary };

function toSummary(row: Row): DraftSummary {
  return {
    id: row.id,
    owner: row.owner,
    chiBo: row.chi_bo,
    version: row.version,
    formId: row.form_id as MemberFormId,
    fullName: row.full_name,
    valid: row.valid === 1,
    errorCount: row.error_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDraft(row: Row): Draft {
  return { ...toSummary(row), document: JSON.parse(row.document ?? '{}') as Record<string, unknown> };
}

const SUMMARY_COLUMNS = 'id, owner, chi_bo, version, form_id, full_name, valid, error_count, created_at, updated_at';

export interface ListQuery {
  /** Only these owners' drafts (a member: themself). */
  owner?: string;
  /** Only this chi bộ's drafts (a secretary). */
  chiBo?: string;
  /** Drafts with an id after this one (keyset paging: stable while drafts change). */
  after?: string;
  limit: number;
}

export class DraftStore {
  private readonly db: Db;
  private readonly release: () => void;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.release = acquireOwner(path);
    try {
      this.db = new Database(path);
      this.migrate();
    } catch (error) {
      this.release();
      throw error;
    }
  }

  private migrate(): void {
    const version = Number((this.db.get('PRAGMA user_version') as { user_version: number }).user_version);
    if (version > SCHEMA_VERSION) throw new Error(`${this.path}: database schema ${version} is newer than this portal (${SCHEMA_VERSION})`);
    if (version < 1) {
      this.db.exec(`
        BEGIN;
        CREATE TABLE IF NOT EXISTS drafts (
          id          TEXT PRIMARY KEY,
          form_id     TEXT NOT NULL,
          full_name   TEXT NOT NULL DEFAULT '',
          document    TEXT NOT NULL,
          valid       INTEGER NOT NULL,
          error_count INTEGER NOT NULL,
          created_at  TEXT NOT NULL,
          updated_at  TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS drafts_updated ON drafts (updated_at);
        PRAGMA user_version = 1;
        COMMIT;`);
    }
    if (version < 2) {
      // Drafts saved before sign-in existed have no owner: nobody sees them until an administrator assigns them
      // (README, "Security model").
      this.db.exec(`
        BEGIN;
        ALTER TABLE drafts ADD COLUMN owner   TEXT NOT NULL DEFAULT '';
        ALTER TABLE drafts ADD COLUMN chi_bo  TEXT NOT NULL DEFAULT '';
        ALTER TABLE drafts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX IF NOT EXISTS drafts_owner ON drafts (owner, id);
        CREATE INDEX IF NOT EXISTS drafts_chi_bo ON drafts (chi_bo, id);
        PRAGMA user_version = 2;
        COMMIT;`);
    }
  }

  /** One page of summaries, by id; the document column is never read. */
  list(query: ListQuery): DraftSummary[] {
    const where: string[] = [];
    const values: string[] = [];
    if (query.owner !== undefined) {
      where.push('owner = ?');
      values.push(query.owner);
    }
    if (query.chiBo !== undefined) {
      where.push('chi_bo = ?');
      values.push(query.chiBo);
    }
    if (query.after !== undefined) {
      where.push('id > ?');
      values.push(query.after);
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM drafts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ${Math.trunc(query.limit)}`;
    return (this.db.all(sql, values) as unknown as Row[]).map(toSummary);
  }

  summary(id: string): DraftSummary | undefined {
    const row = this.db.get(`SELECT ${SUMMARY_COLUMNS} FROM drafts WHERE id = ?`, [id]) as unknown as Row | null;
    return row ? toSummary(row) : undefined;
  }

  get(id: string): Draft | undefined {
    const row = this.db.get('SELECT * FROM drafts WHERE id = ?', [id]) as unknown as Row | null;
    return row ? toDraft(row) : undefined;
  }

  /** Creates a draft; fails with 'exists' when the id is taken (by anyone). */
  create(id: string, who: DraftOwner, input: DraftInput, now = new Date()): WriteOutcome<Draft> {
    const at = now.toISOString();
    const { changes } = this.db.run(
      `INSERT INTO drafts (id, owner, chi_bo, version, form_id, full_name, document, valid, error_count, created_at, updated_at)
       VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
      [id, who.owner, who.chiBo, input.formId, input.fullName, JSON.stringify(input.document), input.valid ? 1 : 0, input.errorCount, at, at],
    );
    if (changes === 0) return { ok: false, reason: 'exists', current: this.summary(id) };
    return { ok: true, value: this.get(id)! };
  }

  /** Replaces version `expected` of a draft with the next version, in one statement; the form stays the same. */
  update(id: string, expected: number, input: DraftInput, now = new Date()): WriteOutcome<Draft> {
    const { changes } = this.db.run(
      `UPDATE drafts SET version = version + 1, full_name = ?, document = ?, valid = ?, error_count = ?, updated_at = ?
       WHERE id = ? AND version = ? AND form_id = ?`,
      [input.fullName, JSON.stringify(input.document), input.valid ? 1 : 0, input.errorCount, now.toISOString(), id, expected, input.formId],
    );
    if (changes > 0) return { ok: true, value: this.get(id)! };
    const current = this.summary(id);
    return { ok: false, reason: current ? 'stale' : 'missing', current };
  }

  /** Deletes version `expected` of a draft. */
  delete(id: string, expected: number): WriteOutcome<true> {
    if (this.db.run('DELETE FROM drafts WHERE id = ? AND version = ?', [id, expected]).changes > 0) return { ok: true, value: true };
    const current = this.summary(id);
    return { ok: false, reason: current ? 'stale' : 'missing', current };
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
    this.release();
  }
}
