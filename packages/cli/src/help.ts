/** `kiemdiem --help` and `kiemdiem <command> --help`, generated from the declarations and the locale. */
import { COMMON_FLAGS, type Command, type Flag } from './command';
import type { Messages } from './locales';
import { pad, width } from './table';

/** Usage lines wrap before this column. */
const WIDTH = 110;

/** The placeholder of a flag's value: the locale's, else the declared one, else the choices. */
function argOf(name: string, flag: Flag, shown: Record<string, string> | undefined): string {
  return shown?.[name] ?? flag.arg ?? flag.choices?.join('|') ?? (flag.type === 'integer' ? 'N' : flag.type === 'date' ? 'YYYY-MM-DD' : 'VALUE');
}

function flagWords(name: string, flag: Flag, shown?: Record<string, string>): string {
  return flag.type === 'boolean' ? `--${name}` : `--${name} ${argOf(name, flag, shown)}`;
}

/** "rate --input FILE [--regulation ID] [--overlay FILE]...", wrapped under the command name. */
function synopsis(command: Command, msg: Messages, indent: number): string[] {
  const shown = msg.commands[command.name].args;
  const words = [command.name, ...(command.operands ? [command.operands] : [])];
  for (const [name, flag] of Object.entries(command.flags)) {
    const text = flagWords(name, flag, shown);
    words.push(flag.required ? text : flag.multiple ? `[${text}]...` : `[${text}]`);
  }
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && indent + width(line) + 1 + width(word) > WIDTH) {
      lines.push(line);
      line = `${' '.repeat(width(command.name) + 1)}${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** "(required; default: json)" after a flag's help. */
function notes(flag: Flag, msg: Messages): string {
  const h = msg.help;
  const notes = [
    ...(flag.required ? [h.required] : []),
    ...(flag.multiple ? [h.repeatable] : []),
    ...(flag.type === 'integer' ? [h.integer(flag.min, flag.max)] : []),
    ...(flag.default !== undefined ? [h.default(String(flag.default))] : []),
  ];
  return notes.length ? `(${notes.join('; ')})` : '';
}

/** Words joined into lines of at most `size` columns (a longer word gets a line of its own). */
function wrap(words: string[], size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && width(line) + 1 + width(word) > size) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** A flag and its help; the notes ("(default: json)") stay on one line. */
type Row = [flag: string, help: string, notes?: string];

/** Two columns: "  -i, --input FILE" and its help, wrapped under itself. */
function flagTable(rows: Row[]): string[] {
  const left = Math.max(...rows.map(([l]) => width(l))) + 3;
  return rows.flatMap(([l, help, more]) =>
    wrap([...help.split(' '), ...(more ? [more] : [])], Math.max(40, WIDTH - left)).map((part, i) => `${pad(i === 0 ? l : '', left)}${part}`.trimEnd()),
  );
}

function flagRow(name: string, flag: Flag, help: string, msg: Messages, shown?: Record<string, string>): Row {
  return [`  ${flag.short ? `-${flag.short}, ` : '    '}${flagWords(name, flag, shown)}`, help, notes(flag, msg)];
}

function commonRows(msg: Messages): Row[] {
  return [flagRow('lang', COMMON_FLAGS.lang, msg.help.lang, msg), flagRow('help', COMMON_FLAGS.help, msg.help.help, msg)];
}

/** Every command with its flags and what it does, the common options, the overlay note and the exit codes. */
export function overview(commands: readonly Command[], msg: Messages): string {
  const h = msg.help;
  const lines = [`${h.usage} kiemdiem ${h.synopsis}`, '', h.commands];
  for (const command of commands) {
    const text = msg.commands[command.name];
    lines.push(...synopsis(command, msg, 2).map((l) => `  ${l}`));
    lines.push(...[text.summary, ...(text.details ?? [])].map((l) => `      ${l}`));
  }
  lines.push('', h.common, ...flagTable([...commonRows(msg), ['  -v, --version', h.version]]), '', h.more);
  const overlaid = commands.filter((c) => 'overlay' in c.flags).map((c) => c.name);
  if (overlaid.length) lines.push(h.overlayNote(overlaid));
  lines.push('', ...h.exitCodes);
  return lines.join('\n');
}

/** One command: its usage, what it does, and each flag with its help, default and choices. */
export function commandHelp(command: Command, msg: Messages): string {
  const h = msg.help;
  const text = msg.commands[command.name];
  const prefix = `${h.usage} kiemdiem `;
  const usage = synopsis(command, msg, width(prefix)).map((l, i) => (i === 0 ? `${prefix}${l}` : `${' '.repeat(width(prefix))}${l}`));
  const rows = Object.entries(command.flags).map(([name, flag]) => flagRow(name, flag, text.flags[name] ?? '', msg, text.args));
  return [...usage, '', text.summary, ...(text.details ?? []), '', h.options, ...flagTable([...rows, ...commonRows(msg)])].join('\n');
}
