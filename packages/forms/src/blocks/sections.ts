/** The blocks the official forms share: header, identity, sections A.II–VI, Part B, signatures. */
import { QD37_2021, type Checklist } from '../checklists/qd-37-2021';
import type { JsonSchema } from '../model';
import { choice, date, DEFS, LIMITS, level, longText, obj, ref, score, table, text, year } from './fields';

/** Top of every Party document: superior body, issuing body, place and date (HD 36). */
export function header(issuerVi = 'Chi bộ', issuerEn = 'Party cell'): JsonSchema {
  return obj(
    'Phần đầu văn bản',
    'Document header',
    {
      superior: text('Đảng bộ (cấp trên trực tiếp)', 'Superior party committee'),
      issuer: text(issuerVi, issuerEn),
      place: text('Địa danh', 'Place'),
      date: date('Ngày, tháng, năm', 'Date'),
      year: year('Năm kiểm điểm', 'Review year'),
    },
    ['issuer', 'place', 'date', 'year'],
  );
}

export function identity(leader: boolean): JsonSchema {
  const posts: Record<string, JsonSchema> = leader
    ? {
        partyPost: text('Chức vụ Đảng', 'Party post'),
        governmentPost: text('Chức vụ chính quyền', 'Government post'),
        massOrganisationPost: text('Chức vụ đoàn thể', 'Mass-organisation post'),
      }
    : {};
  return obj(
    'Thông tin cá nhân',
    'Personal details',
    {
      fullName: text('Họ và tên', 'Full name'),
      birthDate: date('Ngày sinh', 'Date of birth'),
      ...posts,
      unit: text('Đơn vị công tác', 'Workplace'),
      cell: text('Chi bộ', 'Party cell'),
    },
    ['fullName', 'birthDate', 'unit', 'cell'],
  );
}

/** The 19 prohibitions as a self-declaration checklist (attached to section A.I.1). */
export function prohibitions(list: Checklist = QD37_2021): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const declaration = obj('Tự đánh giá', 'Self-declaration', {
    declaration: choice('Tự đánh giá', 'Self-declaration', [
      ['khong-vi-pham', 'Không vi phạm', 'No breach'],
      ['co-vi-pham', 'Có vi phạm', 'Breach'],
    ]),
    note: longText('Ghi chú', 'Note', 2000),
  }, ['declaration']);
  for (const item of list.items) {
    properties[`dieu${item.article}`] = {
      ...ref('prohibitionDeclaration', declaration, `Điều ${item.article}. ${item.vi}`, `Article ${item.article}. ${item.en}`),
      'x-basis': `${list.basis.document} Điều ${item.article}`,
      'x-provenance': item.provenance,
    };
  }
  const title = `Việc thực hiện những điều đảng viên không được làm (Quy định ${list.basis.document})`;
  const titleEn = `What party members must not do (Regulation ${list.basis.document})`;
  return {
    ...ref(`checklist_${list.id.replace(/-/g, '_')}`, obj(title, titleEn, properties, Object.keys(properties)), title, titleEn),
    'x-basis': `${list.basis.document} (${list.id})`,
  };
}

export function sectionII(): JsonSchema {
  return obj('II. Hạn chế, khuyết điểm và nguyên nhân', 'II. Shortcomings and their causes', {
    shortcomings: longText('1. Hạn chế, khuyết điểm.', '1. Shortcomings.'),
    causes: longText('2. Nguyên nhân của hạn chế, khuyết điểm.', '2. Causes of the shortcomings.'),
  }, ['shortcomings', 'causes']);
}

export const REMEDIATION_STATUS: Array<[string, string, string]> = [
  ['da-khac-phuc', 'Đã khắc phục', 'Remedied'],
  ['dang-khac-phuc', 'Đang khắc phục', 'Being remedied'],
  ['chua-khac-phuc', 'Chưa khắc phục', 'Not remedied'],
];

