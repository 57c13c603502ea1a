/**
 * Forms of Hướng dẫn 43-HD/BTCTW (31/10/2025), implementing Quy định 366-QĐ/TW.
 * Careful: under HD 43, 2A is the LEADER form and 2B the NON-LEADER form (the reverse of HD 25).
 */
import { choice, LIMITS, level, longText, obj, ref, score, table, text, year } from '../blocks/fields';
import {
  collectiveSigner,
  formSchema,
  header,
  identity,
  partB2025,
  prohibitions,
  sectionV,
  sectionsIItoVI,
  signature,
} from '../blocks/sections';
import type { FormDefinition, JsonSchema } from '../model';

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

/** Item "n. Việc thực hiện cam kết tu dưỡng, …": the last item of section A.I on every individual form. */
function commitment(n: number): JsonSchema {
  return { ...COMMITMENT, title: `${n}. ${COMMITMENT.title}`, 'x-title-en': `${n}. ${COMMITMENT['x-title-en']}` };
}

/** Item 2 of 2B (and, by the 2A layout, of 2A): duties inside the political system. */
function item2InSystem(): JsonSchema {
  return longText(
    '2. Việc thực hiện nhiệm vụ, quyền hạn và kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao trong năm, gắn với hiệu quả, tiến độ, chất lượng công việc.',
    '2. Carrying out duties and powers, and results against the targets and tasks assigned in the year (effectiveness, progress, quality).',
  );
}

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
          item2: item2InSystem(),
          item3: commitment(3),
        }, ['item1', 'item2', 'item3']),
        ...sectionsIItoVI(),
      }, ['I', 'II', 'VI']),
      B: partB2025('4', true),
      signature: signature(),
    },
    ['header', 'identity', 'A', 'B', 'signature'],
  ),
};


/*
 * Mẫu 2A (leaders). The 2A layout is inferred [I] in the domain digest (templates-and-format.md §1.1.3):
 * 2B's sections with six items in A.I, from QĐ 366 Điều 6.2(ii) and the HD 25 leader form. Items 3–5 are the
 * official wording as far as the sources quote it; "…" marks where the quoted text is cut. Item 6 is the
 * digest's "Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu …", completed with the verified 2B wording.
 * Items 3–5 are not in `required`: the rule pack's `form.leader-items` rule requires them for leaders.
 */
const LEADER_ITEM3 = longText(
  '3. Kết quả công tác lãnh đạo, chỉ đạo, quản lý, điều hành; thực hiện chức trách, nhiệm vụ; mức độ hoàn thành nhiệm vụ của các cấp uỷ, tổ chức đảng trực thuộc, địa phương, tổ chức, cơ quan, đơn vị thuộc quyền quản lý; khả năng quy tụ, xây dựng đoàn kết nội bộ.',
  '3. Results of leadership, direction, management and administration; carrying out one’s duties; how far the subordinate party committees and organisations, localities, organisations, agencies and units under one’s management completed their tasks; ability to rally people and build internal unity.',
);
const LEADER_ITEM4 = longText(
  '4. Trách nhiệm trong công việc; tinh thần năng động, đổi mới sáng tạo, dám nghĩ, dám nói, dám làm, …',
  '4. Responsibility at work; dynamism, innovation and creativity, daring to think, speak and act, … (cadre building, power control, institutions, science, technology and digital transformation, international integration, private-sector development)',
);
const LEADER_ITEM5 = longText(
  '5. Trách nhiệm nêu gương của bản thân và gia đình; việc đấu tranh phòng, chống tham nhũng, lãng phí, tiêu cực; sự tín nhiệm của cán bộ, đảng viên; việc xây dựng phong cách lãnh đạo đổi mới, gần dân, sát dân, trọng dân, …',
  '5. Setting an example, oneself and one’s family; fighting corruption, waste and negativity; the confidence of cadres and party members; building an innovative leadership style close to and respectful of the people, …',
);

