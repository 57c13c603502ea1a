import { rateMany } from '@kiemdiem/rules';

const subjects = [{ id: 'dv-07', kind: 'individual', audience: 'non-leader', period: { year: 2026 }, group: 'chuyen-vien',
  score: { common: 28.5, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 2 } }];
const { results, quota, errors } = await rateMany(subjects, { lang: 'en' });
const [dv07] = results;
console.log(dv07.id, dv07.regulation, dv07.status, dv07.level, dv07.total); // dv-07 qd-366-2025 rated HTTNV 93.5
for (const r of dv07.reasons.filter((r) => r.outcome === 'failed')) console.log(`✗ ${r.message} [${r.citationText}; ${r.provenance}]`);
console.log(quota.map((q) => `${q.group}: ${q.excellent} HTXSNV, ${q.allowed} allowed`), errors); // [ 'chuyen-vien: 0 HTXSNV, 0 allowed' ] []
