import { exampleFor, FORMS } from '@kiemdiem/forms';
import { describe, expect, it } from 'vitest';
import { render } from './index';
import { expectPartyPdf, pdfFonts, pdfInfo, pdfText, pdfWords, READ_BACK, savePdf } from '../test/poppler';

type Doc = Record<string, any>;
const A4 = { width: 595.28, height: 841.89 };
const mm = (v: number) => (v * 72) / 25.4;

describe.skipIf(!READ_BACK).each(FORMS.map((f) => f.id))('render %s', (id) => {
  const form = FORMS.find((f) => f.id === id)!;

  it('gives an A4 PDF with only the embedded Tinos faces, and the form’s title, code and content as text', async () => {
    const doc = exampleFor(id) as Doc;
    const file = savePdf(await render(id, doc));
    expect(Number(pdfInfo(file).Pages)).toBeGreaterThanOrEqual(1);
    const text = expectPartyPdf(file);
    expect(text).toContain(form.title.vi.toUpperCase().replace(/\s+/g, ' '));
    if (form.code) expect(text).toContain(form.code);
    // The issuing body and the place typed into the header come out, word by word, on page 1
    // (word boxes, since a long name wraps and -layout interleaves it with the right column).
    const page1 = new Set(pdfWords(file).filter((w) => w.page === 1).map((w) => w.text.toUpperCase().replace(/,$/, '')));
    for (const value of [doc.header?.issuer, doc.header?.place].filter(Boolean) as string[]) {
      for (const word of value.toUpperCase().split(/\s+/)) expect(page1, `${word} of "${value}"`).toContain(word.replace(/,$/, ''));
    }
  });
});

describe.skipIf(!READ_BACK)('the Party layout (HD 36)', () => {
  const id = 'hd43-2025/02b';

  it('puts the bodies at top left, the Party title at top right, the place and date under it', async () => {
    const words = pdfWords(savePdf(await render(id, exampleFor(id))));
    const first = words.filter((w) => w.page === 1);
    const find = (t: string) => first.find((w) => w.text === t)!;
    const cong = find('CỘNG');
    // The superior body ("ĐẢNG BỘ …") may share the line: take the ĐẢNG right before CỘNG.
    const dang = first.filter((w) => w.text === 'ĐẢNG' && Math.abs(w.yMin - cong.yMin) < 2 && w.xMax < cong.xMin).sort((a, b) => b.xMin - a.xMin)[0]!;
    const vn = first.find((w) => w.text === 'NAM' && Math.abs(w.yMin - cong.yMin) < 2)!;
    expect(dang.xMin).toBeGreaterThan(A4.width / 2 - 20); // right half
    expect(dang.yMin).toBeLessThan(mm(45));
    const chi = first.find((w) => w.text === 'CHI' && w.xMax < A4.width / 2)!;
    void find;
    expect(chi.xMax).toBeLessThan(A4.width / 2);
    expect(Math.abs(chi.yMin - dang.yMin)).toBeLessThan(40);
    const star = first.find((w) => w.text === '*')!;
    expect(star.yMin).toBeGreaterThan(chi.yMin);
    expect(star.xMax).toBeLessThan(A4.width / 2);
    const ngay = first.find((w) => w.text === 'ngày')!;
    expect(ngay.yMin).toBeGreaterThan(vn.yMax);
    expect(ngay.xMin).toBeGreaterThan(A4.width / 2 - 40);
    const tag = first.find((w) => w.text === 'Mẫu')!;
    expect(tag.yMin).toBeLessThan(dang.yMin);
    const tagLine = first.filter((w) => Math.abs(w.yMin - tag.yMin) < 2);
    expect(Math.max(...tagLine.map((w) => w.xMax))).toBeGreaterThan(A4.width - mm(15) - 10); // flush right
  });

  it('keeps text inside the 20/20/30/15 mm margins and can take other margins', async () => {
    const check = (words: ReturnType<typeof pdfWords>, m: { top: number; bottom: number; left: number; right: number }) => {
      for (const w of words.filter((x) => !/^\d+$/.test(x.text))) {
        expect(w.xMin, w.text).toBeGreaterThanOrEqual(mm(m.left) - 1);
        expect(w.xMax, w.text).toBeLessThanOrEqual(A4.width - mm(m.right) + 1);
        expect(w.yMax, w.text).toBeLessThanOrEqual(A4.height - mm(m.bottom) + 1);
      }
    };
    check(pdfWords(savePdf(await render(id, exampleFor(id)))), { top: 20, bottom: 20, left: 30, right: 15 });
    const wide = { top: 25, bottom: 25, left: 35, right: 15 };
    check(pdfWords(savePdf(await render(id, exampleFor(id), { profile: { margins: wide } }))), wide);
  });

  it('numbers pages from page 2, centred at the top', async () => {
    const words = pdfWords(savePdf(await render(id, exampleFor(id))));
    const pages = Math.max(...words.map((w) => w.page));
    expect(pages).toBeGreaterThanOrEqual(2);
    const topNumber = (p: number) => words.filter((w) => w.page === p && w.yMin < mm(20)).find((w) => /^\d+$/.test(w.text));
    expect(topNumber(1)).toBeUndefined();
    for (let p = 2; p <= pages; p++) {
      const n = topNumber(p)!;
      expect(n.text).toBe(String(p));
      expect(Math.abs((n.xMin + n.xMax) / 2 - A4.width / 2)).toBeLessThan(10);
    }
  });

  it('zero-pads the day and the months January and February in the italic date line', async () => {
    const doc = exampleFor(id) as Doc;
    doc.header.date = '2026-02-03';
    expect(pdfText(savePdf(await render(id, doc)))).toContain('Đà Lạt, ngày 03 tháng 02 năm 2026');
    doc.header.date = '2026-12-09';
    expect(pdfText(savePdf(await render(id, doc)))).toContain('ngày 09 tháng 12 năm 2026');
  });
});

describe('deterministic output', () => {
  it('gives byte-identical PDFs for the same input, and dates the metadata from the document', async () => {
    const doc = exampleFor('hd43-2025/02a');
    const a = await render('hd43-2025/02a', doc);
    const b = await render('hd43-2025/02a', structuredClone(doc));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const c = await render('hd43-2025/02a', doc, { creationDate: '2027-01-05' });
    expect(Buffer.compare(Buffer.from(a), Buffer.from(c))).not.toBe(0);
    if (READ_BACK) expect(pdfInfo(savePdf(a)).CreationDate).toMatch(/Dec\s+8 00:00:00 2026 UTC/); // the example's own date
  });
});

describe.skipIf(!READ_BACK)('Vietnamese text', () => {
  it('prints decomposed (NFD) input exactly like NFC input', async () => {
    const doc = exampleFor('hd43-2025/02b') as Doc;
    const nfd = JSON.parse(JSON.stringify(doc).normalize('NFD'));
    const a = await render('hd43-2025/02b', doc);
    const b = await render('hd43-2025/02b', nfd);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(pdfText(savePdf(b))).toContain('Nguyễn Thị Mai Anh');
  });
});

describe('invalid documents', () => {
  it('are refused with the form errors, not rendered', async () => {
    const doc = exampleFor('hd43-2025/02b') as Doc;
    delete doc.identity.fullName;
    await expect(render('hd43-2025/02b', doc)).rejects.toMatchObject({ code: 'invalid-subject', details: [expect.objectContaining({ path: '/identity/fullName' })] });
    await expect(render('hd99/01', {})).rejects.toMatchObject({ code: 'unknown-form' });
  });
});
