/** The command table: every declaration has its wording, its help and its checks, in both languages. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Command, Flag } from './command';
import { COMMANDS } from './commands';
import { COMMAND_NAMES, messages } from './locales';
import { run } from './run';
import { VERSION } from './version';

async function call(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const LANGS = ['vi', 'en'] as const;
const flagsOf = (c: Command) => Object.entries(c.flags) as Array<[string, Flag]>;
/** A value for each required flag but `except`: the checks stop before the command would read them. */
const requiredBut = (c: Command, except?: string) => flagsOf(c).flatMap(([name, f]) => (f.required && name !== except ? [`--${name}`, 'x'] : []));

describe('the command table', () => {
  it('has one declaration per command, in the order of COMMAND_NAMES', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual([...COMMAND_NAMES]);
  });

  it.each(LANGS)('gives every command a summary and every flag a help line in %s, and no help for a flag that is gone', (lang) => {
    const text = messages(lang).commands;
    for (const c of COMMANDS) {
      expect(text[c.name].summary.trim(), c.name).not.toBe('');
      for (const [name] of flagsOf(c)) expect(text[c.name].flags[name]?.trim(), `${c.name} --${name}`).toBeTruthy();
      expect(Object.keys(text[c.name].flags).sort(), c.name).toEqual(Object.keys(c.flags).sort());
      for (const key of [...Object.keys(text[c.name].args ?? {}), ...Object.keys(text[c.name].missing ?? {})]) expect(c.flags, `${c.name}: ${key}`).toHaveProperty(key);
    }
  });

  it('declares no short flag twice in a command, nor -h, which --help takes', () => {
    for (const c of COMMANDS) {
      const shorts = flagsOf(c).flatMap(([, f]) => (f.short ? [f.short] : []));
      expect(new Set(shorts).size, c.name).toBe(shorts.length);
      expect(shorts, c.name).not.toContain('h');
    }
  });
});

describe('kiemdiem <command> --help', () => {
  for (const c of COMMANDS) {
    it.each(LANGS)(`${c.name} --help lists every flag with its help, short form, choices and default (%s)`, async (lang) => {
      const r = await call(c.name, '--help', '--lang', lang);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const msg = messages(lang);
      expect(r.stdout).toContain(msg.commands[c.name].summary);
      // Help lines may wrap: compare with the spaces and line breaks squeezed.
      const flat = r.stdout.replace(/\s+/g, ' ');
      for (const [name, flag] of [...flagsOf(c), ['lang', { type: 'string' }] as [string, Flag]]) {
        // Its row in the options table: "  -f, --format json|table   …" or "      --lang vi|en   …".
        const line = r.stdout.split('\n').find((l) => new RegExp(`^  (?:-\\w, |    )--${name}(?![\\w-])`).test(l));
        expect(line, `--${name}`).toBeDefined();
        if (flag.short) expect(line).toContain(`-${flag.short}, --${name}`);
        if (flag.choices) expect(line).toContain(flag.choices.join('|'));
        if (msg.commands[c.name].flags[name]) expect(flat).toContain(msg.commands[c.name].flags[name]!.replace(/\s+/g, ' '));
        if (flag.default !== undefined) expect(flat).toContain(msg.help.default(String(flag.default)));
        if (flag.required) expect(flat).toMatch(new RegExp(`--${name} [^\\n]*\\(${msg.help.required}`));
      }
    });
  }

  it('the overview lists every command, its flags, the overlay note and the exit codes', async () => {
    for (const lang of LANGS) {
      const r = await call('--help', '--lang', lang);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) {
        expect(r.stdout).toMatch(new RegExp(`^  ${c.name} `, 'm'));
        for (const [name] of flagsOf(c)) expect(r.stdout).toContain(`--${name}`);
        expect(r.stdout).toContain(messages(lang).commands[c.name].summary);
      }
      expect(r.stdout).toContain(messages(lang).help.overlayNote(['rate', 'test', 'plan']));
      expect(r.stdout).toContain(messages(lang).help.exitCodes.join('\n'));
    }
  });
});

