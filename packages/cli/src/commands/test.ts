/** kiemdiem test: run rule-pack case files; one line per failure, then the tally ("N ca đạt, N ca sai"), in the chosen language. */
import { ENGINES, LEVELS, STATUSES, listRegulations, loadRegulation, readCases, runCases, type Engine, type Lang, type TestCase } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { readYamlOrJson } from '../input';
import type { Messages } from '../locales';
import { overlaidPack } from './packref';
import { printable } from '../table';

export const test = defineCommand({
  name: 'test',
  operands: 'FILE...',
  flags: {
    regulation: { type: 'string', short: 'r', arg: 'ID' },
    overlay: { type: 'string', multiple: true, arg: 'FILE' },
    engine: { type: 'string', choices: ENGINES, default: 'compiled' },
    verbose: { type: 'boolean' },
  },
  run: (v, { io, lang, msg, positionals }) =>
    testCommand({ files: positionals, ...(v.regulation ? { regulation: v.regulation } : {}), lang, verbose: v.verbose, overlays: v.overlay, engine: v.engine }, io, msg),
});

export interface TestArgs {
  files: string[];
  regulation?: string;
  lang: Lang;
  verbose: boolean;
  overlays: string[];
  engine: Engine;
}

const KNOWN_LEVELS: readonly string[] = LEVELS;
const KNOWN_STATUSES: readonly string[] = STATUSES;

/**
 * What readCases leaves to the run, checked before any case runs (usage errors, exit 2, naming the file, the case
 * and the field): a regulation kiemdiem does not have, and expected values no result can have (level SUPER),
 * either of which would otherwise make every such case fail, or pass, for the wrong reason.
 */
function checkCase(c: TestCase, file: string, i: number, msg: Messages): void {
  const where = (field: string) => ` /cases/${i}${field} ("${c.name}")`;
  const known = listRegulations().map((r) => r.id).sort();
  if (c.regulation !== undefined && !known.includes(c.regulation)) throw new UsageError(msg.test.unknownRegulation(file, where('/regulation'), c.regulation, known));
  const e = c.expect as Record<string, unknown>;
  const oneOf = (value: unknown, allowed: readonly string[], field: string) => {
    if (value === undefined || value === null || (typeof value === 'string' && allowed.includes(value))) return;
    throw new UsageError(msg.test.badExpect(file, where(field), typeof value === 'string' ? value : JSON.stringify(value), [...allowed, 'null']));
  };
  oneOf(e.level, KNOWN_LEVELS, '/expect/level');
  if (e.status === null) throw new UsageError(msg.test.badExpect(file, where('/expect/status'), 'null', [...KNOWN_STATUSES]));
  oneOf(e.status, KNOWN_STATUSES, '/expect/status');
  const decision = e.decision as Record<string, unknown> | undefined;
  oneOf(decision?.without, KNOWN_LEVELS, '/expect/decision/without');
}

export async function testCommand(args: TestArgs, io: Io, msg: Messages): Promise<number> {
  if (args.files.length === 0) throw new UsageError(msg.noFiles);
  const cases: TestCase[] = [];
  for (const file of args.files) {
    let read: TestCase[];
    try {
      read = readCases(readYamlOrJson(file, msg), file);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError((error as Error).message);
    }
    // A file without cases would pass without testing anything.
    if (read.length === 0) throw new UsageError(msg.test.noCases(file));
    read.forEach((c, i) => checkCase(c, file, i, msg));
    cases.push(...read);
  }
  const pack = overlaidPack(args.regulation, args.overlays, msg);
  // An unknown --regulation is a usage error (exit 2) before any case runs; runCases would fail each case alone.
  if (args.regulation !== undefined && !pack) loadRegulation(args.regulation, { lang: args.lang });
  const outcomes = await runCases(cases, { lang: args.lang, engine: args.engine, ...(args.regulation ? { regulation: args.regulation } : {}), ...(pack ? { pack } : {}) });
  let passed = 0;
  for (const o of outcomes) {
    if (o.passed) {
      passed += 1;
      if (args.verbose) io.stdout(`${printable(msg.test.passedCase(o.case.name))}\n`);
    } else {
      const where = `${o.case.file}${o.case.article ? `, ${o.case.article}` : ''}`;
      io.stdout(`${printable(msg.test.failedCase(o.case.name, where, o.problems.map((p) => msg.test.problem(p))))}\n`);
    }
  }
  const failed = outcomes.length - passed;
  io.stdout(`${msg.test.tally(passed, failed)}\n`);
  return failed > 0 ? EXIT.failed : EXIT.ok;
}
