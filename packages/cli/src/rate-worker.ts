/** Worker thread of `kiemdiem rate --format jsonl --workers N`: rates the chunks of lines it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { createRater } from '@kiemdiem/rules';
import { countingRater } from './stream/chunk-tally';
import { rateChunk } from './stream/rate-chunk';
import { messages } from './locales';
import type { WorkerSetup, ToWorker, FromWorker } from './stream/protocol';

const setup = workerData as WorkerSetup;
const counting = countingRater(createRater(setup.options));
const words = messages(setup.options.lang ?? 'vi');
/** Output buffers the main thread has written out and sent back. */
const spares: ArrayBuffer[] = [];

parentPort!.on('message', (message: ToWorker) => {
  if (message.spare) spares.push(message.spare);
  try {
    const { out: bytes, ...numbers } = rateChunk(message.bytes, message.firstIndex, counting.rater, words, spares.pop());
    const input = message.bytes.buffer as ArrayBuffer;
    parentPort!.postMessage({ type: 'chunk', seq: message.seq, bytes, input, counts: counting.take(), ...numbers } satisfies FromWorker, [bytes.buffer as ArrayBuffer, input]);
  } catch (error) {
    // The main thread rates the chunk again: what was counted of it here is dropped.
    counting.take();
    parentPort!.postMessage({ type: 'failed', seq: message.seq, error: (error as Error).message } satisfies FromWorker);
  }
});
