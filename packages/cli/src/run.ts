/** The driver: finds the command, parses and checks its flags from its declaration, runs it. Never throws. */
import { KiemdiemError, type Lang } from '@kiemdiem/rules';
import { COMMON_FLAGS, parseCommand } from './command';
import { COMMANDS } from './commands';
import { commandHelp, overview } from './help';
import { fileProblem, isFsError, writeProblem } from './files';
import { EXIT, UsageError, type Io } from './io';
import { DEFAULT_LANG, isLang, messages } from './locales';
import { VERSION } from './version';
import { printableLines } from './table';

/** The --lang value in argv, before parsing. */
function langValue(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  return i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
}

/** Guess the language from argv before parsing, so even a parse error speaks the user's language. */
function langHint(argv: string[]): Lang {
  const value = langValue(argv);
  return isLang(value) ? value : DEFAULT_LANG;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const hint = messages(langHint(argv));
  try {
    const [name, ...rest] = argv;
    // An unknown --lang is refused even with --help (which is answered before the flags are checked).
    const lang = langValue(argv);
    if (lang !== undefined && lang !== '' && !lang.startsWith('-') && !isLang(lang)) throw new UsageError(hint.badChoice('--lang', lang, [...COMMON_FLAGS.lang.choices]));
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(`${overview(COMMANDS, hint)}\n`);
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`${hint.unknownCommand(name)}\n\n${overview(COMMANDS, hint)}`);
    const parsed = parseCommand(command, rest, hint);
    if (parsed.help) {
      io.stdout(`${commandHelp(command, hint)}\n`);
      return EXIT.ok;
    }
    return await command.run(parsed.values, { io, lang: parsed.lang, msg: messages(parsed.lang), positionals: parsed.positionals });
  } catch (error) {
    // Errors about the request (unknown regulation, bad parameter) are usage errors too.
    if (error instanceof UsageError || error instanceof KiemdiemError) {
      io.stderr(`kiemdiem: ${printableLines(error.message)}\n`);
      return EXIT.usage;
    }
    // A path the user gave that cannot be read or written (a command that did not say so itself): exit 2, naming it.
    if (isFsError(error) && error.path !== undefined) {
      const write = ['write', 'rename', 'mkdir', 'unlink', 'copyfile', 'symlink', 'rmdir'].includes(error.syscall!);
      io.stderr(`kiemdiem: ${(write ? writeProblem : fileProblem)(error.path, error, hint).message}\n`);
      return EXIT.usage;
    }
    io.stderr(`kiemdiem: ${hint.internal(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT.internal;
  }
}
