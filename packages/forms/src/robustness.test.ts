/**
 * Documents built to hurt: nested far deeper than any form, containing themselves, tables far past their
 * maximum rows, thousands of problems. Validation answers each with errors, in time linear in the document,
 * and never throws.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendErrorsInPlace } from '../scripts/ajv-standalone';
import { checkForm, exampleFor, validate } from './index';
import { MAX_ERRORS } from './validate';

type Doc = Record<string, any>;
const FORM = 'hd43-2025/02b';
const example = () => exampleFor(FORM) as Doc;

/** { a: { a: … depth levels … } } built without recursion. */
function nested(depth: number): Doc {
  const root: Doc = {};
  let cur = root;
  for (let i = 1; i < depth; i++) cur = cur.a = {};
  return root;
}

describe('depth and cycles', () => {
  it('answers a document nested 20,000 deep with one too-deep error instead of overflowing the stack', async () => {
    const doc = example();
    doc.A.VI = nested(20_000);
    const checked = checkForm(FORM, doc);
    expect(checked.errors).toEqual([
      { path: `/A/VI${'/a'.repeat(62)}`, code: 'too-deep', message: `Văn bản lồng nhau quá 64 cấp (tại /A/VI${'/a'.repeat(62)})` },
    ]);
    const r = await validate(FORM, doc, { lang: 'en' });
    expect(r).toMatchObject({ valid: false, warnings: [] });
    expect(r.errors.map((e) => [e.code, e.message.slice(0, 42)])).toEqual([['too-deep', 'The document nests more than 64 levels dee']]);
    // Deep arrays too, and at the root.
    expect(checkForm(FORM, JSON.parse('['.repeat(20_000) + ']'.repeat(20_000))).errors.map((e) => e.code)).toEqual(['too-deep']);
  });

  it('answers an object that contains itself with a cycle error at the pointer where it does', async () => {
    const doc = example();
    doc.B.evidence[1].self = doc.B;
    const r = await validate(FORM, doc);
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([{ path: '/B/evidence/1/self', code: 'cycle', message: 'Văn bản có tham chiếu vòng: đối tượng tại /B/evidence/1/self chứa chính nó' }]);
  });

  it('lets the same object appear twice without a cycle, and walks a widely shared one once', () => {
    const doc = example();
    doc.B.evidence = [doc.B.evidence[0], doc.B.evidence[0]];
    expect(checkForm(FORM, doc).errors).toEqual([]);
    /** `levels` objects, each holding the next twice: 2^levels paths through them. */
    const doubling = (levels: number) => {
      let shared: Doc = { leaf: 1 };
      for (let i = 0; i < levels; i++) shared = { l: shared, r: shared };
      return shared;
    };
    const t0 = performance.now();
    expect(checkForm(FORM, { x: doubling(70) }).errors.map((e) => e.code)).toEqual(['too-deep']);
    // Shallow enough, but a billion objects once written out: copying it would never end.
    expect(checkForm(FORM, { x: doubling(30) }, { lang: 'en' }).errors).toEqual([
      { path: expect.stringMatching(/^\/x(\/[lr])+$/), code: 'too-large', message: expect.stringMatching(/^The document has more than 1,000,000 objects and lists \(went past at \/x\//) },
    ]);
    expect(checkForm(FORM, { x: doubling(30) }).errors[0]!.message).toMatch(/^Văn bản có hơn 1\.000\.000 nhóm trường và danh sách/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('accepts a document as deep as the forms go', () => {
    expect(checkForm(FORM, example()).errors).toEqual([]);
    expect(checkForm(FORM, { ...example(), extra: nested(60) }).errors.map((e) => e.code)).toEqual(['unknown-field']);
  });
});

describe('long tables and long error lists', () => {
  /** The example with `n` evidence rows, every other one wrong twice (a value not allowed, a field missing). */
  function withRows(n: number): Doc {
    const doc = example();
    const row = { task: 'Xây dựng báo cáo', completed: 'hoan-thanh', onTime: 'dung-tien-do', exceeded: 'khong' };
    doc.B.evidence = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? { ...row } : { task: row.task, completed: 'xong', onTime: 'dung-tien-do' }));
    return doc;
  }

  it('refuses a table past its maximum rows at once, and looks no further than the rows allowed', () => {
    const { errors } = checkForm(FORM, withRows(16_000));
    expect(errors).toContainEqual({ path: '/B/evidence', code: 'too-many-rows', message: '"Phụ lục kết quả thực hiện nhiệm vụ (sản phẩm, tiến độ, chất lượng)" có tối đa 50 dòng' });
    const rows = errors.map((e) => /^\/B\/evidence\/(\d+)\//.exec(e.path)?.[1]).filter((i) => i !== undefined).map(Number);
    expect(rows.length).toBe(50); // 25 wrong rows of the first 50, two problems each
    expect(Math.max(...rows)).toBe(49);
  });

  it('lists at most 100 problems and says how many more there are', () => {
    const doc = withRows(50);
    for (let i = 0; i < 120; i++) doc[`extra${i}`] = i;
    const { errors } = checkForm(FORM, doc, { lang: 'en' });
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(MAX_ERRORS).toBe(100);
    expect(errors[MAX_ERRORS]).toEqual({ path: '', code: 'more-errors', omitted: 70, message: '70 more problems not listed' });
    expect(checkForm(FORM, doc).errors[MAX_ERRORS]!.message).toBe('Còn 70 lỗi khác không liệt kê');
  });

  it('takes time linear in the rows: 16,000 wrong rows or 100,000 unknown fields validate in well under a second', () => {
    const big = withRows(16_000);
    const fields = example();
    for (let i = 0; i < 100_000; i++) fields.B[`k${i}`] = i;
    checkForm(FORM, withRows(100));
    const t0 = performance.now();
    expect(checkForm(FORM, big).errors).toHaveLength(51);
    expect(checkForm(FORM, fields).errors).toHaveLength(MAX_ERRORS + 1);
    // Before: 16,000 wrong rows took seconds (every row's errors copied the list so far), growing with the square.
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('the precompiled validators append errors in place; the generator fails loudly if ajv changes how it gathers them', () => {
    const code = readFileSync(new URL('./generated/validators.js', import.meta.url), 'utf8');
    expect(code).not.toMatch(/vErrors\.concat/);
    expect(code).toMatch(/for \(const e of validate\d+\.errors\) vErrors\.push\(e\);/);
    expect(appendErrorsInPlace('{vErrors = vErrors === null ? validate7.errors : vErrors.concat(validate7.errors);errors = vErrors.length;}')).toBe(
      '{if (vErrors === null) vErrors = []; for (const e of validate7.errors) vErrors.push(e);errors = vErrors.length;}',
    );
    expect(() => appendErrorsInPlace('vErrors = vErrors.concat(x)')).toThrow(/revisit appendErrorsInPlace/);
  });
});
