import { readFileSync } from 'node:fs';
import { loadRegulation, rateMany, valueAt } from '@kiemdiem/rules';

// Dated values: QĐ 132 as HD 16 (2018) and HD 21 (from 18/10/2019) apply it, each value with its own citation.
const suspended = loadRegulation('qd-132-2018').parameters['eligibility.suspended.applies'];
for (const v of suspended.values) console.log(v.from, v.value, v.citation.document, v.provenance); // 2018-03-08 false 16-HD/BTCTW single-source, 2019-10-18 true 21-HD/BTCTW verified
console.log(valueAt(suspended.values, '2018-12-31').value, valueAt(suspended.values, '2020-12-31').value); // false true

// Overrides by name, and an overlay file (local guidance) with its own citations.
const json = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const subjects = json('examples/chi-bo-2026/subjects.json');
const overlay = json('examples/overlays/tinh-vi-du-2026.json');
for (const options of [{}, { parameters: { 'quota.rounding': 'round-half-up' } }, { overlays: [overlay] }]) {
  const { results, quota } = await rateMany(subjects, options);
  const line = quota.find((q) => q.group === 'chuyen-vien');
  console.log(results[0].regulation, `chuyen-vien: ${line.excellent} HTXSNV, ${line.allowed} allowed (${line.rounding}${line.overlay ? `, set by ${line.overlay}` : ''})`);
}
