/** kiemdiem regulations: the rule packs this version ships. */
import { listRegulations, type Lang } from '@kiemdiem/rules';
import { defineCommand } from '../command';
import type { Io } from '../io';
import { EXIT } from '../io';
import { messages } from '../locales';
import { renderTable } from '../table';

export const regulations = defineCommand({
  name: 'regulations',
  flags: {
    format: { type: 'string', short: 'f', choices: ['json', 'table'], default: 'table' },
  },
  run: (v, { io, lang }) => regulationsCommand({ format: v.format, lang }, io),
});

export function regulationsCommand(args: { format: 'json' | 'table'; lang: Lang }, io: Io): number {
  const list = listRegulations();
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = list.map((r) => [r.id, r.number, r.effective.from, r.effective.to ?? '—', r.title[args.lang]]);
  io.stdout(`${renderTable(messages(args.lang).regulations.head, rows).join('\n')}\n`);
  return EXIT.ok;
}
