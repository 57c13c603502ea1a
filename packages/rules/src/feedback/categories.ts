/**
 * The feedback categories (lĩnh vực góp ý): a documented, overridable parameter, not law.
 *
 * No regulation fixes categories for comments. QĐ 366 Điều 7 khoản 1 only requires the head to gather
 * "ý kiến tham gia, góp ý" [V]. The five below are the groups press reports tally citizens' comments by:
 * Trà Vinh 2015–2018, 47.510 ý kiến "về tư tưởng chính trị … về lĩnh vực khác" (seed article 002). They
 * mirror the older individual-form headings and are local practice (domain file templates-and-format.md
 * §4.1: [U]), hence provenance `unverified`. The ids are those of the `ref/phieu-gop-y` form's `area` field.
 */
import type { Citation, Localized, Provenance } from '../types';

export interface FeedbackCategory {
  /** Stable id (lowercase ascii, digits, hyphens), e.g. "tu-tuong-chinh-tri". */
  id: string;
  label: Localized;
}

/** A category list with where it comes from; pass your own to `tallyFeedback` / `rollup` to override. */
export interface FeedbackCategoryList {
  /** Names the list in output, e.g. "default" or a local guidance number. */
  id: string;
  categories: FeedbackCategory[];
  citation: Citation;
  provenance: Provenance;
  note?: Localized;
}

export const DEFAULT_FEEDBACK_CATEGORIES: FeedbackCategoryList = {
  id: 'default',
  categories: [
    { id: 'tu-tuong-chinh-tri', label: { vi: 'Tư tưởng chính trị', en: 'Political thought' } },
    { id: 'dao-duc-loi-song', label: { vi: 'Phẩm chất đạo đức, lối sống', en: 'Ethics and lifestyle' } },
    { id: 'chuc-trach-nhiem-vu', label: { vi: 'Thực hiện chức trách, nhiệm vụ', en: 'Carrying out duties and tasks' } },
    { id: 'to-chuc-ky-luat', label: { vi: 'Ý thức tổ chức kỷ luật', en: 'Sense of organisation and discipline' } },
    { id: 'linh-vuc-khac', label: { vi: 'Lĩnh vực khác', en: 'Other areas' } },
  ],
  citation: {
    document: '366-QĐ/TW',
    dieu: 7,
    khoan: 1,
    note: 'Điều 7.1 requires gathering comments but fixes no categories; the five groups are local practice (Trà Vinh tally 2015–2018, seed article 002; templates-and-format.md §4.1 [U])',
  },
  provenance: 'unverified',
  note: {
    vi: 'Danh mục theo thực tiễn địa phương (tổng hợp ý kiến tự phê bình trước quần chúng nhân dân ở Trà Vinh 2015–2018), không phải quy định của Trung ương; cấp ủy có thể thay bằng danh mục của mình.',
    en: 'Categories from local practice (Trà Vinh’s tally of comments at self-criticism before the people, 2015–2018), not a central rule; a party committee may replace them with its own list.',
  },
};