export function sectionIII(): JsonSchema {
  return obj(
    'III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước',
    'III. Remedying shortcomings concluded by the competent level or pointed out in earlier reviews',
    {
      items: table('Các hạn chế, khuyết điểm đã được chỉ ra', 'Shortcomings pointed out', ref('remediationRow', obj('Hạn chế, khuyết điểm', 'Shortcoming', {
        limitation: text('Hạn chế, khuyết điểm', 'Shortcoming', LIMITS.line),
        status: choice('Mức độ khắc phục', 'Status', REMEDIATION_STATUS),
        extent: text('Mức độ, kết quả khắc phục', 'Extent of remedy', LIMITS.line),
        obstacles: text('Khó khăn, vướng mắc (nếu có)', 'Obstacles (if any)', LIMITS.line),
        responsibility: text('Trách nhiệm', 'Responsibility', LIMITS.line),
      }, ['limitation', 'status']), 'Hạn chế, khuyết điểm', 'Shortcoming')),
    },
  );
}

export function sectionIV(): JsonSchema {
  return obj('IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)', 'IV. Explanations of issues raised for review (if any)', {
    items: table('Các vấn đề được gợi ý kiểm điểm', 'Issues raised', ref('suggestionRow', obj('Vấn đề được gợi ý', 'Issue', {
      issue: text('Vấn đề được gợi ý kiểm điểm', 'Issue raised', LIMITS.line),
      explanation: longText('Giải trình', 'Explanation', 5000),
      cause: text('Nguyên nhân', 'Cause', LIMITS.line),
      responsibility: text('Trách nhiệm', 'Responsibility', LIMITS.line),
    }, ['issue', 'explanation']), 'Vấn đề được gợi ý', 'Issue')),
  });
}

export function sectionV(vi = 'V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)', en = 'V. Personal responsibility for the collective’s shortcomings (if any)'): JsonSchema {
  return obj(vi, en, { content: longText('Nội dung', 'Content') });
}

export function sectionVI(): JsonSchema {
  return obj('VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm', 'VI. Direction and measures to remedy shortcomings', {
    content: longText('Nội dung', 'Content'),
  }, ['content']);
}

/**
 * Sections II–VI, which every review form shares: shortcomings, earlier shortcomings remedied, explanations,
 * responsibility, direction. Section II's wording and section V's heading vary between forms.
 */
export function sectionsIItoVI(options: { II?: JsonSchema; V?: JsonSchema } = {}): Record<string, JsonSchema> {
  return { II: options.II ?? sectionII(), III: sectionIII(), IV: sectionIV(), V: options.V ?? sectionV(), VI: sectionVI() };
}

/** Evidence of task results (sản phẩm, tiến độ, chất lượng), which also feeds the 30 % exceeded test. */
export function evidence(): JsonSchema {
  return table('Phụ lục kết quả thực hiện nhiệm vụ (sản phẩm, tiến độ, chất lượng)', 'Annex: task results (products, progress, quality)', ref('evidenceRow', obj('Nhiệm vụ', 'Task', {
    task: text('Nhiệm vụ được giao', 'Task assigned', LIMITS.line),
    product: text('Sản phẩm', 'Product', LIMITS.line),
    deadline: date('Thời hạn', 'Deadline'),
    completed: choice('Kết quả', 'Result', [
      ['hoan-thanh', 'Hoàn thành', 'Completed'],
      ['chua-hoan-thanh', 'Chưa hoàn thành', 'Not completed'],
    ]),
    onTime: choice('Tiến độ', 'Progress', [
      ['dung-tien-do', 'Đúng tiến độ', 'On time'],
      ['cham-tien-do', 'Chậm tiến độ', 'Late'],
    ]),
    exceeded: choice('Vượt mức yêu cầu', 'Exceeded requirements', [
      ['co', 'Có', 'Yes'],
      ['khong', 'Không', 'No'],
    ]),
    quality: text('Chất lượng', 'Quality', LIMITS.line),
  }, ['task', 'completed', 'onTime', 'exceeded']), 'Nhiệm vụ', 'Task'));
}

