/**
 * Where a command's --out goes, for every command that has one: `-` is stdout; a file is written whole or
 * not at all (a temporary file in the same directory, renamed over the target on success), and never over
 * one of the command's inputs.
 */
import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { Buffer } from 'node:buffer';
import { UsageError, type Io } from './io';
import { writeProblem } from './files';
import type { Messages } from './locales';

export interface Output {
  /** The --out value, for messages. */
  path: string;
  /** `-`: the data goes to stdout (no "written" message then: it would mix with the data). */
  stdout: boolean;
  write(data: string | Uint8Array): Promise<void>;
}

/** Whether two paths are the same file (after symlinks and hard links); false when either does not exist. */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Checks --out before any work is done (usage errors, exit 2): not one of `inputs` (the files the command
 * reads; undefined and `-` are skipped), and, for `binary` data (a PDF), not a terminal when it is `-`.
 */
export function outputTo(out: string, inputs: ReadonlyArray<string | undefined>, io: Io, msg: Messages, options: { binary?: boolean } = {}): Output {
  if (out === '-') {
    if (options.binary && io.isTTY) throw new UsageError(msg.binaryToTerminal);
    return {
      path: out,
      stdout: true,
      write: async (data) => {
        if (io.write) await io.write(data);
        else io.stdout(typeof data === 'string' ? data : Buffer.from(data).toString('latin1'));
      },
    };
  }
  for (const input of inputs) if (input !== undefined && input !== '-' && sameFile(out, input)) throw new UsageError(msg.sameAsInput(out, input));
  return { path: out, stdout: false, write: (data) => Promise.resolve(writeFileAtomically(out, data, msg)) };
}

/** Writes `file` through a temporary file next to it, renamed over it once complete; the temporary file is removed on failure. */
export function writeFileAtomically(file: string, data: string | Uint8Array, msg: Messages): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    // A file replaced keeps its permissions.
    try {
      chmodSync(temp, statSync(file).mode & 0o7777);
    } catch {
      // No file there yet: the new one has the default mode.
    }
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created.
    }
    throw writeProblem(file, error, msg);
  }
}