export const HD43_02A: FormDefinition = {
  id: 'hd43-2025/02a',
  title: INDIVIDUAL_TITLE,
  subtitle: { vi: '(Cá nhân giữ chức vụ lãnh đạo, quản lý)', en: '(Individuals holding leadership or management posts)' },
  code: 'Mẫu 02A-HD KĐ.ĐG 2025',
  basis: BASIS,
  official: true,
  kind: 'individual',
  audience: 'leader',
  regulation: 'qd-366-2025',
  fields: {
    ...INDIVIDUAL_FIELDS,
    evidence: '/B/evidence',
    leaderResults: '/A/I/item3',
    leaderResponsibility: '/A/I/item4',
    leaderExample: '/A/I/item5',
  },
  schema: formSchema(
    'hd43-2025/02a',
    INDIVIDUAL_TITLE.vi,
    INDIVIDUAL_TITLE.en,
    {
      header: header(),
      identity: identity(true),
      A: obj('A. NỘI DUNG KIỂM ĐIỂM', 'A. REVIEW', {
        I: obj('I. Ưu điểm, kết quả đạt được', 'I. Strengths and results', {
          item1: item1(),
          item2: item2InSystem(),
          item3: LEADER_ITEM3,
          item4: LEADER_ITEM4,
          item5: LEADER_ITEM5,
          item6: commitment(6),
        }, ['item1', 'item2', 'item6']),
        ...sectionsIItoVI(),
      }, ['I', 'II', 'VI']),
      // Phụ lục 3 (leaders at every level) [I for 2A]; cadres managed centrally use Phụ lục 2.
      B: partB2025('3', true),
      signature: signature(),
    },
    ['header', 'identity', 'A', 'B', 'signature'],
  ),
};

/** Mẫu 2C (party members outside the political system) [V from a full-text copy]: no evidence annex. */
export const HD43_02C: FormDefinition = {
  id: 'hd43-2025/02c',
  title: INDIVIDUAL_TITLE,
  subtitle: { vi: '(Đảng viên không làm việc trong hệ thống chính trị)', en: '(Party members not working in the political system)' },
  code: 'Mẫu 02C-HD KĐ.ĐG 2025',
  basis: BASIS,
  official: true,
  kind: 'individual',
  audience: 'outside-system',
  regulation: 'qd-366-2025',
  fields: { ...INDIVIDUAL_FIELDS },
  schema: formSchema(
    'hd43-2025/02c',
    INDIVIDUAL_TITLE.vi,
    INDIVIDUAL_TITLE.en,
    {
      header: header(),
      identity: identity(false),
      A: obj('A. NỘI DUNG KIỂM ĐIỂM', 'A. REVIEW', {
        I: obj('I. Ưu điểm, kết quả đạt được', 'I. Strengths and results', {
          item1: item1(),
          item2: longText(
            '2. Việc thực hiện quyền và nghĩa vụ của đảng viên theo các nhiệm vụ chính trị được cấp uỷ, chi bộ phân công.',
            '2. Exercising a party member’s rights and duties in the political tasks assigned by the party committee or cell.',
          ),
          item3: commitment(3),
        }, ['item1', 'item2', 'item3']),
        ...sectionsIItoVI(),
      }, ['I', 'II', 'VI']),
      B: partB2025('5', false),
      signature: signature(),
    },
    ['header', 'identity', 'A', 'B', 'signature'],
  ),
};

/*
 * Mẫu 01 (collective report) [V for headings, templates-and-format.md §1.1.4]. The digest cuts items 2–4 of
 * A.I ("..."); "…" marks the cut here. The intro block and the signature are not quoted by any source:
 * the intro follows the digest's description ("name of the đảng bộ, the reviewing collective"), the
 * signature HD 36 and the 2023 pattern [U].
 */
const COLLECTIVE_TITLE = { vi: 'BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA TẬP THỂ', en: 'COLLECTIVE REVIEW, SELF-ASSESSMENT AND QUALITY RATING REPORT' };

