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
import { compiledEngine } from '../src/engines/compiled/engine';
import { KeptOutcomes, rulesFor, type Holds, type LazyConditions, type RuleOutcome } from '../src/engines/engine';
import { referenceEngine } from '../src/engines/reference';
import { eligibilityFacts, ratingFacts, subjectType, type Facts } from '../src/subject/facts';
import { parameterFacts } from '../src/pack/params';
import { rateMany, rateManySync } from '../src/rating';
import { decideLevel, eligibilityStatus, settlingEligibility, stagesOf, type ForDecision, type Stages } from '../src/rating/decide';
import { loadRegulation } from '../src/registry';
import { SUBJECT_TYPES, type Level, type Status, type Subject, type SubjectType } from '../src/types';

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

/**
 * QĐ 366 status and level written by hand from the rules, readings at their defaults (Điều 11 as the pack reads
 * it; the practical speed limit). A case handed to the competent level gives `for-decision`.
 */
function handWritten366(s: Prepared): { status: Status; level: Level | null } {
  const f = s.rating;
  const p = s.params;
  const n = (name: string) => f[name] as number;
  const leader = s.type === 'leader';
  const collective = s.type === 'collective';
  const individual = !collective;
  const nonLeader = s.type === 'non-leader' || s.type === 'outside-system';
  if (individual) {
    if (f.exempt === true || f.suspended === true) return { status: 'not-reviewed', level: null };
    if (n('monthsSinceAdmission') < (p['param:eligibility.newMember.minMonths'] as number)) return { status: p['param:eligibility.newMember.status'] as Status, level: null };
  }
  const total = n('total');
  if (total < (p['param:bands.HTNV.minTotal'] as number)) return { status: 'rated', level: 'KHTNV' };
  const leadership = collective && f['collective.isLeadership'] === true;
  // Each audience's KHTNV cases (khoản 4), then the cases handed to the competent level.
  let referred = false;
  if (individual) {
    if (n('discipline.dutyRelated') > 0 || n('discipline.dutyUnknown') > 0 || f.degradationConcluded === true) return { status: 'rated', level: 'KHTNV' };
    referred = n('discipline.selfDetected.dutyRelated') + n('discipline.selfDetected.dutyUnknown') + n('discipline.earlier.dutyRelated') + n('discipline.earlier.dutyUnknown') > 0;
  }
  if (leader) {
    if (
      n('ledUnits.completedShare') < (p['param:khtnv.ledUnits.minCompletedShare'] as number) || f.keyTargetsMissed === true ||
      n('responsibleUnits.khtnvShare') > (p['param:khtnv.responsibleUnits.maxKhtnvShare'] as number) ||
      n('confidenceVote.lowShare') > (p['param:khtnv.confidenceVote.maxLowShare'] as number)
    )
      return { status: 'rated', level: 'KHTNV' };
    if (f.corruptionInScope === true) {
      if (f.corruptionSelfDetectedAndRemedied === false) return { status: 'rated', level: 'KHTNV' };
      referred = true;
    }
  } else if (nonLeader) {
    if (n('tasks.completedShare') < (p['param:khtnv.tasks.minCompletedShare'] as number)) return { status: 'rated', level: 'KHTNV' };
    if (f.violatedProhibitions === true) {
      if (f.prohibitionsSelfDetectedAndRemedied === false) return { status: 'rated', level: 'KHTNV' };
      referred = true;
    }
  } else if (leadership) {
    const disciplined = n('collective.leadershipMembersDisciplined') > 0;
    const selfDetected = f['collective.selfDetectedAndRemedied'] === true;
    const shortfall = n('tasks.completedShare') < (p['param:khtnv.collective.minCompletedShare'] as number) || f.keyTargetsMissed === true;
    if (f['collective.cadreWorkViolation'] === true || (disciplined && !selfDetected) || n('collective.leadershipMembersDegraded') > 0 || (shortfall && f.forceMajeure === false))
      return { status: 'rated', level: 'KHTNV' };
    referred = (disciplined && selfDetected) || (f.forceMajeure === true && (n('tasks.completedShare') < 1 || f.keyTargetsMissed === true));
  }
  if (referred) return { status: 'for-decision', level: null };
  const exceeded = p['param:tasks.HTXSNV.minExceededShare'] as number;
  const late = p['param:tasks.HTNV.maxLateShare'] as number;
  // Own tasks: everyone's (a leader's through the reading, on by default); the units led: leaders only.
  const completed = n('tasks.completedShare') >= 1;
  const onTime = n('tasks.onTimeShare') >= 1;
  const ledCompleted = !leader || n('ledUnits.completedShare') >= 1;
  const clean = !collective || ((n('collective.subUnitsDisciplined') === 0 || leadership) && n('collective.leadershipMembersDisciplined') === 0);
  if (
    total >= (p['param:bands.HTXSNV.minTotal'] as number) && completed && onTime && n('tasks.exceededShare') >= exceeded &&
    n('shortcomings.remediatedShare') >= (p['param:shortcomings.HTXSNV.minRemediatedShare'] as number) &&
    ledCompleted && (!leader || n('ledUnits.exceededShare') >= exceeded) && clean
  )
    return { status: 'rated', level: 'HTXSNV' };
  if (total >= (p['param:bands.HTTNV.minTotal'] as number) && completed && onTime && ledCompleted && (!leader || n('ledUnits.onTimeShare') >= 1))
    return { status: 'rated', level: 'HTTNV' };
  if (total >= (p['param:bands.HTNV.minTotal'] as number) && completed && n('tasks.lateShare') <= late && ledCompleted && (!leader || n('ledUnits.lateShare') <= late))
    return { status: 'rated', level: 'HTNV' };
  return { status: 'rated', level: 'KHTNV' };
}

