/** English: the words of the reports (the Party's documents stay Vietnamese: vi.ts `party`). */
import { DIFF_WORDS } from '@kiemdiem/rules';
import type { BasisParts, ReportLocale } from './types';

const overlay = (value: string) => (value ? `; local guidance ${value}` : '');
const basis = ({ citation, provenance, overlay: local }: BasisParts) => `${citation}${provenance ? ` (${provenance})` : ''}${overlay(local)}`;

export const en: ReportLocale = {
  lang: 'en',
  basis,
  quotaLine: (q) =>
    `Group ${q.group}: ${q.excellent} HTXSNV / ${q.good} HTTNV; allowed ${q.allowed} (${q.ratio} × ${q.good}, ${q.rounding}` +
    `${q.exceptional ? `; exceptional ratio ${q.ratio} decided by the competent level` : ''})` +
    (q.over ? `: OVER the quota, the competent level decides (at most ${q.maxExcellent} can keep HTXSNV)` : ': within the quota'),
  underRegulations: (regulations) => `(Under ${regulations})`,
  regulationName: (m) => m.number,
  blank: '…',
  signNote: '(Signature and full name)',
  fontsMissing: (what) =>
    `No fonts to print the PDF with (${what}). In a browser, pass the four Tinos files as the "fonts" option ({ normal, bold, italics, bolditalics }, each a Uint8Array or an ArrayBuffer) of render/renderSummary/renderDiff, or call setFonts(fonts) once before printing.`,
  notInput: {
    summary: 'renderSummary: { results: Result[], quota: QuotaLine[] } expected',
    summaryResult: (path) => `renderSummary: ${path} is not a rating result (an object with a "status", as rateMany gives, expected)`,
    diff: 'renderDiff: a DiffReport from diff() expected',
    rollup: 'renderRollup: the output of rollup() expected',
    rollupUnits: 'renderRollup: units[] of rollup() expected',
  },
  summary: {
    head: ['No.', 'Full name', 'Group', 'Total score', 'Proposed level', 'Decided by the competent level', 'Note (discipline, sick or maternity leave, not rated)'],
    counts: 'Counts per level',
    countsHead: ['Level', 'Number', 'Share'],
    members: 'Party members',
    collectives: 'Collectives',
    notRated: 'Not reviewed or not rated',
    forDecision: 'For the competent level to decide',
    total: 'Total',
    ratedBase: 'Shares are of the subjects rated.',
    forDecisionBase: ' Subjects left to the competent level have no level yet and are not in the shares.',
    without: (level) => (level ? `Apart from this case: ${level}` : 'No level reached'),
    quota: 'HTXSNV quota (against the HTTNV count)',
    quotaBasis: 'Basis of the ratio: ',
    signer: { authority: 'ON BEHALF OF THE CELL COMMITTEE', post: 'SECRETARY' },
    heading: ({ collectives, members, period }) =>
      `Summary of the quality ratings of ${collectives ? `collectives${members ? ' and ' : ''}` : ''}${members ? 'party members' : ''}, ${period}`,
    invalid: (count) => `${count} subjects in the results are invalid and are not in the list.`,
  },
  diff: {
    ...DIFF_WORDS.en,
    params: 'Parameters changed',
    matrixNote: 'Rows: level under the old regulation; columns: level under the new one; number of subjects.',
    fields: { conditions: 'Conditions', citation: 'Basis', provenance: 'Provenance', appliesTo: 'Applies to', level: 'Level', stage: 'Rule kind', message: 'Message' },
    legend: '√ met, × failed, • applied, ○ switched off.',
    title: (from, to) => `Regulation diff: ${from} → ${to}`,
    prepared: (isoDate) => `Prepared on ${isoDate}`,
    rules: (added, removed, changed) => `Rules: ${added} added, ${removed} removed, ${changed} changed`,
    reason: (r) => `${r.mark} ${r.rule}: ${r.message} [${r.citation}; ${r.provenance}${overlay(r.overlay)}]`,
    quotaSide: (q) => `${q.excellent}/${q.good}, allowed ${q.allowed}, max ${q.maxExcellent}, ${q.over ? 'OVER' : 'within'} (${q.ratio}, ${q.rounding})`,
  },
  rollup: {
    unitCol: 'Unit',
    no: 'No.',
    total: 'Total',
    rated: 'Rated',
    notRated: 'Not rated',
    forDecision: 'For the competent level to decide',
    forDecisionNote: 'Subjects left to the competent level (QĐ 366 Điều 11 khoản 4) have no level yet: they are not among those rated nor in the shares.',
    number: 'No.',
    share: 'Share',
    members: 'I. Ratings of party members',
    collectives: 'II. Ratings of party organisations and collectives',
    audience: 'III. Ratings by audience',
    audienceCol: 'Audience',
    quota: 'IV. HTXSNV quota by group',
    noQuota: 'No quota group in the results.',
    remediation: 'V. Remediation plans',
    remediationHead: ['Collectives with a plan', 'Members with a plan', 'Shortcomings', 'Remedied', 'Being remedied', 'Not remedied'],
    feedback: 'VI. Feedback by category',
    answered: 'Answered or explained',
    categories: 'Categories: ',
    audiences: { leader: 'Leaders and managers (2A)', 'non-leader': 'No leadership post (2B)', 'outside-system': 'Outside the political system (2C)' },
    collectiveRow: 'Party organisations, collectives',
    allRow: 'Total',
    notes: 'Notes',
    basisCumulative: 'Each unit’s figures include the units below it.',
    basisOwn: 'Each unit’s figures cover only the subjects directly in it.',
    rounding: 'Level shares are of those rated; plan shares of those reviewed; one decimal, half rounded up.',
    reference: 'Reference statistics layout proposed by kiemdiem; there is no central template.',
    signer: { authority: 'ON BEHALF OF THE STANDING COMMITTEE', post: 'SECRETARY' },
    heading: (period) => `Statistics of the quality ratings of party organisations and members, ${period}`,
    planShare: (withPlan, total, percent) => `${withPlan}/${total} (${percent})`,
    unplaced: (count, ids) => `${count} results belong to no unit of the hierarchy (${ids}): they are in the totals, not in the tables by unit.`,
    invalid: (n) =>
      `${n.count} invalid records not counted (results ${n.results}, remediation plans ${n.remediation}, feedback ${n.feedback})` +
      `${n.notRated ? `; ${n.notRated} subjects could not be rated for invalid data` : ''}.`,
  },
  batch: {
    workerStopped: (reason) => `worker stopped: ${reason}`,
    exitCode: (code) => `exit code ${code}`,
    outDir: (dir, why) => `cannot write to the directory ${dir} (${why})`,
    poolFull: (limit) => `the print queue is full (${limit} documents waiting); try again later`,
    poolClosed: 'the render pool is closed',
    format: (value) => `format: "${value}" is not a format renderBatch writes (pdf or docx)`,
  },
  acceleration: {
    noWorker: 'no worker was started (no document to render)',
    loaded: 'pdfkit was loaded in the worker before the accelerations',
    failed: (error) => `the accelerations could not be installed: ${error}`,
    version: (name, installed, expected) => `${name} ${installed ?? '(version unknown)'} is installed; the accelerations were written for ${expected}`,
    warning: (reason) => `renderBatch: the workers print with pdfmake as published (same PDFs, slower): ${reason}`,
  },
};
