import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { diff, rateMany, rollup, type RateManyOutput } from '@kiemdiem/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_CELL_TEXT, writeDiffXlsx, writeRatingXlsx, writeRollupXlsx, writeSummaryXlsx } from './index';

const subjects = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../examples/chi-bo-2026/subjects.json', import.meta.url)), 'utf8')) as Array<Record<string, unknown>>;

/** The entries of a zip, read with zlib only (not the library that wrote it). */
function unzip(bytes: Uint8Array): Map<string, string> {
  const buf = Buffer.from(bytes);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, string>();
  for (let n = 0; n < entries; n++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = buf.readUInt32LE(at + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return files;
}

const xmlOf = (bytes: Uint8Array) => [...unzip(bytes).entries()].filter(([name]) => name.endsWith('.xml')).map(([, text]) => text).join('\n');
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

let output: RateManyOutput;
const HOSTILE = ['=HYPERLINK("http://x","y")', '+1+2', '-3+4', '@SUM(A1)', '=1+1'];

beforeAll(async () => {
  const hostile = subjects.slice(0, HOSTILE.length).map((s, i) => ({ ...s, name: HOSTILE[i] }));
  output = await rateMany([...hostile, ...subjects.slice(HOSTILE.length)]);
});

describe('writeSummaryXlsx', () => {
  it('writes the reference form headers, every subject, the quota lines and a reasons sheet', async () => {
    const xml = xmlOf(await writeSummaryXlsx(output, { decided: { [output.results[1]!.id]: 'HTTNV' } }));
    for (const header of ['STT', 'Họ và tên', 'Chức vụ', 'Đối tượng', 'Điểm tự chấm', 'Tự xếp loại', 'Chi bộ đề xuất', 'Cấp có thẩm quyền quyết định', 'Ghi chú']) expect(xml).toContain(`<t>${header}</t>`);
    expect(xml).toContain('name="Tổng hợp"');
    expect(xml).toContain('name="Lý do và căn cứ"');
    expect(xml).toMatch(/Nhóm .*HTXSNV \/ \d+ HTTNV/);
    expect(xml).toContain('state="frozen"');
    expect(xml).toContain('formatCode="0.0"');
    for (const r of output.results.slice(HOSTILE.length)) expect(decode(xml)).toContain(r.name ?? r.id);
  });

  it('writes hostile text as plain strings, never as formulas', async () => {
    const bytes = await writeSummaryXlsx(output);
    const xml = xmlOf(bytes);
    expect(xml).not.toMatch(/<f[\s>]/);
    for (const text of HOSTILE) expect(decode(xml)).toContain(`<t>${text}</t>`);
  });

  it('uses English headers with lang en', async () => {
    const xml = xmlOf(await writeSummaryXlsx(output, { lang: 'en' }));
    expect(xml).toContain('<t>Full name</t>');
    expect(xml).toContain('name="Summary"');
    expect(xml).not.toContain('<t>Họ và tên</t>');
  });

  it('gives the same bytes for the same input', async () => {
    const a = await writeSummaryXlsx(output);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const b = await writeSummaryXlsx(output);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('cuts a 100,000-character name to what a cell holds and writes text in NFC', async () => {
    const long = 'Ư'.repeat(100_000);
    const decomposed = 'Nguyễn Văn Á'.normalize('NFD');
    const first = output.results[0]!;
    const bytes = await writeSummaryXlsx({ results: [{ ...first, name: long }, { ...first, id: 'x2', name: decomposed }] });
    const xml = xmlOf(bytes);
    const cell = /<t>(Ư+…)<\/t>/.exec(xml)?.[1] ?? '';
    expect(cell.length).toBe(MAX_CELL_TEXT);
    expect(xml).toContain('Nguyễn Văn Á'.normalize('NFC'));
    expect(xml).not.toContain(decomposed);
  });

  it('rejects what is not a rating output, naming the place', async () => {
    await expect(writeSummaryXlsx({ results: [null as never] })).rejects.toThrow('/results/0');
    await expect(writeSummaryXlsx({ results: [] }, { decided: { a: 'X' as never } })).rejects.toThrow('decided["a"]');
  });
});

describe('writeRatingXlsx', () => {
  it('accounts for every input record: results, and the invalid ones in the errors sheet', async () => {
    const rated = await rateMany([...subjects.slice(0, 3), { id: 'bad', kind: 'individual' }]);
    const files = unzip(await writeRatingXlsx(rated));
    const xml = [...files.values()].join('\n');
    expect(xml).toContain('name="Kết quả"');
    expect(xml).toContain('name="Lỗi"');
    expect(rated.errors.length).toBeGreaterThan(0);
    expect(xml).toContain('<t>bad</t>');
    expect(xml).not.toMatch(/<f[\s>]/);
  });
});

describe('writeRollupXlsx', () => {
  it('writes one row per unit with the counts and the quota sheet', async () => {
    const results = output.results.map((r, i) => ({ ...r, unit: i % 2 ? 'cb-1' : 'cb-2' }));
    const hierarchy = [
      { id: 'db', name: 'Đảng bộ Sở', level: 'dang-bo-co-so' as const },
      { id: 'cb-1', name: 'Chi bộ Một', level: 'chi-bo' as const, parent: 'db' },
      { id: 'cb-2', name: 'Chi bộ Hai', level: 'chi-bo' as const, parent: 'db' },
    ];
    const xml = decode(xmlOf(await writeRollupXlsx(rollup({ results, quota: output.quota }, hierarchy))));
    for (const name of ['Đảng bộ Sở', 'Chi bộ Một', 'Chi bộ Hai']) expect(xml).toContain(name);
    expect(xml).toContain('name="Theo đơn vị"');
    expect(xml).toContain('name="Tỷ lệ HTXSNV"');
    expect(xml).toContain('<t>HTXSNV (%)</t>');
  });
});

describe('writeDiffXlsx', () => {
  it('writes the changed subjects, the matrix and the reasons of both sides', async () => {
    // The overlay of the example province, made stricter on exceeded tasks: some HTXSNV members drop a level.
    const example = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../examples/overlays/tinh-vi-du-2026.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
    const stricter = { regulation: 'qd-366-2025', overlays: [{ ...example, rules: [], disabledRules: [], parameters: { 'tasks.HTXSNV.minExceededShare': { value: 0.5 } } }] };
    const report = await diff('qd-366-2025', stricter, subjects);
    const xml = decode(xmlOf(await writeDiffXlsx(report)));
    expect(xml).toContain('name="Thay đổi"');
    expect(xml).toContain('name="Ma trận"');
    expect(report.impact!.changed.length).toBeGreaterThan(0);
    for (const c of report.impact!.changed) expect(xml).toContain(`<t>${c.id}</t>`);
    expect(xml).not.toMatch(/<f[\s>]/);
  });
});
