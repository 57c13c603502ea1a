/** Argument parsing and dispatch. Never throws: every problem becomes a message and an exit code. */
import { parseArgs } from 'node:util';
import { ENGINES, KiemdiemError, type Lang } from '@kiemdiem/rules';
import { diffCommand } from './commands/diff';
import { renderBatchCommand, renderCommand } from './commands/render-batch';
import { summaryCommand } from './commands/summary';
import { planCommand } from './commands/plan';
import { formsCommand, validateCommand } from './commands/forms';
import { rateCommand } from './commands/rate';
import { regulationsCommand } from './commands/regulations';
import { remediationCommand } from './commands/remediation';
import { testCommand } from './commands/test';
import { rollupCommand } from './commands/rollup';
import { feedbackCommand } from './commands/feedback';
import { EXIT, UsageError, type Io } from './io';
import { messages } from './messages';

const VERSION = '0.0.0';

function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T, lang: Lang): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(messages(lang).badChoice(flag, value, [...allowed]));
}

/** --workers N: a whole number of threads, 1 (this thread) when not given. */
function workersFlag(value: string | undefined, lang: Lang): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(messages(lang).badWorkers(value));
  return n;
}

/** Guess the language from argv before parsing, so even a parse error speaks the user's language. */
function langHint(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const value = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'vi';
}

