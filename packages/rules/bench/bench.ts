/**
 * pnpm bench:rules: the compiled engine against json-rules-engine (the reference) and a hand-written
 * function, in one process run; then the differential check on 1,000,000 generated subjects, and the
 * CLI on a large JSON Lines file. Prints a report and writes bench/results.json.
 *
 *   BENCH_DIFF=1000000   subjects in the differential check (0 to skip)
 *   BENCH_CLI=5000000    subjects in the CLI run (0 to skip)
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { sampleSubjects } from './arbitraries.mjs';
import { compilePack } from '../src/compile/engine';
import { eligibilityStatus, PackEngine, type RuleOutcome } from '../src/evaluate';
import { eligibilityFacts, ratingFacts, subjectType, type Facts } from '../src/facts';
import { parameterFacts } from '../src/pack/params';
import { decideLevel, rateMany, rateManySync } from '../src/rate';
import { loadRegulation } from '../src/registry';
import type { Level, Status, Subject, SubjectType } from '../src/types';

const here = fileURLToPath(new URL('.', import.meta.url));
const overlay = JSON.parse(readFileSync(join(here, '../../../examples/overlays/tinh-vi-du-2026.json'), 'utf8'));

/** Best of `runs` timings of fn over `n` items, in items per second. */
async function rate(n: number, runs: number, fn: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t);
  }
  return (n / best) * 1000;
}

/**
 * Best timings of several functions over `n` items each, run in turn `runs` times: on a shared machine
 * the load drifts, and interleaving lets every function see the same quiet moments.
 */
function interleaved(n: number, runs: number, fns: Array<() => unknown>): number[] {
  const best = fns.map(() => Infinity);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, i) => {
      const t = performance.now();
      fn();
      best[i] = Math.min(best[i]!, performance.now() - t);
    });
  }
  return best.map((ms) => (n / ms) * 1000);
}

// ---------------------------------------------------------------------------------------------------
// Engine level, QĐ 366: status and level from prepared facts (what json-rules-engine itself does).

interface Prepared {
  type: SubjectType;
  eligibility: Facts;
  rating: Facts;
  params: Record<string, number | string | boolean>;
}

/** QĐ 366 status and level written by hand from the rules (Điều 11; the practical speed limit). */
function handWritten366(s: Prepared): { status: Status; level: Level | null } {
  const f = s.rating;
  const p = s.params;
  if (s.type !== 'collective') {
    if (f.exempt === true || f.suspended === true) return { status: 'not-reviewed', level: null };
    if ((f.monthsSinceAdmission as number) < (p['param:eligibility.newMember.minMonths'] as number))
      return { status: p['param:eligibility.newMember.status'] as Status, level: null };
  }
  const total = f.total as number;
  if (total < (p['param:bands.HTNV.minTotal'] as number) || f.degradationConcluded === true || f.violatedProhibitions === true || f.disciplinedInPeriod === true)
    return { status: 'rated', level: 'KHTNV' };
  const completed = (f['tasks.completedShare'] as number) >= 1;
  const onTime = (f['tasks.onTimeShare'] as number) >= 1;
  const leader = s.type === 'leader';
  const ledCompleted = !leader || (f['ledUnits.completedShare'] as number) >= 1;
  const collectiveClean = s.type !== 'collective' || (f['collective.subUnitsDisciplined'] === 0 && f['collective.leadershipMembersDisciplined'] === 0);
  const exceeded = p['param:tasks.HTXSNV.minExceededShare'] as number;
  if (
    total >= (p['param:bands.HTXSNV.minTotal'] as number) && completed && onTime && (f['tasks.exceededShare'] as number) >= exceeded &&
    (f['shortcomings.remediatedShare'] as number) >= (p['param:shortcomings.HTXSNV.minRemediatedShare'] as number) &&
    ledCompleted && (!leader || (f['ledUnits.exceededShare'] as number) >= exceeded) && collectiveClean
  )
    return { status: 'rated', level: 'HTXSNV' };
  if (total >= (p['param:bands.HTTNV.minTotal'] as number) && completed && onTime && ledCompleted && (!leader || (f['ledUnits.onTimeShare'] as number) >= 1))
    return { status: 'rated', level: 'HTTNV' };
  const late = p['param:tasks.HTNV.maxLateShare'] as number;
  if (completed && (f['tasks.lateShare'] as number) <= late && ledCompleted && (!leader || (f['ledUnits.lateShare'] as number) <= late))
    return { status: 'rated', level: 'HTNV' };
  return { status: 'rated', level: 'KHTNV' };
}

