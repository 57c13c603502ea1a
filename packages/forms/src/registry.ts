/** The forms this package ships, by fixed id. */
import { HD25_FORMS } from './definitions/hd25-2023';
import { HD43_FORMS } from './definitions/hd43-2025';
import { REFERENCE_FORMS } from './definitions/reference';
import type { FormId } from './ids';
import type { FormDefinition, FormSummary } from './model';

export const FORMS: readonly FormDefinition[] = [...HD43_FORMS, ...HD25_FORMS, ...REFERENCE_FORMS];

const byId = new Map<string, FormDefinition>(FORMS.map((f) => [f.id, f]));

export function formIds(): FormId[] {
  return FORMS.map((f) => f.id);
}

export function getForm(id: string): FormDefinition | undefined {
  return byId.get(id);
}

/**
 * The form's title as a list or a form page shows it: the heading, and for a form kept for one audience the
 * line that names it ("(Cá nhân không giữ chức vụ lãnh đạo, quản lý)"), since 02A, 02B and 02C share a heading.
 */
export function formTitle(form: FormDefinition, lang: 'vi' | 'en' = 'vi'): string {
  return form.audience && form.subtitle ? `${form.title[lang]} ${form.subtitle[lang]}` : form.title[lang];
}

export function listForms(lang: 'vi' | 'en' = 'vi'): FormSummary[] {
  return FORMS.map((f) => {
    const s: FormSummary = { id: f.id, title: formTitle(f, lang), basis: f.basis.document, official: f.official, kind: f.kind };
    if (f.code) s.code = f.code;
    if (f.audience) s.audience = f.audience;
    if (f.regulation) s.regulation = f.regulation;
    return s;
  });
}
