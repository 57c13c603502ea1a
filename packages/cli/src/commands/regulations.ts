/** kiemdiem regulations: the rule packs this version ships. */
import { listRegulations, type Lang } from '@kiemdiem/rules';
import type { Io } from '../io';
import { EXIT } from '../io';
import { renderTable } from '../table';

export function regulationsCommand(args: { format: 'json' | 'table'; lang: Lang }, io: Io): number {
  const list = listRegulations();
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT.ok;
  }
  const vi = args.lang === 'vi';
  const headers = vi ? ['Mã bộ quy tắc', 'Số hiệu', 'Hiệu lực từ', 'Đến', 'Tên'] : ['Pack id', 'Number', 'From', 'To', 'Title'];
  const rows = list.map((r) => [r.id, r.number, r.effective.from, r.effective.to ?? '—', r.title[args.lang]]);
  io.stdout(`${renderTable(headers, rows).join('\n')}\n`);
  return EXIT.ok;
}
