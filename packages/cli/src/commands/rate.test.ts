/**
 * kiemdiem rate with a subject the regulation hands to the competent level (status for-decision) and with
 * --exceptional-group: the words come from the rules locale, the data as the library gives it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locale, rateMany, type QuotaLine, type RateManyOutput } from '@kiemdiem/rules';
import { describe, expect, it } from 'vitest';
import { run } from '../run';

async function call(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-rate-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
/** exceeded 4 of 10 tasks: HTXSNV; 0: HTTNV (the shipped qd-366-2025 pack). */
const subject = (id: string, exceeded: number, group = 'g') => ({
  id, kind: 'individual', audience: 'non-leader', period: { year: 2026 }, group,
  score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded },
});
/** HTXSNV data, but disciplined for a duty-related violation found and remedied by the member: Điều 11 khoản 4 hands it over. */
const handedOver = (id: string, group = 'g') => ({
  ...subject(id, 4, group),
  name: 'Nguyễn Văn Chuyển',
  discipline: [{ form: 'khien-trach', decidedOn: '2026-05-04', dutyRelated: true, selfDetectedAndRemedied: true }],
});
/** Meets no level and no listed KHTNV case (90 % of tasks done): for the competent level once the reading is off. */
const noLevel = { id: 'khong-muc', kind: 'individual', audience: 'non-leader', period: { year: 2026 }, score: { common: 25, tasks: 50 }, tasks: { assigned: 10, completed: 9, onTime: 9, exceeded: 0 } };
const readingOff = file('reading-off.json', {
  kind: 'overlay', id: 'doc-khac', extends: 'qd-366-2025', title: { vi: 'Thử', en: 'Test' }, issuer: 'Thử', signedOn: '2026-11-01',
  citation: { document: '1-HD/TU' }, provenance: 'unverified',
  parameters: { 'reading.noLevelIsKHTNV': { value: false, citation: { document: '1-HD/TU' }, provenance: 'unverified' } },
});
const mixed = file('for-decision.json', [handedOver('fd'), subject('xs', 4), subject('tt', 0)]);

const WORD = { vi: locale('vi').statuses['for-decision'], en: locale('en').statuses['for-decision'] };

describe('kiemdiem rate: a subject for the competent level to decide', () => {
  it('is a valid outcome: exit 0, and the JSON carries status, level null and decision as the library gives them', async () => {
    const r = await call('rate', '--input', mixed);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as RateManyOutput;
    expect(out.results[0]).toMatchObject({ id: 'fd', status: 'for-decision', level: null, decision: { without: 'HTXSNV', rules: [expect.any(String)] } });
    // Byte for byte what the library gives, decision included.
    const library = await rateMany([handedOver('fd'), subject('xs', 4), subject('tt', 0)]);
    expect(r.stdout).toBe(`${JSON.stringify(library, null, 2)}\n`);
    // The rules that handed it over are among its reasons, at the referral stage.
    for (const rule of out.results[0]!.decision!.rules) expect(out.results[0]!.reasons.find((x) => x.rule === rule)).toMatchObject({ stage: 'refer', outcome: 'applied' });
    // Not counted in the quota: 1 HTXSNV (xs), 1 HTTNV (tt).
    expect(out.quota[0]).toMatchObject({ group: 'g', excellent: 1, good: 1 });
  });

  it.each([
    ['vi', '(nếu không tính các trường hợp chuyển: HTXSNV)', 'Không kiểm điểm / không xếp loại: 0'],
    ['en', '(setting aside the cases handed over: HTXSNV)', 'Not reviewed / not rated: 0'],
  ] as const)('shows it in the table in the rules\' words, with the level without the cases handed over (%s)', async (lang, without, notRated) => {
    const r = await call('rate', '--input', mixed, '--format', 'table', '--lang', lang);
    expect(r.code, r.stderr).toBe(0);
    const row = r.stdout.split('\n').find((l) => /^1 +fd /.test(l));
    expect(row).toMatch(new RegExp(`93 +${WORD[lang]} \\${without.slice(0, -1)}\\)$`));
    expect(r.stdout).toContain(`1. Nguyễn Văn Chuyển (fd): ${WORD[lang]} ${without}`);
    // Counted on a line of its own, not with the subjects who were not reviewed or not rated.
    expect(r.stdout).toContain(`- ${WORD[lang]}: 1\n`);
    expect(r.stdout).toContain(`- ${notRated}\n`);
    expect(r.stdout).toContain('(HTXSNV): 1\n');
  });

  it.each([
    ['vi', '(nếu không tính các trường hợp chuyển: không đạt mức nào)'],
    ['en', '(setting aside the cases handed over: no level reached)'],
  ] as const)('says so when the rules give no level without the cases handed over (decision.without null, %s)', async (lang, without) => {
    const input = file('no-level.json', [noLevel]);
    const json = JSON.parse((await call('rate', '--input', input, '--overlay', readingOff)).stdout) as RateManyOutput;
    expect(json.results[0]).toMatchObject({ status: 'for-decision', level: null, decision: { without: null } });
    const r = await call('rate', '--input', input, '--overlay', readingOff, '--format', 'table', '--lang', lang);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`1. khong-muc (khong-muc): ${WORD[lang]} ${without}`);
  });

  it('writes decision in --format jsonl as JSON.stringify does, and exits 0', async () => {
    const lines = [handedOver('fd'), subject('xs', 4), subject('tt', 0)].map((s) => JSON.stringify(s)).join('\n');
    const r = await call('rate', '--input', file('fd.jsonl', `${lines}\n`), '--format', 'jsonl');
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    const library = await rateMany([handedOver('fd'), subject('xs', 4), subject('tt', 0)]);
    expect(out.slice(0, 3)).toEqual(library.results.map((x) => JSON.stringify(x)));
    expect(JSON.parse(out[3]!)).toEqual({ quota: library.quota, counts: { records: 3, rated: 3, invalid: 0 } });
  });
});

