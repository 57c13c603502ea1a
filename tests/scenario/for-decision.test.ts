/**
 * QĐ 366 Điều 11 hands some cases to the competent level ("cấp có thẩm quyền xem xét, quyết định"): the built
 * `kiemdiem` shows such a subject (status for-decision) in every output, in the words of the rules locale, and
 * treats it as a valid outcome (exit 0). --exceptional-group gives a group the exceptional HTXSNV ratio
 * (25 % of HTTNV instead of 20 %, Điều 11 khoản 1). Expectations come from the inputs and the text's numbers;
 * where the output must be "as the library gives it", the built @kiemdiem/rules is asked.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, READ_BACK } from '../../packages/reports/test/poppler';
import { expectNoStackTrace, kiemdiem, loadRulesEsm } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'kd-for-decision-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};

/** The rules locale's word for the status (the CLI must not have its own). */
const WORD = { vi: 'Cấp có thẩm quyền xem xét, quyết định', en: 'For the competent level to decide' } as const;

/** 10 of 10 tasks done on time; 4 exceeded (≥ 30 %): HTXSNV; none exceeded: HTTNV. Total 93 either way. */
const member = (id: string, exceeded: number, group = 'to-1') => ({
  id, kind: 'individual', audience: 'non-leader', period: { year: 2026 }, group, membership: { admittedOn: '2010-03-15' },
  score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded },
});
/** HTXSNV data, disciplined (khiển trách) for a duty-related violation the member found and remedied: khoản 4 hands it over. */
const handedOver = (id: string, group = 'to-1') => ({
  ...member(id, 4, group),
  name: 'Lê Thị Chuyển',
  discipline: [{ form: 'khien-trach', decidedOn: '2026-05-04', dutyRelated: true, selfDetectedAndRemedied: true }],
});

interface Line {
  id?: string;
  status?: string;
  level?: string | null;
  decision?: { without: string | null; rules: string[] };
  group?: string;
  quota?: Array<{ group: string; excellent: number; good: number; allowed: number; maxExcellent: number; over: boolean; ratio: number; exceptional?: true }>;
  counts?: { records: number; rated: number; invalid: number };
}
interface RateJson {
  results: Line[];
  quota: NonNullable<Line['quota']>;
  errors: unknown[];
}

const SMALL = [handedOver('fd-1'), member('xs-1', 4), member('tt-1', 0)];
const small = write('small.json', SMALL);

