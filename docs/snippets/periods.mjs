import { periodBounds, periodLabel, rateMany, regulationFor } from '@kiemdiem/rules';

for (const period of [{ year: 2018 }, { year: 2020 }, { year: 2024 }, { year: 2025, quarter: 3 }, { year: 2026 }]) {
  console.log(periodLabel(period, 'en'), '→', regulationFor(period).id); // year 2018 → qd-132-2018 … Q3 2025 → qd-366-2025
}
console.log(periodBounds({ year: 2026, quarter: 2 })); // { start: { y: 2026, m: 4, d: 1 }, end: { y: 2026, m: 6, d: 30 } }

const member = { kind: 'individual', audience: 'non-leader', score: { common: 27, tasks: 60 }, tasks: { assigned: 8, completed: 8, onTime: 8, exceeded: 1 } };
const { results, errors } = await rateMany([
  { id: 'q1-2026', ...member, period: { year: 2026, quarter: 1 } }, // qd-366-2025 rates quarters
  { id: 'q4-2026', ...member, period: { year: 2026, quarter: 4 } }, // HD 43: Q4 is merged into the year-end review
  { id: 'q1-2024', ...member, period: { year: 2024, quarter: 1 } }, // qd-124-2023 rates years only
  { id: 'y-2017', ...member, period: { year: 2017 } }, // before the first pack
], { lang: 'en' });
console.log(results.map((r) => `${r.id}: ${r.regulation} ${r.level}`)); // [ 'q1-2026: qd-366-2025 HTTNV' ]
console.log(errors.map((e) => `${e.id} ${e.path} ${e.code}`)); // q4-2026 quarter-not-rated, q1-2024 period-not-supported, y-2017 no-regulation