describe('one check per flag, before the command runs: exit 2 and a message naming the flag', () => {
  const choices = COMMANDS.flatMap((c) => flagsOf(c).filter(([, f]) => f.choices).map(([name]) => [c.name, name] as const));
  const integers = COMMANDS.flatMap((c) => flagsOf(c).filter(([, f]) => f.type === 'integer').map(([name, f]) => [c.name, name, f] as const));
  const required = COMMANDS.flatMap((c) => flagsOf(c).filter(([, f]) => f.required).map(([name]) => [c.name, name] as const));

  it('finds flags of each kind to check', () => {
    expect(choices.length).toBeGreaterThan(10);
    expect(integers.map(([c, n]) => `${c} --${n}`)).toEqual(['rate --workers', 'render-batch --workers', 'serve --port', 'serve --pdf-workers', 'serve --body-limit']);
    expect(required.length).toBeGreaterThan(10);
  });

  it.each(choices)('%s --%s with a value it does not know', async (name, flag) => {
    const c = COMMANDS.find((x) => x.name === name)!;
    const vi = await call(name, ...requiredBut(c), `--${flag}`, 'bogus');
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe(`kiemdiem: ${messages('vi').badChoice(`--${flag}`, 'bogus', [...c.flags[flag]!.choices!])}\n`);
    expect(vi.stderr).toContain('Giá trị "bogus" của --');
    const en = await call(name, ...requiredBut(c), `--${flag}`, 'bogus', '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(new RegExp(`^kiemdiem: Invalid value "bogus" for --${flag}; choose one of: `));
  });

  it.each(integers)('%s --%s with a value that is not a whole number in range', async (name, flag, f) => {
    const c = COMMANDS.find((x) => x.name === name)!;
    for (const value of ['x', '2.5', '-1', String(f.min! - 1), String(f.max! + 1)]) {
      const vi = await call(name, ...requiredBut(c), `--${flag}=${value}`);
      expect(vi.code, value).toBe(2);
      expect(vi.stderr).toBe(`kiemdiem: Giá trị "${value}" của --${flag} không hợp lệ; cần một số nguyên từ ${f.min} đến ${f.max}\n`);
      const en = await call(name, ...requiredBut(c), `--${flag}=${value}`, '--lang', 'en');
      expect(en.code, value).toBe(2);
      expect(en.stderr).toBe(`kiemdiem: Invalid value "${value}" for --${flag}; expected a whole number from ${f.min} to ${f.max}\n`);
    }
  });

  it.each(required)('%s without --%s', async (name, flag) => {
    const c = COMMANDS.find((x) => x.name === name)!;
    for (const lang of LANGS) {
      const r = await call(name, ...requiredBut(c, flag), '--lang', lang);
      expect(r.code).toBe(2);
      const own = messages(lang).commands[name].missing?.[flag];
      expect(r.stderr).toBe(`kiemdiem: ${own ?? messages(lang).missing(`--${flag}`, c.flags[flag]!.arg!)}\n`);
      if (!own) expect(r.stderr).toMatch(lang === 'vi' ? `Thiếu --${flag} ` : `Missing --${flag} `);
    }
  });

  it('keeps the messages the commands gave before the table', async () => {
    expect((await call('rate')).stderr).toBe('kiemdiem: Thiếu --input FILE\n');
    expect((await call('rollup', '--input', 'x')).stderr).toBe('kiemdiem: Thiếu --hierarchy UNITS.json\n');
    expect((await call('diff', '--from', 'qd-124-2023')).stderr).toBe('kiemdiem: Cần cả --from ID và --to ID\n');
    expect((await call('validate', '--input', 'x', '--lang', 'en')).stderr).toBe('kiemdiem: Give a form id (e.g. hd43-2025/02b)\n');
    expect((await call('rate', '--input', 'x', '--workers', '65')).stderr).toBe('kiemdiem: Giá trị "65" của --workers không hợp lệ; cần một số nguyên từ 1 đến 64\n');
    expect((await call('summary', '--input', 'x', '--out', 'y.pdf', '--date', '2026-02-30', '--lang', 'en')).stderr).toBe('kiemdiem: Invalid date "2026-02-30": use YYYY-MM-DD\n');
  });

  it('checks --lang first, in Vietnamese, and takes --help before any check', async () => {
    const r = await call('rate', '--format', 'xml', '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kiemdiem: Giá trị "fr" của --lang không hợp lệ; chọn một trong: vi, en\n');
    const help = await call('rate', '--format', 'xml', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format json|table|jsonl');
  });
});

describe('kiemdiem --version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

  it.each(['--version', '-v'])('%s prints the version of package.json', async (flag) => {
    const r = await call(flag);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(VERSION).toBe(pkg.version);
  });
});