describe('rate: a subject for the competent level to decide', () => {
  it('json: status for-decision, level null, decision as the library gives it; exit 0; not counted in the quota', async () => {
    const r = kiemdiem('rate', '--input', small);
    expectNoStackTrace(r.stderr);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as RateJson;
    expect(out.errors).toEqual([]);
    expect(out.results[0]).toMatchObject({ id: 'fd-1', status: 'for-decision', level: null, decision: { without: 'HTXSNV' } });
    expect(out.results[0]!.decision!.rules.length).toBeGreaterThan(0);
    const rules = await loadRulesEsm();
    expect(out).toEqual(JSON.parse(JSON.stringify(await rules.rateMany(SMALL))));
    // The group has xs-1 (HTXSNV) and tt-1 (HTTNV); fd-1 is in neither count.
    expect(out.quota).toEqual([expect.objectContaining({ group: 'to-1', excellent: 1, good: 1 })]);
  });

  it.each([
    ['vi', '(nếu không tính các trường hợp chuyển: HTXSNV)'],
    ['en', '(setting aside the cases handed over: HTXSNV)'],
  ] as const)('table (%s): the row, the reasons heading and the counts say it, with the level without the cases handed over', (lang, without) => {
    const r = kiemdiem('rate', '--input', small, '--format', 'table', '--lang', lang);
    expectNoStackTrace(r.stderr);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    const row = lines.find((l) => /^1\s+fd-1\s/.test(l))!;
    // Columns are two spaces or more apart; the cell's words one space apart.
    expect(row.trimEnd().split(/ {2,}/).slice(2)).toEqual(['Lê Thị Chuyển', lang === 'vi' ? 'Không giữ chức vụ' : 'No leadership post', '93', `${WORD[lang]} ${without}`]);
    expect(lines).toContain(`1. Lê Thị Chuyển (fd-1): ${WORD[lang]} ${without}`);
    expect(lines).toContain(`- ${WORD[lang]}: 1`);
    // The not-reviewed line no longer counts it.
    expect(lines.find((l) => /^- (Không kiểm điểm|Not reviewed)/.test(l))).toMatch(/: 0$/);
    expect(lines.filter((l) => /\((HTXSNV|HTTNV|HTNV|KHTNV)\): \d+$/.test(l)).map((l) => l.split(': ').pop())).toEqual(['1', '1', '0', '0']);
  });

  describe('jsonl, on the main thread and on two worker threads', () => {
    /** Enough lines for several 1 MB chunks, so both workers rate some: every 7th is handed over. */
    const many = Array.from({ length: 9000 }, (_, i) => (i % 7 === 3 ? handedOver(`fd-${i}`, `to-${i % 5}`) : member(`m-${i}`, i % 3 === 0 ? 4 : 0, `to-${i % 5}`)));
    let input = '';
    let one: ReturnType<typeof kiemdiem>;
    let two: ReturnType<typeof kiemdiem>;
    beforeAll(() => {
      input = write('many.jsonl', `${many.map((s) => JSON.stringify(s)).join('\n')}\n`);
      expect(readFileSync(input).length).toBeGreaterThan(2 << 20);
      one = kiemdiem('rate', '--input', input, '--format', 'jsonl');
      two = kiemdiem('rate', '--input', input, '--format', 'jsonl', '--workers', '2');
    });

    it('exits 0 and writes the same bytes with one thread or two', () => {
      for (const r of [one, two]) {
        expectNoStackTrace(r.stderr);
        expect(r.status).toBe(0);
        expect(r.stderr).toBe('');
      }
      expect(two.stdout).toBe(one.stdout);
    });

    it('writes each result line as JSON.stringify of what the library gives, decision included, reasons last', async () => {
      const rules = await loadRulesEsm();
      const lines = one.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(many.length + 1);
      const rater = rules.createRater();
      const handed = many.flatMap((s, i) => (i % 7 === 3 ? [i] : []));
      for (const i of handed) {
        const o = rater.rate(many[i], i);
        expect(o.ok).toBe(true);
        if (o.ok) expect(lines[i]).toBe(JSON.stringify(o.result));
        const line = JSON.parse(lines[i]!) as Line;
        expect(line).toMatchObject({ status: 'for-decision', level: null, decision: { without: 'HTXSNV' } });
        expect(Object.keys(line).at(-1)).toBe('reasons');
      }
      const last = JSON.parse(lines.at(-1)!) as Line;
      expect(last.counts).toEqual({ records: many.length, rated: many.length, invalid: 0 });
      // The quota counts only rated HTXSNV/HTTNV: the handed-over subjects are in neither.
      const byGroup = new Map<string, { excellent: number; good: number }>();
      many.forEach((s, i) => {
        const g = byGroup.get(s.group) ?? { excellent: 0, good: 0 };
        if (i % 7 !== 3) s.tasks.exceeded === 4 ? (g.excellent += 1) : (g.good += 1);
        byGroup.set(s.group, g);
      });
      expect(last.quota!.map((q) => [q.group, q.excellent, q.good])).toEqual([...byGroup].map(([g, c]) => [g, c.excellent, c.good]));
    });
  });
});

