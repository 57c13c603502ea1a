import { run } from '@kiemdiem/cli';

let out = '';
const io = { stdout: (text) => (out += text), stderr: (text) => process.stderr.write(text) };
const code = await run(['regulations', '--format', 'json'], io); // the same argv as `kiemdiem regulations --format json`
console.log(code, JSON.parse(out).map((r) => `${r.id} (${r.number}) from ${r.effective.from}`)); // 0 [ 'qd-132-2018 (132-QĐ/TW) from 2018-03-08', … ]
