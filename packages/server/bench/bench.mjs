#!/usr/bin/env node
/**
 * pnpm bench:server — @kiemdiem/server (built dist) under autocannon load on 127.0.0.1, each stage bounded in time.
 *
 *   node packages/server/bench/bench.mjs [--seconds 10] [--stream 200000] [--out FILE.json]
 *
 * The server runs in a child process (server-child.mjs); autocannon and the stream client in this one.
 *   batch      POST /rate with 1,000 subjects a request: subjects/s
 *   stream     POST /rate as NDJSON, --stream subjects in one request: subjects/s, server peak RSS (with
 *              reasons, then ?reasons=false)
 *   single     POST /rate with 1 subject at a fixed 500 req/s: p50, p99 latency
 *   pdf        POST /forms/hd43-2025/02b/pdf, 2 PDF workers: PDFs/s, against renderBatch with 2 workers
 *   overload   a burst of 10× what the PDF pool admits (workers + queue), all at once: 200s, 503s, every
 *              200 a whole PDF, server peak RSS
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir, totalmem, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../../..');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const SECONDS = Number(flag('--seconds', '10'));
const STREAM = Number(flag('--stream', '200000'));
const OUT = flag('--out', undefined);
// --only pdf,single: some parts alone (the machine is shared; a part is rerun in turns with what it is compared to).
const ONLY = flag('--only', undefined)?.split(',');
const part = (name) => !ONLY || ONLY.includes(name);
const PDF_WORKERS = 2;

const base = JSON.parse(readFileSync(join(ROOT, 'examples/chi-bo-2026/subjects.json'), 'utf8'));
const subjectAt = (i) => ({ ...base[i % base.length], id: `s-${i}` });
const FORM = JSON.parse(readFileSync(join(ROOT, 'packages/reports/bench/fixture-02b-2-pages.json'), 'utf8'));

function startServer() {
  const child = spawn(process.execPath, [join(HERE, 'server-child.mjs'), String(PDF_WORKERS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const next = () => new Promise((resolve) => lines.once('line', resolve));
  return next().then((url) => ({
    url,
    memory: async () => {
      const answer = next();
      child.stdin.write('\n');
      return JSON.parse(await answer);
    },
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
  }));
}

const cannon = (opts) => new Promise((resolve, reject) => autocannon({ duration: SECONDS, ...opts }, (err, res) => (err ? reject(err) : resolve(res))));
const mb = (bytes) => Math.round(bytes / 1048576);

async function batch(url) {
  const body = JSON.stringify({ subjects: Array.from({ length: 1000 }, (_, i) => subjectAt(i)) });
  const r = await cannon({ url: `${url}/rate`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 2 });
  return { requestsPerSecond: r.requests.average, subjectsPerSecond: Math.round(r.requests.average * 1000), non2xx: r.non2xx, errors: r.errors };
}

/** One NDJSON request of STREAM subjects, written as the socket takes them; counts the answer lines. */
function stream(url, query = '') {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(`${url}/rate${query}`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } });
    let lines = 0;
    let last = '';
    req.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) lines += 1;
        last = (last + chunk).slice(-2000);
      });
      res.on('end', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const summary = JSON.parse(last.trimEnd().split('\n').at(-1));
        resolve({ subjects: STREAM, seconds: Number(seconds.toFixed(2)), subjectsPerSecond: Math.round(STREAM / seconds), lines, summary: { records: summary.records, rated: summary.rated, invalid: summary.invalid } });
      });
    });
    req.on('error', reject);
    let i = 0;
    const write = () => {
      while (i < STREAM) {
        let chunk = '';
        for (let k = 0; k < 500 && i < STREAM; k++, i++) chunk += `${JSON.stringify(subjectAt(i))}\n`;
        if (!req.write(chunk)) return req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

async function single(url) {
  const body = JSON.stringify({ subjects: [subjectAt(1)] });
  // Two seconds at the same rate first, not measured: the server's JIT warm, as in the other stages that run after one.
  await cannon({ url: `${url}/rate`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, overallRate: 500, duration: 2 });
  const r = await cannon({ url: `${url}/rate`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, overallRate: 500 });
  return { rate: 500, requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, non2xx: r.non2xx };
}

async function pdf(url) {
  const body = JSON.stringify(FORM.document);
  const r = await cannon({ url: `${url}/forms/hd43-2025/02b/pdf`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: PDF_WORKERS * 2 });
  return { pdfsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

/** renderBatch with the same number of workers, on as many documents as the HTTP stage took ~SECONDS for. */
async function renderBatchRate(docs) {
  const { renderBatch } = await import('@kiemdiem/reports');
  const outDir = mkdtempSync(join(tmpdir(), 'kd-bench-batch-'));
  const started = process.hrtime.bigint();
  const result = await renderBatch(FORM.form, (function* () {
    for (let i = 0; i < docs; i++) yield { ...FORM.document, id: `d-${i}` };
  })(), { outDir, workers: PDF_WORKERS });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(outDir, { recursive: true, force: true });
  return { docs, seconds: Number(seconds.toFixed(2)), pdfsPerSecond: Number((docs / seconds).toFixed(1)), accelerated: result.accelerated, failed: result.failed.length };
}

async function overload(url) {
  const admitted = PDF_WORKERS + PDF_WORKERS * 4;
  const burst = admitted * 10;
  const body = JSON.stringify(FORM.document);
  const answers = await Promise.all(
    Array.from({ length: burst }, () =>
      fetch(`${url}/forms/hd43-2025/02b/pdf`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => ({
        status: r.status,
        retryAfter: r.headers.get('retry-after'),
        bytes: Buffer.from(await r.arrayBuffer()),
      })),
    ),
  );
  const ok = answers.filter((a) => a.status === 200);
  const refused = answers.filter((a) => a.status === 503);
  const whole = ok.filter((a) => a.bytes.subarray(0, 5).toString() === '%PDF-' && a.bytes.subarray(-6).toString().includes('%%EOF')).length;
  return { burst, admitted, ok: ok.length, refused: refused.length, other: burst - ok.length - refused.length, wholePdfs: whole, retryAfter: refused[0]?.retryAfter ?? null };
}

const machine = { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 1073741824), node: process.version, loadBefore: loadavg().map((l) => l.toFixed(2)) };
console.error(`machine: ${JSON.stringify(machine)}`);
const server = await startServer();
const results = { machine, seconds: SECONDS };
try {
  if (part('batch')) {
    results.batch = await batch(server.url);
    console.error(`batch: ${JSON.stringify(results.batch)}`);
  }
  if (part('stream')) {
    results.stream = await stream(server.url);
    results.stream.serverPeakRssMb = mb((await server.memory()).peak);
    console.error(`stream: ${JSON.stringify(results.stream)}`);
    results.streamNoReasons = await stream(server.url, '?reasons=false');
    results.streamNoReasons.serverPeakRssMb = mb((await server.memory()).peak);
    console.error(`stream ?reasons=false: ${JSON.stringify(results.streamNoReasons)}`);
  }
  if (part('single')) {
    results.single = await single(server.url);
    console.error(`single: ${JSON.stringify(results.single)}`);
  }
  if (part('pdf')) {
    results.pdf = await pdf(server.url);
    console.error(`pdf: ${JSON.stringify(results.pdf)}`);
    results.renderBatch = await renderBatchRate(Math.max(20, Math.round(results.pdf.pdfsPerSecond * SECONDS)));
    results.pdf.ofRenderBatch = Number((results.pdf.pdfsPerSecond / results.renderBatch.pdfsPerSecond).toFixed(2));
    console.error(`renderBatch: ${JSON.stringify(results.renderBatch)}`);
  }
  if (part('overload')) {
    const before = await server.memory();
    results.overload = await overload(server.url);
    const after = await server.memory();
    results.overload.serverRssMb = { before: mb(before.rss), after: mb(after.rss), peak: mb(after.peak) };
    console.error(`overload: ${JSON.stringify(results.overload)}`);
  }
} finally {
  await server.stop();
}
results.machine.loadAfter = loadavg().map((l) => l.toFixed(2));
console.log(JSON.stringify(results, null, 2));
if (OUT) writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
