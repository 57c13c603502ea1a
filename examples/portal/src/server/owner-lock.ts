/**
 * One portal process per database file, and recovery after `kill -9`.
 *
 * node-sqlite3-wasm locks the database by creating the directory `<db>.lock` (WebAssembly has no POSIX locks) and
 * removes it when a transaction ends. A process killed inside a transaction leaves it behind, and every later open
 * fails with SQLITE_BUSY until someone removes it by hand. So the portal first takes `<db>.owner`, a file that
 * names it: PID, host, and on Linux the boot and the process's start time (so that a PID reused after a reboot or
 * by another program is not taken for the portal). When the file names a process that is no longer alive, that
 * portal died: its `<db>.lock` is stale and is removed, and SQLite rolls back any half-written transaction from its
 * journal on open. When the owner is alive (or on another host), the portal refuses to start rather than share.
 *
 * The owner file appears whole (written aside, then hard-linked into place), so no reader sees it half-written.
 * Two portals started at the same instant over a dead owner's file are not told apart; one process per file is the
 * documented use.
 */
import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

export class StoreLockedError extends Error {}

interface Owner {
  pid: number;
  host: string;
  boot?: string;
  started?: string;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Linux: the boot id, and a process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat). */
const bootId = () => readText('/proc/sys/kernel/random/boot_id');
function startTime(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function alive(owner: Owner): boolean {
  if (owner.boot !== undefined && owner.boot !== bootId()) return false; // the machine rebooted since
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: a process exists but belongs to someone else. Only ESRCH means it is gone.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  // A live PID with another start time is another program that got the number.
  const started = owner.started === undefined ? undefined : startTime(owner.pid);
  return started === undefined || started === owner.started;
}

function readOwner(path: string): Owner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Owner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return undefined;
    return { pid: parsed.pid, host: parsed.host, ...(typeof parsed.boot === 'string' ? { boot: parsed.boot } : {}), ...(typeof parsed.started === 'string' ? { started: parsed.started } : {}) };
  } catch {
    return undefined;
  }
}

/** Takes the database file for this process; returns the release function. Throws StoreLockedError when a live portal holds it. */
export function acquireOwner(dbPath: string): () => void {
  const ownerPath = `${dbPath}.owner`;
  const boot = bootId();
  const started = startTime(process.pid);
  const me: Owner = { pid: process.pid, host: hostname(), ...(boot ? { boot } : {}), ...(started ? { started } : {}) };
  const aside = `${ownerPath}.${process.pid}.tmp`;
  writeFileSync(aside, JSON.stringify(me), { mode: 0o600, flush: true });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(aside, ownerPath); // fails if the file exists: exclusive, and whole when it appears
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = readOwner(ownerPath);
        if (owner && (owner.host !== me.host || (owner.pid !== me.pid && alive(owner)))) {
          throw new StoreLockedError(`${dbPath} is in use by process ${owner.pid} on ${owner.host} (${ownerPath})`);
        }
        // The owner died: its SQLite lock directory is stale too.
        rmSync(`${dbPath}.lock`, { recursive: true, force: true });
        try {
          unlinkSync(ownerPath);
        } catch {
          // another starter removed it first: try again
        }
        continue;
      }
      // No process holds the file now but us: a lock directory left from before is stale.
      rmSync(`${dbPath}.lock`, { recursive: true, force: true });
      return () => {
        if (readOwner(ownerPath)?.pid === me.pid) rmSync(ownerPath, { force: true });
      };
    }
    throw new StoreLockedError(`${dbPath}: cannot take ${ownerPath}`);
  } finally {
    rmSync(aside, { force: true });
  }
}
