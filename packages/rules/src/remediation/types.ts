/**
 * Remediation plans (kế hoạch khắc phục hạn chế, khuyết điểm, QĐ 366 Điều 8 [V]; reference form
 * `ref/ke-hoach-khac-phuc`, no central template) and the rows they give section III of next year's forms.
 */
import type { RecordTarget } from '../feedback/types';

/**
 * Status of one shortcoming: đã / đang / chưa khắc phục, the classification HD 43 asks for in section III
 * ("đã khắc phục, đang khắc phục (mức độ), chưa khắc phục", templates-and-format.md §1.1.2) [V]. The ids are
 * those of the forms' `status` field (REMEDIATION_STATUS in @kiemdiem/forms).
 */
export type RemediationState = 'da-khac-phuc' | 'dang-khac-phuc' | 'chua-khac-phuc';
export const REMEDIATION_STATES: readonly RemediationState[] = ['da-khac-phuc', 'dang-khac-phuc', 'chua-khac-phuc'];

/** One row of the plan (columns of `ref/ke-hoach-khac-phuc` II), plus the section III details once reported on. */
export interface RemediationItem {
  /** Hạn chế, khuyết điểm */
  shortcoming: string;
  /** Nguyên nhân */
  cause?: string;
  /** Giải pháp, biện pháp khắc phục */
  measures?: string;
  /** Người/bộ phận chủ trì */
  owner?: string;
  /** Thời hạn hoàn thành, YYYY-MM-DD */
  deadline?: string;
  /** Sản phẩm/kết quả */
  output?: string;
  /** Absent until reported on; counts as not remedied (nothing shows it was). */
  status?: RemediationState;
  /** Section III: mức độ, kết quả khắc phục */
  extent?: string;
  /** Section III: khó khăn, vướng mắc */
  obstacles?: string;
  /** Section III: trách nhiệm */
  responsibility?: string;
}

export interface RemediationPlan {
  id?: string;
  /** The person or collective whose shortcomings the plan remedies (the subject id used when rating). */
  target: RecordTarget;
  /** Unit id for roll-ups; without it the unit of the target's result is used. */
  unit?: string;
  /** The review year whose shortcomings the plan remedies ("sau kiểm điểm năm …"). */
  year: number;
  items: RemediationItem[];
  /** Free host data, carried through untouched. */
  meta?: Record<string, unknown>;
}

/** A row of section III of the HD 43 / HD 25 review forms (`/A/III/items` or `/III/items`). */
export interface SectionIIIRow {
  limitation: string;
  status: RemediationState;
  extent?: string;
  obstacles?: string;
  responsibility?: string;
}
