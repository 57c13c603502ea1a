import { Resolve } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import { FORMS, formTitle, getForm, listForms, schemaFor, uiSchemaFor, type JsonFormsElement, type RjsfUiSchema } from './index';
import type { JsonSchema } from './model';
import { nodeAt, resolveRef } from './schema-tools';

/** Every control with the schema its scope is relative to: the form, or the row of an array control's detail. */
function controls(el: JsonFormsElement, scopeRoot: JsonSchema, form: JsonSchema): Array<{ c: JsonFormsElement; root: JsonSchema }> {
  const own = el.type === 'Control' ? [{ c: el, root: scopeRoot }] : [];
  const children = (el.elements ?? []).flatMap((e) => controls(e, scopeRoot, form));
  const detail = el.options?.detail as JsonFormsElement | undefined;
  if (!detail) return [...own, ...children];
  const arrayNode = resolveRef(form, Resolve.schema(scopeRoot as never, el.scope!, form as never) as JsonSchema);
  const row = resolveRef(form, arrayNode.items!);
  return [...own, ...children, ...controls(detail, { ...row, $defs: form.$defs }, form)];
}

describe('form titles', () => {
  it('02A, 02B and 02C (and HD 25’s 02A, 02B) each name their audience, in both languages, NFC', () => {
    for (const lang of ['vi', 'en'] as const) {
      const titles = listForms(lang).filter((f) => f.audience).map((f) => f.title);
      expect(new Set(titles).size).toBe(titles.length);
      for (const t of titles) expect(t.normalize('NFC')).toBe(t);
    }
    const vi = Object.fromEntries(listForms('vi').map((f) => [f.id, f.title]));
    expect(vi['hd43-2025/02a']).toBe('BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN (Cá nhân giữ chức vụ lãnh đạo, quản lý)');
    expect(vi['hd43-2025/02b']).toBe('BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN (Cá nhân không giữ chức vụ lãnh đạo, quản lý)');
    expect(vi['hd43-2025/02c']).toBe('BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN (Đảng viên không làm việc trong hệ thống chính trị)');
    expect(vi['hd43-2025/05']).toBe('BẢN TỰ ĐÁNH GIÁ, XẾP LOẠI CỦA CÁ NHÂN');
  });
});

describe.each(FORMS.map((f) => f.id))('UI schemas of %s', (id) => {
  const schema = schemaFor(id);

  it('JSON Forms: every control scope resolves in the schema (as JSON Forms resolves it), with a label', () => {
    for (const lang of ['vi', 'en'] as const) {
      const all = controls(uiSchemaFor(id, 'jsonforms', lang) as JsonFormsElement, schema, schema);
      expect(all.length).toBeGreaterThan(3);
      for (const { c, root } of all) {
        const target = Resolve.schema(root as never, c.scope!, schema as never) as JsonSchema | undefined;
        expect(target, `${c.scope} does not resolve`).toBeTruthy();
        // JSON Forms drops the labels beside a $ref; ours keep them, so compare with our own resolution.
        const pointer = c.scope!.slice(1).replace(/\/properties\//g, '/');
        const node = nodeAt({ ...root, $defs: schema.$defs }, pointer)!;
        expect(c.label, c.scope).toBe(lang === 'en' ? node['x-title-en'] : node.title);
      }
    }
  });

  it('RJSF: ui:order lists exactly the properties of each object, and English titles are given in English', () => {
    const check = (ui: RjsfUiSchema, node: JsonSchema, path: string): void => {
      const n = resolveRef(schema, node);
      if (n.type === 'object' && n.properties) {
        expect(ui['ui:order'], path).toEqual(Object.keys(n.properties));
        for (const [k, child] of Object.entries(n.properties)) check(ui[k] as RjsfUiSchema, child, `${path}/${k}`);
      }
      if (n.type === 'array' && n.items) check(ui.items as RjsfUiSchema, n.items, `${path}/items`);
    };
    check(uiSchemaFor(id, 'rjsf', 'vi') as RjsfUiSchema, schema, '');
    const en = uiSchemaFor(id, 'rjsf', 'en') as RjsfUiSchema;
    expect(en['ui:title']).toBe(formTitle(getForm(id)!, 'en'));
    expect(String(en['ui:title'])).toContain(resolveRef(schema, schema)['x-title-en']);
  });
});
