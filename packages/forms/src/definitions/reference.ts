/**
 * Reference forms: documents the review file needs but no central template fixes (`official: false`).
 * Each basis names the document that requires the paper; the layout and labels are this SDK's proposal
 * (domain file §1.4, §4.2, §4.3), hence provenance `unverified`. Check them against local practice.
 */
import { bool, choice, count, date, level, LIMITS, longText, obj, ref, score, table, text, year } from '../blocks/fields';
import { formSchema, header, REMEDIATION_STATUS, signature } from '../blocks/sections';
import type { FormDefinition, JsonSchema } from '../model';

const NO_TEMPLATE_VI = 'Không có mẫu của Trung ương; bố cục và tên trường do SDK đề xuất, cần đối chiếu với hướng dẫn của cấp ủy.';
const NO_TEMPLATE_EN = 'There is no central template; the layout and field names are this SDK’s proposal, to be checked against the party committee’s guidance.';

function basis(document: string, signedOn: string, vi: string, en: string): FormDefinition['basis'] {
  return { document, signedOn, provenance: 'unverified', note: { vi: `${vi} ${NO_TEMPLATE_VI}`, en: `${en} ${NO_TEMPLATE_EN}` } };
}

/** A clock time "hh:mm" (24 h). */
function time(vi: string, en: string): JsonSchema {
  return ref('clockTime', { type: 'string', minLength: 5, maxLength: 5, pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }, vi, en);
}

const PERSON = obj('Người', 'Person', {
  name: text('Họ và tên', 'Full name'),
  position: text('Chức vụ', 'Post'),
}, ['name']);

function person(vi: string, en: string): JsonSchema {
  return ref('refPerson', PERSON, vi, en);
}

/** The signer of a party body's paper (HD 36): the authority line chosen from the allowed ones, the post and the name. */
function signedFor(options: Array<[value: string, vi: string, en: string]>): JsonSchema {
  return obj('Thẩm quyền, chức vụ, họ tên người ký', 'Signing authority, post and name', {
    authority: choice('Thẩm quyền ký', 'Signing authority', options),
    position: text('Chức vụ người ký', 'Signer’s post'),
    name: text('Ký, ghi rõ họ tên', 'Signature and full name'),
  }, ['authority', 'name']);
}

const TM_CHI_UY: [string, string, string] = ['tm-chi-uy', 'T/M CHI ỦY', 'ON BEHALF OF THE CELL COMMITTEE'];
const TM_CHI_BO: [string, string, string] = ['tm-chi-bo', 'T/M CHI BỘ', 'ON BEHALF OF THE PARTY CELL'];
const TM_DANG_UY: [string, string, string] = ['tm-dang-uy', 'T/M ĐẢNG ỦY', 'ON BEHALF OF THE PARTY COMMITTEE'];