export async function run(argv: string[], io: Io): Promise<number> {
  const hint = langHint(argv);
  const msg = messages(hint);
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${msg.usage}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    type Flags = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
    type Parsed = { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
    const parse = (options: Flags, positionals = false): Parsed => {
      try {
        return parseArgs({ args: rest, options: { ...options, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: positionals, strict: true }) as Parsed;
      } catch (error) {
        throw new UsageError(msg.badFlag((error as Error).message));
      }
    };
    switch (command) {
      case 'rate': {
        const { values } = parse({
          input: { type: 'string', short: 'i' },
          regulation: { type: 'string', short: 'r' },
          format: { type: 'string', short: 'f' },
          overlay: { type: 'string', multiple: true },
          engine: { type: 'string' },
          workers: { type: 'string' },
        });
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        return await rateCommand(
          {
            input: values.input as string | undefined,
            ...(values.regulation ? { regulation: values.regulation as string } : {}),
            format: choice('--format', values.format as string | undefined, ['json', 'table', 'jsonl'] as const, 'json', lang),
            lang,
            overlays: (values.overlay as string[] | undefined) ?? [],
            engine: choice('--engine', values.engine as string | undefined, ENGINES, 'compiled', lang),
            workers: workersFlag(values.workers as string | undefined, lang),
          },
          io,
          messages(lang),
        );
      }
      case 'test': {
        const { values, positionals } = parse({ regulation: { type: 'string', short: 'r' }, verbose: { type: 'boolean' }, overlay: { type: 'string', multiple: true }, engine: { type: 'string' } }, true);
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        return await testCommand(
          {
            files: positionals,
            ...(values.regulation ? { regulation: values.regulation as string } : {}),
            lang,
            verbose: values.verbose === true,
            overlays: (values.overlay as string[] | undefined) ?? [],
            engine: choice('--engine', values.engine as string | undefined, ENGINES, 'compiled', lang),
          },
          io,
          messages(lang),
        );
      }
      case 'render': {
        const { values } = parse({ form: { type: 'string' }, input: { type: 'string', short: 'i' }, out: { type: 'string', short: 'o' } });
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        return await renderCommand({ form: values.form as string | undefined, input: values.input as string | undefined, out: values.out as string | undefined, lang }, io, messages(lang));
      }
      case 'render-batch': {
        const { values } = parse({ form: { type: 'string' }, input: { type: 'string', short: 'i' }, 'out-dir': { type: 'string' }, workers: { type: 'string' } });
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        const workers = values.workers === undefined ? undefined : workersFlag(values.workers as string, lang);
        return await renderBatchCommand(
          { form: values.form as string | undefined, input: values.input as string | undefined, outDir: values['out-dir'] as string | undefined, ...(workers ? { workers } : {}), lang },
          io,
          messages(lang),
        );
      }
      case 'summary': {
        const { values } = parse({ input: { type: 'string', short: 'i' }, out: { type: 'string', short: 'o' }, unit: { type: 'string' }, date: { type: 'string' } });
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        return await summaryCommand(
          {
            input: values.input as string | undefined,
            out: values.out as string | undefined,
            lang,
            ...(values.unit ? { unit: values.unit as string } : {}),
            ...(values.date ? { date: values.date as string } : {}),
          },
          io,
          messages(lang),
        );
      }
      case 'diff': {
        const { values } = parse({ from: { type: 'string' }, to: { type: 'string' }, input: { type: 'string', short: 'i' }, format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } });
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        return await diffCommand(
          {
            from: values.from as string | undefined,
            to: values.to as string | undefined,
            input: values.input as string | undefined,
            format: choice('--format', values.format as string | undefined, ['json', 'md', 'pdf'] as const, 'json', lang),
            lang,
            out: values.out as string | undefined,
          },
          io,
          messages(lang),
        );
      }
      case 'forms': {
        const { values, positionals } = parse({ context: { type: 'string' }, ui: { type: 'string' }, format: { type: 'string', short: 'f' } }, true);
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        const [sub, id, ...extra] = positionals;
        if (extra.length) throw new UsageError(msg.badFlag(extra.join(' ')));
        const ui = values.ui === undefined ? undefined : choice('--ui', values.ui as string, ['jsonforms', 'rjsf'] as const, 'jsonforms', lang);
        return formsCommand(
          { sub, id, context: values.context as string | undefined, ...(ui ? { ui } : {}), format: choice('--format', values.format as string | undefined, ['json', 'table'] as const, 'table', lang), lang },
          io,
          messages(lang),
        );
      }
      case 'validate': {
        const { values } = parse({ form: { type: 'string' }, input: { type: 'string', short: 'i' }, context: { type: 'string' }, format: { type: 'string', short: 'f' } });
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        return await validateCommand(
          { form: values.form as string | undefined, input: values.input as string | undefined, context: values.context as string | undefined, format: choice('--format', values.format as string | undefined, ['json', 'table'] as const, 'json', lang), lang },
          io,
          messages(lang),
        );
      }
      case 'plan': {
        const { values } = parse({ input: { type: 'string', short: 'i' }, regulation: { type: 'string', short: 'r' }, overlay: { type: 'string', multiple: true }, format: { type: 'string', short: 'f' } });
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        return planCommand(
          {
            input: values.input as string | undefined,
            ...(values.regulation ? { regulation: values.regulation as string } : {}),
            overlays: (values.overlay as string[] | undefined) ?? [],
            format: choice('--format', values.format as string | undefined, ['json', 'table'] as const, 'json', lang),
            lang,
          },
          io,
          messages(lang),
        );
      }
      case 'rollup': {
        const { values } = parse({
          input: { type: 'string', short: 'i' },
          hierarchy: { type: 'string' },
          remediation: { type: 'string' },
          feedback: { type: 'string' },
          format: { type: 'string', short: 'f' },
          out: { type: 'string', short: 'o' },
          unit: { type: 'string' },
          date: { type: 'string' },
        });
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        return await rollupCommand(
          {
            input: values.input as string | undefined,
            hierarchy: values.hierarchy as string | undefined,
            ...(values.remediation ? { remediation: values.remediation as string } : {}),
            ...(values.feedback ? { feedback: values.feedback as string } : {}),
            format: choice('--format', values.format as string | undefined, ['json', 'pdf'] as const, 'json', lang),
            out: values.out as string | undefined,
            ...(values.unit ? { unit: values.unit as string } : {}),
            ...(values.date ? { date: values.date as string } : {}),
            lang,
          },
          io,
          messages(lang),
        );
      }
      case 'feedback': {
        const { values } = parse({ input: { type: 'string', short: 'i' }, categories: { type: 'string' }, format: { type: 'string', short: 'f' } });
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        return await feedbackCommand(
          {
            input: values.input as string | undefined,
            ...(values.categories ? { categories: values.categories as string } : {}),
            format: choice('--format', values.format as string | undefined, ['json', 'table'] as const, 'table', lang),
            lang,
          },
          io,
          messages(lang),
        );
      }
      case 'remediation': {
        const { values } = parse({ input: { type: 'string', short: 'i' }, subjects: { type: 'string' }, format: { type: 'string', short: 'f' } });
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        return await remediationCommand(
          {
            input: values.input as string | undefined,
            ...(values.subjects ? { subjects: values.subjects as string } : {}),
            format: choice('--format', values.format as string | undefined, ['json', 'table'] as const, 'table', lang),
            lang,
          },
          io,
          messages(lang),
        );
      }
      case 'regulations': {
        const { values } = parse({ format: { type: 'string', short: 'f' } });
        if (values.help) return help(io, msg);
        const lang = choice('--lang', values.lang as string | undefined, ['vi', 'en'] as const, 'vi', hint);
        return regulationsCommand({ format: choice('--format', values.format as string | undefined, ['json', 'table'] as const, 'table', lang), lang }, io);
      }
      default:
        throw new UsageError(`${msg.unknownCommand(command)}\n\n${msg.usage}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`kiemdiem: ${error.message}\n`);
      return EXIT.usage;
    }
    // Errors about the request (unknown regulation, bad parameter) are usage errors too.
    if (error instanceof KiemdiemError) {
      io.stderr(`kiemdiem: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`kiemdiem: ${msg.internal(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT.internal;
  }
}

function help(io: Io, msg: ReturnType<typeof messages>): number {
  io.stdout(`${msg.usage}\n`);
  return EXIT.ok;
}
