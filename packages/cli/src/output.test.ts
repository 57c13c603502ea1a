/** outputTo and writeFileAtomically: an input is never the output, `-` is stdout, a failed write leaves nothing behind. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from './io';
import { messages } from './locales';
import { outputTo, writeFileAtomically } from './output';

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-output-'));
const msg = messages('vi');
const io = (isTTY: boolean) => ({ stdout: vi.fn(), stderr: vi.fn(), isTTY, write: vi.fn() });

describe('outputTo', () => {
  it('refuses an output that is an input, through a symlink too; accepts another file', () => {
    const input = join(dir, 'in.json');
    writeFileSync(input, '{}');
    symlinkSync(input, join(dir, 'alias.json'));
    expect(() => outputTo(input, [input], io(false), msg)).toThrow(UsageError);
    expect(() => outputTo(join(dir, 'alias.json'), [undefined, '-', input], io(false), msg)).toThrow(/là tệp đầu vào/);
    expect(outputTo(join(dir, 'other.json'), [input], io(false), msg).stdout).toBe(false);
  });

  it('`-` writes to stdout; a PDF is refused on a terminal, not on a pipe', async () => {
    const tty = io(true);
    expect(() => outputTo('-', [], tty, msg, { binary: true })).toThrow(/Không in PDF ra màn hình/);
    const pipe = io(false);
    const out = outputTo('-', [], pipe, msg, { binary: true });
    await out.write(new Uint8Array([37, 80]));
    expect(out.stdout).toBe(true);
    expect(pipe.write).toHaveBeenCalledWith(new Uint8Array([37, 80]));
    // Text may go to a terminal.
    expect(outputTo('-', [], tty, msg).stdout).toBe(true);
  });
});

describe('writeFileAtomically', () => {
  it('replaces a file whole and keeps its mode', () => {
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'old', { mode: 0o640 });
    writeFileAtomically(file, 'new', msg);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('on failure keeps the old file, removes its temporary file and names the path (usage error)', () => {
    const target = join(dir, 'a-dir');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    expect(() => writeFileAtomically(target, 'data', msg)).toThrow(new RegExp(`^Không ghi được tệp ${target.replace(/[/.]/g, '\\$&')}: `));
    expect(readdirSync(target)).toEqual(['keep']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
