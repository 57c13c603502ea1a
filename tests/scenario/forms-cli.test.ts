/** kiemdiem forms … and kiemdiem validate, through the built binary. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, kiemdiem } from './helpers';

const IDS = [
  'hd43-2025/01', 'hd43-2025/02a', 'hd43-2025/02b', 'hd43-2025/02c', 'hd43-2025/05',
  'hd25-2023/01', 'hd25-2023/02a', 'hd25-2023/02b',
  'ref/bien-ban-hoi-nghi', 'ref/phieu-bieu-quyet', 'ref/ke-hoach-khac-phuc', 'ref/phieu-gop-y', 'ref/nhan-xet-noi-cu-tru', 'ref/tong-hop-xep-loai',
];
const dir = mkdtempSync(join(tmpdir(), 'kd-forms-'));
const file = (name: string, value: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(value));
  return p;
};

describe('kiemdiem forms', () => {
  it('lists every form as { id, title, basis, official }', () => {
    const r = kiemdiem('forms', 'list', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; title: string; basis: string; official: boolean }>;
    expect(list.map((f) => f.id).sort()).toEqual([...IDS].sort());
    for (const f of list) {
      expect(Object.keys(f).sort()).toEqual(['basis', 'id', 'official', 'title']);
      expect(f.official).toBe(!f.id.startsWith('ref/'));
    }
  });

  it.each(IDS)('%s: the example validates through the CLI, and a broken one exits 1 naming the field', (id) => {
    const example = kiemdiem('forms', 'example', id);
    expect(example.status, example.stderr).toBe(0);
    const doc = JSON.parse(example.stdout) as Record<string, unknown>;
    const ok = kiemdiem('validate', '--form', id, '--input', file(`${id.replace('/', '_')}.json`, doc));
    expect(ok.status, ok.stdout).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, errors: [] });
    const bad = kiemdiem('validate', '--form', id, '--input', file(`${id.replace('/', '_')}-bad.json`, { ...doc, truongLa: 1, header: undefined }), '--lang', 'en');
    expect(bad.status).toBe(1);
    const out = JSON.parse(bad.stdout) as { valid: boolean; errors: Array<{ path: string; message: string }> };
    expect(out.valid).toBe(false);
    expect(out.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/truongLa', message: 'Field "truongLa" is not part of the form' })]));
  });

  it('prints the schema for a context, and both UI schemas', () => {
    const ctx = file('ctx.json', { shortcomings: { identified: 2 } });
    const schema = JSON.parse(kiemdiem('forms', 'schema', 'hd43-2025/02b', '--context', ctx).stdout);
    expect(schema.properties.A.properties.III.properties.items.minItems).toBe(2);
    const jf = JSON.parse(kiemdiem('forms', 'schema', 'hd43-2025/02b', '--ui', 'jsonforms').stdout);
    expect(jf.type).toBe('VerticalLayout');
    const rjsf = JSON.parse(kiemdiem('forms', 'schema', 'hd43-2025/02b', '--ui', 'rjsf', '--lang', 'en').stdout);
    expect(rjsf['ui:order']).toEqual(Object.keys(schema.properties));
  });

  it('warns when the proposed level is higher than the document supports', () => {
    const doc = JSON.parse(kiemdiem('forms', 'example', 'hd43-2025/02b').stdout);
    doc.B.I = { common: 27, tasks: 58, total: 85 };
    const r = kiemdiem('validate', '--form', 'hd43-2025/02b', '--input', file('low.json', doc));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { warnings: Array<{ message: string }> };
    expect(out.warnings.map((w) => w.message)).toContain('HTXSNV cần tổng điểm từ 90 trở lên; đạt 85');
  });

  it('answers a document nested 20,000 deep with a too-deep error and exit 1, not a stack overflow', () => {
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `${'{"A":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    const r = kiemdiem('validate', '--form', 'hd43-2025/02b', '--input', deep, '--lang', 'en');
    expect(r.status, r.stderr).toBe(1);
    expectNoStackTrace(r.stderr);
    const out = JSON.parse(r.stdout) as { valid: boolean; errors: Array<{ path: string; code: string; message: string }> };
    expect(out.valid).toBe(false);
    expect(out.errors).toEqual([{ path: `${'/A'.repeat(64)}`, code: 'too-deep', message: `The document nests more than 64 levels deep (at ${'/A'.repeat(64)})` }]);
  });

  it('refuses characters the PDF font cannot print, and impossible dates, naming the fields, before anything is printed', () => {
    const doc = JSON.parse(kiemdiem('forms', 'example', 'hd43-2025/02b').stdout);
    doc.identity.fullName = 'Nguyễn Văn An 😀';
    doc.identity.birthDate = '2099-01-01';
    doc.header.year = 2030;
    const input = file('unprintable.json', doc);
    const r = kiemdiem('validate', '--form', 'hd43-2025/02b', '--input', input);
    expect(r.status, r.stderr).toBe(1);
    expect((JSON.parse(r.stdout) as { errors: Array<{ path: string; code: string }> }).errors.map((e) => [e.path, e.code])).toEqual([
      ['/identity/fullName', 'unsupported-character'],
      ['/header/year', 'year-mismatch'],
      ['/identity/birthDate', 'impossible-date'],
    ]);
    const pdf = join(dir, 'unprintable.pdf');
    const render = kiemdiem('render', '--form', 'hd43-2025/02b', '--input', input, '--out', pdf);
    expect(render.status).toBe(1);
    expect(render.stderr).toContain('U+1F600');
    expect(existsSync(pdf)).toBe(false);
    expectNoStackTrace(render.stderr);
  });

  it.each([
    [['forms', 'schema', 'hd99/01'], /hd99\/01/],
    [['forms', 'bogus'], /forms/],
    [['forms', 'schema', 'hd43-2025/02b', '--ui', 'react'], /--ui/],
    [['validate', '--form', 'hd43-2025/02b'], /--input/],
    [['validate', '--input', 'x.json'], /hd43-2025\/02b|mã mẫu/],
  ])('exits 2 for %j', (args, message) => {
    const r = kiemdiem(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expectNoStackTrace(r.stderr);
  });
});
