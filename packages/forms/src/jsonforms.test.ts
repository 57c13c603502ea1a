import { coreReducer, Actions, arrayDefaultTranslations, getArrayTranslations, type JsonFormsCore, type JsonSchema as JfSchema, type UISchemaElement } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { exampleFor, formTitle, getForm, schemaFor, uiSchemaFor, validate } from '@kiemdiem/forms';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { jsonFormsErrors, jsonFormsI18n, REFRESH_ERRORS, validationMiddleware } from './jsonforms';
import { cells, renderers } from './jsonforms-renderers';

const ID = 'hd43-2025/02b';

function broken(): Record<string, any> {
  const doc = structuredClone(exampleFor(ID)) as Record<string, any>;
  delete doc.identity.fullName;
  doc.B.I.common = 31;
  return doc;
}

describe('jsonFormsErrors and validationMiddleware', () => {
  it('are validate’s errors, as JSON Forms errors at the field’s pointer, in the language asked', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const expected = (await validate(ID, broken(), { lang })).errors;
      const errors = jsonFormsErrors(ID, broken(), { lang });
      expect(errors.map((e) => [e.instancePath, e.message])).toEqual(expected.map((e) => [e.path, e.message]));
    }
    expect(jsonFormsErrors(ID, exampleFor(ID))).toEqual([]);
    expect(jsonFormsErrors(ID, broken(), { filter: (i) => i.path === '/B/I/common' }).map((e) => e.message)).toEqual(['"1. Nhóm tiêu chí chung" không được vượt quá 30']);
  });

  it('the middleware puts them in the state with the change, keeps the array while nothing changes, and refreshes on demand', () => {
    const touched: string[] = [];
    let show = false;
    const mw = validationMiddleware(ID, { filter: () => show, onUpdate: (a, b) => touched.push(JSON.stringify(a) === JSON.stringify(b) ? 'same' : 'changed') });
    const reduce = (state: JsonFormsCore, action: unknown) => mw(state, action as never, coreReducer as never);
    let state = reduce(coreReducer(undefined, { type: '' } as never), Actions.init(broken(), schemaFor(ID) as JfSchema, undefined, { validationMode: 'NoValidation' }));
    expect(state.additionalErrors).toEqual([]);
    show = true;
    state = reduce(state, { type: REFRESH_ERRORS });
    const first = state.additionalErrors!;
    expect(first.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/identity/fullName', '/B/I/common']));
    state = reduce(state, Actions.update('A.VI.content', () => 'Tiếp tục học tập.'));
    expect(touched).toEqual(['changed']);
    expect(state.additionalErrors).toBe(first);
    state = reduce(state, Actions.update('B.I.common', () => 30));
    expect(state.additionalErrors!.some((e) => e.instancePath === '/B/I/common')).toBe(false);
  });
});

describe('jsonFormsI18n', () => {
  it('array controls’ words in Vietnamese and English', () => {
    const vi = getArrayTranslations(jsonFormsI18n('vi').translate, arrayDefaultTranslations, 'B.evidence', 'Phụ lục');
    expect(vi).toMatchObject({ addTooltip: 'Thêm dòng vào Phụ lục', up: 'Lên', down: 'Xuống', removeTooltip: 'Xoá', noDataMessage: 'Chưa có dòng nào.' });
    const en = getArrayTranslations(jsonFormsI18n('en').translate, arrayDefaultTranslations, 'B.evidence', 'Annex');
    expect(en).toMatchObject({ addTooltip: 'Add a row to Annex', noDataMessage: 'No rows yet.' });
  });

  it('option labels in English for lang en, labels and unknown keys left alone, our messages shown as they are', () => {
    const option = { const: 'HTTNV', title: 'Hoàn thành tốt nhiệm vụ', 'x-title-en': 'Good task completion' };
    expect(jsonFormsI18n('en').translate('B.II.level.Hoàn thành tốt nhiệm vụ', option.title, { schema: option })).toBe('Good task completion');
    expect(jsonFormsI18n('vi').translate('B.II.level.Hoàn thành tốt nhiệm vụ', option.title, { schema: option })).toBe('Hoàn thành tốt nhiệm vụ');
    expect(jsonFormsI18n('vi').translate('identity.fullName.label', 'Họ và tên')).toBe('Họ và tên');
    expect(jsonFormsI18n('vi').translate('error.required', undefined)).toBeUndefined();
    const { translate, translateError } = jsonFormsI18n('vi');
    expect(translateError({ keyword: 'kiemdiem', message: 'Thiếu "Họ và tên"', instancePath: '/identity/fullName', schemaPath: '#', params: {} }, translate)).toBe('Thiếu "Họ và tên"');
  });
});

describe('the JSON Forms UI schema and renderers', () => {
  it('the UI schema starts with the form’s title, audience included', () => {
    for (const id of ['hd43-2025/02a', 'hd43-2025/02b', 'hd43-2025/02c']) {
      const ui = uiSchemaFor(id, 'jsonforms', 'vi') as { elements: Array<{ type: string; text?: string }> };
      expect(ui.elements[0]).toEqual({ type: 'Label', text: formTitle(getForm(id)!, 'vi') });
    }
  });

  it('render (server-side) with Vietnamese table words and one line, one label per radio option', () => {
    const html = renderToStaticMarkup(
      createElement(JsonForms, {
        schema: schemaFor(ID) as JfSchema,
        uischema: uiSchemaFor(ID, 'jsonforms', 'en') as unknown as UISchemaElement,
        data: exampleFor(ID),
        renderers,
        cells,
        validationMode: 'NoValidation',
        i18n: jsonFormsI18n('en'),
      }),
    );
    expect(html).toContain('Individuals not holding leadership or management posts');
    expect(html).toContain('Add a row to ');
    expect(html).toContain('Delete row 1');
    expect(html).toContain('Good task completion');
    expect(html).not.toMatch(/Add to |No data</);
    // Each option's input sits inside its own label, no shared ids.
    expect(html).toMatch(/<div class="radio-option"><label><input type="radio"[^>]*> No breach<\/label><\/div>/);
    expect(html).not.toMatch(/id="khong-vi-pham"/);
  });
});