describe('rate --exceptional-group', () => {
  // Each group: 8 HTTNV, 2 HTXSNV. 20 %: allowed floor(1.6) = 1, over; 25 %: floor(2) = 2, within.
  const group = (name: string) => [...Array.from({ length: 8 }, (_, i) => member(`${name}-tt-${i}`, 0, name)), member(`${name}-xs-1`, 4, name), member(`${name}-xs-2`, 4, name)];
  const SUBJECTS = [...group('Tổ Một'), ...group('Tổ Hai')];
  const input = write('groups.json', SUBJECTS);
  const jsonl = write('groups.jsonl', `${SUBJECTS.map((s) => JSON.stringify(s)).join('\n')}\n`);
  const TWENTY = { excellent: 2, good: 8, ratio: 0.2, allowed: 1, maxExcellent: 1, over: true };
  const TWENTY_FIVE = { excellent: 2, good: 8, ratio: 0.25, allowed: 2, maxExcellent: 2, over: false, exceptional: true };

  it('json: the named group takes 25 % and is marked exceptional; the other keeps 20 % and no mark', () => {
    const plain = JSON.parse(kiemdiem('rate', '--input', input).stdout) as RateJson;
    expect(plain.quota).toEqual([expect.objectContaining({ group: 'Tổ Một', ...TWENTY }), expect.objectContaining({ group: 'Tổ Hai', ...TWENTY })]);
    expect(plain.quota.every((q) => !('exceptional' in q))).toBe(true);
    // Typed decomposed (NFD), as some keyboards send it: still the group the results carry (NFC).
    const r = kiemdiem('rate', '--input', input, '--exceptional-group', 'Tổ Một'.normalize('NFD'));
    expectNoStackTrace(r.stderr);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as RateJson;
    expect(out.quota[0]).toMatchObject({ group: 'Tổ Một', ...TWENTY_FIVE });
    expect(out.quota[1]).toEqual(plain.quota[1]);
    expect(out.results).toEqual(plain.results);
  });

  it.each([['1'], ['2']])('jsonl with %s worker(s): the same quota on the last line', (workers) => {
    const r = kiemdiem('rate', '--input', jsonl, '--format', 'jsonl', '--workers', workers, '--exceptional-group', 'Tổ Hai');
    expectNoStackTrace(r.stderr);
    expect(r.status).toBe(0);
    const last = JSON.parse(r.stdout.trimEnd().split('\n').pop()!) as Line;
    expect(last.quota).toEqual([expect.objectContaining({ group: 'Tổ Một', ...TWENTY }), expect.objectContaining({ group: 'Tổ Hai', ...TWENTY_FIVE })]);
    expect('exceptional' in last.quota![0]!).toBe(false);
  });

  it.each([
    ['vi', '- Nhóm Tổ Một (năm 2026, tỷ lệ ngoại lệ 25 % do cấp có thẩm quyền quyết định): HTXSNV 2, HTTNV 8, được phép 2 (25 % × 8, làm tròn xuống) → trong tỷ lệ', /^- Nhóm Tổ Hai \(năm 2026\): HTXSNV 2, HTTNV 8, được phép 1 \(20 % × 8, .*VƯỢT tỷ lệ.*tối đa giữ được 1\)$/],
    ['en', '- Group Tổ Một (year 2026, exceptional ratio 25 % decided by the competent level): HTXSNV 2, HTTNV 8, allowed 2 (25 % × 8, rounded down) → within the quota', /^- Group Tổ Hai \(year 2026\): HTXSNV 2, HTTNV 8, allowed 1 \(20 % × 8, .*OVER the quota.*at most 1 can keep HTXSNV\)$/],
  ] as const)('table (%s): the exceptional group is marked, the other is not', (lang, exceptional, plain) => {
    const r = kiemdiem('rate', '--input', input, '--format', 'table', '--lang', lang, '--exceptional-group', 'Tổ Một');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(exceptional);
    expect(lines.filter((l) => plain.test(l))).toHaveLength(1);
  });

  it('warns on stderr about a group that took no exceptional ratio, and exits 0', () => {
    const r = kiemdiem('rate', '--input', input, '--exceptional-group', 'Tổ Ba');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('"Tổ Ba"');
    expect(r.stderr).toContain('--exceptional-group');
  });
});

