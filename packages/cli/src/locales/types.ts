/** The shape of the CLI's wording: every user-visible word of @kiemdiem/cli, one object per language. */
import type { CaseProblem, Lang, Level, Provenance, Result, Rounding } from '@kiemdiem/rules';

/** The commands of `kiemdiem`, in the order `kiemdiem --help` lists them. */
export const COMMAND_NAMES = ['rate', 'template', 'test', 'diff', 'regulations', 'forms', 'validate', 'render', 'render-batch', 'summary', 'plan', 'rollup', 'feedback', 'remediation', 'serve'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The help of one command; the flags are those its declaration (commands/<name>.ts) lists. */
export interface CommandText {
  /** One line, shown in the overview and at the top of `kiemdiem <command> --help`. */
  summary: string;
  /** Further lines under the summary, already wrapped. */
  details?: string[];
  /** One line of help per declared flag. */
  flags: Record<string, string>;
  /** Placeholders shown instead of the declared ones: in this language (TÊN), or more telling (PLAN.json). */
  args?: Record<string, string>;
  /** The message for a missing required flag, when it is not the generic "missing --flag ARG". */
  missing?: Record<string, string>;
}

export interface Locale {
  lang: Lang;

  /** A number with this language's decimal separator; `digits` fixes the decimals. */
  number(value: number, digits?: number): string;
  /** `number` followed by " %"; "—" for null (nothing to divide). */
  percent(value: number | null, digits?: number): string;
  /** Display words the rules package's locale holds. */
  audience(result: Pick<Result, 'kind' | 'audience'>): string;
  provenance(p: Provenance): string;
  rounding(r: Rounding): string;

  // Usage errors and messages shared by the commands.
  unknownCommand(command: string): string;
  badFlag(problem: string): string;
  missing(flag: string, arg: string): string;
  badChoice(flag: string, value: string, allowed: string[]): string;
  badInteger(flag: string, value: string, min?: number, max?: number): string;
  badDate(value: string): string;
  missingFormId: string;
  unknownForm(id: string, known: string[]): string;
  unknownFormsCommand(command: string): string;
  badContext(file: string): string;
  unreadable(file: string, why: string): string;
  /** The reason `unreadable` gives for a file that does not exist. */
  notFound: string;
  badJson(file: string, why: string): string;
  badYaml(file: string, why: string): string;
  notArray(file: string): string;
  noFiles: string;
  invalidSummary(invalid: number, total: number): string;
  invalidLines(invalid: number, total: number): string;
  badJsonLine(why: string): string;
  lineTooLong(max: number): string;
  internal(message: string): string;
  /** Words for filesystem error codes (EACCES…); a code without words is shown as it is. */
  fsCodes: Record<string, string>;
  unwritable(file: string, why: string): string;
  /** --out names a file the command reads. */
  sameAsInput(out: string, input: string): string;
  /** --out - with a PDF while stdout is a terminal. */
  binaryToTerminal: string;
  /** A JSON Lines line whose bytes are not UTF-8 (error code bad-encoding). */
  badEncodingLine: string;
  /** A file in UTF-16 (or another encoding told from its first bytes): refused as a whole. */
  badEncodingFile(file: string, encoding: string): string;
  /** A file (or FILE:LINE) whose bytes are not UTF-8. */
  badEncodingAt(where: string): string;
  /** A record that could not be rated even on its own (error code not-rated). */
  notRated(why: string): string;
  /** --format jsonl given a JSON array. */
  arrayNotLines(file: string): string;
  planInvalid(file: string, problems: number): string;
  planFailed(errors: number, warnings: number): string;
  /** "local guidance ID" after a citation. */
  localGuidance(overlay: string): string;

  /** The generated help (help.ts). */
  help: {
    usage: string;
    /** What follows "kiemdiem" in the overview's usage line. */
    synopsis: string;
    commands: string;
    options: string;
    common: string;
    default(value: string): string;
    required: string;
    repeatable: string;
    integer(min?: number, max?: number): string;
    /** Common flags, and -v for the overview. */
    lang: string;
    help: string;
    version: string;
    /** The note on --overlay under the overview, naming the commands that take it. */
    overlayNote(commands: string[]): string;
    /** How to get one command's help. */
    more: string;
    exitCodes: string[];
  };
  commands: Record<CommandName, CommandText>;

  rate: {
    title(periods: string, regulations: string): string;
    headers: string[];
    reasons: string;
    quota: string;
    over(maxExcellent: number): string;
    within: string;
    /** `exceptional`: the group takes the exceptional ratio the competent level decided on (--exceptional-group). */
    quotaLine(q: { group: string; period: string; excellent: number; good: number; allowed: number; percent: string; rounding: string; verdict: string; exceptional: boolean }): string;
    /** After the status of a subject for the competent level to decide: the level the rules give without the cases handed over (null: none). */
    without(level: Level | null): string;
    summary: string;
    /** Not reviewed, or reviewed and not rated (a subject for the competent level to decide has a line of its own). */
    notRated: string;
    invalid: string;
    /** --exceptional-group with an empty name. */
    emptyGroup: string;
    /** An --exceptional-group that no quota line took. */
    unusedGroup(group: string): string;
  };
  /** Member lists in spreadsheets (rate --input FILE.xlsx, template). */
  sheets: {
    columnsNotObject(file: string): string;
    templateFile: string;
    templateExtension(file: string): string;
    templateWritten(file: string): string;
    /** --format jsonl with a spreadsheet input. */
    jsonlOutput: string;
  };
  plan: {
    title: string;
    year(year: number): string;
    none: string;
    findings: string;
    summary: string;
    counts(errors: number, warnings: number): string;
    result(ok: boolean): string;
    field(path: string): string;
  };
  rollup: {
    notResults(file: string): string;
    notPlans(file: string): string;
    problems(invalid: number, unplaced: number): string;
    written(file: string, units: number): string;
  };
  remediation: {
    notPlans(file: string): string;
    head: string[];
    total: string;
    basis: string;
    invalid(invalid: number, total: number): string;
    notSubjects(file: string): string;
  };
  summary: {
    notResults(file: string): string;
    badResult(file: string, index: number, why: string): string;
    /** The `why` of badResult for a result that is not an object. */
    notObject: string;
    badUnit(file: string): string;
    unwritable(file: string, why: string): string;
    written(file: string, subjects: number): string;
    invalidSkipped(invalid: number): string;
  };
  test: {
    /** The last line of `kiemdiem test`: how many cases passed and failed. */
    tally(passed: number, failed: number): string;
    /** A passing case, listed with --verbose. */
    passedCase(name: string): string;
    /** A failing case: its name, where it comes from (file, article) and its problems, each worded by `problem`. */
    failedCase(name: string, where: string, problems: string[]): string;
    /** One way a case failed. */
    problem(p: CaseProblem): string;
    /** A case file with no case in it. */
    noCases(file: string): string;
    /** A case (or its file) names a regulation kiemdiem does not have. */
    unknownRegulation(file: string, where: string, regulation: string, known: string[]): string;
    /** An expected value that is not one of the allowed ones, e.g. expect.level SUPER. */
    badExpect(file: string, where: string, value: string, allowed: string[]): string;
  };
  feedback: {
    notRecords(file: string): string;
    head: string[];
    targetHead: string[];
    total: string;
    basis: string;
    invalid(invalid: number, total: number): string;
  };
  diffPdf: {
    missingOut: string;
    written(file: string): string;
  };
  render: {
    notDocuments(file: string): string;
    cannotWrite(file: string, why: string): string;
    /** `kind`: the kind of file not made, "PDF" (default) or "Word". */
    invalidDocument(errors: number, kind?: string): string;
    written(file: string): string;
    summary(rendered: number, done: number, failed: number, dir: string, seconds: string, kind?: string): string;
    /** The heading over the failed documents; `kind` as in invalidDocument. */
    failedHeading(kind?: string): string;
    nth(n: number): string;
    line(n: number): string;
    badLine(why: string): string;
    unit(n: number): string;
    failedWord: string;
    /** The line after render-batch's summary: where the manifest is. */
    manifest(file: string): string;
  };
  forms: {
    head: string[];
    official(official: boolean): string;
  };
  validate: {
    valid: string;
    errors(n: number): string;
  };
  regulations: {
    head: string[];
  };
  serve: {
    listening(url: string, auth: boolean): string;
  };
}