function statusOf(eligibility: readonly RuleOutcome[], params: Prepared['params']): Status | null {
  const applied = eligibility.find((e) => e.outcome.result);
  return applied ? eligibilityStatus(applied.rule, params) : null;
}

async function engineLevel() {
  const pack = loadRegulation('qd-366-2025');
  const params = parameterFacts(pack, '2026-12-31', {});
  // Subjects the QĐ 366 pack rates: the 2026 review, with every input the pack asks for.
  const subjects = sampleSubjects(60_000, 2026)
    .map((s) => ({ ...s, period: { year: 2026 } }))
    .filter((s) => rateManySync([s]).results.length === 1) as unknown as Subject[];
  const prepared: Prepared[] = subjects.map((s) => ({
    type: subjectType(s),
    eligibility: eligibilityFacts(s),
    rating: ratingFacts(s, { selfDetectedExempts: params['param:force.discipline.selfDetectedExempts'] === true }),
    params,
  }));
  const reference = new PackEngine(pack);
  const compiled = compilePack(pack);

  // All three must agree before any is timed.
  for (const s of prepared.slice(0, 5000)) {
    const refStatus = statusOf(await reference.run(s.type, 'eligibility', s.eligibility, s.params), s.params);
    const ref = refStatus ? { status: refStatus, level: null } : { status: 'rated', level: decideLevel(await reference.run(s.type, 'rating', s.rating, s.params)).level };
    const cs = statusOf(compiled.run(s.type, 'eligibility', s.eligibility, s.params), s.params);
    const com = cs ? { status: cs, level: null } : { status: 'rated', level: decideLevel(compiled.run(s.type, 'rating', s.rating, s.params)).level };
    const hand = handWritten366(s);
    const quick = { ...compiled.deciders(s.type).both(s.rating, s.params) };
    if (!isDeepStrictEqual(ref, quick)) throw new Error(`decision procedure disagrees: ${JSON.stringify({ ref, quick })}`);
    if (!isDeepStrictEqual(ref, com) || !isDeepStrictEqual(ref, hand)) throw new Error(`engines disagree: ${JSON.stringify({ ref, com, hand })}`);
  }

  const refN = 10_000;
  const referencePerSec = await rate(refN, 2, async () => {
    for (let i = 0; i < refN; i++) {
      const s = prepared[i]!;
      if (statusOf(await reference.run(s.type, 'eligibility', s.eligibility, s.params), s.params)) continue;
      decideLevel(await reference.run(s.type, 'rating', s.rating, s.params));
    }
  });
  let sink = 0;
  // The compiled engine's decision procedure (what rateMany uses with `reasons: false`).
  const deciders = { collective: compiled.deciders('collective'), leader: compiled.deciders('leader'), 'non-leader': compiled.deciders('non-leader'), 'outside-system': compiled.deciders('outside-system') };
  const compiled1 = () => {
    for (const s of prepared) sink += deciders[s.type].both(s.rating, s.params).status.length;
  };
  // The compiled rules evaluated one by one with every outcome kept (what rateMany uses for reasons).
  const compiledOutcomesPerSec = await rate(prepared.length, 5, () => {
    for (const s of prepared) {
      if (statusOf(compiled.run(s.type, 'eligibility', s.eligibility, s.params), s.params)) continue;
      sink += decideLevel(compiled.run(s.type, 'rating', s.rating, s.params)).level.length;
    }
  });
  const [compiledPerSec, handPerSec] = interleaved(prepared.length, 15, [
    compiled1,
    () => {
      for (const s of prepared) sink += handWritten366(s).status.length;
    },
  ]) as [number, number];
  if (sink === 0) throw new Error('nothing measured');
  return { subjects: prepared.length, referencePerSec, compiledPerSec, compiledOutcomesPerSec, handPerSec };
}

// ---------------------------------------------------------------------------------------------------
// API level: rateMany (validation, facts, both phases, reasons with messages, quota), all three packs.

async function apiLevel() {
  const subjects = sampleSubjects(100_000, 366);
  const refN = 10_000;
  const referencePerSec = await rate(refN, 2, () => rateMany(subjects.slice(0, refN), { engine: 'reference' }));
  rateManySync(subjects.slice(0, 10_000));
  const compiledPerSec = await rate(subjects.length, 3, () => rateManySync(subjects));
  const noReasonsPerSec = await rate(subjects.length, 3, () => rateManySync(subjects, { reasons: false }));
  const rated = rateManySync(subjects);
  return { subjects: subjects.length, valid: rated.results.length, referencePerSec, compiledPerSec, noReasonsPerSec };
}

