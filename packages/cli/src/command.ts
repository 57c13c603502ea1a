/**
 * A command of `kiemdiem`, declared once (commands/<name>.ts): its flags drive the parsing (node:util
 * parseArgs), the validation and the generated help; its wording is in locales/ under its name.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '@kiemdiem/rules';
import { UsageError, type Io } from './io';
import { messages, type CommandName, type Messages } from './locales';

export interface Flag {
  /** integer: digits only, within min/max; date: YYYY-MM-DD, a real day. Both arrive checked. */
  type: 'string' | 'boolean' | 'integer' | 'date';
  short?: string;
  /** Repeatable; the values come as an array, empty when the flag is absent. */
  multiple?: boolean;
  choices?: readonly string[];
  /** Used when the flag is absent (and shown in the help). */
  default?: string | number;
  min?: number;
  max?: number;
  /** Absent or empty is a usage error ("missing --flag ARG", or the command's own message in its locale). */
  required?: boolean;
  /** The value's placeholder in the help and in the missing-flag message; a locale may show another. */
  arg?: string;
}

type Flags = Record<string, Flag>;
type Value<F extends Flag> = F extends { type: 'boolean' }
  ? boolean
  : F extends { type: 'integer' }
    ? number
    : F extends { multiple: true }
      ? string[]
      : F extends { choices: readonly (infer C)[] }
        ? C
        : string;
/** Flags that always have a value once validated. */
type Always<F extends Flag> = F extends { type: 'boolean' } | { multiple: true } | { required: true } | { default: string | number } ? true : false;
/** The validated values of a command's flags, typed from its declaration. */
export type Values<Fs extends Flags> = { [K in keyof Fs]: Always<Fs[K]> extends true ? Value<Fs[K]> : Value<Fs[K]> | undefined };

export interface Context {
  io: Io;
  /** The language of --lang, and its wording. */
  lang: Lang;
  msg: Messages;
  /** The operands, for a command that declares some. */
  positionals: string[];
}

export interface Command<Fs extends Flags = Flags> {
  name: CommandName;
  flags: Fs;
  /** The operands in the usage line (FILE...); a command without them takes none. */
  operands?: string;
  run(values: Values<Fs>, context: Context): number | Promise<number>;
}

/** Declares a command; `const` keeps the literal choices, so `run` sees `format: 'json' | 'table'`. */
export function defineCommand<const Fs extends Flags>(command: Command<Fs>): Command {
  return command as unknown as Command;
}

/** Flags every command takes. --help is handled before any other check; --lang is checked first. */
export const COMMON_FLAGS = {
  lang: { type: 'string', choices: ['vi', 'en'], default: 'vi' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Flags;

export type Parsed = { help: true } | { help: false; lang: Lang; values: Values<Flags>; positionals: string[] };

/**
 * Parses and validates `args` for `command`. Problems are UsageErrors, one at a time, in declaration order:
 * the syntax and --lang in the language `hint` guessed from argv, then each flag's value, then the
 * required flags, in the chosen language.
 */
export function parseCommand(command: Command, args: string[], hint: Messages): Parsed {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, flag] of Object.entries<Flag>({ ...command.flags, ...COMMON_FLAGS })) {
    options[name] = { type: flag.type === 'boolean' ? 'boolean' : 'string', ...(flag.short ? { short: flag.short } : {}), ...(flag.multiple ? { multiple: true } : {}) };
  }
  let parsed: { values: Record<string, string | boolean | Array<string | boolean> | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, allowPositionals: command.operands !== undefined, strict: true });
  } catch (error) {
    throw new UsageError(hint.badFlag((error as Error).message));
  }
  if (parsed.values.help === true) return { help: true };
  const lang = flagValue('lang', COMMON_FLAGS.lang, parsed.values.lang, hint) as Lang;
  const msg = messages(lang);
  const values: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(command.flags)) values[name] = flagValue(name, flag, parsed.values[name], msg);
  for (const [name, flag] of Object.entries(command.flags)) {
    if (flag.required && values[name] === undefined) {
      throw new UsageError(msg.commands[command.name].missing?.[name] ?? msg.missing(`--${name}`, flag.arg ?? ''));
    }
  }
  // Each value was checked against its flag above, so it has the type Values<> gives it.
  return { help: false, lang, values: values as Values<Flags>, positionals: parsed.positionals };
}

function flagValue(name: string, flag: Flag, raw: unknown, msg: Messages): unknown {
  // An empty file name, date or id (--unit=) counts as not given, as it always has; an empty choice or number is wrong.
  const empty = raw === '' && !flag.choices && (flag.type === 'string' || flag.type === 'date');
  if (raw === undefined || empty) return flag.type === 'boolean' ? false : flag.multiple ? [] : flag.default;
  if (Array.isArray(raw)) return raw.map((one) => checked(name, flag, one, msg));
  return checked(name, flag, raw, msg);
}

function checked(name: string, flag: Flag, value: unknown, msg: Messages): unknown {
  if (typeof value !== 'string') return value;
  if (flag.choices && !flag.choices.includes(value)) throw new UsageError(msg.badChoice(`--${name}`, value, [...flag.choices]));
  if (flag.type === 'integer') {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || (flag.min !== undefined && n < flag.min) || (flag.max !== undefined && n > flag.max)) {
      throw new UsageError(msg.badInteger(`--${name}`, value, flag.min, flag.max));
    }
    return n;
  }
  if (flag.type === 'date' && !isoDate(value)) throw new UsageError(msg.badDate(value));
  return value;
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
function isoDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