/** A pack's rules and stage tables per subject type and phase, as a rating session holds them. */
function tablesOf(pack: ReturnType<typeof loadRegulation>) {
  const phase = (type: SubjectType, p: 'eligibility' | 'rating') => {
    const rules = rulesFor(pack, type, p);
    return { rules, stages: stagesOf(rules, () => true) };
  };
  return Object.fromEntries(SUBJECT_TYPES.map((t) => [t, { eligibility: phase(t, 'eligibility'), rating: phase(t, 'rating') }])) as Record<
    SubjectType,
    Record<'eligibility' | 'rating', { rules: ReturnType<typeof rulesFor>; stages: Stages }>
  >;
}

/** A decision as status and level: a level is `rated`; a case for the competent level has none. */
const statusOf = (d: Level | ForDecision): { status: Status; level: Level | null } => (typeof d === 'string' ? { status: 'rated', level: d } : { status: 'for-decision', level: null });

/** Status and level through the one rating order (rating/decide.ts), from whatever answers "did rule i hold". */
function decided(t: ReturnType<typeof tablesOf>[SubjectType], params: Prepared['params'], eligibility: Holds, rating: () => Holds): { status: Status; level: Level | null } {
  const settling = settlingEligibility(t.eligibility.stages, eligibility);
  if (settling >= 0) return { status: eligibilityStatus(t.eligibility.rules[settling]!, params), level: null };
  return statusOf(decideLevel(t.rating.stages, rating()));
}

async function engineLevel() {
  const pack = loadRegulation('qd-366-2025');
  const params = Object.freeze(parameterFacts(pack, '2026-12-31', {}));
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
  const tables = tablesOf(pack);
  const kept = (outcomes: readonly RuleOutcome[]) => new KeptOutcomes(outcomes);
  const reference = async (s: Prepared) => {
    const e = kept(await referenceEngine.outcomes(pack, s.type, 'eligibility', s.eligibility, s.params));
    // json-rules-engine is asynchronous: the rating phase is evaluated only when eligibility leaves it open.
    if (settlingEligibility(tables[s.type].eligibility.stages, e) >= 0) return decided(tables[s.type], s.params, e, () => e);
    const r = kept(await referenceEngine.outcomes(pack, s.type, 'rating', s.rating, s.params));
    return decided(tables[s.type], s.params, e, () => r);
  };
  const withOutcomes = (s: Prepared) =>
    decided(tables[s.type], s.params, kept(compiledEngine.outcomes(pack, s.type, 'eligibility', s.eligibility, s.params) as RuleOutcome[]), () =>
      kept(compiledEngine.outcomes(pack, s.type, 'rating', s.rating, s.params) as RuleOutcome[]),
    );
  // Rule by rule, stopping at the first rule that settles it (what rateMany does with `reasons: false`). As a
  // session does, the compiled phases for the period's parameters are looked up once, not per subject.
  const phases = Object.fromEntries(
    SUBJECT_TYPES.map((t) => [t, { eligibility: compiledEngine.lazy!(pack, t, 'eligibility', params), rating: compiledEngine.lazy!(pack, t, 'rating', params) }]),
  ) as Record<SubjectType, Record<'eligibility' | 'rating', LazyConditions>>;
  const lazy = (s: Prepared): { status: Status; level: Level | null } => {
    const t = tables[s.type];
    const p = phases[s.type];
    p.eligibility.facts = s.eligibility;
    const settling = settlingEligibility(t.eligibility.stages, p.eligibility);
    if (settling >= 0) return { status: eligibilityStatus(t.eligibility.rules[settling]!, s.params), level: null };
    p.rating.facts = s.rating;
    return statusOf(decideLevel(t.rating.stages, p.rating));
  };

  // All four must agree before any is timed.
  for (const s of prepared.slice(0, 5000)) {
    const ref = await reference(s);
    for (const [name, got] of [['compiled, rule by rule', lazy(s)], ['compiled, every outcome', withOutcomes(s)], ['hand-written', handWritten366(s)]] as const) {
      if (!isDeepStrictEqual(ref, got)) throw new Error(`${name} disagrees with json-rules-engine: ${JSON.stringify({ ref, got })}`);
    }
  }

  const refN = 10_000;
  const referencePerSec = await rate(refN, 2, async () => {
    for (let i = 0; i < refN; i++) await reference(prepared[i]!);
  });
  let sink = 0;
  const compiledOutcomesPerSec = await rate(prepared.length, 5, () => {
    for (const s of prepared) sink += withOutcomes(s).status.length;
  });
  const [compiledPerSec, handPerSec] = interleaved(prepared.length, 15, [
    () => {
      for (const s of prepared) sink += lazy(s).status.length;
    },
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
