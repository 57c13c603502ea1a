/**
 * Output lines gathered as UTF-8 bytes in one buffer. Writing each line straight into the buffer
 * (Buffer#write) measured about four times cheaper than joining the lines and encoding the result
 * with TextEncoder, which copies the text twice and allocates per call.
 */
import { Buffer } from 'node:buffer';

export class Utf8Lines {
  private buf: Buffer;
  private pos = 0;

  constructor(initial: number) {
    // Its own ArrayBuffer (not Node's shared pool), so it can be transferred to another thread.
    this.buf = Buffer.allocUnsafeSlow(Math.max(1024, initial));
  }

  /** Appends `text` and a newline. */
  line(text: string): void {
    // A UTF-16 unit is at most 3 UTF-8 bytes; the newline is one more.
    const need = this.pos + text.length * 3 + 1;
    if (need > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
      this.buf.copy(bigger, 0, 0, this.pos);
      this.buf = bigger;
    }
    this.pos += this.buf.write(text, this.pos, 'utf8');
    this.buf[this.pos++] = 10;
  }

  get length(): number {
    return this.pos;
  }

  /** The lines written so far (a view of the buffer; the writer must not be used after). */
  bytes(): Uint8Array {
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.pos);
  }
}
