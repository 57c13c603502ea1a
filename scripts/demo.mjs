// pnpm demo: rate the sample chi bộ for 2026 (Vietnamese table with reasons and the quota check), then write
// its PDFs to ./out: the summary list, and the collective report and self-reviews of HD 43 filled as examples,
// each also as a Word file (.docx) that a member can edit.
import { mkdirSync, writeFileSync } from 'node:fs';
import { run } from '@kiemdiem/cli';
import { exampleFor } from '@kiemdiem/forms';
import { render, renderDocx } from '@kiemdiem/reports';

const io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), isTTY: process.stdout.isTTY };
const input = 'examples/chi-bo-2026/subjects.json';
mkdirSync('out', { recursive: true });

let code = await run(['rate', '--input', input, '--format', 'table'], io);
if (code !== 0) process.exit(code);

// The same results as JSON, then the summary list in the Party layout.
let json = '';
await run(['rate', '--input', input, '--format', 'json'], { stdout: (t) => (json += t), stderr: io.stderr });
writeFileSync('out/ket-qua-xep-loai-2026.json', json);
code = await run(['summary', '--input', 'out/ket-qua-xep-loai-2026.json', '--out', 'out/tong-hop-xep-loai-2026.pdf', '--unit', 'examples/chi-bo-2026/unit.json'], io);
if (code !== 0) process.exit(code);
code = await run(['summary', '--input', 'out/ket-qua-xep-loai-2026.json', '--out', 'out/tong-hop-xep-loai-2026.docx', '--unit', 'examples/chi-bo-2026/unit.json'], io);
if (code !== 0) process.exit(code);

for (const [id, file] of [
  ['hd43-2025/01', 'bao-cao-kiem-diem-tap-the-mau-01.pdf'],
  ['hd43-2025/02a', 'ban-kiem-diem-mau-02a.pdf'],
  ['hd43-2025/02b', 'ban-kiem-diem-mau-02b.pdf'],
  ['hd43-2025/02c', 'ban-kiem-diem-mau-02c.pdf'],
]) {
  writeFileSync(`out/${file}`, await render(id, exampleFor(id)));
  const word = file.replace(/\.pdf$/, '.docx');
  writeFileSync(`out/${word}`, await renderDocx(id, exampleFor(id)));
  process.stderr.write(`Đã ghi out/${file}, out/${word}\n`);
}
