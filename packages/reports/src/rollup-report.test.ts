import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEVELS, rateMany, rollup, type RollupOutput } from '@kiemdiem/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import * as browser from './browser';
import { loadFonts, renderRollup } from './index';
import { pdfFonts, pdfInfo, pdfText, READ_BACK, savePdf } from '../test/poppler';
import { rollupDefinition } from './rollup-report';
import { facesMissing, textsOf } from '../test/glyphs';

const example = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../examples/rollup/${name}`, import.meta.url)), 'utf8')) as unknown;
const unit = { issuer: 'Đảng bộ tỉnh Ví Dụ', place: 'Ví Dụ' };
const signer = { authority: 'T/M BAN THƯỜNG VỤ', post: 'PHÓ BÍ THƯ THƯỜNG TRỰC', name: 'Nguyễn Minh Khôi' };

/** Collapses the runs of spaces pdftotext -layout puts between columns. */
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');
/** The line of the -layout text holding `needle` (first match from `from`). */
const lineWith = (text: string, needle: string, from = 0) => text.slice(from).split('\n').find((l) => l.includes(needle)) ?? '';
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1).replace('.', ',')} %`);

let output: RollupOutput;
let bytes: Uint8Array;
let text = '';

beforeAll(async () => {
  const rated = await rateMany(example('subjects.json') as unknown[]);
  output = rollup(rated, example('units.json') as never, { remediation: example('remediation.json') as unknown[], feedback: example('feedback.json') as unknown[] });
  bytes = await renderRollup(output, { unit, signer, date: '2027-01-10' });
  if (READ_BACK) text = pdfText(savePdf(bytes, 'rollup.pdf')).normalize('NFC');
});

describe('the example roll-up', () => {
  it('places every result, plan and comment of examples/rollup', () => {
    expect(output.errors).toEqual([]);
    expect(output.accounted.results).toEqual({ input: 32, placed: 32, unplaced: 0, invalid: 0 });
    expect(output.accounted.remediation?.placed).toBe(21);
    expect(output.accounted.feedback?.placed).toBe(16);
  });
});

describe.skipIf(!READ_BACK)('renderRollup read back with poppler', () => {
  it('is an A4 landscape Party document with the embedded Tinos faces and the fixed date', () => {
    const file = savePdf(bytes);
    expect(pdfInfo(file)['Page size']).toMatch(/841\.8\d? x 595\.2\d? pts \(A4\)/);
    expect(pdfInfo(file).CreationDate).toMatch(/Jan 10 00:00:00 2027 UTC/);
    for (const f of pdfFonts(file)) {
      expect(f.name).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
      expect(f.embedded).toBe(true);
    }
    const all = flat(text);
    expect(all).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(all).toContain('ĐẢNG BỘ TỈNH VÍ DỤ');
    expect(all).toContain('Ví Dụ, ngày 10 tháng 01 năm 2027');
    expect(all).toContain('THỐNG KÊ KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN NĂM 2026');
    expect(all).toContain('(Theo Quy định 366-QĐ/TW)');
  });

  it('has a row per unit, in tree order, with the members’ counts and shares of the JSON', () => {
    const start = text.indexOf('I. KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN');
    const end = text.indexOf('II. KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG');
    expect(start).toBeGreaterThan(-1);
    const section = text.slice(start, end);
    let at = 0;
    output.units.forEach((u, i) => {
      const line = lineWith(section, u.name, at);
      at = section.indexOf(line, at) + line.length; // tree order: each unit after the one before
      const m = u.cumulative.members;
      const cells = [String(i + 1), u.name, String(m.total), String(m.rated), ...LEVELS.flatMap((l) => [String(m.levels[l]), pct(m.percent[l])]), String(m.total - m.rated)];
      expect(flat(line).trim(), u.id).toBe(cells.join(' '));
    });
    // Unit names are indented by depth: a chi bộ sits to the right of its đảng bộ.
    expect(lineWith(section, 'Chi bộ Phòng Tổng hợp').indexOf('Chi bộ')).toBeGreaterThan(lineWith(section, 'Đảng bộ Sở Tài chính').indexOf('Đảng bộ'));
  });

  it('prints the collectives, the audiences, the quota per group and unit, plans and feedback', () => {
    const all = flat(text);
    const tinh = output.units[0]!;
    const c = tinh.cumulative.collectives;
    expect(all).toContain(`Đảng bộ tỉnh Ví Dụ ${c.total} ${c.rated} ${LEVELS.map((l) => `${c.levels[l]} ${pct(c.percent[l])}`).join(' ')} 0`);
    const leaders = tinh.cumulative.byAudience.leader;
    expect(flat(lineWith(text, 'Cán bộ lãnh đạo, quản lý (2A)'))).toContain(`(2A) ${leaders.total} ${leaders.rated} ${leaders.levels.HTXSNV} ${pct(leaders.percent.HTXSNV)}`);
    for (const q of tinh.quota) expect(all).toContain(`Nhóm ${q.group}: ${q.excellent} HTXSNV / ${q.good} HTTNV; được phép ${q.allowed}`);
    // The ratio's basis as qd-366-2025 gives it (QĐ 366 itself since the pack follows the text).
    expect(all).toContain('Căn cứ tỷ lệ: Khoản 1 Điều 11 Quy định 366-QĐ/TW (đã kiểm chứng)');
    const r = tinh.remediation!.cumulative;
    expect(all).toContain(`Đảng bộ tỉnh Ví Dụ ${r.collectives.withPlan}/${r.collectives.total} (${pct(r.collectives.percent)}) ${r.members.withPlan}/${r.members.total} (${pct(r.members.percent)}) ${r.items.total} ${r.items.remedied} ${r.items.inProgress} ${r.items.notRemedied}`);
    const f = tinh.feedback!.cumulative;
    expect(all).toContain(`Đảng bộ tỉnh Ví Dụ ${Object.values(f.byCategory).join(' ')} ${f.total} ${f.answered}`);
    expect(all).toContain('Danh mục lĩnh vực: Khoản 1 Điều 7 Quy định 366-QĐ/TW (chưa kiểm chứng)');
    expect(all).toContain('Biểu thống kê tham khảo do kiemdiem đề xuất; không có mẫu của Trung ương.');
  });

  it('ends with the signature block', () => {
    expect(flat(text.slice(text.lastIndexOf('Ghi chú')))).toMatch(/T\/M BAN THƯỜNG VỤ PHÓ BÍ THƯ THƯỜNG TRỰC \(Ký, ghi rõ họ tên\) Nguyễn Minh Khôi/);
  });

  it('notes results outside the hierarchy and invalid records', async () => {
    const rated = await rateMany(example('subjects.json') as unknown[]);
    const units = (example('units.json') as { units: Array<{ id: string; members?: string[] }> }).units;
    const fewer = units.map((u) => (u.id === 'cb-thon-tay' ? { ...u, members: [] } : u));
    const partial = rollup({ ...rated, errors: [{ index: 99, path: '/score', code: 'required', message: 'x' }] }, fewer as never);
    const all = flat(pdfText(savePdf(await renderRollup(partial))));
    expect(all).toContain('6 kết quả không thuộc đơn vị nào trong hệ thống tổ chức (cb-thon-tay, tt-01, tt-02, tt-03, tt-04, tt-05)');
    expect(all).toContain('1 đối tượng không xếp loại được do dữ liệu không hợp lệ');
    expect(all).toContain('ngày 31 tháng 12 năm 2026'); // default date: the end of the period's year
    expect(all).toContain('T/M BAN THƯỜNG VỤ BÍ THƯ');
  });

  it('speaks English on request, and can show each unit’s own results', async () => {
    const en = flat(pdfText(savePdf(await renderRollup(output, { lang: 'en', counts: 'own' }))));
    expect(en).toContain('STATISTICS OF THE QUALITY RATINGS OF PARTY ORGANISATIONS AND MEMBERS, YEAR 2026');
    expect(en).toContain('I. RATINGS OF PARTY MEMBERS');
    expect(en).toContain('Each unit’s figures cover only the subjects directly in it.');
    const own = output.units.find((u) => u.id === 'so-tai-chinh')!.own.members;
    expect(own.total).toBe(0);
    expect(en).toMatch(/Đảng bộ Sở Tài chính 0 0 0 — 0 — 0 — 0 — 0/);
  });
});