// ---------------------------------------------------------------------------------------------------
// Differential check at scale, on worker threads (one per core).

const BATCH = 100;

async function differential(total: number) {
  const batches = Math.ceil(total / BATCH);
  const threads = availableParallelism();
  const per = Math.ceil(batches / threads);
  const t = performance.now();
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, k) => {
      const job = { from: k * per, to: Math.min(batches, (k + 1) * per), batch: BATCH, overlay };
      return new Promise<{ subjects: number; mismatches: string[] }>((resolve, reject) => {
        const w = new Worker(new URL('./diff-worker.mjs', import.meta.url), { workerData: job });
        w.once('message', resolve);
        w.once('error', reject);
      });
    }),
  );
  return {
    subjects: parts.reduce((n, p) => n + p.subjects, 0),
    mismatches: parts.flatMap((p) => p.mismatches),
    seconds: (performance.now() - t) / 1000,
    threads,
  };
}

// ---------------------------------------------------------------------------------------------------
// The CLI on a large JSON Lines file: wall time and peak RSS (VmHWM of the process, all threads).

async function writeJsonl(file: string, n: number): Promise<void> {
  // Subjects the packs rate (invalid ones are cheap and would flatter the figure), with distinct ids.
  const pool = sampleSubjects(50_000, 5).filter((s) => rateManySync([s]).results.length === 1);
  const out = createWriteStream(file);
  for (let i = 0; i < n; i++) {
    const line = `${JSON.stringify({ ...pool[i % pool.length], id: `dv-${i}` })}\n`;
    if (!out.write(line)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

async function cliRun(file: string, workers: number) {
  const bin = join(here, '../../cli/bin/kiemdiem.js');
  if (!existsSync(join(here, '../../cli/dist/cli.js'))) throw new Error('build the CLI first (pnpm build)');
  const t = performance.now();
  const child = spawn(process.execPath, [bin, 'rate', '--input', file, '--format', 'jsonl', '--workers', String(workers)], {
    stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
  });
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      /* exited */
    }
  }, 100);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((r) => child.on('exit', (c) => r(c ?? -1)));
  clearInterval(poll);
  return { workers, seconds: (performance.now() - t) / 1000, peakRssMb: Math.round(peakKb / 1024), exitCode: code, stderr: stderr.trim() };
}

async function main() {
  const machine = { cpu: cpus()[0]?.model, cores: availableParallelism(), memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
  console.log('machine', machine);
  const engine = await engineLevel();
  console.log(
    `engine (QĐ 366 status+level, ${engine.subjects} subjects): reference ${Math.round(engine.referencePerSec)}/s, compiled ${Math.round(engine.compiledPerSec)}/s, ` +
      `compiled with every outcome ${Math.round(engine.compiledOutcomesPerSec)}/s, hand-written ${Math.round(engine.handPerSec)}/s; compiled/reference ${(engine.compiledPerSec / engine.referencePerSec).toFixed(1)}×, hand/compiled ${(engine.handPerSec / engine.compiledPerSec).toFixed(2)}×`,
  );
  const api = await apiLevel();
  console.log(
    `rateMany (${api.subjects} subjects, ${api.valid} valid, reasons and quota): reference ${Math.round(api.referencePerSec)}/s, compiled ${Math.round(api.compiledPerSec)}/s, ` +
      `${(api.compiledPerSec / api.referencePerSec).toFixed(1)}×; without reasons ${Math.round(api.noReasonsPerSec)}/s`,
  );
  const diffN = Number(process.env.BENCH_DIFF ?? 1_000_000);
  const diff = diffN > 0 ? await differential(diffN) : null;
  if (diff) console.log(`differential: ${diff.subjects} subjects, ${diff.mismatches.length} mismatches, ${diff.seconds.toFixed(0)} s on ${diff.threads} threads`);
  const cliN = Number(process.env.BENCH_CLI ?? 5_000_000);
  let cli: unknown[] = [];
  if (cliN > 0) {
    const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-bench-'));
    const file = join(dir, 'subjects.jsonl');
    await writeJsonl(file, cliN);
    cli = [await cliRun(file, 1), await cliRun(file, machine.cores)];
    for (const c of cli) console.log(`kiemdiem rate --format jsonl, ${cliN} subjects:`, c);
    rmSync(dir, { recursive: true, force: true });
  }
  const results = { date: new Date().toISOString().slice(0, 10), machine, engine, api, diff, cli: { subjects: cliN, runs: cli } };
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (diff && diff.mismatches.length > 0) process.exitCode = 1;
}

await main();
