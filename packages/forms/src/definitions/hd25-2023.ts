/**
 * Forms of Hướng dẫn 25-HD/BTCTW (10/11/2023), implementing Quy định 124-QĐ/TW.
 * Careful: under HD 25, 02A is the NON-LEADER form and 02B the LEADER form (the reverse of HD 43).
 * The 2023 forms have no Part A/B: sections I–VII sit at the root, and VII is the self-assessed level.
 */
import { level, LIMITS, longText, obj, text } from '../blocks/fields';
import { collectiveSignature, formSchema, header, identity, prohibitions, sectionV, signature, sectionsIItoVI } from '../blocks/sections';
import type { FormDefinition, JsonSchema } from '../model';

const BASIS = { document: '25-HD/BTCTW', signedOn: '2023-11-10', provenance: 'verified' as const };
const REGULATION = 'qd-124-2023';
const INDIVIDUAL_TITLE = { vi: 'BẢN KIỂM ĐIỂM CÁ NHÂN', en: 'INDIVIDUAL REVIEW' };
const COLLECTIVE_TITLE = { vi: 'BÁO CÁO KIỂM ĐIỂM TẬP THỂ', en: 'COLLECTIVE REVIEW REPORT' };

/** Fields both 2023 individual forms share, by logical name (rule packs refer to these names). */
const INDIVIDUAL_FIELDS = {
  fullName: '/identity/fullName',
  remediation: '/III/items',
  suggestionResponses: '/IV/items',
  proposedLevel: '/VII/partyMember',
};

/** Item 1: the wording is from a third-party rendering of the 2023 form (domain file §1.2.2, [U] exact wording). */
function item1(): JsonSchema {
  return {
    ...obj(
      '1. Về phẩm chất chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc',
      '1. Political quality; ethics and lifestyle; sense of organisation and discipline; working style',
      { content: longText('Nội dung', 'Content'), prohibitions: prohibitions() },
      ['content', 'prohibitions'],
    ),
    'x-provenance': 'unverified',
  };
}

const ITEM2 = longText('2. Về thực hiện chức trách, nhiệm vụ được giao', '2. Carrying out the duties and tasks assigned');

function commitment(n: number): JsonSchema {
  return longText(
    `${n}. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm`,
    `${n}. Keeping the annual commitment to self-improvement`,
  );
}

/** Leader items 3–5 (QĐ 124 content for leaders): not required in the schema, the rule pack requires them. */
const LEADER_ITEMS: Record<string, JsonSchema> = {
  item3: longText(
    '3. Kết quả công tác lãnh đạo, chỉ đạo, quản lý, điều hành; thực hiện chức trách, nhiệm vụ; mức độ hoàn thành nhiệm vụ của các tổ chức, cơ quan, đơn vị thuộc quyền quản lý; khả năng quy tụ, xây dựng đoàn kết nội bộ.',
    '3. Results of leadership, direction, management and administration; carrying out duties; how far the organisations, agencies and units under one’s management completed their tasks; ability to rally people and build internal unity.',
  ),
  item4: longText(
    '4. Trách nhiệm trong công việc; tinh thần năng động, đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm; xử lý những vấn đề khó, phức tạp, nhạy cảm trong thực hiện nhiệm vụ.',
    '4. Responsibility at work; dynamism, innovation and creativity, daring to think, act and take responsibility; handling difficult, complex and sensitive issues in one’s tasks.',
  ),
  item5: longText(
    '5. Trách nhiệm nêu gương của bản thân và gia đình; việc đấu tranh phòng, chống tham nhũng, tiêu cực, lãng phí; sự tín nhiệm của cán bộ, đảng viên.',
    '5. Setting an example, oneself and one’s family; fighting corruption, negativity and waste; the confidence of cadres and party members.',
  ),
};

/** Section VII: the civil-servant rating only applies to cadres, civil servants and public employees. */
function sectionVII(): JsonSchema {
  return obj('VII. Tự nhận mức xếp loại chất lượng', 'VII. Self-assessed quality level', {
    civilServant: level('1. Xếp loại cán bộ, công chức, viên chức', '1. Rating as a cadre, civil servant or public employee'),
    partyMember: level('2. Xếp loại đảng viên', '2. Rating as a party member'),
  }, ['partyMember']);
}

function individualSchema(id: string, leader: boolean): JsonSchema {
  const items: Record<string, JsonSchema> = leader
    ? { item1: item1(), item2: ITEM2, ...LEADER_ITEMS, item6: commitment(6) }
    : { item1: item1(), item2: ITEM2, item3: commitment(3) };
  return formSchema(
    id,
    INDIVIDUAL_TITLE.vi,
    INDIVIDUAL_TITLE.en,
    {
      header: header(),
      identity: identity(leader),
      I: obj('I. Ưu điểm, kết quả đạt được', 'I. Strengths and results', items, leader ? ['item1', 'item2', 'item6'] : ['item1', 'item2', 'item3']),
      ...sectionsIItoVI(),
      VII: sectionVII(),
      signature: signature(),
    },
    ['header', 'identity', 'I', 'II', 'VI', 'VII', 'signature'],
  );
}

