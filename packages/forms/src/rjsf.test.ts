import { exampleFor, schemaFor, uiSchemaFor, validate } from '@kiemdiem/forms';
import { createSchemaUtils, TranslatableString, type RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { rjsfTranslateString, rjsfValidator } from './rjsf';

const ID = 'hd43-2025/02b';
const schema = schemaFor(ID) as RJSFSchema;

function broken(): Record<string, any> {
  const doc = structuredClone(exampleFor(ID)) as Record<string, any>;
  delete doc.identity.fullName;
  doc.B.I.common = 31;
  return doc;
}

describe('rjsfValidator', () => {
  it('gives exactly validate’s errors, in Vietnamese and in English, under the fields they name', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const doc = broken();
      const expected = (await validate(ID, doc, { lang })).errors;
      const { errors, errorSchema } = rjsfValidator(ID, { lang }).validateFormData(doc, schema);
      expect(errors.map((e) => e.message)).toEqual(expected.map((e) => e.message));
      expect(errors.map((e) => e.property)).toContain('.identity.fullName');
      const es = errorSchema as any;
      expect(es.identity.fullName.__errors).toEqual([expected.find((e) => e.path === '/identity/fullName')!.message]);
      expect(es.B.I.common.__errors[0]).toBe(expected.find((e) => e.path === '/B/I/common')!.message);
    }
    expect(rjsfValidator(ID).validateFormData(broken(), schema).errors.find((e) => e.property === '.B.I.common')!.message).toBe('"1. Nhóm tiêu chí chung" không được vượt quá 30');
  });

  it('passes the example, and runs transformErrors and customValidate as RJSF’s own validator does', () => {
    const v = rjsfValidator(ID);
    expect(v.validateFormData(exampleFor(ID), schema).errors).toEqual([]);
    const out = v.validateFormData(broken(), schema, (data, handler) => {
      handler.identity!.addError('riêng');
      return handler;
    }, (errors) => errors.filter((e) => e.name !== 'out-of-range'));
    expect(out.errors.some((e) => e.name === 'out-of-range')).toBe(false);
    expect((out.errorSchema as any).identity.__errors).toEqual(['riêng']);
  });

  it('isValid: the whole form by the precompiled validator, an option of a choice by reading the schema', () => {
    const v = rjsfValidator(ID);
    expect(v.isValid(schema, exampleFor(ID), schema)).toBe(true);
    expect(v.isValid(schema, broken(), schema)).toBe(false);
    expect(v.isValid({ const: 'HTTNV' } as RJSFSchema, 'HTTNV', schema)).toBe(true);
    expect(v.isValid({ const: 'HTTNV' } as RJSFSchema, 'HTNV', schema)).toBe(false);
    expect(v.isValid({ $ref: '#/$defs/level' } as RJSFSchema, 'HTNV', schema)).toBe(true);
    expect(v.isValid({ $ref: '#/$defs/level' } as RJSFSchema, 'XYZ', schema)).toBe(false);
    // RJSF's own schema utilities use it to resolve and fill in defaults without compiling anything.
    const utils = createSchemaUtils(v, schema);
    expect(utils.getDefaultFormState(schema, exampleFor(ID))).toBeTruthy();
  });

  it('unknown form ids are refused at once, in the language asked', () => {
    expect(() => rjsfValidator('nope', { lang: 'en' })).toThrow(/No form "nope"/);
  });
});

describe('rjsfTranslateString and the RJSF UI schema', () => {
  it('Vietnamese for every string RJSF prints, parameters filled in; English as RJSF has it', () => {
    const vi = rjsfTranslateString('vi');
    for (const s of Object.values(TranslatableString)) expect(vi(s), s).not.toBe(s);
    expect(vi(TranslatableString.AddItemButton)).toBe('Thêm dòng');
    expect(vi(TranslatableString.UnknownFieldType, ['x'])).toBe('Không rõ kiểu trường x');
    expect(rjsfTranslateString('en')(TranslatableString.AddItemButton)).toBe('Add Item');
  });

  it('option labels follow the language; the title names the audience', () => {
    const en = uiSchemaFor(ID, 'rjsf', 'en') as any;
    expect(en.B.II.level.oneOf.map((o: any) => o['ui:title'])).toEqual(['Excellent task completion', 'Good task completion', 'Task completion', 'Task not completed']);
    expect(en['ui:title']).toBe('INDIVIDUAL REVIEW, SELF-ASSESSMENT AND RATING (Individuals not holding leadership or management posts)');
    expect((uiSchemaFor(ID, 'rjsf', 'vi') as any)['ui:title']).toBe('BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN (Cá nhân không giữ chức vụ lãnh đạo, quản lý)');
  });
});
