/**
 * Drafts in an embedded SQLite database file. node-sqlite3-wasm is SQLite itself compiled to WebAssembly,
 * writing the database file through Node's fs: no native module, no prebuilt binary to download, no install
 * script, no other service. Each statement is its own transaction (SQLite's rollback journal), so a draft
 * acknowledged to the browser is on disk, and a crash or restart loses nothing that was saved.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Draft, MemberFormId } from '../shared/api';

// A CommonJS module whose exports Node cannot list for `import { Database }`.
const { Database } = createRequire(import.meta.url)('node-sqlite3-wasm') as typeof import('node-sqlite3-wasm');
type Db = InstanceType<typeof Database>;

/** Bump with a migration below when the table changes. */
const SCHEMA_VERSION = 1;

interface Row {
  id: string;
  form_id: string;
  full_name: string;
  document: string;
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

function toDraft(row: Row): Draft {
  return {
    id: row.id,
    formId: row.form_id as MemberFormId,
    fullName: row.full_name,
    document: JSON.parse(row.document) as Record<string, unknown>,
    valid: row.valid === 1,
    errorCount: row.error_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class DraftStore {
  private readonly db: Db;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.migrate();
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
  }

  list(): Draft[] {
    return (this.db.all('SELECT * FROM drafts ORDER BY updated_at DESC, id') as unknown as Row[]).map(toDraft);
  }

  get(id: string): Draft | undefined {
    const row = this.db.get('SELECT * FROM drafts WHERE id = ?', [id]) as unknown as Row | null;
    return row ? toDraft(row) : undefined;
  }

  /** Inserts or replaces a draft; `created` tells which. */
  put(id: string, input: DraftInput, now = new Date()): { draft: Draft; created: boolean } {
    const at = now.toISOString();
    const created = this.get(id) === undefined;
    // One statement: atomic on its own; created_at survives a replace.
    this.db.run(
      `INSERT INTO drafts (id, form_id, full_name, document, valid, error_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET form_id = excluded.form_id, full_name = excluded.full_name,
         document = excluded.document, valid = excluded.valid, error_count = excluded.error_count,
         updated_at = excluded.updated_at`,
      [id, input.formId, input.fullName, JSON.stringify(input.document), input.valid ? 1 : 0, input.errorCount, at, at],
    );
    return { draft: this.get(id)!, created };
  }

  delete(id: string): boolean {
    return this.db.run('DELETE FROM drafts WHERE id = ?', [id]).changes > 0;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