/** Part B of the 2025 forms: the 100-point self-score and the proposed level. */
export function partB2025(phuLuc: string, withEvidence: boolean): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    I: obj(`I. Đánh giá theo các nhóm tiêu chí (Phụ lục ${phuLuc} Quy định 366-QĐ/TW)`, `I. Self-score by criteria group (Appendix ${phuLuc}, Regulation 366-QĐ/TW)`, {
      common: score('1. Nhóm tiêu chí chung', '1. Common criteria', 30),
      tasks: score('2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ', '2. Task results', 70),
      total: score('Tổng điểm', 'Total', 100),
    }, ['common', 'tasks', 'total']),
    II: obj('II. Đề xuất xếp loại mức chất lượng', 'II. Proposed quality level', { level: level('Mức xếp loại đề xuất', 'Proposed level') }, ['level']),
  };
  if (withEvidence) properties.evidence = evidence();
  return obj('B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI', 'B. SELF-ASSESSMENT AND RATING', properties, ['I', 'II']);
}

export function signature(vi = 'NGƯỜI TỰ KIỂM ĐIỂM', en = 'PERSON UNDER REVIEW'): JsonSchema {
  return obj(vi, en, { name: text('Ký, ghi rõ họ tên', 'Signature and full name') }, ['name']);
}

/**
 * Signature of a collective's document (HD 36): the authority line (`T/M …`) as the title, then the
 * signer's post (BÍ THƯ, PHÓ BÍ THƯ, …) and name. A chi bộ has no seal; the seal note is in the label.
 */
/** Signature of HD 25 Mẫu 01, whose authority line is printed on the form (T/M BAN THƯỜNG VỤ …). */
export function collectiveSignature(
  vi = 'T/M BAN THƯỜNG VỤ (TẬP THỂ LÃNH ĐẠO, QUẢN LÝ)',
  en = 'ON BEHALF OF THE STANDING COMMITTEE (LEADERSHIP COLLECTIVE)',
): JsonSchema {
  return obj(vi, en, {
    position: text('Chức vụ người ký', 'Signer’s post'),
    name: text('Ký, ghi rõ họ tên và đóng dấu', 'Signature, full name and seal'),
  }, ['position', 'name']);
}

/**
 * Signature of a collective's report where the authority line varies with the collective (HD 43 Mẫu 01 is
 * used by chi ủy, chi bộ, đảng ủy and leadership collectives): the `T/M …` line, the signer's post and name.
 * The 2025 signature blocks are not visible in any text source [U]; this follows HD 36 and the 2023 pattern.
 */
export function collectiveSigner(vi = 'Thay mặt tập thể ký', en = 'Signed on behalf of the collective'): JsonSchema {
  return {
    ...obj(vi, en, {
      role: {
        ...text('Thẩm quyền ký (T/M)', 'Authority (on behalf of)'),
        description: 'Ví dụ: T/M CHI ỦY, T/M CHI BỘ, T/M ĐẢNG ỦY, T/M BAN THƯỜNG VỤ',
        'x-description-en': 'E.g. T/M CHI ỦY, T/M CHI BỘ, T/M ĐẢNG ỦY, T/M BAN THƯỜNG VỤ',
      },
      position: {
        ...text('Chức vụ người ký', 'Signer’s post'),
        description: 'Ví dụ: BÍ THƯ, PHÓ BÍ THƯ',
        'x-description-en': 'E.g. BÍ THƯ (secretary), PHÓ BÍ THƯ (deputy secretary)',
      },
      name: text('Ký, ghi rõ họ tên', 'Signature and full name'),
    }, ['role', 'position', 'name']),
    'x-provenance': 'unverified',
  };
}

/** Root of a form schema, with the shared definitions it uses (and those they use) copied into `$defs`. */
export function formSchema(id: string, title: string, titleEn: string, properties: Record<string, JsonSchema>, required: string[]): JsonSchema {
  const root: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://kiemdiem.dev/forms/${id}.schema.json`,
    ...obj(title, titleEn, properties, required),
  };
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
          const name = v.slice(8);
          if (!used.has(name)) {
            used.add(name);
            visit(DEFS[name]);
          }
        } else visit(v);
      }
    }
  };
  visit(root);
  root.$defs = Object.fromEntries([...used].sort().map((n) => [n, DEFS[n]!]));
  return root;
}