describe('kiemdiem rate --exceptional-group', () => {
  // Two groups of 8 HTTNV and 2 HTXSNV: 20 % allows floor(1.6) = 1, the exceptional 25 % floor(2) = 2.
  const group = (name: string, prefix: string) => [...Array.from({ length: 8 }, (_, i) => subject(`${prefix}-tt-${i}`, 0, name)), subject(`${prefix}-xs-1`, 4, name), subject(`${prefix}-xs-2`, 4, name)];
  const input = file('groups.json', [...group('Tổ Một', 'a'), ...group('Tổ Hai', 'b')]);
  const lineOf = (quota: QuotaLine[], name: string) => quota.find((q) => q.group === name)!;

  it('gives the named group the exceptional ratio, and only that group (NFC: a decomposed name finds it)', async () => {
    const plain = JSON.parse((await call('rate', '--input', input)).stdout) as RateManyOutput;
    expect(lineOf(plain.quota, 'Tổ Một')).toMatchObject({ good: 8, excellent: 2, ratio: 0.2, allowed: 1, maxExcellent: 1, over: true });
    expect(plain.quota.some((q) => 'exceptional' in q)).toBe(false);

    const r = await call('rate', '--input', input, '--exceptional-group', 'Tổ Một'.normalize('NFD'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as RateManyOutput;
    expect(lineOf(out.quota, 'Tổ Một')).toMatchObject({ good: 8, excellent: 2, ratio: 0.25, allowed: 2, maxExcellent: 2, over: false, exceptional: true });
    expect(lineOf(out.quota, 'Tổ Hai')).toEqual(lineOf(plain.quota, 'Tổ Hai'));
    expect(out.results).toEqual(plain.results);
  });

  it('takes the flag more than once, and in --format jsonl', async () => {
    const lines = [...group('Tổ Một', 'a'), ...group('Tổ Hai', 'b')].map((s) => JSON.stringify(s)).join('\n');
    const r = await call('rate', '--input', file('groups.jsonl', lines), '--format', 'jsonl', '--exceptional-group', 'Tổ Một', '--exceptional-group', 'Tổ Hai');
    expect(r.code, r.stderr).toBe(0);
    const last = JSON.parse(r.stdout.trimEnd().split('\n').pop()!) as { quota: QuotaLine[] };
    expect(last.quota.map((q) => [q.group, q.allowed, q.maxExcellent, q.exceptional])).toEqual([
      ['Tổ Một', 2, 2, true],
      ['Tổ Hai', 2, 2, true],
    ]);
  });

  it.each([
    ['vi', '- Nhóm Tổ Một (năm 2026, tỷ lệ ngoại lệ 25 % do cấp có thẩm quyền quyết định): HTXSNV 2, HTTNV 8, được phép 2 (25 % × 8, làm tròn xuống) → trong tỷ lệ', '- Nhóm Tổ Hai (năm 2026): HTXSNV 2, HTTNV 8, được phép 1 (20 % × 8'],
    ['en', '- Group Tổ Một (year 2026, exceptional ratio 25 % decided by the competent level): HTXSNV 2, HTTNV 8, allowed 2 (25 % × 8, rounded down) → within the quota', '- Group Tổ Hai (year 2026): HTXSNV 2, HTTNV 8, allowed 1 (20 % × 8'],
  ] as const)('marks the exceptional group in the table (%s)', async (lang, exceptional, plain) => {
    const r = await call('rate', '--input', input, '--format', 'table', '--lang', lang, '--exceptional-group', 'Tổ Một');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${exceptional}\n`);
    expect(r.stdout).toContain(plain);
  });

  it('warns about a group no quota line took, without failing', async () => {
    const r = await call('rate', '--input', input, '--exceptional-group', 'Tổ Ba', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Note: group "Tổ Ba" (--exceptional-group) takes no exceptional ratio: no subject is in that group, or the regulation has no exceptional ratio\n');
    expect((JSON.parse(r.stdout) as RateManyOutput).quota.some((q) => q.exceptional)).toBe(false);
  });

  it('refuses an empty group name (exit 2)', async () => {
    const r = await call('rate', '--input', input, '--exceptional-group', ' ');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kiemdiem: --exceptional-group cần tên nhóm (như "group" của đối tượng)\n');
  });
});
