import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exampleFor, FORMS, listForms } from '@kiemdiem/forms';
import { rateMany, rollup } from '@kiemdiem/rules';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as browser from './browser';
import { render, renderDocx, renderRollupDocx, renderSummary, renderSummaryDocx } from './index';

type Doc = Record<string, any>;
const FORM_IDS = listForms().map((f) => f.id);
const example = (path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../examples/${path}`, import.meta.url)), 'utf8')) as unknown;

/** The package's parts, read with fflate (the zip, not the docx library that wrote them). */
function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** The text of word/document.xml's runs, paragraphs joined by newlines. */
function bodyText(xml: string): string {
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

describe.each(FORM_IDS)('renderDocx %s', (id) => {
  it('writes the example as a Word document in the Party layout: A4, Times New Roman, header, title, tables for rows', async () => {
    const form = FORMS.find((f) => f.id === id)!;
    const doc = exampleFor(id) as Doc;
    const p = parts(await renderDocx(id, doc));
    const xml = p['word/document.xml']!;
    const text = bodyText(xml);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain(form.title.vi.toUpperCase());
    if (form.code) expect(text).toContain(form.code);
    expect(text).toContain(String(doc.header.issuer).toUpperCase());
    // A4 portrait, margins 20/20/30/15 mm in twentieths of a point.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(p['word/styles.xml']).toContain('w:ascii="Times New Roman"');
    // Page numbers from page 2: a first-page header without them, the default one with a PAGE field.
    expect(xml).toContain('<w:titlePg/>');
    const headers = Object.entries(p).filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, x]) => x);
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
    expect(text).not.toContain('\u200B');
  });
});

describe('what a member fills', () => {
  it('is ordinary paragraphs, and the QĐ 37 checklist and the task rows are Word tables', async () => {
    const id = 'hd43-2025/02b';
    const doc = exampleFor(id) as Doc;
    const xml = parts(await renderDocx(id, doc))['word/document.xml']!;
    // The name is a run of its own in a paragraph outside any table.
    const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
    expect(bodyText(outside)).toContain(`Họ và tên: ${doc.identity.fullName}`);
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const checklist = tables.find((t) => bodyText(t).includes('Tự đánh giá'));
    expect(checklist, 'checklist table').toBeDefined();
    expect((checklist!.match(/<w:tr>/g) ?? []).length).toBeGreaterThanOrEqual(20); // head + 19 articles
    expect(checklist).toContain('<w:tblHeader/>');
  });
});

describe('deterministic output', () => {
  it('gives the same bytes for the same input, with the document date in the core properties and fixed zip times', async () => {
    const doc = exampleFor('hd43-2025/02a');
    const a = await renderDocx('hd43-2025/02a', doc);
    const b = await renderDocx('hd43-2025/02a', structuredClone(doc));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const core = parts(a)['docProps/core.xml']!;
    expect(core).toMatch(/<dcterms:created[^>]*>2026-12-08T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified[^>]*>2026-12-08T00:00:00Z<\/dcterms:modified>/);
    const c = await renderDocx('hd43-2025/02a', doc, { creationDate: '2027-01-05' });
    expect(Buffer.compare(Buffer.from(a), Buffer.from(c))).not.toBe(0);
    // Every local file header carries DOS time 0 and date 1980-01-01 (0x0021).
    const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    let headers = 0;
    for (let i = 0; i + 30 < a.length; i++) {
      if (view.getUint32(i, true) !== 0x04034b50) continue;
      headers += 1;
      expect([view.getUint16(i + 10, true), view.getUint16(i + 12, true)]).toEqual([0, 0x21]);
    }
    expect(headers).toBe(Object.keys(parts(a)).length);
  });
});

describe('Vietnamese text', () => {
  it('writes decomposed (NFD) input as NFC, the same bytes as NFC input', async () => {
    const doc = exampleFor('hd43-2025/02b') as Doc;
    const nfd = JSON.parse(JSON.stringify(doc).normalize('NFD'));
    const a = await renderDocx('hd43-2025/02b', doc);
    const b = await renderDocx('hd43-2025/02b', nfd);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const text = bodyText(parts(b)['word/document.xml']!);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('Nguyễn Thị Mai Anh');
  });

  it('keeps a long token whole (no zero-width spaces from the PDF line breaker)', async () => {
    const doc = exampleFor('hd43-2025/02b') as Doc;
    doc.identity.fullName = 'Nguyễn'.padEnd(60, 'x');
    const text = bodyText(parts(await renderDocx('hd43-2025/02b', doc))['word/document.xml']!);
    expect(text).toContain(doc.identity.fullName);
  });
});

describe('invalid input', () => {
  it('is refused with the same errors as render', async () => {
    const doc = exampleFor('hd43-2025/02b') as Doc;
    delete doc.identity.fullName;
    const pdf = await render('hd43-2025/02b', doc).catch((e: unknown) => e);
    const word = await renderDocx('hd43-2025/02b', doc).catch((e: unknown) => e);
    expect(word).toMatchObject({ code: 'invalid-subject', details: [expect.objectContaining({ path: '/identity/fullName' })] });
    expect(word).toMatchObject({ code: (pdf as { code: string }).code, message: (pdf as Error).message, details: (pdf as { details: unknown }).details });
    await expect(renderDocx('hd99/01', {})).rejects.toMatchObject({ code: 'unknown-form' });
    await expect(renderDocx('hd43-2025/02b', doc, { lang: 'en' })).rejects.toMatchObject({ message: ((await render('hd43-2025/02b', doc, { lang: 'en' }).catch((e: unknown) => e)) as Error).message });
    await expect(renderSummaryDocx({} as never)).rejects.toMatchObject({ code: 'invalid-subject', message: ((await renderSummary({} as never).catch((e: unknown) => e)) as Error).message });
    await expect(renderRollupDocx({} as never, { lang: 'en' })).rejects.toMatchObject({ code: 'invalid-subject' });
  });
});

describe('the summary list and the roll-up', () => {
  it('writes the summary list landscape, with a row per subject in a Word table', async () => {
    const output = await rateMany(example('chi-bo-2026/subjects.json') as unknown[]);
    const bytes = await renderSummaryDocx(output, { unit: { issuer: 'Chi bộ Phòng Tổng hợp', place: 'Đà Lạt' }, date: '2026-12-15' });
    const again = await renderSummaryDocx(output, { unit: { issuer: 'Chi bộ Phòng Tổng hợp', place: 'Đà Lạt' }, date: '2026-12-15' });
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(again))).toBe(0);
    const xml = parts(bytes)['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const list = (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).find((t) => bodyText(t).includes('Họ và tên'))!;
    expect((list.match(/<w:tr>/g) ?? []).length).toBe(output.results.length + 1);
    for (const r of output.results) expect(bodyText(list)).toContain(r.name ?? r.id);
  });

  it('writes the roll-up with merged header cells', async () => {
    const rated = await rateMany(example('rollup/subjects.json') as unknown[]);
    const output = rollup(rated, example('rollup/units.json') as never);
    const xml = parts(await renderRollupDocx(output, { unit: { issuer: 'Đảng bộ tỉnh Ví Dụ', place: 'Ví Dụ' }, date: '2027-01-10' }))['word/document.xml']!;
    const text = bodyText(xml);
    expect(text).toContain('THỐNG KÊ KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG');
    for (const u of output.units) expect(text).toContain(u.name);
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toMatch(/<w:gridSpan w:val="2"\/>/);
  });
});

describe('the browser entry', () => {
  it('gives the same bytes as the Node entry, with no fonts', async () => {
    const doc = exampleFor('hd43-2025/02b');
    const a = await browser.renderDocx('hd43-2025/02b', doc);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(await renderDocx('hd43-2025/02b', doc)))).toBe(0);
  });
});