describe('renderRollup', () => {
  it('is deterministic: the same output gives the same bytes; another date other bytes', async () => {
    const again = await renderRollup(structuredClone(output), { unit: { ...unit }, signer, date: '2027-01-10' });
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(again))).toBe(0);
    const other = await renderRollup(output, { unit, signer, date: '2027-01-11' });
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(other))).not.toBe(0);
  });

  it('prints user text as data, NFC', () => {
    const tricky = structuredClone(output);
    tricky.units[1]!.name = '{{constructor.constructor}} Đảng bộ'.normalize('NFD');
    const texts = textsOf(rollupDefinition(tricky, { title: '{{title}}' }));
    expect(texts).toContain('{{constructor.constructor}} Đảng bộ'.normalize('NFC'));
    expect(texts).toContain('{{TITLE}}');
  });

  it('has a glyph in every embedded face for every character it prints (vi and en)', async () => {
    for (const lang of ['vi', 'en'] as const) expect(await facesMissing(textsOf(rollupDefinition(output, { lang, unit, signer })))).toEqual([]);
  });

  it('is wired into the browser entry: it asks for fonts there, and prints the same document with them', async () => {
    await expect(browser.renderRollup(output, { lang: 'en' })).rejects.toMatchObject({ code: 'invalid-option', message: expect.stringMatching(/^No fonts/) });
    const viaBrowser = await browser.renderRollup(output, { unit, signer, date: '2027-01-10', fonts: loadFonts() });
    expect(Buffer.from(viaBrowser.subarray(0, 5)).toString()).toBe('%PDF-');
    // pdfmake's browser build writes other bytes (its own pdfkit build); the text is the same.
    if (READ_BACK) expect(flat(pdfText(savePdf(viaBrowser)))).toBe(flat(text));
  });

  it('refuses a bad date and input that is not a roll-up', async () => {
    await expect(renderRollup(output, { date: '2027-02-30' })).rejects.toMatchObject({ code: 'invalid-subject' });
    await expect(renderRollup({} as RollupOutput)).rejects.toMatchObject({ code: 'invalid-subject' });
    await expect(renderRollup({ ...output, units: [{ id: 'x' }] } as unknown as RollupOutput)).rejects.toMatchObject({ code: 'invalid-subject' });
  });
});
