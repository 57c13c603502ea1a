#!/usr/bin/env node
/**
 * pnpm bench:reports — throughput of @kiemdiem/reports (built dist) on two-page Mẫu 02B documents.
 *
 *   node packages/reports/bench/bench.mjs [--docs 500] [--modes naive,inline,batch-1,batch-all] [--out FILE.json]
 *   node packages/reports/bench/bench.mjs --stages [--docs 100]    time per stage on one thread: naive and inline
 *   node packages/reports/bench/bench.mjs --profile [--docs 200]   CPU profiles (naive, inline, the batch-1 worker), time by area
 *   … --dist packages/reports/dist-x/index.js                       measure another build of the package
 *   node packages/reports/bench/bench.mjs --compare BUILD,BUILD… [--mode inline] [--rounds 3] [--docs 500]
 *                                                                  builds against each other, taking turns
 *
 * Every mode runs in its own child process (so fonts, caches and peak RSS are its own):
 *   naive      pdfmake used directly, the way a first version would: per document, the four Tinos files read
 *              from disk, put in pdfmake's virtual file system, createPdf(definition).getBuffer(); one thread.
 *   inline     render() in a loop on the main thread: pdfmake as published, unaccelerated (the accelerations
 *              never run on a thread that may run host code), the font bytes read once and set up once.
 *   batch-1    renderBatch with 1 worker thread: the accelerations (src/accelerate/) on.
 *   batch-all  renderBatch with os.availableParallelism() worker threads, accelerated.
 *   docx       renderDocx() in a loop on the main thread: the same documents as Word files (.docx), with their
 *              mean size; the target is at least 100 .docx per second on one core (issue 19).
 * All modes print the same document definitions (documentDefinition from the dist) and write one file per
 * document; the bench checks every PDF has exactly 2 pages, that the batch workers were accelerated
 * (BatchResult.accelerated) and that the bytes of every mode, accelerated or not, are identical.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURE = JSON.parse(readFileSync(join(HERE, 'fixture-02b-2-pages.json'), 'utf8'));
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Quang'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hương', 'Lan', 'Mai Anh', 'Phúc', 'Quý', 'Thảo', 'Trung'];

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const DOCS = Number(flag('--docs', args.includes('--stages') ? '100' : args.includes('--profile') ? '200' : '500'));
/** Another build to measure (e.g. `--dist packages/reports/dist-before/index.js`); it must sit in the package. */
const DIST = resolve(flag('--dist', join(HERE, '../dist/index.js')));

