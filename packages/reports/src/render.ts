/** A filled, valid form as a pdfmake document in the Party layout (printed by `render`, see documents.ts). */
import { checkForm, formOrThrow } from '@kiemdiem/forms';
import { KiemdiemError } from '@kiemdiem/rules';
import type { FormId } from '@kiemdiem/forms';
import type { PdfDefinition } from './pdf-types';
import { formBody, formSignature } from './form-body';
import { DEFAULT_PROFILE, partyDocument, type LayoutProfile } from './layout';
import { party, reportLocale } from './locales';
import type { FontInput } from './print';

export interface RenderOptions {
  lang?: 'vi' | 'en';
  /** Layout profile overrides (margins in mm, sizes, page-number position). */
  profile?: Partial<LayoutProfile>;
  /** PDF metadata date; defaults to the document's own date, so output is byte-identical for the same input. */
  creationDate?: Date | string;
  /** Font bytes: required in browsers (or setFonts once); under Node the bundled Tinos by default. */
  fonts?: FontInput;
}

type Doc = Record<string, any>;

function creationDate(options: RenderOptions, doc: Doc): Date {
  const given = options.creationDate ?? doc.header?.date ?? '2000-01-01';
  const date = given instanceof Date ? given : new Date(`${given}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new KiemdiemError('invalid-subject', `creationDate: ${String(given)}`);
  return date;
}

export function profileOf(options: RenderOptions): LayoutProfile {
  return { ...DEFAULT_PROFILE, ...options.profile, margins: { ...DEFAULT_PROFILE.margins, ...options.profile?.margins } };
}

/**
 * The pdfmake document definition that `render` prints (validated like `render`): for callers who print it
 * with their own pdfmake, and for the benchmark's "plain pdfmake" baseline.
 */
export function documentDefinition(formId: FormId | (string & {}), document: unknown, options: RenderOptions = {}): PdfDefinition {
  const { lang } = reportLocale(options.lang);
  const form = formOrThrow(formId, lang);
  const { errors, document: normalized } = checkForm(formId, document, { lang });
  if (errors.length) throw new KiemdiemError('invalid-subject', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  const doc = normalized as Doc; // checkForm returns it NFC-normalised
  const profile = profileOf(options);
  const header = doc.header ?? {};
  const year = header.year ?? doc.period?.year ?? doc.year;
  const subtitle = [...(year ? [party.year(year)] : []), ...(form.subtitle ? [form.subtitle.vi] : [])];
  return partyDocument(
    {
      header: { superior: header.superior, issuer: header.issuer ?? '', place: header.place ?? '', date: header.date ?? '2000-01-01' },
      ...(form.code ? { formCode: form.code } : {}),
      title: form.title.vi,
      subtitle,
      body: formBody(form, doc, profile),
      ...(formSignature(form, doc, profile) ? { signature: formSignature(form, doc, profile)! } : {}),
      info: { title: year ? party.titleOfYear(form.title.vi, year) : form.title.vi, subject: form.code ?? form.id, creationDate: creationDate(options, doc) },
    },
    profile,
  );
}
