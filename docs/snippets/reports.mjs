import { writeFileSync } from 'node:fs';
import { exampleFor } from '@kiemdiem/forms';
import { render, renderSummary } from '@kiemdiem/reports';
import { rateMany } from '@kiemdiem/rules';

writeFileSync('ban-kiem-diem-02b.pdf', await render('hd43-2025/02b', exampleFor('hd43-2025/02b'))); // Mẫu 02B, Tinos embedded
const subject = { id: 'dv-01', name: 'Nguyễn Văn A', kind: 'individual', audience: 'non-leader', period: { year: 2026 },
  score: { common: 27, tasks: 60 }, tasks: { assigned: 8, completed: 8, onTime: 8, exceeded: 1 } };
writeFileSync('tong-hop.pdf', await renderSummary(await rateMany([subject]))); // the summary list of ratings
console.log('ban-kiem-diem-02b.pdf, tong-hop.pdf');