describe('the other commands with such results', () => {
  let results = '';
  beforeAll(() => {
    const r = kiemdiem('rate', '--input', small, '--exceptional-group', 'to-1');
    expect(r.status).toBe(0);
    results = write('results.json', r.stdout);
  });

  it.skipIf(!READ_BACK)('summary writes the PDF with the handed-over subject in it (exit 0)', () => {
    for (const lang of ['vi', 'en']) {
      const pdf = join(dir, `summary-${lang}.pdf`);
      const r = kiemdiem('summary', '--input', results, '--out', pdf, '--lang', lang);
      expectNoStackTrace(r.stderr);
      expect(r.status).toBe(0);
      const text = pdfText(pdf);
      expect(text).toContain('Lê Thị Chuyển');
      expect(text).toContain('xs-1');
    }
  });

  it('rollup keeps working: the handed-over record is counted or reported, never dropped, and the exit code says which', () => {
    const units = write('units.json', [{ id: 'cb', name: 'Chi bộ Thử', level: 'chi-bo', members: SMALL.map((s) => s.id) }]);
    const r = kiemdiem('rollup', '--input', results, '--hierarchy', units);
    expectNoStackTrace(r.stderr);
    const out = JSON.parse(r.stdout) as { accounted: { results: { input: number; placed: number; unplaced: number; invalid: number } }; errors: Array<{ source: string; index: number }> };
    const a = out.accounted.results;
    expect(a.input).toBe(3);
    expect(a.placed + a.unplaced + a.invalid).toBe(3);
    // Each invalid record has its errors in the output (one or more per record).
    expect(a.invalid).toBe(new Set(out.errors.filter((e) => e.source === 'results').map((e) => e.index)).size);
    expect(r.status).toBe(a.invalid + a.unplaced > 0 ? 1 : 0);
  });

  it('diff shows who leaves or enters the competent level\'s hands (json, md; exit 0)', () => {
    const overlay = write('khong-chuyen.json', {
      kind: 'overlay', id: 'khong-chuyen', extends: 'qd-366-2025', title: { vi: 'Thử', en: 'Test' }, issuer: 'Thử', signedOn: '2026-11-01',
      citation: { document: '1-HD/TU' }, provenance: 'unverified',
      disabledRules: [{ rule: JSON.parse(readFileSync(results, 'utf8')).results[0].decision.rules[0], reason: { vi: 'thử', en: 'test' }, citation: { document: '1-HD/TU' }, provenance: 'unverified' }],
    });
    const r = kiemdiem('diff', '--from', 'qd-366-2025', '--to', `qd-366-2025+${overlay}`, '--input', small);
    expectNoStackTrace(r.stderr);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { impact: { total: number; changed: Array<{ id: string; from: { status: string; level: string | null }; to: { status: string; level: string | null } }> } };
    expect(report.impact.total).toBe(3);
    expect(report.impact.changed).toEqual([
      expect.objectContaining({ id: 'fd-1', from: expect.objectContaining({ status: 'for-decision', level: null, decision: expect.objectContaining({ without: 'HTXSNV' }) }), to: { status: 'rated', level: 'HTXSNV' } }),
    ]);
    const md = kiemdiem('diff', '--from', 'qd-366-2025', '--to', `qd-366-2025+${overlay}`, '--input', small, '--format', 'md', '--lang', 'en');
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^\| fd-1 \|/m);
  });
});

describe('test: cases that expect the competent level to decide', () => {
  const subject = { ...handedOver('c-1') };
  const cases = write('cases.yaml', [
    'regulation: qd-366-2025',
    'cases:',
    `  - { name: handed over, subject: ${JSON.stringify(subject)}, expect: { status: for-decision, level: null, decision: { without: HTXSNV } } }`,
    `  - { name: wrong level set aside, subject: ${JSON.stringify(subject)}, expect: { status: for-decision, decision: { without: HTTNV, rules: [no.such-rule] } } }`,
  ].join('\n'));

  it('passes the right expectation, and prints the library\'s failure text for the wrong one (exit 1)', async () => {
    // --lang en: the CLI words the problems as the library's English failures do.
    const r = kiemdiem('test', cases, '--lang', 'en');
    expectNoStackTrace(r.stderr);
    expect(r.status).toBe(1);
    const rules = await loadRulesEsm();
    const { parse } = await import('yaml');
    const [good, bad] = await rules.runCases(rules.readCases(parse(readFileSync(cases, 'utf8')), cases), { lang: 'vi' });
    expect(good!.passed).toBe(true);
    expect(bad!.failures).toEqual([expect.stringMatching(/^decision\.without: expected HTTNV, got HTXSNV$/), expect.stringMatching(/^decision\.rules: no\.such-rule is not among /)]);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual([`✗ wrong level set aside (${cases}): ${bad!.failures.join('; ')}`, '1 passed, 1 failed']);
  });
});
