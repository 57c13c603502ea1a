/**
 * One portal process per database file, and recovery after `kill -9`.
 *
 * node-sqlite3-wasm locks the database by creating the directory `<db>.lock` (WebAssembly has no POSIX locks) and
 * removes it when a transaction ends. A process killed inside a transaction leaves it behind, and every later
 * open fails with SQLITE_BUSY until someone removes it by hand. So the portal first takes `<db>.owner`, a file
 * created exclusively that holds its PID and host name. When the file is there already and names a process of this
 * host that is no longer alive, that portal died: its `<db>.lock` is stale and is removed, and SQLite rolls back
 * any half-written transaction from its journal on open. When the owner is alive (or on another host), the portal
 * refuses to start rather than share the file.
 */
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export class StoreLockedError extends Error {}

interface Owner {
  pid: number;
  host: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process exists but belongs to someone else. Only ESRCH means it is gone.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function readOwner(path: string): Owner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Owner>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host } : undefined;
  } catch {
    return undefined; // empty or torn: the writer died between create and write
  }
}

/** Takes the database file for this process; returns the release function. Throws StoreLockedError when a live portal holds it. */
export function acquireOwner(dbPath: string): () => void {
  const ownerPath = `${dbPath}.owner`;
  const me: Owner = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(ownerPath, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(ownerPath);
      if (owner && (owner.host !== me.host || (owner.pid !== me.pid && alive(owner.pid)))) {
        throw new StoreLockedError(`${dbPath} is in use by process ${owner.pid} on ${owner.host} (${ownerPath})`);
      }
      // The owner died (or never finished writing its name): its SQLite lock directory is stale too.
      rmSync(`${dbPath}.lock`, { recursive: true, force: true });
      try {
        unlinkSync(ownerPath);
      } catch {
        // another starter removed it first: try again
      }
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    fsyncSync(fd);
    closeSync(fd);
    // No process holds the file now but us: a lock directory left from before is stale.
    rmSync(`${dbPath}.lock`, { recursive: true, force: true });
    return () => {
      if (readOwner(ownerPath)?.pid === me.pid) rmSync(ownerPath, { force: true });
    };
  }
  throw new StoreLockedError(`${dbPath}: cannot take ${ownerPath}`);
}
