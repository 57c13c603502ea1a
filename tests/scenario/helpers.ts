/**
 * Shared helpers for the scenario suite: run the built `kiemdiem` binary, load the built
 * `@kiemdiem/rules` package (ESM and CJS), and an independent reference rater written from the
 * rule-pack README (packages/rules/regulations/qd-366-2025/README.md) so expectations are computed
 * from the inputs and the rules, not pasted from engine output.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = 'tests/scenario/fixtures';
export const fixture = (name: string): string => `${FIXTURES}/${name}`;

/** The binary users run: node_modules/.bin/kiemdiem (a symlink to packages/cli/bin/kiemdiem.js; executed directly, no shell). */
export const BIN = join(ROOT, 'node_modules/.bin/kiemdiem');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kiemdiem ...args` from the repo root, without a shell. */
export function kiemdiem(...args: string[]): CliRun {
  const r = spawnSync(BIN, args, { cwd: ROOT, encoding: 'utf8', timeout: 30_000, maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `node <script> ...args` from the repo root, literally as the issue writes it. */
export function nodeRun(script: string, ...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace and no raw "Error:" dump may reach the user. */
export function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s{4}at /m);
  expect(text).not.toMatch(/\bError:/);
  expect(text).not.toMatch(/node:internal/);
}

export function readJsonFile<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
}

// ---------------------------------------------------------------------------------------------
// The built @kiemdiem/rules package, resolved by name from where it is installed (as a dependency
// of @kiemdiem/cli). See install-layout.test.ts for resolution from the repository root.

/** A require() that resolves bare names as the installed @kiemdiem/cli package does. */
export function requireFromCli(): NodeRequire {
  return createRequire(join(ROOT, 'node_modules/@kiemdiem/cli/package.json'));
}

export function rulesDir(): string {
  return dirname(requireFromCli().resolve('@kiemdiem/rules/package.json'));
}

type RulesModule = typeof import('../../packages/rules/dist/index.js');

/** ESM: the file the package's "exports" map gives to `import` (what Node picks for import). */
export async function loadRulesEsm(): Promise<RulesModule> {
  const dir = rulesDir();
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    exports: { '.': { import: { default: string } } };
  };
  const entry = join(dir, pkg.exports['.'].import.default);
  expect(entry).toMatch(/[/\\]dist[/\\]index\.js$/);
  return (await import(pathToFileURL(entry).href)) as RulesModule;
}

/** CJS: require('@kiemdiem/rules') by name. */
export function loadRulesCjs(): RulesModule {
  const req = requireFromCli();
  expect(req.resolve('@kiemdiem/rules')).toMatch(/[/\\]dist[/\\]index\.cjs$/);
  return req('@kiemdiem/rules') as RulesModule;
}

// ---------------------------------------------------------------------------------------------
// Reference rater, written from the rule-pack README (default parameters).

export type Level = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV';
interface Counts {
  assigned: number;
  completed: number;
  onTime: number;
  exceeded: number;
}
export interface RawSubject {
  id: string;
  kind: 'individual' | 'collective';
  audience?: 'leader' | 'non-leader' | 'outside-system';
  period: { year: number; quarter?: number };
  membership?: { admittedOn?: string; exempt?: boolean; suspended?: boolean };
  score?: { common: number; tasks: number };
  tasks?: Counts;
  ledUnits?: Counts;
  shortcomings?: { identified: number; remediated: number };
  discipline?: Array<{ decidedOn: string }>;
  degradationConcluded?: boolean;
  violatedProhibitions?: boolean;
  collective?: { subUnitsDisciplined: number; leadershipMembersDisciplined: number };
  group?: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function periodRange(p: { year: number; quarter?: number }): { start: string; end: string; firstMonthAfter: { y: number; m: number } } {
  const m0 = p.quarter === undefined ? 1 : (p.quarter - 1) * 3 + 1;
  const m1 = p.quarter === undefined ? 12 : m0 + 2;
  const after = m1 === 12 ? { y: p.year + 1, m: 1 } : { y: p.year, m: m1 + 1 };
  return { start: `${p.year}-${pad2(m0)}-01`, end: `${p.year}-${pad2(m1)}-${pad2(lastDay(p.year, m1))}`, firstMonthAfter: after };
}

/** Whole months from admission to the day after the period ends (which is always the 1st of a month). */
export function monthsSinceAdmission(admittedOn: string, p: { year: number; quarter?: number }): number {
  const [y, m, d] = admittedOn.split('-').map(Number) as [number, number, number];
  const to = periodRange(p).firstMonthAfter;
  return (to.y - y) * 12 + (to.m - m) - (d > 1 ? 1 : 0);
}

export type Expected = { rated: false } | { rated: true; level: Level };

/** Shares compared in exact integer arithmetic: a/b ≥ num/den  ⇔  a·den ≥ num·b. */
const atLeast = (a: number, b: number, num: number, den: number) => a * den >= num * b;

export function referenceRating(s: RawSubject): Expected {
  const individual = s.kind === 'individual';
  if (individual) {
    const m = s.membership ?? {};
    if (m.exempt || m.suspended) return { rated: false };
    if (m.admittedOn !== undefined && monthsSinceAdmission(m.admittedOn, s.period) < 6) return { rated: false };
  }
  const total = s.score!.common + s.score!.tasks;
  const { start, end } = periodRange(s.period);
  const disciplined = (s.discipline ?? []).some((d) => d.decidedOn >= start && d.decidedOn <= end);
  if (total < 50 || s.degradationConcluded || s.violatedProhibitions || disciplined) return { rated: true, level: 'KHTNV' };

  const t = s.tasks!;
  const completedAll = t.completed === t.assigned;
  const onTimeAll = t.onTime === t.assigned;
  const lateOk = (c: Counts) => 5 * (c.completed - c.onTime) <= c.assigned; // late share ≤ 0.2
  const remedied = !s.shortcomings || s.shortcomings.identified === 0 || s.shortcomings.remediated >= s.shortcomings.identified;
  const leader = individual && s.audience === 'leader';
  const led = s.ledUnits;

  const xs =
    total >= 90 && completedAll && onTimeAll && atLeast(t.exceeded, t.assigned, 3, 10) && remedied &&
    (!leader || (led!.completed === led!.assigned && atLeast(led!.exceeded, led!.assigned, 3, 10))) &&
    (individual || (s.collective!.subUnitsDisciplined === 0 && s.collective!.leadershipMembersDisciplined === 0));
  if (xs) return { rated: true, level: 'HTXSNV' };
  const good = total >= 70 && completedAll && onTimeAll && (!leader || (led!.completed === led!.assigned && led!.onTime === led!.assigned));
  if (good) return { rated: true, level: 'HTTNV' };
  const done = total >= 50 && completedAll && lateOk(t) && (!leader || (led!.completed === led!.assigned && lateOk(led!)));
  if (done) return { rated: true, level: 'HTNV' };
  return { rated: true, level: 'KHTNV' };
}

// ---------------------------------------------------------------------------------------------
// Quota, by the formula in the issue: allowed = floor(0.2 × good);
// maxExcellent = the largest k with k ≤ floor(0.2 × (good + excellent − k)); over = excellent > allowed.

/** floor(0.2 × n) exactly, for a whole n. */
export const fifth = (n: number): number => Math.floor(n / 5);

export function expectedQuota(excellent: number, good: number): { allowed: number; maxExcellent: number; over: boolean } {
  const allowed = fifth(good);
  let maxExcellent = 0;
  for (let k = 0; k <= good + excellent; k++) if (k <= fifth(good + excellent - k)) maxExcellent = k;
  return { allowed, maxExcellent, over: excellent > allowed };
}
