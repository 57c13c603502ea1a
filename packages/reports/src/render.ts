/** render(formId, document): a filled, valid form as a PDF in the Party document layout. */
import { checkForm, getForm } from '@kiemdiem/forms';
import { KiemdiemError } from '@kiemdiem/rules';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FontFiles } from './fonts';
import { formBody, formSignature } from './form-body';
import { DEFAULT_PROFILE, partyDocument, type LayoutProfile } from './layout';
import { toPdf } from './pdf';

export interface RenderOptions {
  lang?: 'vi' | 'en';
  /** Layout profile overrides (margins in mm, sizes, page-number position). */
  profile?: Partial<LayoutProfile>;
  /** PDF metadata date; defaults to the document's own date, so output is byte-identical for the same input. */
  creationDate?: Date | string;
  /** Font bytes (browsers pass them; Node reads the bundled Tinos). */
  fonts?: FontFiles;
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

/** PDF bytes for a filled form. Throws `invalid-subject` with the form errors when the document is invalid. */
export async function render(formId: string, document: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  return toPdf(documentDefinition(formId, document, options), options.fonts);
}

/**
 * The pdfmake document definition that `render` prints (validated like `render`): for callers who print it
 * with their own pdfmake, and for the benchmark's "plain pdfmake" baseline.
 */
export function documentDefinition(formId: string, document: unknown, options: RenderOptions = {}): TDocumentDefinitions {
  const form = getForm(formId);
  if (!form) throw new KiemdiemError('unknown-form', `Không có mẫu "${formId}"`, { id: formId });
  const { errors, document: normalized } = checkForm(formId, document, { lang: options.lang ?? 'vi' });
  if (errors.length) throw new KiemdiemError('invalid-subject', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  const doc = normalized as Doc; // checkForm returns it NFC-normalised
  const profile = profileOf(options);
  const header = doc.header ?? {};
  const year = header.year ?? doc.period?.year ?? doc.year;
  const subtitle = [...(year ? [`Năm ${year}`] : []), ...(form.subtitle ? [form.subtitle.vi] : [])];
  return partyDocument(
    {
      header: { superior: header.superior, issuer: header.issuer ?? '', place: header.place ?? '', date: header.date ?? '2000-01-01' },
      ...(form.code ? { formCode: form.code } : {}),
      title: form.title.vi,
      subtitle,
      body: formBody(form, doc, profile),
      ...(formSignature(form, doc, profile) ? { signature: formSignature(form, doc, profile)! } : {}),
      info: { title: `${form.title.vi}${year ? ` năm ${year}` : ''}`, subject: form.code ?? form.id, creationDate: creationDate(options, doc) },
    },
    profile,
  );
}
