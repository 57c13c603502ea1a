// The server under load, in its own process (the load generator must not share its thread): prints its URL,
// then its peak RSS (VmHWM) whenever asked on stdin.
import { readFileSync } from 'node:fs';
import { listen } from '../dist/index.js';

const workers = Number(process.argv[2] ?? 2);
const server = await listen({ port: 0, logger: false, pdf: { workers } });
process.stdout.write(`${server.url}\n`);
const rss = () => {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
};
process.stdin.on('data', () => process.stdout.write(`${JSON.stringify(rss())}\n`));
