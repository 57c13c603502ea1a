#!/usr/bin/env node
/**
 * pnpm bench:forms — how long @kiemdiem/forms (built dist) takes to validate a Mẫu 02B whose evidence annex has
 * 1,000 / 4,000 / 16,000 rows (the schema allows 50): the time must grow linearly, and the error list stays short.
 *
 *   node packages/forms/bench/validate.mjs [--rows 1000,4000,16000] [--rounds 3] [--dist packages/forms/dist/index.js]
 *
 *   … --kinds valid,half-wrong,all-wrong   which evidence rows (see KINDS)
 *
 * Each size is timed `rounds` times (after one warm-up run); the best time is reported, with the errors returned.
 * Times include the level check validate() runs for a self-review.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = flag('--rows', '1000,4000,16000').split(',').map(Number);
const rounds = Number(flag('--rounds', '3'));
const dist = resolve(flag('--dist', 'packages/forms/dist/index.js'));
const { validate, exampleFor } = await import(pathToFileURL(dist).href);

const ROW = { task: 'Xây dựng báo cáo tổng kết năm', completed: 'hoan-thanh', onTime: 'dung-tien-do', exceeded: 'khong' };
/** Kinds of evidence rows: all valid; every other one wrong twice (a value not allowed, a field missing); all wrong five times (four fields missing, one unknown). */
const KINDS = {
  valid: () => ({ ...ROW }),
  'half-wrong': (i) => (i % 2 === 0 ? { ...ROW } : { task: ROW.task, completed: 'xong', onTime: 'dung-tien-do' }),
  'all-wrong': () => ({ x: 1 }),
};
const kinds = flag('--kinds', Object.keys(KINDS).join(',')).split(',');

/** The 02B example with `n` evidence rows of a kind. */
function documentWith(n, kind) {
  const doc = structuredClone(exampleFor('hd43-2025/02b'));
  doc.B.evidence = Array.from({ length: n }, (_, i) => KINDS[kind](i));
  return doc;
}

const out = [];
for (const kind of kinds) for (const n of sizes) {
  const doc = documentWith(n, kind);
  await validate('hd43-2025/02b', doc);
  let best = Infinity;
  let errors = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const result = await validate('hd43-2025/02b', doc);
    best = Math.min(best, performance.now() - t0);
    errors = result.errors.length;
  }
  out.push({ kind, rows: n, ms: Math.round(best * 10) / 10, errors });
  console.log(`${kind.padEnd(10)} ${String(n).padStart(6)} rows  ${(best / 1000).toFixed(3).padStart(8)} s  ${errors} errors reported`);
}
for (const kind of kinds) {
  const runs = out.filter((r) => r.kind === kind);
  const [first, last] = [runs[0], runs[runs.length - 1]];
  if (first && last && first !== last)
    console.log(`${kind}: time ×${(last.ms / first.ms).toFixed(1)} for rows ×${(last.rows / first.rows).toFixed(0)} (linear: ×${(last.rows / first.rows).toFixed(0)})`);
}
