/**
 * Output lines gathered as UTF-8 bytes in one buffer. Writing each line straight into the buffer
 * (Buffer#write) measured about four times cheaper than joining the lines and encoding the result
 * with TextEncoder, which copies the text twice and allocates per call.
 */
import { Buffer } from 'node:buffer';

export class Utf8Lines {
  private buf: Buffer;
  private pos = 0;

  /**
   * `expected`: the bytes the caller expects to write; a new buffer gets half as much again as headroom.
   * `reuse`: a buffer from an earlier chunk, already written out (its pages are mapped: no page faults),
   * taken when it holds `expected`.
   */
  constructor(expected: number, reuse?: ArrayBuffer) {
    const size = Math.max(1024, expected);
    // Its own ArrayBuffer (not Node's shared pool), so it can be transferred to another thread.
    this.buf = reuse && reuse.byteLength >= size ? Buffer.from(reuse) : Buffer.allocUnsafeSlow(Math.ceil(size * 1.5));
  }

  private room(bytes: number): void {
    const need = this.pos + bytes;
    if (need <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** Appends `text` (no newline). */
  text(text: string): void {
    // A UTF-16 unit is at most 3 UTF-8 bytes.
    this.room(text.length * 3);
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }

  /** Appends bytes that are already UTF-8. */
  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Appends one byte (an ASCII character). */
  byte(value: number): void {
    this.room(1);
    this.buf[this.pos++] = value;
  }

  /** Appends `text` and a newline. */
  line(text: string): void {
    this.room(text.length * 3 + 1);
    this.pos += this.buf.write(text, this.pos, 'utf8');
    this.buf[this.pos++] = 10;
  }

  /** Zero bytes up to a multiple of `n` from the start of the buffer (for a typed-array view after the lines). */
  align(n: number): void {
    const pad = (n - ((this.buf.byteOffset + this.pos) % n)) % n;
    this.room(pad);
    this.buf.fill(0, this.pos, this.pos + pad);
    this.pos += pad;
  }

  /** Takes back the last `count` bytes written (ASCII the caller wrote itself). */
  unwrite(count: number): void {
    this.pos = Math.max(0, this.pos - count);
  }

  get length(): number {
    return this.pos;
  }

  /** The lines written so far (a view of the buffer; the writer must not be used after). */
  bytes(): Uint8Array {
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.pos);
  }
}