export const HD25_02A: FormDefinition = {
  id: 'hd25-2023/02a',
  title: INDIVIDUAL_TITLE,
  subtitle: { vi: '(Cá nhân không giữ chức vụ lãnh đạo, quản lý)', en: '(Individuals not holding leadership or management posts)' },
  code: 'Mẫu 02A-HD KĐ.ĐG 2023',
  basis: BASIS,
  official: true,
  kind: 'individual',
  audience: 'non-leader',
  regulation: REGULATION,
  fields: INDIVIDUAL_FIELDS,
  schema: individualSchema('hd25-2023/02a', false),
};

export const HD25_02B: FormDefinition = {
  id: 'hd25-2023/02b',
  title: INDIVIDUAL_TITLE,
  subtitle: { vi: '(Cá nhân giữ chức vụ lãnh đạo, quản lý)', en: '(Individuals holding leadership or management posts)' },
  code: 'Mẫu 02B-HD KĐ.ĐG 2023',
  basis: BASIS,
  official: true,
  kind: 'individual',
  audience: 'leader',
  regulation: REGULATION,
  fields: { ...INDIVIDUAL_FIELDS, leaderResults: '/I/item3', leaderResponsibility: '/I/item4', leaderExample: '/I/item5' },
  schema: individualSchema('hd25-2023/02b', true),
};

/** Mẫu 01 items I.1–I.4: QĐ 124 Điều 6 khoản 1 as reprinted (one source); the printed form may abridge them. */
const COLLECTIVE_ITEMS: Record<string, JsonSchema> = {
  item1: longText(
    '1. Việc chấp hành nguyên tắc tổ chức và hoạt động, nhất là nguyên tắc tập trung dân chủ; thực hiện quy chế làm việc.',
    '1. Observing the principles of organisation and operation, above all democratic centralism; following the working rules.',
  ),
  item2: longText(
    '2. Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ được đề ra trong nghị quyết đại hội, kế hoạch, chương trình công tác năm được cấp có thẩm quyền giao, phê duyệt.',
    '2. Results against the goals, targets and tasks set in the congress resolution and the annual plan and work programme assigned or approved by the competent level.',
  ),
  item3: longText(
    '3. Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị; năng lực, trách nhiệm của tập thể lãnh đạo, quản lý; trách nhiệm nêu gương; trách nhiệm giải trình; công tác đấu tranh phòng, chống tham nhũng, tiêu cực, lãng phí và ngăn chặn, đẩy lùi những biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hoá" trong nội bộ gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; công tác kiểm tra, giám sát, kỷ luật đảng và giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh của tổ chức, cá nhân.',
    '3. Building and rectifying the Party and the political system; capacity and responsibility of the leadership collective; setting an example; accountability; fighting corruption, negativity and waste and stopping political, ethical and lifestyle degradation, "self-evolution" and "self-transformation" inside, together with following Hồ Chí Minh’s thought, ethics and style; inspection, supervision, party discipline and handling complaints, denunciations, petitions and reports.',
  ),
  item4: longText(
    '4. Trách nhiệm của tập thể lãnh đạo, quản lý trong thực hiện nhiệm vụ chính trị của địa phương, tổ chức, cơ quan, đơn vị.',
    '4. Responsibility of the leadership collective for the political tasks of the locality, organisation, agency or unit.',
  ),
};
for (const node of Object.values(COLLECTIVE_ITEMS)) node['x-provenance'] = 'single-source';

export const HD25_01: FormDefinition = {
  id: 'hd25-2023/01',
  title: COLLECTIVE_TITLE,
  code: 'Mẫu 01-HD KĐ.ĐG 2023',
  basis: BASIS,
  official: true,
  kind: 'collective',
  regulation: REGULATION,
  fields: { remediation: '/III/items', suggestionResponses: '/IV/items', proposedLevel: '/VII/level' },
  schema: formSchema(
    'hd25-2023/01',
    COLLECTIVE_TITLE.vi,
    COLLECTIVE_TITLE.en,
    {
      header: header('Tên cơ quan ban hành (cấp ủy, tổ chức đảng, tập thể lãnh đạo, quản lý)', 'Issuing body (party committee, party organisation or leadership collective)'),
      intro: obj(
        'Căn cứ kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị tại địa phương (cơ quan, đơn vị); tập thể … kiểm điểm với các nội dung chủ yếu sau:',
        'Based on the results of leading and directing the political tasks of the locality (agency, unit), the collective … reviews the following main points:',
        {
          locality: text('Địa phương (cơ quan, đơn vị)', 'Locality (agency, unit)', LIMITS.line),
          collective: text('Tập thể kiểm điểm', 'Collective under review', LIMITS.line),
        },
        ['collective'],
      ),
      I: obj('I. Ưu điểm, kết quả đạt được', 'I. Strengths and results', COLLECTIVE_ITEMS, ['item1', 'item2', 'item3', 'item4']),
      ...sectionsIItoVI({ V: sectionV('V. Trách nhiệm của tập thể, cá nhân', 'V. Responsibility of the collective and individuals') }),
      VII: {
        ...obj('VII. Đề nghị mức xếp loại chất lượng', 'VII. Proposed quality level', { level: level('Mức xếp loại đề nghị', 'Proposed level') }, ['level']),
        description: '(kèm theo phiếu phân tích chất lượng)',
        'x-description-en': '(with the quality analysis sheet attached)',
      },
      signature: collectiveSignature(),
    },
    ['header', 'intro', 'I', 'II', 'VI', 'VII', 'signature'],
  ),
};

export const HD25_FORMS: FormDefinition[] = [HD25_01, HD25_02A, HD25_02B];