/** The collective under review, in place of the personal details (labels inferred [I]). */
function collectiveIntro(): JsonSchema {
  return obj('Tập thể kiểm điểm', 'Collective under review', {
    name: text('Tên tập thể', 'Name of the collective'),
    partyOrganisation: text('Đảng bộ', 'Party organisation'),
    intro: longText('Phần mở đầu', 'Introduction', 2000),
  }, ['name']);
}

/** Section II of Mẫu 01: the digest quotes its two lines as bullets ("- Hạn chế, khuyết điểm."). */
function collectiveSectionII(): JsonSchema {
  return obj('II. Hạn chế, khuyết điểm và nguyên nhân', 'II. Shortcomings and their causes', {
    shortcomings: longText('Hạn chế, khuyết điểm.', 'Shortcomings.'),
    causes: longText('Nguyên nhân của hạn chế, khuyết điểm.', 'Causes of the shortcomings.'),
  }, ['shortcomings', 'causes']);
}

export const HD43_01: FormDefinition = {
  id: 'hd43-2025/01',
  title: COLLECTIVE_TITLE,
  code: 'Mẫu 01-HD KĐ.ĐG 2025',
  basis: BASIS,
  official: true,
  kind: 'collective',
  regulation: 'qd-366-2025',
  fields: {
    remediation: '/A/III/items',
    suggestionResponses: '/A/IV/items',
    scoreCommon: '/B/I/common',
    scoreTasks: '/B/I/tasks',
    scoreTotal: '/B/I/total',
    proposedLevel: '/B/II/level',
  },
  schema: formSchema(
    'hd43-2025/01',
    COLLECTIVE_TITLE.vi,
    COLLECTIVE_TITLE.en,
    {
      header: header('Chi ủy / cấp ủy', 'Cell committee / party committee'),
      collective: collectiveIntro(),
      A: obj('A. NỘI DUNG KIỂM ĐIỂM', 'A. REVIEW', {
        I: obj('I. Ưu điểm, kết quả đạt được', 'I. Strengths and results', {
          item1: longText(
            '1. Việc chấp hành nguyên tắc tổ chức và hoạt động, nhất là nguyên tắc tập trung dân chủ; thực hiện quy chế làm việc.',
            '1. Observing the principles of organisation and operation, above all democratic centralism; following the working rules.',
          ),
          item2: longText(
            '2. Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ được đề ra trong nghị quyết đại hội nhiệm kỳ, kế hoạch, chương trình công tác năm…',
            '2. Results against the goals, targets and tasks set in the term congress resolution and the year’s plans and work programmes…',
          ),
          item3: longText(
            '3. Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị; xây dựng tổ chức bộ máy tinh gọn, hoạt động hiệu năng, hiệu lực, hiệu quả…',
            '3. Building and rectifying the Party and the political system; a lean apparatus that works effectively and efficiently…',
          ),
          item4: longText(
            '4. Trách nhiệm của tập thể lãnh đạo, quản lý trong triển khai thực hiện các chủ trương, đường lối, nghị quyết, văn bản chỉ đạo của Đảng, của cấp trên…',
            '4. Responsibility of the leadership collective for carrying out the policies, resolutions and directives of the Party and of higher levels…',
          ),
        }, ['item1', 'item2', 'item3', 'item4']),
        ...sectionsIItoVI({ II: collectiveSectionII(), V: sectionV('V. Trách nhiệm của tập thể, cá nhân', 'V. Responsibility of the collective and individuals') }),
      }, ['I', 'II', 'VI']),
      B: partB2025('1', false),
      signature: collectiveSigner(),
    },
    ['header', 'collective', 'A', 'B', 'signature'],
  ),
};

