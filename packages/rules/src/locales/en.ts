import type { Locale } from './types';
import { documentName } from './vi';

const q = (s: string) => `"${s}"`;

export const en: Locale = {
  fields: {
    '': 'subject',
    '/id': 'subject id (id)',
    '/kind': 'subject kind (kind)',
    '/audience': 'audience (audience)',
    '/period': 'review period (period)',
    '/period/year': 'review year (period.year)',
    '/period/quarter': 'review quarter (period.quarter)',
    '/membership': 'membership (membership)',
    '/membership/admittedOn': 'admission date (membership.admittedOn)',
    '/membership/exempt': 'exempt from work and party activities (membership.exempt)',
    '/membership/suspended': 'suspended from party activities (membership.suspended)',
    '/score': 'self-assessed score (score)',
    '/score/common': 'common-criteria score (score.common)',
    '/score/tasks': 'task-results score (score.tasks)',
    '/tasks': 'assigned tasks (tasks)',
    '/tasks/assigned': 'tasks assigned (tasks.assigned)',
    '/tasks/completed': 'tasks completed (tasks.completed)',
    '/tasks/onTime': 'tasks on time (tasks.onTime)',
    '/tasks/exceeded': 'tasks exceeding requirements (tasks.exceeded)',
    '/ledUnits': 'tasks of the units led directly (ledUnits)',
    '/ledUnits/assigned': 'led units: tasks assigned (ledUnits.assigned)',
    '/ledUnits/completed': 'led units: tasks completed (ledUnits.completed)',
    '/ledUnits/onTime': 'led units: tasks on time (ledUnits.onTime)',
    '/ledUnits/exceeded': 'led units: tasks exceeding requirements (ledUnits.exceeded)',
    '/shortcomings': 'earlier shortcomings (shortcomings)',
    '/shortcomings/identified': 'shortcomings identified (shortcomings.identified)',
    '/shortcomings/remediated': 'shortcomings remedied (shortcomings.remediated)',
    '/discipline': 'discipline (discipline)',
    '/discipline/*': 'disciplinary decision (discipline[])',
    '/discipline/*/form': 'disciplinary form (discipline[].form)',
    '/discipline/*/decidedOn': 'decision date (discipline[].decidedOn)',
    '/discipline/*/selfDetectedAndRemedied': 'self-detected and remedied (discipline[].selfDetectedAndRemedied)',
    '/degradationConcluded': 'degradation concluded (degradationConcluded)',
    '/violatedProhibitions': 'prohibitions breached (violatedProhibitions)',
    '/group': 'quota group (group)',
    '/collective': 'collective facts (collective)',
    '/collective/subUnitsDisciplined': 'subordinate units disciplined (collective.subUnitsDisciplined)',
    '/collective/leadershipMembersDisciplined': 'leadership members disciplined (collective.leadershipMembersDisciplined)',
    '/collective/subUnits': 'number of subordinate units (collective.subUnits)',
    '/grades': 'criterion grades (grades)',
    '/grades/tasks': 'task-results criterion grade (grades.tasks)',
    '/grades/*': 'criterion grade (grades)',
    '/stateRating': 'State-track rating (stateRating)',
    '/leave': 'leave (leave)',
    '/leave/sickMonths': 'months of sick leave (leave.sickMonths)',
    '/leave/maternity': 'maternity leave (leave.maternity)',
    '/keyTargetsMissed': 'key targets missed (keyTargetsMissed)',
    '/name': 'name (name)',
    '/position': 'position (position)',
    '/unit': 'unit (unit)',
    '/meta': 'host data (meta)',
  },
  levels: {
    HTXSNV: 'Excellent task completion',
    HTTNV: 'Good task completion',
    HTNV: 'Task completion',
    KHTNV: 'Task not completed',
  },
  statuses: {
    rated: 'rated',
    'not-reviewed': 'not reviewed',
    'reviewed-not-rated': 'reviewed, not rated',
  },
  grades: { 4: 'Excellent', 3: 'Good', 2: 'Average', 1: 'Poor' },
  provenance: { verified: 'verified', 'single-source': 'single source', legacy: 'carried over', unverified: 'unverified' },
  rounding: { floor: 'rounded down', 'round-half-up': 'half rounded up', ceil: 'rounded up' },
  audiences: { leader: 'Leader, manager', 'non-leader': 'No leadership post', 'outside-system': 'Outside the political system', collective: 'Collective' },
  decimal: '.',
  subjectList: 'subject list',
  yesNo: { yes: 'yes', no: 'no' },
  issues: {
    notObject: (f) => `${cap(f)} must be a JSON object`,
    notArray: (f) => `${cap(f)} must be an array`,
    required: (f) => `Missing ${f}`,
    requiredBy: (f, r) => `Missing ${f}: rule pack ${r} needs it to rate`,
    unknownField: (f) => `Field ${q(f)} is not part of the subject format`,
    forbiddenKey: (f) => `Key ${q(f)} is forbidden (prototype pollution)`,
    notString: (f) => `${cap(f)} must be a string`,
    emptyString: (f) => `${cap(f)} must not be empty`,
    tooLong: (f, max) => `${cap(f)} is longer than ${max} characters`,
    notBoolean: (f) => `${cap(f)} must be true or false`,
    notInteger: (f) => `${cap(f)} must be an integer`,
    notNumber: (f) => `${cap(f)} must be a number`,
    range: (f, min, max) => `${cap(f)} must be between ${min} and ${max}`,
    min: (f, min) => `${cap(f)} must be at least ${min}`,
    step: (f, step) => `${cap(f)} must be a multiple of ${step}`,
    notOneOf: (f, allowed) => `${cap(f)} must be one of: ${allowed.join(', ')}`,
    badDate: (f) => `${cap(f)} must be a valid date as YYYY-MM-DD`,
    notAbove: (f, other) => `${cap(f)} must not exceed ${other}`,
    onlyFor: (f, who) => `${cap(f)} applies only to ${who}`,
    admittedAfterPeriod: (f) => `${cap(f)} is after the end of the review period`,
    quarterNotRated: (f) => `${cap(f)}: Q4 is not rated on its own but merged into the year-end review (HD 43-HD/BTCTW)`,
    periodNotSupported: (f, r) => `${cap(f)}: rule pack ${r} does not rate this kind of period`,
    criterionId: (k) => `Criterion id "${k}" is invalid: use lowercase ascii letters, digits and hyphens`,
    gradesIncomplete: (f) => `${cap(f)} needs the task-results criterion (tasks) and at least one general criterion`,
    noRegulation: (f, p) => `${cap(f)}: no rule pack applies to ${p}`,
  },
  who: { individual: 'individuals', collective: 'collectives', leader: 'leaders (audience: leader)' },
  disabledBy: (o, why) => `switched off by local guidance ${o}: ${why}`,
  citation: (c) => {
    const parts: string[] = [];
    if (c.dieu !== undefined) parts.push(`Article ${c.dieu}`);
    if (c.khoan !== undefined) parts.push(`clause ${c.khoan}`);
    if (c.diem) parts.push(`point ${c.diem}`);
    if (c.muc) parts.push(`section ${c.muc}`);
    if (c.phuLuc) parts.push(`Appendix ${c.phuLuc}`);
    const where = parts.length ? `${parts.join(', ')}, ` : '';
    return `${where}${documentName(c.document)}`;
  },
  errors: {
    unknownRegulation: (id, known) => `No rule pack "${id}". Available: ${known.join(', ')}`,
    noRegulation: (p) => `No rule pack applies to ${p}`,
    unknownParameter: (n, r) => `Rule pack ${r} has no parameter "${n}"`,
    invalidParameter: (n, e) => `Invalid value for parameter "${n}": expected ${e}`,
    parameterExpected: (p) => {
      switch (p.expected) {
        case 'boolean': return 'true or false';
        case 'string': return 'a string';
        case 'number': return 'a number';
        case 'integer': return 'an integer';
        case 'review-year-date': return 'a day of the review year, "Y-MM-DD", or of the next year, "Y+1-MM-DD"';
        case 'one-of': return `one of ${p.allowed.join(', ')}`;
        case 'minimum': return `a number ≥ ${p.limit}`;
        case 'maximum': return `a number ≤ ${p.limit}`;
        case 'known-type': return `a known parameter type (not "${p.type}")`;
      }
    },
    unknownRule: (id, r) => `Rule pack ${r} has no rule "${id}"`,
    invalidOption: (name, value, allowed) => `Invalid option "${name}": "${value}"; expected one of ${allowed.join(', ')}`,
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
