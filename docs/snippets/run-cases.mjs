import { readFileSync } from 'node:fs';
import { readCases, runCases } from '@kiemdiem/rules';
import { parse } from 'yaml'; // any YAML parser; readCases takes the parsed data

const file = new URL('my-cases.yaml', import.meta.url);
const cases = readCases(parse(readFileSync(file, 'utf8')), 'my-cases.yaml');
for (const o of await runCases(cases, { lang: 'en' })) {
  console.log(o.passed ? '✓' : '✗', o.case.name, o.failures.join('; '), o.result ? `→ ${o.result.status} ${o.result.level}` : `→ ${o.errors.map((e) => e.path).join(', ')}`);
}