/*
 * Mẫu 05 (quarterly or annual self-assessment). HD 43 lists the form [V2], but its layout was not read: this
 * one follows the 2026 local quarterly forms that implement QĐ 366 (regulation-qd366-2025.md §9) [U as
 * central]. Quoted there: "I. Tự đánh giá kết quả thực hiện nhiệm vụ", "A. Nhóm tiêu chí chung (30 điểm)",
 * "B. Kết quả thực hiện nhiệm vụ được giao (70 điểm)", "TỔNG (A+B)", "II. Tự đề xuất xếp loại mức chất
 * lượng", "Cá nhân tự đánh giá", "III. Nhận xét, đánh giá của cấp có thẩm quyền". The column labels come
 * from the digest's description (tiêu chí, Đảm bảo / Không đảm bảo, điểm tối đa, điểm đạt, ghi chú; tiến độ,
 * chất lượng); group-total labels, the period line and III's field labels are inferred [I].
 */
const SELF_ASSESSMENT_TITLE = { vi: 'BẢN TỰ ĐÁNH GIÁ, XẾP LOẠI CỦA CÁ NHÂN', en: 'INDIVIDUAL SELF-ASSESSMENT AND RATING' };

/** The document header without the review year: Mẫu 05 carries its own period (quarter, year). */
function headerWithoutYear(): JsonSchema {
  const h = header();
  const { year: _year, ...properties } = h.properties!;
  return { ...h, properties, required: h.required!.filter((k) => k !== 'year') };
}

function period(): JsonSchema {
  return obj('Kỳ đánh giá', 'Assessment period', {
    year: year('Năm', 'Year'),
    // Q4 has no separate assessment: it is merged into the year-end one (HD 43), so quarters run 1–3.
    quarter: { type: 'integer', title: 'Quý', 'x-title-en': 'Quarter', minimum: 1, maximum: 3 },
  }, ['year']);
}

/** Name, posts and workplace, as the local forms print them (no date of birth or cell line). */
function selfAssessmentIdentity(): JsonSchema {
  return obj('Thông tin cá nhân', 'Personal details', {
    fullName: text('Họ và tên', 'Full name'),
    partyPost: text('Chức vụ Đảng', 'Party post'),
    governmentPost: text('Chức vụ chính quyền', 'Government post'),
    massOrganisationPost: text('Chức vụ đoàn thể', 'Mass-organisation post'),
    unit: text('Đơn vị công tác', 'Workplace'),
  }, ['fullName', 'unit']);
}

function criteriaGroup(): JsonSchema {
  const row = obj('Tiêu chí', 'Criterion', {
    criterion: text('Tiêu chí', 'Criterion', LIMITS.line),
    // The local table has two tick columns, "Đảm bảo (x)" and "Không đảm bảo (x)": one choice here.
    ensured: choice('Đảm bảo / Không đảm bảo', 'Met / not met', [
      ['dam-bao', 'Đảm bảo', 'Met'],
      ['khong-dam-bao', 'Không đảm bảo', 'Not met'],
    ]),
    maxPoints: score('Điểm tối đa', 'Maximum points', 30),
    points: score('Điểm đạt', 'Points achieved', 30),
    note: text('Ghi chú', 'Note', LIMITS.line),
  }, ['criterion', 'ensured', 'maxPoints', 'points']);
  return obj('A. Nhóm tiêu chí chung (30 điểm)', 'A. Common criteria (30 points)', {
    rows: table('Các tiêu chí', 'Criteria', ref('selfAssessmentCriterionRow', row, 'Tiêu chí', 'Criterion'), 30),
    total: score('Cộng điểm nhóm A', 'Group A total', 30),
  }, ['rows', 'total']);
}

