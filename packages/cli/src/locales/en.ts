/** English (`--lang en`). */
import { describeProblem, locale } from '@kiemdiem/rules';
import { numberFormat } from './format';
import type { Locale } from './types';

const rules = locale('en');

// Flag help several commands share.
const input = {
  subjects: 'The subjects: a JSON array, or JSON Lines (.jsonl, .ndjson; one subject a line); - for stdin',
  results: 'The output of "kiemdiem rate --format json"',
  document: 'The document (JSON)',
};
const regulation = "The rule pack (regulation) to apply; by default the review period's";
const overlay = 'Local guidance (a JSON overlay file) applied on top of the rule pack';
const engine = 'Evaluation engine: compiled, or reference (json-rules-engine) for cross-checks';
const jsonTable = 'json for programs, table for people';
const form = 'Form id, e.g. hd43-2025/02b (see "kiemdiem forms list")';
const missingFormId = 'Give a form id (e.g. hd43-2025/02b)';
const context = "The document's context (a JSON file): audience, reviewSuggestions, shortcomings, period";
const docxFormat = 'pdf, or docx (Word, editable); by default from the --out extension (.docx is docx), else pdf';
const pdfOut = 'The PDF or .docx file to write (- for stdout); never an input file';
const unit = 'The issuing body\'s name, or a JSON file { "superior"?, "issuer", "place", "signer"? }';

