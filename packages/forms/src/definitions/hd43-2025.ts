/**
 * Forms of Hướng dẫn 43-HD/BTCTW (31/10/2025), implementing Quy định 366-QĐ/TW.
 * Careful: under HD 43, 2A is the LEADER form and 2B the NON-LEADER form (the reverse of HD 25).
 */
import { longText, obj } from '../blocks/fields';
import { formSchema, header, identity, partB2025, prohibitions, sectionII, sectionIII, sectionIV, sectionV, sectionVI, signature } from '../blocks/sections';
import type { FormDefinition } from '../model';

const BASIS = { document: '43-HD/BTCTW', signedOn: '2025-10-31', provenance: 'verified' as const };
const INDIVIDUAL_TITLE = { vi: 'BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN', en: 'INDIVIDUAL REVIEW, SELF-ASSESSMENT AND RATING' };

/** Fields every 2025 individual form shares, by logical name (rule packs refer to these names). */
const INDIVIDUAL_FIELDS = {
  fullName: '/identity/fullName',
  remediation: '/A/III/items',
  suggestionResponses: '/A/IV/items',
  scoreCommon: '/B/I/common',
  scoreTasks: '/B/I/tasks',
  scoreTotal: '/B/I/total',
  proposedLevel: '/B/II/level',
};

const ITEM1_VI =
  '1. Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết, thống nhất trong nội bộ; ý thức tổ chức kỷ luật, trách nhiệm nêu gương, việc thực hiện những điều đảng viên không được làm; tác phong, lề lối làm việc. Liên hệ các biểu hiện về suy thoái, "tự diễn biến", "tự chuyển hoá".';
const ITEM1_EN =
  '1. Political quality, ethics and lifestyle; internal unity; discipline, setting an example, observing what party members must not do; working style. Signs of degradation, "self-evolution", "self-transformation".';

function item1() {
  return obj(ITEM1_VI, ITEM1_EN, { content: longText('Nội dung', 'Content'), prohibitions: prohibitions() }, ['content', 'prohibitions']);
}

const COMMITMENT = longText('Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu của cá nhân theo quy định.', 'Keeping the personal commitment to self-improvement.');

export const HD43_02B: FormDefinition = {
  id: 'hd43-2025/02b',
  title: INDIVIDUAL_TITLE,
  subtitle: { vi: '(Cá nhân không giữ chức vụ lãnh đạo, quản lý)', en: '(Individuals not holding leadership or management posts)' },
  code: 'Mẫu 02B-HD KĐ.ĐG 2025',
  basis: BASIS,
  official: true,
  kind: 'individual',
  audience: 'non-leader',
  regulation: 'qd-366-2025',
  fields: { ...INDIVIDUAL_FIELDS, evidence: '/B/evidence' },
  schema: formSchema(
    'hd43-2025/02b',
    INDIVIDUAL_TITLE.vi,
    INDIVIDUAL_TITLE.en,
    {
      header: header(),
      identity: identity(false),
      A: obj('A. NỘI DUNG KIỂM ĐIỂM', 'A. REVIEW', {
        I: obj('I. Ưu điểm, kết quả đạt được', 'I. Strengths and results', {
          item1: item1(),
          item2: longText(
            '2. Việc thực hiện nhiệm vụ, quyền hạn và kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao trong năm, gắn với hiệu quả, tiến độ, chất lượng công việc.',
            '2. Carrying out duties and powers, and results against the targets and tasks assigned in the year (effectiveness, progress, quality).',
          ),
          item3: { ...COMMITMENT, title: `3. ${COMMITMENT.title}`, 'x-title-en': `3. ${COMMITMENT['x-title-en']}` },
        }, ['item1', 'item2', 'item3']),
        II: sectionII(),
        III: sectionIII(),
        IV: sectionIV(),
        V: sectionV(),
        VI: sectionVI(),
      }, ['I', 'II', 'VI']),
      B: partB2025('4', true),
      signature: signature(),
    },
    ['header', 'identity', 'A', 'B', 'signature'],
  ),
};

export const HD43_FORMS: FormDefinition[] = [HD43_02B];