/** The i-th bench document: the fixture with its own id and name. */
function documentAt(i) {
  const doc = structuredClone(FIXTURE.document);
  doc.id = `dv-${String(i + 1).padStart(4, '0')}`;
  const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`;
  doc.identity.fullName = name;
  doc.signature.name = name;
  return doc;
}
const stripId = ({ id, ...rest }) => rest;

const pagesOf = (bytes) => (bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

function fontPaths() {
  const require = createRequire(join(HERE, '../package.json'));
  const base = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
  return {
    normal: join(base, '400Regular/Tinos_400Regular.ttf'),
    bold: join(base, '700Bold/Tinos_700Bold.ttf'),
    italics: join(base, '400Regular_Italic/Tinos_400Regular_Italic.ttf'),
    bolditalics: join(base, '700Bold_Italic/Tinos_700Bold_Italic.ttf'),
  };
}

/** pdfmake as a first version would use it: fonts read and registered afresh for each document. */
async function naivePdf(pdfmake, definition) {
  const paths = fontPaths();
  const vfs = pdfmake.virtualfs;
  vfs.writeFileSync('Tinos-Regular.ttf', readFileSync(paths.normal));
  vfs.writeFileSync('Tinos-Bold.ttf', readFileSync(paths.bold));
  vfs.writeFileSync('Tinos-Italic.ttf', readFileSync(paths.italics));
  vfs.writeFileSync('Tinos-BoldItalic.ttf', readFileSync(paths.bolditalics));
  pdfmake.setFonts({ Tinos: { normal: 'Tinos-Regular.ttf', bold: 'Tinos-Bold.ttf', italics: 'Tinos-Italic.ttf', bolditalics: 'Tinos-BoldItalic.ttf' } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake.createPdf(definition).getBuffer();
}

// ---------------------------------------------------------------------------------------------------------
// Child: one mode, one process.

async function child(mode, outDir) {
  const workers = mode === 'batch-1' ? 1 : mode === 'batch-all' ? availableParallelism() : 1;
  const options = { profile: FIXTURE.profile };
  const cpu0 = process.cpuUsage();
  let t0;
  // Steady state: the documents after the first WARM (workers started, fonts parsed, code optimised).
  const WARM = Math.min(50, Math.floor(DOCS / 5));
  let tWarm;
  let tFirst;
  const tick = (done) => {
    if (done === 1) tFirst = performance.now();
    if (done === WARM) tWarm = performance.now();
  };
  // How busy the rest of the machine was (other processes take cores from the workers), and the main thread.
  const busy0 = machineBusySeconds();
  const elu0 = performance.eventLoopUtilization();
  // Only the batch workers are accelerated; naive and inline print with pdfmake as published.
  let accelerated = false;
  if (mode === 'naive') {
    // pdfmake loaded here first, plainly (no shared fonts); the dist only builds the definitions.
    const pdfmake = createRequire(DIST)('pdfmake');
    const { documentDefinition } = await import(pathToFileURL(DIST).href);
    t0 = performance.now();
    for (let i = 0; i < DOCS; i++) {
      const doc = documentAt(i);
      writeFileSync(join(outDir, `${doc.id}.pdf`), await naivePdf(pdfmake, documentDefinition(FIXTURE.form, stripId(doc), options)));
      tick(i + 1);
    }
  } else if (mode === 'inline') {
    const { render } = await import(pathToFileURL(DIST).href);
    t0 = performance.now();
    for (let i = 0; i < DOCS; i++) {
      const doc = documentAt(i);
      writeFileSync(join(outDir, `${doc.id}.pdf`), await render(FIXTURE.form, stripId(doc), options));
      tick(i + 1);
    }
  } else if (mode === 'docx') {
    const { renderDocx } = await import(pathToFileURL(DIST).href);
    t0 = performance.now();
    for (let i = 0; i < DOCS; i++) {
      const doc = documentAt(i);
      writeFileSync(join(outDir, `${doc.id}.docx`), await renderDocx(FIXTURE.form, stripId(doc), options));
      tick(i + 1);
    }
  } else {
    const { renderBatch } = await import(pathToFileURL(DIST).href);
    t0 = performance.now();
    const result = await renderBatch(FIXTURE.form, (function* () {
      for (let i = 0; i < DOCS; i++) yield documentAt(i);
    })(), { ...options, outDir, workers, onProgress: tick });
    if (result.failed.length) throw new Error(`failed: ${JSON.stringify(result.failed.slice(0, 3))}`);
    accelerated = result.accelerated;
    if (!result.accelerated) console.error(`${mode}: the workers were not accelerated: ${result.notAccelerated}`);
  }
  const tEnd = performance.now();
  const seconds = (tEnd - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const busy1 = machineBusySeconds();
  const mainThreadBusy = performance.eventLoopUtilization(elu0).utilization;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const word = mode === 'docx';
  const files = readdirSync(outDir).filter((f) => f.endsWith(word ? '.docx' : '.pdf'));
  const pages = new Map();
  let bytes = 0;
  for (const f of files) {
    const data = readFileSync(join(outDir, f));
    bytes += data.length;
    // A .docx has no pages until a word processor lays it out.
    if (word) continue;
    const n = pagesOf(data);
    pages.set(n, (pages.get(n) ?? 0) + 1);
  }
  return {
    mode,
    workers,
    accelerated,
    docs: DOCS,
    files: files.length,
    pages: Object.fromEntries(pages),
    meanBytes: files.length ? bytes / files.length : 0,
    seconds,
    docsPerSecond: DOCS / seconds,
    docsPerSecondPerWorker: DOCS / seconds / workers,
    steadyDocsPerSecond: (DOCS - WARM) / ((tEnd - tWarm) / 1000),
    firstDocSeconds: (tFirst - t0) / 1000,
    warmSeconds: (tWarm - t0) / 1000,
    mainThreadBusy,
    otherCpuSeconds: busy0 === undefined || busy1 === undefined ? null : busy1 - busy0 - (cpu.user + cpu.system) / 1e6,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    docsPerCpuSecond: DOCS / ((cpu.user + cpu.system) / 1e6),
    maxRssMb,
  };
}

/** CPU-seconds all processes have used since boot (Linux /proc/stat; undefined elsewhere). */
function machineBusySeconds() {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = ticks[3] + ticks[4];
    return (ticks.reduce((a, b) => a + b, 0) - idle) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * Time per stage on one thread: definition, layout + drawing (createPdf → stream), end (fonts, compression).
 * naive registers the fonts for every document; inline sets them up once, as render() does on the caller's
 * thread. Both are pdfmake as published: the accelerated stages run in worker threads only (see --profile).
 */
async function stages(kind) {
  const { documentDefinition } = await import(pathToFileURL(DIST).href);
  const options = { profile: FIXTURE.profile };
  const pdfmake = createRequire(DIST)('pdfmake');
  if (kind === 'inline') await naivePdf(pdfmake, { content: [] }); // the fonts set up once
  const run = async (compress) => {
    const t = { definition: 0, layout: 0, end: 0, fonts: 0 };
    for (let i = 0; i < DOCS; i++) {
      const a = performance.now();
      const def = documentDefinition(FIXTURE.form, stripId(documentAt(i)), options);
      def.compress = compress;
      const b = performance.now();
      if (kind === 'naive') {
        const paths = fontPaths();
        for (const [name, p] of [['Tinos-Regular.ttf', paths.normal], ['Tinos-Bold.ttf', paths.bold], ['Tinos-Italic.ttf', paths.italics], ['Tinos-BoldItalic.ttf', paths.bolditalics]]) pdfmake.virtualfs.writeFileSync(name, readFileSync(p));
        pdfmake.setFonts({ Tinos: { normal: 'Tinos-Regular.ttf', bold: 'Tinos-Bold.ttf', italics: 'Tinos-Italic.ttf', bolditalics: 'Tinos-BoldItalic.ttf' } });
        pdfmake.setUrlAccessPolicy(() => false);
        pdfmake.setLocalAccessPolicy(() => false);
      }
      const c = performance.now();
      const out = pdfmake.createPdf(def);
      await out.getStream();
      const d = performance.now();
      await out.getBuffer();
      const e = performance.now();
      t.definition += b - a;
      t.fonts += c - b;
      t.layout += d - c;
      t.end += e - d;
    }
    return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v / DOCS]));
  };
  await run(true); // warm up (JIT), not counted
  return { kind, compressed: await run(true), uncompressed: await run(false) };
}

// ---------------------------------------------------------------------------------------------------------
// Parent.

function spawnChild(extra, nodeArgs = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, fileURLToPath(import.meta.url), ...extra, '--docs', String(DOCS), '--dist', DIST], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`child ${extra.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

function machine() {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  return {
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

const fmt = (n, d = 1) => n.toFixed(d);

async function parent() {
  const modes = flag('--modes', 'naive,inline,batch-1,batch-all,docx').split(',');
  const pdfModes = modes.filter((m) => m !== 'docx');
  const info = machine();
  console.log(`@kiemdiem/reports bench: ${DOCS} two-page documents of ${FIXTURE.form}; ${info.cores} cores (${info.cpuModel}), ${info.memoryGb} GB, Node ${info.node}`);
  const root = mkdtempSync(join(tmpdir(), 'kiemdiem-bench-'));
  const results = [];
  try {
    for (const mode of modes) {
      const out = join(root, mode);
      mkdirSync(out);
      process.stdout.write(`  ${mode} … `);
      const r = spawnChild(['--child', mode, '--out-dir', out]);
      results.push(r);
      console.log(`${fmt(r.docsPerSecond)} docs/s`);
      if (mode === 'docx' && r.files !== DOCS) throw new Error(`docx: expected ${DOCS} .docx files, got ${r.files}`);
      if (mode !== 'docx' && (r.files !== DOCS || Object.keys(r.pages).join() !== '2')) throw new Error(`${mode}: expected ${DOCS} two-page PDFs, got ${r.files} files with pages ${JSON.stringify(r.pages)}`);
    }
    // Same bytes whichever way they were made (the 7th document, or the last of a shorter run).
    const sample = `dv-${String(Math.min(7, DOCS)).padStart(4, '0')}`;
    const made = pdfModes.map((m) => readFileSync(join(root, m, `${sample}.pdf`)));
    const identical = made.every((b) => b.equals(made[0]));
    if (!identical) throw new Error(`the modes gave different bytes for ${sample}`);
    const naive = results.find((r) => r.mode === 'naive');
    const unaccelerated = results.filter((r) => r.mode.startsWith('batch') && !r.accelerated);
    if (unaccelerated.length) console.log(`\nNOT ACCELERATED: ${unaccelerated.map((r) => r.mode).join(', ')} (see the message above): those figures are for pdfmake as published.`);
    console.log('');
    console.log('| mode | workers | docs/s | docs/s per worker | steady docs/s (after 50) | steady per worker | first PDF (s) | 50th PDF (s) | docs per CPU-second | main thread busy | peak RSS (MB) | × naive |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results.filter((x) => x.mode !== 'docx')) {
      console.log(`| ${r.mode} | ${r.workers} | ${fmt(r.docsPerSecond)} | ${fmt(r.docsPerSecondPerWorker)} | ${fmt(r.steadyDocsPerSecond)} | ${fmt(r.steadyDocsPerSecond / r.workers)} | ${fmt(r.firstDocSeconds, 2)} | ${fmt(r.warmSeconds, 2)} | ${fmt(r.docsPerCpuSecond)} | ${fmt(100 * r.mainThreadBusy, 0)} % | ${fmt(r.maxRssMb, 0)} | ${naive ? fmt(r.docsPerSecond / naive.docsPerSecond, 2) : '–'} |`);
    }
    const noisy = results.filter((r) => r.otherCpuSeconds > 0.5);
    if (noisy.length) console.log(`\nOther processes used ${noisy.map((r) => `${fmt(r.otherCpuSeconds)} CPU-s during ${r.mode}`).join(', ')}: those figures are low; run again on an idle machine.`);
    console.log(`\nAll ${pdfModes.length * DOCS} PDFs have 2 pages; the modes give byte-identical files.`);
    const docx = results.find((r) => r.mode === 'docx');
    if (docx) {
      const verdict = docx.docsPerSecond >= 100 ? 'meets' : 'MISSES';
      console.log(`\n.docx of the same documents (renderDocx, one thread): ${fmt(docx.docsPerSecond)} .docx/s (steady ${fmt(docx.steadyDocsPerSecond)}), ${fmt(docx.docsPerCpuSecond)} per CPU-second, ${fmt(docx.meanBytes / 1024)} KB each, peak RSS ${fmt(docx.maxRssMb, 0)} MB: ${verdict} the target of 100 .docx/s per core.`);
    }
    const file = flag('--out', join(HERE, 'results.json'));
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine: info, docs: DOCS, fixture: 'bench/fixture-02b-2-pages.json', results }, null, 2)}\n`);
    console.log(`Numbers written to ${file}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function stagesParent() {
  console.log(`Time per document by stage (ms, mean of ${DOCS}, one thread, after a warm-up round):`);
  console.log('| path | compress | definition (validate + build) | font registration | layout + drawing (createPdf → stream) | end (subset fonts, compress, write) | total |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const kind of ['naive', 'inline']) {
    const r = spawnChild(['--child-stages', kind]);
    for (const [label, t] of [['yes', r.compressed], ['no', r.uncompressed]]) {
      const total = t.definition + t.fonts + t.layout + t.end;
      console.log(`| ${kind} | ${label} | ${fmt(t.definition, 2)} | ${fmt(t.fonts, 2)} | ${fmt(t.layout, 2)} | ${fmt(t.end, 2)} | ${fmt(total, 2)} |`);
    }
  }
}

/** Inclusive CPU time under some frames of a .cpuprofile, as a share of all samples. */
function summarize(file) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map();
  p.samples.forEach((s, i) => time.set(s, (time.get(s) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const areas = [
    ['validation + definition (documentDefinition)', (f) => f.functionName === 'documentDefinition'],
    ['pdfmake layout (measure, line breaking, pages)', (f) => f.functionName === 'layoutDocument' && f.url.includes('LayoutBuilder')],
    ['  of which shaping words (fontkit layout, or the memo of accelerate/shared-font.ts)', (f) => (f.functionName === 'layout' && f.url.includes('fontkit')) || f.functionName === 'font.layout'],
    ['pdfmake/pdfkit drawing (renderPages)', (f) => f.functionName === 'renderPages'],
    ['font subsetting + embedding (EmbeddedFont.embed)', (f) => f.functionName === 'embed' && f.url.includes('pdfkit')],
    ['deflate (zlib)', (f) => f.functionName === 'zlibBufferSync'],
    ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ];
  const total = [...time.values()].reduce((a, b) => a + b, 0);
  const sums = areas.map(() => 0);
  for (const [id, t] of time) {
    const hit = areas.map(() => false);
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur).callFrame;
      areas.forEach(([, m], i) => {
        if (!hit[i] && m(f)) hit[i] = true;
      });
    }
    hit.forEach((h, i) => {
      if (h) sums[i] += t;
    });
  }
  return areas.map(([label], i) => [label, (100 * sums[i]) / total]);
}

async function profileParent() {
  const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-prof-'));
  try {
    // naive and inline print on the main thread (pdfmake as published); batch-1 in one accelerated worker,
    // whose profile Node writes next to the main thread's (CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile).
    for (const mode of ['naive', 'inline', 'batch-1']) {
      const out = join(dir, mode);
      mkdirSync(out);
      spawnChild(['--child', mode, '--out-dir', out], ['--cpu-prof', `--cpu-prof-dir=${join(dir, `prof-${mode}`)}`]);
      const thread = mode === 'batch-1' ? 1 : 0;
      const file = readdirSync(join(dir, `prof-${mode}`)).find((f) => f.endsWith('.cpuprofile') && Number(f.split('.').at(-3)) === thread);
      console.log(`\n${mode} (${DOCS} documents, ${thread ? 'the worker thread' : 'the main thread'}): share of CPU samples, inclusive`);
      for (const [label, pct] of summarize(join(dir, `prof-${mode}`, file))) console.log(`  ${fmt(pct).padStart(5)} %  ${label}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds against each other: one mode, the builds taking turns for a few rounds (the machine's speed drifts). */
async function compareParent() {
  const builds = flag('--compare').split(',').map((b) => resolve(b));
  const mode = flag('--mode', 'inline');
  const rounds = Number(flag('--rounds', '3'));
  const runs = new Map(builds.map((b) => [b, []]));
  for (let round = 0; round < rounds; round++) {
    for (const build of builds) {
      const out = mkdtempSync(join(tmpdir(), 'kiemdiem-cmp-'));
      try {
        const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, '--out-dir', out, '--docs', String(DOCS), '--dist', build], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
        runs.get(build).push(JSON.parse(r.stdout.trim().split('\n').at(-1)));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${mode}, ${DOCS} documents, ${rounds} rounds (builds taking turns); median [min–max]`);
  console.log('| build | docs/s | steady docs/s | docs per CPU-second | peak RSS (MB) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [build, rs] of runs) {
    const col = (k) => `${fmt(median(rs.map((r) => r[k])))} [${fmt(Math.min(...rs.map((r) => r[k])))}–${fmt(Math.max(...rs.map((r) => r[k])))}]`;
    console.log(`| ${build.replace(/^.*packages\/reports\//, '')} | ${col('docsPerSecond')} | ${col('steadyDocsPerSecond')} | ${col('docsPerCpuSecond')} | ${fmt(median(rs.map((r) => r.maxRssMb)), 0)} |`);
  }
}

if (args.includes('--child')) {
  const r = await child(flag('--child'), flag('--out-dir'));
  console.log(JSON.stringify(r));
} else if (args.includes('--child-stages')) {
  console.log(JSON.stringify(await stages(flag('--child-stages'))));
} else if (args.includes('--stages')) await stagesParent();
else if (args.includes('--profile')) await profileParent();
else if (args.includes('--compare')) await compareParent();
else await parent();
