import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formOrThrow, getForm, rjsfUiSchema, schemaFor } from './index';
import { en, formLocale, titleIn, vi } from './locales';

const SRC = fileURLToPath(new URL('.', import.meta.url));

describe('the locale module', () => {
  it('picks English only for "en"; Vietnamese for "vi", nothing, or an unknown value', () => {
    expect(formLocale('en')).toBe(en);
    for (const lang of ['vi', undefined, 'fr', 'EN']) expect(formLocale(lang)).toBe(vi);
  });

  it('reads a node’s label from the locale’s key, falling back to the official Vietnamese title', () => {
    const node = { title: 'Họ và tên', 'x-title-en': 'Full name' };
    expect([titleIn(node, vi), titleIn(node, en)]).toEqual(['Họ và tên', 'Full name']);
    expect(titleIn({ title: 'Quý' }, en)).toBe('Quý');
    expect(titleIn(undefined, en)).toBeUndefined();
  });

  it('has every user-visible word of the package in both languages', () => {
    expect(Object.keys(en.messages).sort()).toEqual(Object.keys(vi.messages).sort());
    expect(rjsfUiSchema(schemaFor('hd43-2025/02b'), 'vi')['ui:submitButtonOptions']).toEqual({ submitText: 'Kiểm tra' });
    expect(rjsfUiSchema(schemaFor('hd43-2025/02b'), 'en')['ui:submitButtonOptions']).toEqual({ submitText: 'Check' });
  });

  it('formOrThrow (exported for @kiemdiem/reports) returns the form, or throws unknown-form in the language asked', () => {
    expect(formOrThrow('hd43-2025/02b')).toBe(getForm('hd43-2025/02b'));
    expect(() => formOrThrow('hd99/01')).toThrow(expect.objectContaining({ code: 'unknown-form', message: expect.stringMatching(/^Không có mẫu "hd99\/01"\. Các mẫu hiện có: hd43-2025\/01, /) }));
    expect(() => formOrThrow('hd99/01', 'en')).toThrow(expect.objectContaining({ code: 'unknown-form', message: expect.stringMatching(/^No form "hd99\/01"\. Available: hd43-2025\/01, /) }));
  });

  it('is the only place that tests the language: no `lang === …` or `… ? \'en\' : \'vi\'` elsewhere in src', () => {
    const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !/^(generated|locales)[/\\]/.test(f));
    const offending = files
      .flatMap((f) => readFileSync(join(SRC, f), 'utf8').split('\n').map((line, i) => ({ where: `${f}:${i + 1}`, line })))
      .filter(({ line }) => /\blang\s*[!=]==|[!=]==\s*'(vi|en)'|'(vi|en)'\s*[!=]==|\?\s*'(vi|en)'\s*:/.test(line))
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(files.length).toBeGreaterThan(15); // the walk found the sources
    expect(offending).toEqual([]);
  });
});
