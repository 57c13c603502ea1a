import { decisiveReasons, rate } from '@kiemdiem/rules';

const subject = { id: 'dv-11', kind: 'individual', audience: 'non-leader', period: { year: 2026 },
  score: { common: 27, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 9, exceeded: 5 } };
const mark = { met: '✓', failed: '✗', applied: '•', disabled: '○' };
for (const lang of ['vi', 'en']) {
  const result = await rate(subject, { lang });
  console.log(`${result.id}: ${result.level} (${result.total})`); // dv-11: HTNV (92)
  for (const r of result.reasons) console.log(` ${mark[r.outcome]} ${r.message} [${r.citationText}; ${r.provenance}]`);
}
const result = await rate(subject);
console.log(decisiveReasons(result).map((r) => `${r.outcome} ${r.rule}`)); // the failed HTTNV conditions: why not one level higher
