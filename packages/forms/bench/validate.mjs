#!/usr/bin/env node
/**
 * pnpm bench:forms — how long @kiemdiem/forms (built dist) takes to validate a Mẫu 02B whose evidence annex has
 * 1,000 / 4,000 / 16,000 rows (the schema allows 50): the time must grow linearly, and the error list stays short.
 *
 *   node packages/forms/bench/validate.mjs [--rows 1000,4000,16000] [--rounds 3] [--dist packages/forms/dist/index.js]
 *
 * Each size is timed `rounds` times (after one warm-up run); the best time is reported, with the errors returned.
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

/** The 02B example with `n` evidence rows, every other one invalid (a missing field, an unknown value). */
function documentWith(n) {
  const doc = structuredClone(exampleFor('hd43-2025/02b'));
  const row = { task: 'Xây dựng báo cáo tổng kết năm', completed: 'hoan-thanh', onTime: 'dung-tien-do', exceeded: 'khong' };
  doc.B.evidence = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? { ...row } : { task: row.task, completed: 'xong', onTime: 'dung-tien-do' }));
  return doc;
}

const out = [];
for (const n of sizes) {
  const doc = documentWith(n);
  await validate('hd43-2025/02b', doc);
  let best = Infinity;
  let errors = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const result = await validate('hd43-2025/02b', doc);
    best = Math.min(best, performance.now() - t0);
    errors = result.errors.length;
  }
  out.push({ rows: n, ms: Math.round(best * 10) / 10, errors });
  console.log(`${String(n).padStart(6)} rows  ${(best / 1000).toFixed(3).padStart(8)} s  ${errors} errors reported`);
}
const [first, last] = [out[0], out[out.length - 1]];
if (first && last && first !== last)
  console.log(`time ×${(last.ms / first.ms).toFixed(1)} for rows ×${(last.rows / first.rows).toFixed(0)} (linear: ×${(last.rows / first.rows).toFixed(0)})`);
