import { applyRatio, maxExcellent, rateMany } from '@kiemdiem/rules';

console.log(applyRatio(35, 0.2, 'floor'), applyRatio(8, 0.2, 'floor'), applyRatio(8, 0.2, 'round-half-up')); // 7 1 2
console.log(maxExcellent(4, 8, 0.2, 'floor')); // 2: with 2 HTXSNV and 10 HTTNV, floor(0.2 × 10) = 2

const member = (id, exceeded) => ({ id, group: 'chuyen-vien', kind: 'individual', audience: 'non-leader', period: { year: 2026 },
  score: { common: 28, tasks: 64 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded } });
const subjects = [1, 2, 3, 4, 5, 6].map((n) => member(`dv-${n}`, n <= 2 ? 4 : 1)); // two HTXSNV, four HTTNV
const { quota } = await rateMany(subjects);
console.log(quota); // [{ group: 'chuyen-vien', excellent: 2, good: 4, allowed: 0, maxExcellent: 1, over: true, ratio: 0.2, rounding: 'floor', citation, provenance: 'legacy', … }]