/** The four levels with a vote count each (minutes and ballots). */
function voteCounts(): Record<string, JsonSchema> {
  return {
    htxsnv: count('Hoàn thành xuất sắc nhiệm vụ (số phiếu)', 'Excellent task completion (votes)'),
    httnv: count('Hoàn thành tốt nhiệm vụ (số phiếu)', 'Good task completion (votes)'),
    htnv: count('Hoàn thành nhiệm vụ (số phiếu)', 'Task completion (votes)'),
    khtnv: count('Không hoàn thành nhiệm vụ (số phiếu)', 'Task not completed (votes)'),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Biên bản hội nghị kiểm điểm (QĐ 366 Điều 17: required in the file)

const MINUTES_TITLE = { vi: 'BIÊN BẢN hội nghị kiểm điểm, đánh giá, xếp loại chất lượng … năm …', en: 'MINUTES of the review, evaluation and quality-rating meeting, year …' };

export const REF_BIEN_BAN: FormDefinition = {
  id: 'ref/bien-ban-hoi-nghi',
  title: MINUTES_TITLE,
  basis: basis('366-QĐ/TW', '2025-08-30', 'Quy định 366-QĐ/TW Điều 17: biên bản hội nghị kiểm điểm là thành phần bắt buộc của hồ sơ.', 'Regulation 366-QĐ/TW Article 17: the review meeting’s minutes are a required part of the file.'),
  official: false,
  kind: 'reference',
  fields: { members: '/members', votes: '/votes', conclusion: '/conclusion' },
  schema: formSchema(
    'ref/bien-ban-hoi-nghi',
    MINUTES_TITLE.vi,
    MINUTES_TITLE.en,
    {
      header: header(),
      subject: text('Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng (tập thể, đảng viên …)', 'Meeting reviewing and rating (the collective, party members …)', LIMITS.line),
      time: obj('Thời gian', 'Time', {
        date: date('Ngày họp', 'Meeting date'),
        start: time('Bắt đầu lúc (giờ, phút)', 'Started at (hh:mm)'),
      }, ['date', 'start']),
      place: text('Địa điểm', 'Place', LIMITS.line),
      attendance: obj('Thành phần', 'Attendance', {
        total: count('Tổng số đảng viên', 'Total party members'),
        present: count('Có mặt', 'Present'),
        absentExcused: count('Vắng có lý do', 'Absent with reason'),
        absentUnexcused: count('Vắng không lý do', 'Absent without reason'),
        absentees: text('Họ tên đảng viên vắng mặt (lý do)', 'Names of absent members (reason)', LIMITS.line),
      }, ['total', 'present', 'absentExcused', 'absentUnexcused']),
      chair: person('Chủ trì', 'Chair'),
      secretary: person('Thư ký', 'Secretary'),
      delegates: table('Đại biểu cấp trên (đoàn, tổ công tác nếu có gợi ý kiểm điểm)', 'Delegates of the higher level (working group where issues were raised for review)', person('Đại biểu', 'Delegate'), 20),
      purpose: longText('Mục đích, nội dung hội nghị', 'Purpose and agenda', 2000),
      members: table('Kiểm điểm từng đảng viên', 'Review of each member', ref('refMinutesMember', obj('Đảng viên', 'Member', {
        fullName: text('Họ và tên', 'Full name'),
        selfReview: longText('Đọc bản kiểm điểm (tóm tắt)', 'Self-review read out (summary)', 5000),
        opinions: longText('Ý kiến góp ý', 'Comments from the meeting', 5000),
        explanations: longText('Tiếp thu, giải trình', 'Response and explanations', 5000),
        cellComment: longText('Chi ủy nhận xét', 'Cell committee’s comment', 5000),
      }, ['fullName', 'selfReview']), 'Đảng viên', 'Member'), 200),
      votes: table('Kết quả biểu quyết', 'Vote results', ref('refMinutesVote', obj('Kết quả biểu quyết của một đảng viên', 'Vote on one member', {
        fullName: text('Họ và tên', 'Full name'),
        ...voteCounts(),
        proposedLevel: level('Mức xếp loại chi bộ đề xuất', 'Level the cell proposes'),
      }, ['fullName', 'htxsnv', 'httnv', 'htnv', 'khtnv']), 'Kết quả biểu quyết của một đảng viên', 'Vote on one member'), 200),
      conclusion: longText('Kết luận', 'Conclusion'),
      closingTime: time('Hội nghị kết thúc lúc (giờ, phút)', 'Meeting closed at (hh:mm)'),
      signatures: obj('Chữ ký', 'Signatures', {
        recorder: signature('NGƯỜI GHI BIÊN BẢN', 'MINUTE-TAKER'),
        chair: signature('CHỦ TRÌ HỘI NGHỊ', 'MEETING CHAIR'),
      }, ['recorder', 'chair']),
    },
    ['header', 'time', 'place', 'attendance', 'chair', 'secretary', 'members', 'conclusion', 'closingTime', 'signatures'],
  ),
};

// ---------------------------------------------------------------------------------------------------------
// Phiếu biểu quyết (anonymous ballot; the count goes into the minutes)

const BALLOT_TITLE = { vi: 'PHIẾU BIỂU QUYẾT XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM …', en: 'BALLOT ON THE QUALITY RATING OF PARTY MEMBERS, YEAR …' };

const ballotSchema = formSchema(
  'ref/phieu-bieu-quyet',
  BALLOT_TITLE.vi,
  BALLOT_TITLE.en,
  {
    header: obj('Phần đầu văn bản', 'Document header', {
      superior: text('Đảng bộ (cấp trên trực tiếp)', 'Superior party committee'),
      issuer: text('Chi bộ', 'Party cell'),
    }, ['issuer']),
    year: year('Năm', 'Year'),
    rows: table('Danh sách đảng viên được biểu quyết', 'Members voted on', ref('refBallotRow', obj('Đảng viên', 'Member', {
      fullName: text('Họ và tên', 'Full name'),
      level: level('Mức xếp loại (đánh dấu một ô)', 'Level (tick one)'),
    }, ['fullName']), 'Đảng viên', 'Member'), 200),
  },
  ['header', 'year', 'rows'],
);
ballotSchema.description = 'Phiếu kín: không ghi tên người biểu quyết, không ký.';
ballotSchema['x-description-en'] = 'Secret ballot: the voter’s name is not written and it is not signed.';

export const REF_PHIEU_BIEU_QUYET: FormDefinition = {
  id: 'ref/phieu-bieu-quyet',
  title: BALLOT_TITLE,
  basis: basis('366-QĐ/TW', '2025-08-30', 'Chi bộ biểu quyết đề xuất mức xếp loại đảng viên (Điều 12 khoản 1); kết quả kiểm phiếu ghi vào biên bản hội nghị (Điều 17).', 'The party cell votes on the level it proposes for each member (Article 12(1)); the count goes into the meeting minutes (Article 17).'),
  official: false,
  kind: 'reference',
  fields: { rows: '/rows' },
  schema: ballotSchema,
};

// ---------------------------------------------------------------------------------------------------------
// Kế hoạch khắc phục hạn chế, khuyết điểm (QĐ 366 Điều 8)

const PLAN_TITLE = { vi: 'KẾ HOẠCH khắc phục hạn chế, khuyết điểm sau kiểm điểm năm …', en: 'PLAN to remedy the shortcomings found in the review, year …' };

export const REF_KE_HOACH: FormDefinition = {
  id: 'ref/ke-hoach-khac-phuc',
  title: PLAN_TITLE,
  basis: basis('366-QĐ/TW', '2025-08-30', 'Quy định 366-QĐ/TW Điều 8: sau kiểm điểm, cấp ủy, tập thể, người đứng đầu chỉ đạo xây dựng kế hoạch khắc phục hạn chế, khuyết điểm.', 'Regulation 366-QĐ/TW Article 8: after the review, the party committee, collective or head directs a plan to remedy the shortcomings.'),
  official: false,
  kind: 'reference',
  fields: { remediationPlan: '/II/items' },
  schema: formSchema(
    'ref/ke-hoach-khac-phuc',
    PLAN_TITLE.vi,
    PLAN_TITLE.en,
    {
      header: header('Tên cơ quan ban hành', 'Issuing body'),
      number: text('Số và ký hiệu', 'Number and code', 50),
      I: obj('I. Mục đích, yêu cầu', 'I. Purpose and requirements', { content: longText('Nội dung', 'Content') }, ['content']),
      II: obj('II. Nội dung', 'II. Content', {
        items: table('Các hạn chế, khuyết điểm cần khắc phục', 'Shortcomings to remedy', ref('refPlanRow', obj('Hạn chế, khuyết điểm', 'Shortcoming', {
          shortcoming: text('Hạn chế, khuyết điểm', 'Shortcoming', LIMITS.line),
          cause: text('Nguyên nhân', 'Cause', LIMITS.line),
          measures: longText('Giải pháp, biện pháp khắc phục', 'Remedial measures', 2000),
          owner: text('Người/bộ phận chủ trì', 'Person or unit in charge'),
          deadline: date('Thời hạn hoàn thành', 'Deadline'),
          output: text('Sản phẩm/kết quả', 'Output or result', LIMITS.line),
          status: choice('Tình trạng khắc phục', 'Status', REMEDIATION_STATUS),
        }, ['shortcoming', 'measures', 'owner', 'deadline']), 'Hạn chế, khuyết điểm', 'Shortcoming')),
      }, ['items']),
      III: obj('III. Tổ chức thực hiện', 'III. Implementation', { content: longText('Nội dung', 'Content') }, ['content']),
      signature: signedFor([TM_CHI_UY, TM_CHI_BO, TM_DANG_UY]),
    },
    ['header', 'I', 'II', 'III', 'signature'],
  ),
};

// ---------------------------------------------------------------------------------------------------------
// Phiếu góp ý (QĐ 366 Điều 7 khoản 1, Điều 17)

const FEEDBACK_TITLE = { vi: 'PHIẾU GÓP Ý', en: 'FEEDBACK FORM' };

/** Default feedback areas: local practice ([U] in the domain file), mirroring the older form headings. */
const FEEDBACK_AREAS: Array<[string, string, string]> = [
  ['tu-tuong-chinh-tri', 'Tư tưởng chính trị', 'Political thought'],
  ['dao-duc-loi-song', 'Phẩm chất đạo đức, lối sống', 'Ethics and lifestyle'],
  ['chuc-trach-nhiem-vu', 'Thực hiện chức trách, nhiệm vụ', 'Carrying out duties and tasks'],
  ['to-chuc-ky-luat', 'Ý thức tổ chức kỷ luật', 'Sense of organisation and discipline'],
  ['linh-vuc-khac', 'Lĩnh vực khác', 'Other areas'],
];

export const REF_PHIEU_GOP_Y: FormDefinition = {
  id: 'ref/phieu-gop-y',
  title: FEEDBACK_TITLE,
  subtitle: { vi: '(Góp ý dự thảo báo cáo kiểm điểm tập thể hoặc góp ý đối với đồng chí …)', en: '(On a draft collective review report, or on a named comrade)' },
  basis: basis('366-QĐ/TW', '2025-08-30', 'Quy định 366-QĐ/TW Điều 7 khoản 1 (lấy ý kiến tham gia, góp ý) và Điều 17 (văn bản tham gia, góp ý trong hồ sơ).', 'Regulation 366-QĐ/TW Article 7(1) (gathering comments) and Article 17 (written comments kept in the file).'),
  official: false,
  kind: 'reference',
  fields: { target: '/target/name', proposedLevel: '/proposedLevel' },
  schema: formSchema(
    'ref/phieu-gop-y',
    FEEDBACK_TITLE.vi,
    FEEDBACK_TITLE.en,
    {
      header: header('Tổ chức lấy ý kiến', 'Body collecting the feedback'),
      target: obj('Đối tượng góp ý', 'Subject of the feedback', {
        kind: choice('Góp ý đối với', 'Feedback on', [
          ['bao-cao-tap-the', 'Dự thảo báo cáo kiểm điểm tập thể', 'A draft collective review report'],
          ['ca-nhan', 'Cá nhân (đồng chí …)', 'A named person'],
        ]),
        name: text('Tên tập thể hoặc họ và tên đồng chí được góp ý', 'Collective’s name or the person’s full name', LIMITS.line),
        position: text('Chức vụ, đơn vị công tác', 'Post and workplace', LIMITS.line),
      }, ['kind', 'name']),
      giver: obj('Người/đơn vị góp ý (có thể để trống)', 'Person or body giving the feedback (may be left blank)', {
        name: text('Họ và tên hoặc tên đơn vị', 'Full name or name of the body'),
        position: text('Chức vụ, đơn vị công tác', 'Post and workplace', LIMITS.line),
      }, ['name']),
      items: table('Nội dung góp ý', 'Feedback', ref('refFeedbackRow', {
        ...obj('Góp ý theo lĩnh vực', 'Feedback by area', {
          area: choice('Lĩnh vực', 'Area', FEEDBACK_AREAS),
          strengths: longText('Ưu điểm', 'Strengths', 5000),
          shortcomings: longText('Hạn chế, khuyết điểm', 'Shortcomings', 5000),
          clarify: longText('Đề nghị làm rõ / giải trình', 'Requests to clarify or explain', 5000),
        }, ['area']),
        'x-provenance': 'unverified',
      }, 'Góp ý theo lĩnh vực', 'Feedback by area'), FEEDBACK_AREAS.length * 2),
      proposedLevel: level('Đề xuất mức xếp loại', 'Proposed level'),
      other: longText('Ý kiến khác', 'Other comments', 5000),
      signature: signature('NGƯỜI GÓP Ý', 'FEEDBACK GIVER'),
    },
    ['header', 'target', 'items'],
  ),
};

// ---------------------------------------------------------------------------------------------------------
// Nhận xét của chi ủy, chi bộ nơi cư trú (QĐ 213-QĐ/TW Điều 4, HD 33-HD/BTCTW; QĐ 366 Điều 17)

const RESIDENCE_TITLE = { vi: 'PHIẾU NHẬN XÉT ĐẢNG VIÊN ĐANG CÔNG TÁC NƠI CƯ TRÚ', en: 'COMMENT ON A WORKING PARTY MEMBER AT THE PLACE OF RESIDENCE' };

export const REF_NHAN_XET: FormDefinition = {
  id: 'ref/nhan-xet-noi-cu-tru',
  title: RESIDENCE_TITLE,
  subtitle: { vi: '(Theo Quy định 213-QĐ/TW và Hướng dẫn 33-HD/BTCTW)', en: '(Under Regulation 213-QĐ/TW and Guidance 33-HD/BTCTW)' },
  basis: basis('213-QĐ/TW', '2020-01-02', 'Quy định 213-QĐ/TW Điều 4 và Hướng dẫn 33-HD/BTCTW (30/10/2020): hằng năm chi ủy (nơi không có chi ủy thì bí thư chi bộ) nơi cư trú phối hợp với ban công tác Mặt trận nhận xét đảng viên đang công tác; bản nhận xét thuộc hồ sơ xếp loại (Quy định 366-QĐ/TW Điều 17).', 'Regulation 213-QĐ/TW Article 4 and Guidance 33-HD/BTCTW (30/10/2020): every year the residence cell committee (or the cell secretary where there is none), with the Front working committee, comments on each working member; the comment belongs to the rating file (Regulation 366-QĐ/TW Article 17).'),
  official: false,
  kind: 'reference',
  fields: { fullName: '/member/fullName', overall: '/overall' },
  schema: formSchema(
    'ref/nhan-xet-noi-cu-tru',
    RESIDENCE_TITLE.vi,
    RESIDENCE_TITLE.en,
    {
      header: header('Chi bộ nơi cư trú', 'Residence party cell'),
      member: obj('Đảng viên được nhận xét', 'Member commented on', {
        fullName: text('Họ và tên', 'Full name'),
        birthDate: date('Ngày sinh', 'Date of birth'),
        residence: text('Nơi cư trú', 'Place of residence', LIMITS.line),
        workplace: text('Đơn vị công tác', 'Workplace', LIMITS.line),
        position: text('Chức vụ', 'Post'),
        memberOf: text('Sinh hoạt tại chi bộ, đảng bộ', 'Party cell or committee of membership', LIMITS.line),
      }, ['fullName', 'residence', 'workplace', 'memberOf']),
      duties: {
        ...obj('Việc thực hiện nhiệm vụ của đảng viên nơi cư trú (Điều 2 Quy định 213-QĐ/TW)', 'Duties at the place of residence (Regulation 213-QĐ/TW Article 2)', {
          example: longText('1. Gương mẫu về phẩm chất chính trị, đạo đức, lối sống trước Nhân dân nơi cư trú', '1. Setting an example of political quality, ethics and lifestyle before local people', 2000),
          civicDuties: longText('2. Thực hiện nghĩa vụ công dân; vận động gia đình và Nhân dân nơi cư trú chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương', '2. Fulfilling civic duties; persuading family and neighbours to follow Party and State policy and local rules', 2000),
          meetings: longText('3. Tham dự hội nghị do cấp ủy nơi cư trú triệu tập; đóng góp ý kiến vào các vấn đề của địa phương', '3. Attending the meetings the residence party committee calls; contributing views on local matters', 2000),
          contact: longText('4. Dự họp dân; giữ mối liên hệ với chi ủy, trưởng thôn (tổ trưởng tổ dân phố) và ban công tác Mặt trận; phản ánh ý kiến của Nhân dân', '4. Attending residents’ meetings; keeping in touch with the cell committee, the village or ward-group head and the Front working committee; passing residents’ views upward', 2000),
          other: longText('Việc thực hiện các nhiệm vụ khác nơi cư trú (tuyên truyền, vận động …)', 'Other duties at the place of residence (propaganda, mobilisation …)', 2000),
        }, ['example', 'civicDuties', 'meetings', 'contact']),
        'x-basis': '213-QĐ/TW Điều 2',
        'x-provenance': 'unverified',
      },
      overall: longText('Nhận xét chung', 'Overall comment', 5000),
      frontConsulted: bool('Đã phối hợp, lấy ý kiến ban công tác Mặt trận', 'The Front working committee was consulted'),
      signature: signedFor([TM_CHI_UY, ['bi-thu-chi-bo', 'BÍ THƯ CHI BỘ', 'SECRETARY OF THE PARTY CELL']]),
    },
    ['header', 'member', 'duties', 'overall', 'signature'],
  ),
};

// ---------------------------------------------------------------------------------------------------------
// Tổng hợp kết quả xếp loại (chi bộ / đảng bộ level; only Mẫu 06 exists centrally, for central cadres)

const SUMMARY_TITLE = { vi: 'DANH SÁCH TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM …', en: 'SUMMARY OF PARTY MEMBERS’ QUALITY RATINGS, YEAR …' };

export const REF_TONG_HOP: FormDefinition = {
  id: 'ref/tong-hop-xep-loai',
  title: SUMMARY_TITLE,
  basis: basis('366-QĐ/TW', '2025-08-30', 'Quy định 366-QĐ/TW Điều 17 (tổng hợp kết quả, kết quả xếp loại trong hồ sơ) và Điều 11 khoản 1 (tỷ lệ hoàn thành xuất sắc nhiệm vụ). Trung ương chỉ có Mẫu 06 (cán bộ thuộc diện Bộ Chính trị, Ban Bí thư quản lý) và Mẫu 04 (danh mục hồ sơ).', 'Regulation 366-QĐ/TW Article 17 (summary and ratings in the file) and Article 11(1) (the HTXSNV quota). Centrally there is only Form 06 (cadres managed by the Politburo and Secretariat) and Form 04 (file list).'),
  official: false,
  kind: 'reference',
  fields: { rows: '/rows', counts: '/counts', quota: '/quota' },
  schema: formSchema(
    'ref/tong-hop-xep-loai',
    SUMMARY_TITLE.vi,
    SUMMARY_TITLE.en,
    {
      header: header('Tên cơ quan ban hành', 'Issuing body'),
      unit: text('Chi bộ, đảng bộ được tổng hợp', 'Party cell or committee summarised', LIMITS.line),
      rows: table('Danh sách đảng viên', 'Members', ref('refSummaryRow', obj('Đảng viên', 'Member', {
        fullName: text('Họ và tên', 'Full name'),
        position: text('Chức vụ', 'Post'),
        audience: choice('Đối tượng (mẫu kiểm điểm)', 'Group (review form)', [
          ['leader', '2A – Giữ chức vụ lãnh đạo, quản lý', '2A – Holding a leadership or management post'],
          ['non-leader', '2B – Không giữ chức vụ lãnh đạo, quản lý', '2B – Not holding a leadership or management post'],
          ['outside-system', '2C – Không làm việc trong hệ thống chính trị', '2C – Not working in the political system'],
        ]),
        selfScore: score('Điểm tự chấm', 'Self-score', 100),
        selfLevel: level('Tự xếp loại', 'Self-assessed level'),
        cellProposal: level('Chi bộ đề xuất', 'Cell proposal'),
        cellVotes: count('Số phiếu đề xuất', 'Votes for the proposal'),
        cellVoters: count('Tổng số đảng viên biểu quyết', 'Members voting'),
        decidedLevel: level('Cấp có thẩm quyền quyết định', 'Decided by the competent level'),
        note: text('Ghi chú (kỷ luật, nghỉ ốm/thai sản, sinh hoạt tạm thời)', 'Note (discipline, sick or maternity leave, temporary membership)', LIMITS.line),
      }, ['fullName', 'audience', 'selfLevel']), 'Đảng viên', 'Member'), 500),
      counts: obj('Tổng hợp theo mức xếp loại', 'Counts per level', {
        htxsnv: count('Hoàn thành xuất sắc nhiệm vụ', 'Excellent task completion'),
        httnv: count('Hoàn thành tốt nhiệm vụ', 'Good task completion'),
        htnv: count('Hoàn thành nhiệm vụ', 'Task completion'),
        khtnv: count('Không hoàn thành nhiệm vụ', 'Task not completed'),
        notRated: count('Không xếp loại (mới kết nạp, miễn, đình chỉ sinh hoạt)', 'Not rated (newly admitted, excused, suspended)'),
      }, ['htxsnv', 'httnv', 'htnv', 'khtnv']),
      quota: obj('Tỷ lệ hoàn thành xuất sắc nhiệm vụ (so với số hoàn thành tốt nhiệm vụ)', 'HTXSNV quota (against the HTTNV count)', {
        group: text('Nhóm đối tượng tương đồng', 'Comparable group', LIMITS.line),
        excellent: count('Số hoàn thành xuất sắc nhiệm vụ', 'Rated HTXSNV'),
        good: count('Số hoàn thành tốt nhiệm vụ', 'Rated HTTNV'),
        ratio: { type: 'number', title: 'Tỷ lệ tối đa', 'x-title-en': 'Maximum ratio', minimum: 0, maximum: 1 },
        allowed: count('Số hoàn thành xuất sắc nhiệm vụ tối đa', 'Maximum HTXSNV allowed'),
        over: bool('Vượt tỷ lệ', 'Over the quota'),
        basis: text('Căn cứ', 'Basis', LIMITS.line),
      }, ['excellent', 'good', 'ratio', 'allowed', 'over']),
      signature: signedFor([TM_CHI_UY, TM_CHI_BO, TM_DANG_UY]),
    },
    ['header', 'unit', 'rows', 'counts', 'signature'],
  ),
};

export const REFERENCE_FORMS: FormDefinition[] = [REF_BIEN_BAN, REF_PHIEU_BIEU_QUYET, REF_KE_HOACH, REF_PHIEU_GOP_Y, REF_NHAN_XET, REF_TONG_HOP];
