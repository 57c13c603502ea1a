/**
 * The output directory of a batch, made and checked before any work: it must exist (made, with its parents, if
 * missing) and take a new file. Node's own `mkdir(dir, { recursive: true })` never returns for a path under
 * /proc (procfs answers ENOENT for the child of a directory that exists, and Node retries the parent forever),
 * so the directories are made one at a time, and a file is written and removed to prove the directory writable
 * (access(2) says yes to root everywhere, and procfs refuses files even to root).
 */
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KiemdiemError } from '@kiemdiem/rules';
import type { ReportLocale } from './locales';

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

async function makeDirectory(dir: string): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
    throw Object.assign(new Error(`not a directory: ${dir}`), { code: 'ENOTDIR' });
  } catch (error) {
    if (code(error) !== 'ENOENT') throw error;
  }
  const parent = dirname(dir);
  if (parent !== dir) await makeDirectory(parent);
  try {
    await mkdir(dir);
  } catch (error) {
    // Made meanwhile by someone else: fine if it is a directory. Any other answer is final.
    if (code(error) === 'EEXIST' && (await stat(dir)).isDirectory()) return;
    throw error;
  }
}

/** Makes `dir` and proves it writable; else `invalid-option` naming the directory and the system's reason. */
export async function prepareOutDir(dir: string, words: ReportLocale): Promise<void> {
  try {
    await makeDirectory(dir);
    const probe = join(dir, `.kiemdiem-${process.pid}-${Date.now()}.tmp`);
    await (await open(probe, 'wx')).close();
    await rm(probe, { force: true });
  } catch (error) {
    throw new KiemdiemError('invalid-option', words.batch.outDir(dir, code(error)), { option: 'outDir', code: code(error) });
  }
}
