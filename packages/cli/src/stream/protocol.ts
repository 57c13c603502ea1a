/** Messages between `kiemdiem rate --format jsonl` and its worker threads (plain data, structured-cloned). */
import type { RateOptions } from '@kiemdiem/rules';
import type { ChunkOutput } from './rate-lines';

export interface WorkerSetup {
  /** Rater options; an overlaid pack travels as plain data. */
  options: Omit<RateOptions, 'engine'>;
}

/**
 * Chunks travel as UTF-8 bytes in transferred buffers: no copy, and no decoding or encoding on the main
 * thread. Buffers go back and forth to be reused (fresh memory costs a page fault per 4 kB): a chunk may
 * bring back an output buffer the main thread has written out (`spare`), and each output returns the
 * input buffer it was rated from (`input`). Each output carries its records' ids and quota levels (`ids`),
 * which the main thread checks and counts, so a worker holds nothing it needs at the end: it is terminated, not asked.
 */
export type ToWorker = { type: 'chunk'; seq: number; firstIndex: number; bytes: Uint8Array; spare?: ArrayBuffer };

export type FromWorker =
  | ({ type: 'chunk'; seq: number; bytes: Uint8Array; input: ArrayBuffer } & Omit<ChunkOutput, 'out'>)
  | { type: 'failed'; seq: number; error: string };