export const en: Locale = {
  lang: 'en',
  ...numberFormat('.'),
  audience: (r) => rules.audiences[r.kind === 'collective' ? 'collective' : (r.audience ?? 'non-leader')],
  provenance: (p) => rules.provenance[p],
  rounding: (r) => rules.rounding[r],

  unknownCommand: (c) => `Unknown command: "${c}"`,
  badFlag: (m) => `Invalid option: ${m}`,
  missing: (flag, arg) => `Missing ${flag} ${arg}`,
  badChoice: (flag, value, allowed) => `Invalid value "${value}" for ${flag}; choose one of: ${allowed.join(', ')}`,
  badInteger: (flag, value, min, max) =>
    `Invalid value "${value}" for ${flag}; expected a whole number${min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : ''}`,
  badDate: (value) => `Invalid date "${value}": use YYYY-MM-DD`,
  missingFormId,
  unknownForm: (id, known) => `No form "${id}". Available: ${known.join(', ')}`,
  unknownFormsCommand: (c) => `Invalid forms command: "${c}" (use list, schema, example)`,
  badContext: (file) => `The context file ${file} must hold a JSON object`,
  unreadable: (file, why) => `Cannot read ${file}: ${why}`,
  notFound: 'không tồn tại / not found',
  badJson: (file, why) => `${file} is not valid JSON: ${why}`,
  badYaml: (file, why) => `${file} is not valid YAML/JSON: ${why}`,
  notArray: (file) => `${file} must hold a JSON array of subjects`,
  noFiles: 'Give at least one test-case file',
  invalidSummary: (n, total) => `${n}/${total} subjects invalid (see "errors")`,
  invalidLines: (n, total) => `${n}/${total} lines invalid (the lines with "errors")`,
  badJsonLine: (why) => `Line is not valid JSON: ${why}`,
  lineTooLong: (max) => `Line longer than ${Math.round(max / 1048576)} MB: not a subject, skipped`,
  internal: (m) => `Internal error in kiemdiem: ${m}. Please report it with the input file.`,
  fsCodes: {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is not a directory',
    EISDIR: 'is a directory',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EEXIST: 'already exists',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'name too long',
  },
  unwritable: (file, why) => `Cannot write ${file}: ${why}`,
  sameAsInput: (out, input) => `--out ${out} is the input file ${input}: choose another file, so the input is not overwritten`,
  binaryToTerminal: 'Not writing a PDF to the terminal: send --out - to a file or another command (> file.pdf, | command)',
  badEncodingLine: 'Line is not valid UTF-8 (bad-encoding): save the file as UTF-8',
  badEncodingFile: (file, encoding) => `${file} is encoded in ${encoding}, not UTF-8 (bad-encoding): save it as UTF-8`,
  badEncodingAt: (where) => `${where} is not valid UTF-8 (bad-encoding): save it as UTF-8`,
  notRated: (why) => `This record could not be rated: ${why}`,
  arrayNotLines: (file) => `--format jsonl reads JSON Lines (one subject per line), but ${file} holds a JSON array: use --format json or table`,
  planInvalid: (file, n) => `The plan ${file} is malformed (${n} problem(s)):`,
  planFailed: (errors, warnings) => `The plan does not meet the rules: ${errors} error(s), ${warnings} warning(s)`,
  localGuidance: (overlay) => `local guidance ${overlay}`,

  help: {
    usage: 'Usage:',
    synopsis: '<command> [options]',
    commands: 'Commands:',
    options: 'Options:',
    common: 'General options:',
    default: (value) => `default: ${value}`,
    required: 'required',
    repeatable: 'repeatable',
    integer: (min, max) => (min !== undefined && max !== undefined ? `a whole number from ${min} to ${max}` : 'a whole number'),
    lang: 'Language of the output and messages',
    help: 'Print this help',
    version: 'Print the version',
    overlayNote: (commands) =>
      `With ${commands.length > 1 ? `${commands.slice(0, -1).join(', ')} and ${commands.at(-1)}` : commands.join('')}, --overlay FILE (repeatable) applies local guidance on top of the pack.`,
    more: '"kiemdiem <command> --help" prints the options of one command.',
    exitCodes: [
      'Exit codes: 0 success; 1 some subject invalid, some test case failed or the review plan breaks a rule;',
      '2 usage error (unknown flag, a file that cannot be read or written, unknown regulation) or a malformed review plan;',
      '3 internal error.',
    ],
  },

  commands: {
    rate: {
      summary: 'Rate the subjects in FILE (a JSON array, or JSONL: one subject per line; - for stdin).',
      details: [
        '--format jsonl reads and writes line by line (one output line per input line, then a line with the',
        'quota and counts); --workers N uses N threads; memory does not grow with the file.',
        `Status for-decision ("${rules.statuses['for-decision']}"): the regulation leaves the case to the`,
        'competent level; level is null, decision.without is the level without those cases. A valid outcome',
        '(exit code 0).',
      ],
      flags: {
        input: `${input.subjects}; or a member list in a spreadsheet, .xlsx or .csv (Vietnamese headers, see docs/sheets.md and "kiemdiem template")`,
        'input-format': "The format of --input when the file's extension does not tell (json, jsonl, xlsx, csv)",
        sheet: 'The worksheet to read (.xlsx); by default the first visible one',
        columns: 'A JSON file mapping your column headers to subject fields: {"Part B1 score": "score.common"}',
        regulation,
        overlay,
        format: 'json for programs, table for people, jsonl to read and write line by line, xlsx (Excel) with --out',
        out: 'The file to write (required with --format xlsx: results, reasons and citations, errors sheets); - for stdout',
        engine,
        workers: 'Threads for --format jsonl',
        'exceptional-group': 'A group (as in the subjects\' "group") the competent level decided has outstanding results: its HTXSNV quota uses the regulation\'s exceptional ratio (quota.ratio.exceptional)',
      },
    },
    template: {
      summary: 'Write the empty member list (FILE.xlsx) to fill in and rate with "kiemdiem rate --input FILE.xlsx".',
      details: [
        'A frozen header row, drop-down lists for Đối tượng, Kỷ luật and the levels, number ranges for scores and task',
        'counts, and a "Hướng dẫn" sheet explaining each column. --lang en: the headers are the English field names.',
      ],
      flags: {},
    },
    test: {
      summary: 'Run rule-pack test cases (YAML or JSON).',
      details: [
        'Prints a line per failing case, then "N passed, N failed" (in Vietnamese unless --lang en: "N ca đạt, N ca sai").',
        'Exit 1 when a case fails; 2 for a file without cases, a case naming an unknown regulation,',
        'or an expected level or status that does not exist.',
      ],
      flags: {
        regulation: 'The rule pack for the cases that name none',
        overlay,
        engine,
        verbose: 'Also list the cases that pass (✓)',
      },
    },
    diff: {
      summary: 'Compare two regulations: rules, parameters and (with --input) who changes rating, and why.',
      details: [
        'An ID may carry local overlays: qd-366-2025+overlay.json',
        'Exit 1 when some subject is invalid (listed on stderr, and in "impact.errors").',
      ],
      flags: {
        from: 'The earlier regulation (ID or ID+OVERLAY.json)',
        to: 'The later regulation (ID or ID+OVERLAY.json)',
        input: 'Subjects (a JSON array), to see who changes rating',
        format: 'json, md (Markdown), or pdf, xlsx (Excel) with --out',
        out: 'The file to write (required with --format pdf and xlsx); - for stdout',
      },
      missing: { from: 'Give both --from ID and --to ID', to: 'Give both --from ID and --to ID' },
    },
    regulations: {
      summary: 'List the rule packs (regulations) available.',
      flags: { format: 'table for people, json for programs' },
    },
    forms: {
      summary: 'The forms: catalogue, JSON Schema (for a context), UI schema, example document.',
      details: [
        "forms list: the catalogue; forms schema ID: the form's JSON Schema (with --ui: a UI schema);",
        'forms example ID: a filled example document (JSON).',
      ],
      flags: {
        context,
        ui: 'Print a UI schema for JSON Forms (jsonforms) or react-jsonschema-form (rjsf) instead of the JSON Schema',
        format: 'Format of forms list',
      },
    },
    validate: {
      summary: 'Check a document against a form (exit 0 valid, 1 invalid).',
      flags: { form, input: input.document, context, format: jsonTable },
      missing: { form: missingFormId },
    },
    render: {
      summary: 'Print one document in the Party layout (PDF, or Word .docx to edit further).',
      flags: { form, input: input.document, out: pdfOut, format: docxFormat },
      args: { out: 'FILE.pdf|FILE.docx' },
      missing: { form: missingFormId },
    },
    'render-batch': {
      summary: 'Print many documents (a JSON array or JSONL) in the Party layout, one PDF each.',
      details: [
        'Runs on worker threads, with a progress bar on stderr on a terminal (exit 1 when a document fails).',
        'Writes DIR/manifest.json: each input document (index, id) with its PDF (.docx) file or its error; exit 2 when DIR cannot be written.',
      ],
      flags: {
        form,
        input: 'The documents: a JSON array, or JSON Lines (one document a line)',
        'out-dir': 'Directory for the PDF (or .docx) files',
        workers: 'Threads; by default one per CPU core',
        format: 'pdf (default), or docx: one Word file <id>.docx per document',
      },
      missing: { form: missingFormId },
    },
    summary: {
      summary: 'The rating summary list (PDF, Word .docx or Excel .xlsx) from the output of "kiemdiem rate --format json".',
      details: ['Invalid subjects in the results file are left out of the list and listed on stderr: exit 1.'],
      flags: {
        input: input.results,
        out: 'The .pdf, .docx or .xlsx file to write (- for stdout); never an input file',
        format: 'pdf, docx (Word, editable), or xlsx (the list in the columns of the summary form, the HTXSNV quota, a reasons and citations sheet); by default from the --out extension, else pdf',
        unit,
        date: 'The date line; by default 31 December of the rated year',
      },
      args: { input: 'RESULTS.json', unit: 'NAME|FILE' },
    },
    plan: {
      summary: 'Check a review plan.',
      details: [
        'Order of reviews, drafts sent at least 03 working days ahead, meeting length, finishing and filing',
        'deadlines (exit 1 when it breaks a rule, 2 when the plan is malformed).',
      ],
      flags: {
        input: 'The review plan (JSON)',
        regulation: "The rule pack (regulation) to apply; by default the plan year's",
        overlay,
        format: jsonTable,
      },
      args: { input: 'PLAN.json' },
    },
    rollup: {
      summary: 'Roll-up statistics up the hierarchy of units (cell → grassroots → district/bloc → province).',
      details: [
        'Counts and shares per level by unit and audience, the HTXSNV quota per group, remediation plans,',
        'feedback (JSON or PDF); exit 1 when a record is invalid or in no unit, 2 when the hierarchy is broken',
        '(cycle …).',
      ],
      flags: {
        input: `${input.results}, or an array of results`,
        hierarchy: 'The hierarchy: an array of units, or { "units": [...] }',
        remediation: 'Remediation plans (as for remediation --input)',
        feedback: 'Feedback (as for feedback --input)',
        format: 'json, or pdf, docx (Word), xlsx (Excel) with --out',
        out: 'The file to write; without it (or with -), JSON goes to stdout',
        unit,
        date: 'The date on the PDF report',
      },
      args: { input: 'RESULTS.json', unit: 'NAME|FILE' },
    },
    feedback: {
      summary: 'Tally feedback by category and by the person or collective concerned, answered or not.',
      details: ['Exit 1 for invalid records (left out of the counts).'],
      flags: {
        input: 'Feedback: an array of records, or { "records": [...], "categories"?: ... }',
        categories: 'Categories to use instead of the default list',
        format: 'table for people, json for programs',
      },
      args: { input: 'FEEDBACK.json' },
    },
    remediation: {
      summary: 'How remediation plans stand: items done / in progress / not done, and whether 100 % are remedied.',
      details: [
        'With --subjects, prints the subjects with "shortcomings" from last year\'s plans, for rate --input -',
        '(exit 1 for invalid plans).',
      ],
      flags: {
        input: 'Remediation plans: an array, or { "plans": [...] }',
        subjects: 'Subjects (JSON or JSONL) to give "shortcomings"',
        format: 'table for people, json for programs',
      },
      args: { input: 'PLANS.json', subjects: 'SUBJECTS.json' },
    },
    serve: {
      summary: 'Run kiemdiem as an HTTP service (JSON, OpenAPI contract at /openapi.json) for portals written in other languages.',
      details: [
        'Stops on SIGTERM or SIGINT once the requests in flight have finished. Access tokens: the KIEMDIEM_TOKENS',
        'environment variable (comma separated) or --tokens-file; without tokens there is no auth. See docs/server.md.',
      ],
      flags: {
        port: 'Port to listen on; 0 picks a free one',
        host: 'Address to listen on (0.0.0.0 to accept other machines)',
        'tokens-file': 'File of access tokens (Bearer), one a line',
        'cors-origin': 'An origin browsers may call from; repeat for more',
        'pdf-workers': 'PDF rendering threads',
        'body-limit': 'Largest JSON request body (MB)',
      },
    },
  },

  rate: {
    title: (periods, regulations) => `QUALITY RATING — ${periods} — ${regulations}`,
    headers: ['#', 'Id', 'Name', 'Audience', 'Total', 'Level'],
    reasons: 'REASONS (✓ met, ✗ failed, • applied, ○ switched off)',
    quota: 'HTXSNV QUOTA BY GROUP',
    over: (max) => `OVER the quota: the competent level decides (at most ${max} can keep HTXSNV)`,
    within: 'within the quota',
    quotaLine: (q) =>
      `- Group ${q.group} (${q.period}${q.exceptional ? `, exceptional ratio ${q.percent} decided by the competent level` : ''}): HTXSNV ${q.excellent}, HTTNV ${q.good}, allowed ${q.allowed} (${q.percent} × ${q.good}, ${q.rounding}) → ${q.verdict}`,
    summary: 'SUMMARY',
    without: (level) => `(setting aside the cases handed over: ${level ?? 'no level reached'})`,
    notRated: 'Not reviewed / not rated',
    invalid: 'INVALID SUBJECTS',
    emptyGroup: '--exceptional-group needs a group name (as in the subjects\' "group")',
    unusedGroup: (g) => `Note: group "${g}" (--exceptional-group) takes no exceptional ratio: no subject is in that group, or the regulation has no exceptional ratio`,
  },
  sheets: {
    columnsNotObject: (file) => `The file ${file} (--columns) must hold a JSON object: {"column header": "field", …}`,
    templateFile: 'Give exactly one file: kiemdiem template FILE.xlsx',
    templateExtension: (file) => `The template file must end in .xlsx: ${file}`,
    templateWritten: (file) => `Member list template written: ${file}`,
    jsonlOutput: '--format jsonl reads JSON Lines; with a spreadsheet use --format json or table',
  },
  plan: {
    title: 'REVIEW PLAN CHECK',
    year: (year) => `year ${year}`,
    none: 'No finding.',
    findings: 'FINDINGS (✗ error, ! warning)',
    summary: 'SUMMARY',
    counts: (errors, warnings) => `- Errors: ${errors}; warnings: ${warnings}`,
    result: (ok) => `- Result: ${ok ? 'the plan meets the rules' : 'the plan does not meet the rules'}`,
    field: (path) => `(field ${path})`,
  },
  rollup: {
    notResults: (file) => `${file} must hold the output of "kiemdiem rate --format json" (an object with "results") or an array of results`,
    notPlans: (file) => `${file} must hold an array of remediation plans, or an object { "plans": [...] }`,
    problems: (invalid, unplaced) => `${invalid} invalid records, ${unplaced} records in no unit of the hierarchy (see "errors", "unplaced")`,
    written: (file, units) => `Wrote ${file} (${units} units)`,
  },
  remediation: {
    notPlans: (file) => `${file} must hold an array of remediation plans, or an object { "plans": [...] }`,
    head: ['Plan', 'Person or collective', 'Year', 'Items', 'Done', 'In progress', 'Not done', 'Not reported', 'Share remedied'],
    total: 'Total',
    basis: '"100 % remedied" condition',
    invalid: (n, total) => `${n}/${total} remediation plans invalid, not counted:`,
    notSubjects: (file) => `${file} must hold an array of subjects`,
  },
  summary: {
    notResults: (file) => `${file} is not the output of "kiemdiem rate --format json": expected an object whose "results" is an array of results (each with id, status, kind, period, reasons)`,
    badResult: (file, i, why) => `${file}: result ${i + 1} is invalid (${why})`,
    notObject: 'not an object',
    badUnit: (file) => `The unit file ${file} must hold a JSON object with "issuer" and "place" (strings), optionally "superior" and "signer": { "authority", "post", "name" }`,
    unwritable: (file, why) => `Cannot write ${file}: ${why}`,
    written: (file, n) => `Wrote ${file} (${n} subjects)`,
    invalidSkipped: (n) => `${n} invalid subjects in the results file are not in the list`,
  },
  test: {
    tally: (passed, failed) => `${passed} passed, ${failed} failed`,
    passedCase: (name) => `✓ ${name}`,
    failedCase: (name, where, problems) => `✗ ${name} (${where}): ${problems.join('; ')}`,
    // The library words the problems in English already.
    problem: describeProblem,
    noCases: (file) => `${file} holds no test case`,
    unknownRegulation: (file, where, reg, known) => `${file}${where}: no regulation "${reg}". Known regulations: ${known.join(', ')}`,
    badExpect: (file, where, value, allowed) => `${file}${where}: invalid value "${value}"; choose one of: ${allowed.join(', ')}`,
  },
  feedback: {
    notRecords: (file) => `${file} must hold an array of feedback records, or an object { "records": [...], "categories"?: ... }`,
    head: ['Category', 'Comments', 'Share', 'Answered', 'Unanswered'],
    targetHead: ['Person or collective', 'Comments', 'Answered', 'Unanswered'],
    total: 'Total',
    basis: 'Categories',
    invalid: (n, total) => `${n}/${total} feedback records invalid, not counted (see "errors")`,
  },
  diffPdf: {
    missingOut: 'The pdf format needs --out FILE.pdf',
    written: (file) => `Wrote ${file}`,
  },
  render: {
    notDocuments: (file) => `${file} must hold a JSON array of documents, or JSON Lines (one document a line)`,
    cannotWrite: (file, why) => `Cannot write ${file}: ${why}`,
    invalidDocument: (n, kind = 'PDF') => `Invalid document (${n} errors), no ${kind} made:`,
    written: (file) => `✓ Wrote ${file}`,
    summary: (rendered, done, failed, dir, seconds, kind = 'PDF') => `Wrote ${rendered}/${done} ${kind} files to ${dir} (${seconds} s)${failed ? `; ${failed} documents failed` : ''}`,
    failedHeading: (kind = 'PDF') => `Documents with no ${kind}:`,
    nth: (n) => `document ${n}`,
    line: (n) => `line ${n}`,
    badLine: (why) => `not valid JSON (${why})`,
    unit: (n) => (n === 1 ? 'document' : 'documents'),
    failedWord: 'failed',
    manifest: (file) => `Manifest: ${file}`,
  },
  forms: {
    head: ['Form id', 'Title', 'Basis', 'Official'],
    official: (official) => (official ? 'yes' : 'reference'),
  },
  validate: {
    valid: '✓ Valid',
    errors: (n) => `✗ ${n} errors`,
  },
  regulations: {
    head: ['Pack id', 'Number', 'From', 'To', 'Title'],
  },
  serve: {
    listening: (url, auth) => `kiemdiem serving at ${url}${auth ? ' (tokens required)' : ''}; contract: ${url}/openapi.json`,
  },
};
