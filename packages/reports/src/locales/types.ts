/**
 * Every word @kiemdiem/reports prints or says, by language: one `ReportLocale` per language (vi.ts, en.ts),
 * chosen once per document with `reportLocale(lang)` (index.ts). Phrases with values are functions over template
 * literals: a value is only ever printed, never read as markup or code.
 *
 * The Party's own documents (the forms, and the HD 36 layout's header, date line and signature note) are in
 * Vietnamese whatever the language of a report: their words are `PartyWords` (vi.ts).
 */
import type { Audience, DIFF_WORDS, Lang } from '@kiemdiem/rules';

/** The basis of a rule or ratio: its citation, how sure the reading is, and a local overlay if any. */
export interface BasisParts {
  citation: string;
  /** Empty: not printed. */
  provenance: string;
  /** Empty: not printed. */
  overlay: string;
}

/** A quota group, with its numbers and the ratio and rounding already in words. */
export interface QuotaParts {
  group: string;
  excellent: number;
  good: number;
  allowed: number;
  maxExcellent: number;
  over: boolean;
  ratio: string;
  rounding: string;
  /** The ratio is the exceptional one the competent level decided for the group (QuotaLine.exceptional). */
  exceptional?: boolean;
}

/** Who signs a unit's report. */
export interface SignerWords {
  authority: string;
  post: string;
}

export interface SummaryWords {
  /** The columns of the list. */
  head: readonly [string, string, string, string, string, string, string];
  counts: string;
  countsHead: readonly [string, string, string];
  members: string;
  collectives: string;
  notRated: string;
  /** The counts row of the subjects left to the competent level (status for-decision). */
  forDecision: string;
  total: string;
  ratedBase: string;
  /** After `ratedBase` when some subjects are left to the competent level. */
  forDecisionBase: string;
  /** Under the for-decision word in the proposed column: the level the rules give without the case (null: none). */
  without(level: string | null): string;
  quota: string;
  /** Before each basis of the quota ratio (also in the roll-up). */
  quotaBasis: string;
  signer: SignerWords;
  /** The default title: collectives, members or both, and the periods. */
  heading(parts: { collectives: boolean; members: boolean; period: string }): string;
  /** Under the list, when some results were invalid. */
  invalid(count: number): string;
}

export interface DiffWords extends Omit<(typeof DIFF_WORDS)['vi'], 'title' | 'rules' | 'params'> {
  params: string;
  matrixNote: string;
  /** The changed fields of a rule. */
  fields: Record<'conditions' | 'citation' | 'provenance' | 'appliesTo' | 'level' | 'stage' | 'message', string>;
  legend: string;
  /** The default title, from and to "number (id)". */
  title(from: string, to: string): string;
  /** The date line under the title (YYYY-MM-DD in). */
  prepared(isoDate: string): string;
  rules(added: number, removed: number, changed: number): string;
  /** One reason of a subject whose rating changes. */
  reason(parts: { mark: string; rule: string; message: string; citation: string; provenance: string; overlay: string }): string;
  /** One side (before or after) of a quota group that changes. */
  quotaSide(parts: Omit<QuotaParts, 'group'>): string;
}

export interface RollupWords {
  unitCol: string;
  no: string;
  total: string;
  rated: string;
  notRated: string;
  /** The column of the subjects left to the competent level (printed when there are some). */
  forDecision: string;
  /** The note on that column. */
  forDecisionNote: string;
  number: string;
  share: string;
  members: string;
  collectives: string;
  audience: string;
  audienceCol: string;
  quota: string;
  noQuota: string;
  remediation: string;
  remediationHead: readonly [string, string, string, string, string, string];
  feedback: string;
  answered: string;
  categories: string;
  audiences: Record<Audience, string>;
  collectiveRow: string;
  allRow: string;
  notes: string;
  basisCumulative: string;
  basisOwn: string;
  rounding: string;
  reference: string;
  signer: SignerWords;
  /** The default title, with the period. */
  heading(period: string): string;
  /** Units with a plan: "3/4 (75,0 %)". */
  planShare(withPlan: number, total: number, percent: string): string;
  unplaced(count: number, ids: string): string;
  invalid(parts: { count: number; results: number; remediation: number; feedback: number; notRated: number }): string;
}

/** renderBatch's own messages. */
export interface BatchWords {
  /** A document's failure when its worker stopped (the error, or the exit code, in `reason`). */
  workerStopped(reason: string): string;
  exitCode(code: number): string;
  /** renderBatch's output directory cannot be made or written to: the directory and the system's reason (ENOENT…). */
  outDir(dir: string, why: string): string;
  /** createRenderPool: every worker busy and `limit` documents already waiting. */
  poolFull(limit: number): string;
  /** createRenderPool: a document handed to a pool after `close()`. */
  poolClosed: string;
  /** renderBatch's `format` is neither pdf nor docx. */
  format(value: string): string;
}

/** Why renderBatch's workers print unaccelerated (BatchResult.notAccelerated, the warning). */
export interface AccelerationWords {
  noWorker: string;
  loaded: string;
  failed(error: string): string;
  /** One library whose installed version is not the one the accelerations were written for. */
  version(name: string, installed: string | undefined, expected: string): string;
  /** The process warning, with the reason. */
  warning(reason: string): string;
}

export interface ReportLocale {
  lang: Lang;
  basis(parts: BasisParts): string;
  /** One sentence per quota group (summary list, roll-up). */
  quotaLine(parts: QuotaParts): string;
  /** The "(Theo …)" line under a unit report's title. */
  underRegulations(regulations: string): string;
  /** A regulation as a unit report names it. */
  regulationName(manifest: { documentType: string; number: string }): string;
  /** What stands for a missing name or place. */
  blank: string;
  /** Under the signer's post. */
  signNote: string;
  /** No fonts, or some faces missing (`what`: "fonts", or e.g. "fonts.italics, fonts.bolditalics"). */
  fontsMissing(what: string): string;
  /** The input of a report is not what it takes. */
  notInput: {
    summary: string;
    /** One of the results is not a result (its JSON pointer). */
    summaryResult(path: string): string;
    diff: string;
    rollup: string;
    rollupUnits: string;
  };
  summary: SummaryWords;
  diff: DiffWords;
  rollup: RollupWords;
  batch: BatchWords;
  acceleration: AccelerationWords;
}

/** The words of the Party's documents (HD 36 layout, the forms): Vietnamese in every report. */
export interface PartyWords {
  party: string;
  recipients: string;
  /** "Đà Lạt, ngày 03 tháng 02 năm 2026" (day and month already padded as HD 36 writes them). */
  placeAndDate(place: string, day: string, month: string, year: string): string;
  /** "Số 12-BC/ĐU". */
  documentNumber(number: string, type: string, issuer: string): string;
  /** The year under a form's title. */
  year(year: string | number): string;
  /** The PDF title of a form of a year. */
  titleOfYear(title: string, year: string | number): string;
  signNote: string;
  /** The first column of a table of rows. */
  rowNumber: string;
  /** The QĐ 37 checklist's columns. */
  checklistHead: readonly [string, string, string, string];
  /** An article's number before its title in the checklist's schema ("Điều 3. "). */
  articlePrefix: RegExp;
  yes: string;
  no: string;
  /** A text field's title that needs no heading of its own. */
  plainContent: string;
  /** A signature title that names the body signed for ("T/M …"). */
  onBehalf: string;
}
