import { describe, expect, it } from 'vitest';
import { documentNumber, partyDocument, placeAndDate, signatureBlock } from './layout';
import { toPdf } from './pdf';
import { pdfText, READ_BACK, savePdf } from '../test/poppler';

describe('HD 36 wording', () => {
  it('writes document numbers with no colon, a hyphen and a slash, numbers under 10 zero-padded', () => {
    expect(documentNumber({ number: 5, type: 'KH', issuer: 'ĐU' })).toBe('Số 05-KH/ĐU');
    expect(documentNumber({ number: 127, type: 'BC', issuer: 'CB' })).toBe('Số 127-BC/CB');
    expect(documentNumber({ number: 12, type: 'BC', issuer: 'ĐU' })).not.toContain(':');
  });

  it('zero-pads days and the months January and February only', () => {
    expect(placeAndDate('Hạ Long', '2018-02-20')).toBe('Hạ Long, ngày 20 tháng 02 năm 2018');
    expect(placeAndDate('Hà Nội', '2018-04-03')).toBe('Hà Nội, ngày 03 tháng 4 năm 2018');
  });
});

describe.skipIf(!READ_BACK)('a Party document with number, K/T signature and recipients', () => {
  it('prints them where HD 36 puts them', async () => {
    const bytes = await toPdf(
      partyDocument({
        header: { superior: 'Đảng bộ tỉnh Lâm Đồng', issuer: 'Đảng ủy Sở Nội vụ', number: { number: 3, type: 'BC', issuer: 'ĐU' }, place: 'Đà Lạt', date: '2026-12-20' },
        title: 'Báo cáo',
        subtitle: ['kết quả kiểm điểm, đánh giá, xếp loại chất lượng năm 2026'],
        body: [{ text: 'Nội dung báo cáo.' }],
        signature: signatureBlock({ authority: 'T/M Đảng ủy', post: 'K/T Bí thư', name: 'Nguyễn Văn A' }),
        recipients: ['- Ban Tổ chức Tỉnh ủy;', '- Lưu Văn phòng Đảng ủy.'],
        info: { title: 'Báo cáo', creationDate: new Date('2026-12-20T00:00:00Z') },
      }),
    );
    const text = pdfText(savePdf(bytes), ['-raw']);
    expect(text).toContain('Số 03-BC/ĐU');
    expect(text).toContain('T/M ĐẢNG ỦY');
    expect(text).toContain('K/T BÍ THƯ');
    expect(text).toMatch(/Nơi nhận:\s*\n?- Ban Tổ chức Tỉnh ủy;\s*\n?- Lưu Văn phòng Đảng ủy\./);
  });
});
