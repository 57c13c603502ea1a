/**
 * A worker of the differential check in bench.ts: batches of generated subjects through both engines of
 * the built package (dist), compared field by field. Plain JavaScript: worker threads do not inherit tsx.
 */
import { isDeepStrictEqual } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { rateMany, rateManySync } from '../dist/index.js';
import { batchArb, optionsArb } from './arbitraries.mjs';

const { from, to, batch, overlay } = workerData;
let subjects = 0;
const mismatches = [];
for (let b = from; b < to; b++) {
  const [[subjectsOf, options]] = fc.sample(fc.tuple(batchArb(batch), optionsArb(overlay)), { numRuns: 1, seed: 1_000_000 + b });
  const reference = await rateMany(subjectsOf, { ...options, engine: 'reference' });
  const compiled = rateManySync(subjectsOf, options);
  subjects += subjectsOf.length;
  if (!isDeepStrictEqual(reference, compiled) && mismatches.length < 5) mismatches.push(`seed ${1_000_000 + b}`);
}
parentPort.postMessage({ subjects, mismatches });
