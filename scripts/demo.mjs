// pnpm demo [--lang en]: rate the sample chi bộ for 2026 (the table with reasons and the quota check, Vietnamese by
// default), print a legend of the provenance words, then write to ./out: the results as JSON, the summary list
// (.pdf, .docx, .xlsx), and the collective report and self-reviews of HD 43 filled as examples, each as PDF and as
// a Word file (.docx) that a member can edit. Every file written is announced on stderr, one line each.
// The forms stay Vietnamese: they are Party documents; --lang en changes the table, the summary list and the messages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { run } from '@kiemdiem/cli';
import { exampleFor } from '@kiemdiem/forms';
import { render, renderDocx } from '@kiemdiem/reports';
import { locale } from '@kiemdiem/rules';
import { DEMO_MESSAGES } from './demo-locale.mjs';

// `pnpm demo -- --lang en` hands the script a leading "--": skip it.
const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const { values } = parseArgs({ args: argv, options: { lang: { type: 'string', default: 'vi' } }, strict: true });
const lang = values.lang;
if (!Object.hasOwn(DEMO_MESSAGES, lang)) {
  process.stderr.write(`${DEMO_MESSAGES.vi.badLang(lang)}\n`);
  process.exit(2);
}
const m = DEMO_MESSAGES[lang];
const langArgs = ['--lang', lang];

const io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), isTTY: process.stdout.isTTY };
// The sample from the repository, wherever the demo runs; out/ is made where it runs.
const example = (name) => fileURLToPath(new URL(`../examples/chi-bo-2026/${name}`, import.meta.url));
const input = example('subjects.json');
const unit = example('unit.json');
const announce = (file) => process.stderr.write(`${m.wrote(file)}\n`);
mkdirSync('out', { recursive: true });

let code = await run(['rate', '--input', input, '--format', 'table', ...langArgs], io);
if (code !== 0) process.exit(code);

// The words in square brackets after each citation, explained once.
const words = locale(lang).provenance;
process.stdout.write(`\n${m.legendTitle}\n`);
for (const [p, meaning] of Object.entries(m.legend)) process.stdout.write(`  ${words[p]} (${p}): ${meaning}\n`);
process.stdout.write('\n');

// The same results as JSON, then the summary list in the Party layout, as PDF, Word and Excel.
let json = '';
code = await run(['rate', '--input', input, '--format', 'json', ...langArgs], { stdout: (t) => (json += t), stderr: io.stderr });
if (code !== 0) process.exit(code);
writeFileSync('out/ket-qua-xep-loai-2026.json', json);
announce('out/ket-qua-xep-loai-2026.json');
for (const ext of ['pdf', 'docx', 'xlsx']) {
  const out = `out/tong-hop-xep-loai-2026.${ext}`;
  // The summary command says "written (N subjects)" itself; the demo announces each file in one line of its own,
  // and shows what the command said only when it failed.
  let said = '';
  code = await run(['summary', '--input', 'out/ket-qua-xep-loai-2026.json', '--out', out, '--unit', unit, ...langArgs], { ...io, stderr: (t) => (said += t) });
  if (code !== 0) {
    process.stderr.write(said);
    process.exit(code);
  }
  announce(out);
}

for (const [id, file] of [
  ['hd43-2025/01', 'bao-cao-kiem-diem-tap-the-mau-01.pdf'],
  ['hd43-2025/02a', 'ban-kiem-diem-mau-02a.pdf'],
  ['hd43-2025/02b', 'ban-kiem-diem-mau-02b.pdf'],
  ['hd43-2025/02c', 'ban-kiem-diem-mau-02c.pdf'],
]) {
  writeFileSync(`out/${file}`, await render(id, exampleFor(id)));
  announce(`out/${file}`);
  const word = file.replace(/\.pdf$/, '.docx');
  writeFileSync(`out/${word}`, await renderDocx(id, exampleFor(id)));
  announce(`out/${word}`);
}
