/** Worker thread of `kiemdiem rate --format jsonl --workers N`: rates the chunks of lines it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { createRater } from '@kiemdiem/rules';
import { rateChunk } from './stream/rate-chunk';
import { messages } from './locales';
import type { WorkerSetup, ToWorker, FromWorker } from './stream/protocol';

const setup = workerData as WorkerSetup;
// Ids are checked, and the quota counted, on the main thread across workers (stream/stream-ids.ts).
const rater = createRater(setup.options, { checkIds: false });
const words = messages(setup.options.lang ?? 'vi');
/** Output buffers the main thread has written out and sent back. */
const spares: ArrayBuffer[] = [];

parentPort!.on('message', (message: ToWorker) => {
  if (message.spare) spares.push(message.spare);
  try {
    const { out: bytes, ...numbers } = rateChunk(message.bytes, message.firstIndex, rater, words, spares.pop());
    const input = message.bytes.buffer as ArrayBuffer;
    parentPort!.postMessage({ type: 'chunk', seq: message.seq, bytes, input, ...numbers } satisfies FromWorker, [bytes.buffer as ArrayBuffer, input]);
  } catch (error) {
    // The main thread rates the chunk again.
    parentPort!.postMessage({ type: 'failed', seq: message.seq, error: (error as Error).message } satisfies FromWorker);
  }
});