function tasksGroup(): JsonSchema {
  const row = obj('Nhiệm vụ', 'Task', {
    task: text('Nhiệm vụ được giao', 'Task assigned', LIMITS.line),
    maxPoints: score('Điểm tối đa', 'Maximum points', 70),
    progress: choice('Tiến độ', 'Progress', [
      ['dung-tien-do', 'Đúng tiến độ', 'On time'],
      ['cham-tien-do', 'Chậm tiến độ', 'Late'],
      ['chua-hoan-thanh', 'Chưa hoàn thành', 'Not completed'],
    ]),
    quality: text('Chất lượng', 'Quality', LIMITS.line),
    points: score('Điểm đạt', 'Points achieved', 70),
  }, ['task', 'maxPoints', 'progress', 'points']);
  return obj('B. Kết quả thực hiện nhiệm vụ được giao (70 điểm)', 'B. Results of the tasks assigned (70 points)', {
    rows: table('Các nhiệm vụ được giao', 'Tasks assigned', ref('selfAssessmentTaskRow', row, 'Nhiệm vụ', 'Task')),
    total: score('Cộng điểm nhóm B', 'Group B total', 70),
  }, ['rows', 'total']);
}

export const HD43_05: FormDefinition = {
  id: 'hd43-2025/05',
  title: SELF_ASSESSMENT_TITLE,
  subtitle: { vi: 'Quý …, Năm …', en: 'Quarter …, Year …' },
  code: 'Mẫu 05-HD KĐ.ĐG',
  basis: {
    ...BASIS,
    note: {
      vi: 'Hướng dẫn 43-HD/BTCTW có Mẫu 05 nhưng chưa đọc được bố cục mẫu trung ương; bố cục ở đây theo các mẫu tự đánh giá hằng quý của cấp ủy địa phương năm 2026, chưa được xác minh là mẫu trung ương.',
      en: 'HD 43-HD/BTCTW lists Mẫu 05, but its central layout was not read; this layout follows the 2026 local quarterly self-assessment forms and is unverified as the central template.',
    },
  },
  official: true,
  kind: 'individual',
  regulation: 'qd-366-2025',
  fields: {
    fullName: '/identity/fullName',
    scoreCommon: '/I/A/total',
    scoreTasks: '/I/B/total',
    scoreTotal: '/I/total',
    proposedLevel: '/II/level',
    period: '/period',
  },
  schema: formSchema(
    'hd43-2025/05',
    SELF_ASSESSMENT_TITLE.vi,
    SELF_ASSESSMENT_TITLE.en,
    {
      header: headerWithoutYear(),
      period: period(),
      identity: selfAssessmentIdentity(),
      I: {
        ...obj('I. Tự đánh giá kết quả thực hiện nhiệm vụ', 'I. Self-assessment of task results', {
          A: criteriaGroup(),
          B: tasksGroup(),
          total: score('TỔNG (A+B)', 'TOTAL (A+B)', 100),
        }, ['A', 'B', 'total']),
        'x-provenance': 'unverified',
      },
      II: obj('II. Tự đề xuất xếp loại mức chất lượng', 'II. Self-proposed quality level', {
        level: level('Mức xếp loại tự đề xuất', 'Self-proposed level'),
      }, ['level']),
      signature: signature('Cá nhân tự đánh giá', 'Self-assessed by'),
      III: {
        ...obj('III. Nhận xét, đánh giá của cấp có thẩm quyền', 'III. Comments and assessment of the competent level', {
          comment: longText('Nhận xét', 'Comments', 5000),
          keyTargets: longText('Mức độ đáp ứng đối với các mục tiêu, nhiệm vụ then chốt', 'How far the key goals and tasks were met', 2000),
          score: score('Chấm điểm', 'Score', 100),
          level: level('Đề xuất xếp loại', 'Proposed level'),
          confirmation: collectiveSigner('Xác nhận của ban thường vụ cấp ủy hoặc tập thể lãnh đạo', 'Confirmed by the standing committee or leadership collective'),
        }, ['comment', 'score', 'level']),
        'x-provenance': 'unverified',
      },
    },
    ['header', 'period', 'identity', 'I', 'II', 'signature'],
  ),
};

export const HD43_FORMS: FormDefinition[] = [HD43_01, HD43_02A, HD43_02B, HD43_02C, HD43_05];
