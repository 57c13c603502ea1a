/** Every shipped form: metadata, a valid example, and each kind of bad input, in both languages. */
import { describe, expect, it } from 'vitest';
import { checkForm, exampleFor, FORMS, listForms, schemaFor } from './index';
import type { JsonSchema } from './model';
import { getAt, resolveRef } from './schema-tools';

const REQUIRED_IDS = [
  'hd43-2025/01', 'hd43-2025/02a', 'hd43-2025/02b', 'hd43-2025/02c', 'hd43-2025/05',
  'hd25-2023/01', 'hd25-2023/02a', 'hd25-2023/02b',
  'ref/bien-ban-hoi-nghi', 'ref/phieu-bieu-quyet', 'ref/ke-hoach-khac-phuc', 'ref/phieu-gop-y', 'ref/nhan-xet-noi-cu-tru', 'ref/tong-hop-xep-loai',
];

/** Pointers of every required property present in the example (walking objects and array rows). */
function requiredPointers(root: JsonSchema, node: JsonSchema, doc: unknown, pointer = ''): string[] {
  const n = resolveRef(root, node);
  const out: string[] = [];
  if (n.type === 'object' && n.properties && doc && typeof doc === 'object') {
    for (const key of n.required ?? []) if (key in (doc as object)) out.push(`${pointer}/${key}`);
    for (const [key, child] of Object.entries(n.properties)) {
      const value = (doc as Record<string, unknown>)[key];
      if (value !== undefined) out.push(...requiredPointers(root, child, value, `${pointer}/${key}`));
    }
  } else if (n.type === 'array' && n.items && Array.isArray(doc) && doc.length > 0) {
    out.push(...requiredPointers(root, n.items, doc[0], `${pointer}/0`));
  }
  return out;
}

function firstString(root: JsonSchema, node: JsonSchema, doc: unknown, pointer = ''): { pointer: string; max: number } | undefined {
  const n = resolveRef(root, node);
  if (n.type === 'string' && typeof doc === 'string' && n.maxLength && !n.oneOf && !n.format) return { pointer, max: n.maxLength };
  if (n.type === 'object' && n.properties && doc && typeof doc === 'object')
    for (const [k, child] of Object.entries(n.properties)) {
      const hit = firstString(root, child, (doc as Record<string, unknown>)[k], `${pointer}/${k}`);
      if (hit) return hit;
    }
  if (n.type === 'array' && n.items && Array.isArray(doc) && doc.length) return firstString(root, n.items, doc[0], `${pointer}/0`);
  return undefined;
}

function without(doc: unknown, pointer: string): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const tokens = pointer.split('/').slice(1);
  const parent = getAt(copy, `/${tokens.slice(0, -1).join('/')}`.replace(/\/$/, '')) as Record<string, unknown>;
  delete parent[tokens[tokens.length - 1]!];
  return copy;
}

describe('the catalogue', () => {
  it('ships every form the issue names, with basis and official flag', () => {
    expect(FORMS.map((f) => f.id).sort()).toEqual([...REQUIRED_IDS].sort());
    for (const s of listForms()) {
      expect(s.title.length, s.id).toBeGreaterThan(5);
      expect(s.official, s.id).toBe(!s.id.startsWith('ref/'));
    }
  });

  it('keeps the A/B swap between 2023 and 2025', () => {
    const audience = (id: string) => FORMS.find((f) => f.id === id)!.audience;
    expect([audience('hd43-2025/02a'), audience('hd43-2025/02b'), audience('hd43-2025/02c')]).toEqual(['leader', 'non-leader', 'outside-system']);
    expect([audience('hd25-2023/02a'), audience('hd25-2023/02b')]).toEqual(['non-leader', 'leader']);
  });
});

describe.each(REQUIRED_IDS)('form %s', (id) => {
  const form = FORMS.find((f) => f.id === id);
  const example = exampleFor(id);

  it('has a Vietnamese and an English title on every field, and limits on text and tables', () => {
    expect(form, `${id} is not defined`).toBeDefined();
    const walk = (node: JsonSchema, path: string): void => {
      const n = resolveRef(form!.schema, node);
      expect(n.title, `${path} has no title`).toBeTruthy();
      expect(n['x-title-en'], `${path} has no English title`).toBeTruthy();
      expect(n.title, `${path} title is not NFC`).toBe(n.title!.normalize('NFC'));
      if (n.type === 'string' && !n.oneOf && !n.format) expect(n.maxLength, `${path} has no maxLength`).toBeGreaterThan(0);
      if (n.type === 'array') expect(n.maxItems, `${path} has no maxItems`).toBeGreaterThan(0);
      if (n.type === 'object') expect(n.additionalProperties, `${path} accepts unknown properties`).toBe(false);
      for (const [k, child] of Object.entries(n.properties ?? {})) walk(child, `${path}/${k}`);
      if (n.items) walk(n.items, `${path}/items`);
    };
    walk(form!.schema, '');
  });

  it('ships an example that validates', () => {
    expect(example, `${id} has no example`).toBeDefined();
    expect(checkForm(id, example).errors).toEqual([]);
  });

  it('reports each required field removed, at its own pointer, in Vietnamese and English', () => {
    const pointers = requiredPointers(form!.schema, form!.schema, example);
    expect(pointers.length).toBeGreaterThan(3);
    for (const pointer of pointers) {
      const vi = checkForm(id, without(example, pointer)).errors;
      expect(vi.map((e) => e.path), pointer).toContain(pointer);
      const e = vi.find((x) => x.path === pointer)!;
      expect(e.message, pointer).toMatch(/^Thiếu "/);
      const en = checkForm(id, without(example, pointer), { lang: 'en' }).errors.find((x) => x.path === pointer)!;
      expect(en.message, pointer).toMatch(/is missing$/);
    }
  });

  it('rejects too-long text and unknown properties', () => {
    const s = firstString(form!.schema, form!.schema, example)!;
    const long = structuredClone(example) as Record<string, unknown>;
    const tokens = s.pointer.split('/').slice(1);
    (getAt(long, `/${tokens.slice(0, -1).join('/')}`.replace(/\/$/, '')) as Record<string, unknown>)[tokens.at(-1)!] = 'đ'.repeat(s.max + 1);
    expect(checkForm(id, long).errors).toEqual([expect.objectContaining({ path: s.pointer, code: 'too-long' })]);
    const extra = { ...(example as object), ghiChuThem: 'x' };
    expect(checkForm(id, extra).errors).toEqual([expect.objectContaining({ path: '/ghiChuThem', code: 'unknown-field' })]);
  });

  it('gives renderers a self-contained schema', () => {
    const schema = schemaFor(id);
    const refs = JSON.stringify(schema).match(/"\$ref":"([^"]+)"/g) ?? [];
    for (const r of refs) expect(r).toMatch(/"#\/\$defs\//);
    for (const r of refs) expect(schema.$defs?.[r.slice(16, -1)], r).toBeDefined();
  });
});
