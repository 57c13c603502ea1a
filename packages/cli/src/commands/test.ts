/** kiemdiem test: run rule-pack case files; one line per failure, then "N passed, N failed". */
import { ENGINES, loadRegulation, readCases, runCases, type Engine, type Lang, type TestCase } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import { readYamlOrJson } from '../input';
import type { Messages } from '../locales';
import { overlaidPack } from './packref';

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

export async function testCommand(args: TestArgs, io: Io, msg: Messages): Promise<number> {
  if (args.files.length === 0) throw new UsageError(msg.noFiles);
  const cases: TestCase[] = [];
  for (const file of args.files) {
    try {
      cases.push(...readCases(readYamlOrJson(file, msg), file));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError((error as Error).message);
    }
  }
  const pack = overlaidPack(args.regulation, args.overlays, msg);
  // An unknown --regulation is a usage error (exit 2) before any case runs; runCases would fail each case alone.
  if (args.regulation !== undefined && !pack) loadRegulation(args.regulation, { lang: args.lang });
  const outcomes = await runCases(cases, { lang: args.lang, engine: args.engine, ...(args.regulation ? { regulation: args.regulation } : {}), ...(pack ? { pack } : {}) });
  let passed = 0;
  for (const o of outcomes) {
    if (o.passed) {
      passed += 1;
      if (args.verbose) io.stdout(`✓ ${o.case.name}\n`);
    } else {
      io.stdout(`✗ ${o.case.name} (${o.case.file}${o.case.article ? `, ${o.case.article}` : ''}): ${o.failures.join('; ')}\n`);
    }
  }
  const failed = outcomes.length - passed;
  io.stdout(`${msg.test.tally(passed, failed)}\n`);
  return failed > 0 ? EXIT.failed : EXIT.ok;
}
