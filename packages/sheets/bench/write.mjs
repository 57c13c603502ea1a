// .xlsx of a 5,000-member summary list (writeSummaryXlsx, from the built package): documents/s, the file's size
// and the peak resident memory. Run after a build: node packages/sheets/bench/write.mjs [members] [rounds]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rateMany } from '@kiemdiem/rules';
import { writeSummaryXlsx } from '@kiemdiem/sheets';

const members = Number(process.argv[2] ?? 5000);
const rounds = Number(process.argv[3] ?? 5);
const example = JSON.parse(readFileSync(fileURLToPath(new URL('../../../examples/chi-bo-2026/subjects.json', import.meta.url)), 'utf8'));
const individuals = example.filter((s) => s.kind !== 'collective');
// The example's members over and over, each with its own id and name.
const subjects = Array.from({ length: members }, (_, i) => ({ ...individuals[i % individuals.length], id: `dv-${i + 1}`, name: `Đảng viên số ${i + 1}` }));
const output = await rateMany(subjects);

await writeSummaryXlsx(output); // warm-up
const started = process.hrtime.bigint();
let bytes = 0;
for (let i = 0; i < rounds; i++) bytes = (await writeSummaryXlsx(output)).byteLength;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const mb = (n) => (n / 1024 / 1024).toFixed(1);
console.log(
  JSON.stringify({
    bench: 'sheets: writeSummaryXlsx',
    members,
    rounds,
    documentsPerSecond: Number((rounds / seconds).toFixed(2)),
    msPerDocument: Math.round((seconds / rounds) * 1000),
    fileMB: Number(mb(bytes)),
    peakRssMB: Number(mb(process.resourceUsage().maxRSS * 1024)),
  }),
);
