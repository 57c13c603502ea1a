/**
 * The frame that the summary list and the roll-up statistics share: a report of a party unit in the Party
 * layout (HD 36), with its header, title, the regulations it rests on, a body and the signature block.
 */
import { loadRegulation } from '@kiemdiem/rules';
import type { Content } from 'pdfmake/interfaces';
import type { PdfDefinition } from './pdf-types';
import { isoDate } from './dates';
import { partyDocument, signatureBlock, type LayoutProfile } from './layout';
import type { ReportLocale } from './locales';
import { printable } from './words';

export interface SummaryUnit {
  /** The directly superior body, e.g. "Đảng bộ Sở Tài chính". */
  superior?: string;
  /** The issuing body, e.g. "Chi bộ Phòng Tổng hợp". */
  issuer: string;
  place: string;
}

export interface SummarySigner {
  /** e.g. "T/M CHI ỦY" */
  authority: string;
  /** e.g. "BÍ THƯ" */
  post: string;
  name: string;
}

/** "Quy định 366-QĐ/TW" (+ overlays) for each rule pack id (`base+overlay…`) a report rests on. */
export function regulationNames(ids: readonly string[], words: ReportLocale): string {
  return ids
    .map((id) => {
      const [base, ...overlays] = id.split('+');
      let name = base!;
      try {
        name = words.regulationName(loadRegulation(base!).manifest);
      } catch {
        // An id this version does not know: print it as given.
      }
      return overlays.length ? `${name} + ${overlays.join(' + ')}` : name;
    })
    .join(', ');
}

export interface UnitReport {
  issuer: string;
  unit: Partial<SummaryUnit> | undefined;
  /** What stands for a missing place ("…"). */
  blank: string;
  date: string;
  title: string;
  /** The "(Theo …)" line under the title, if any. */
  basis: string | undefined;
  body: Content[];
  signer: SummarySigner | Omit<SummarySigner, 'name'>;
  signNote: string;
  /** The PDF's subject metadata (the form or report id). */
  subject: string;
}

export function unitReport(r: UnitReport, profile: LayoutProfile): PdfDefinition {
  return partyDocument(
    {
      header: {
        ...(r.unit?.superior ? { superior: printable(r.unit.superior) } : {}),
        issuer: printable(r.issuer),
        place: printable(r.unit?.place ?? r.blank),
        date: r.date,
      },
      title: r.title,
      subtitle: r.basis ? [r.basis] : [],
      body: r.body,
      signature: signatureBlock(
        {
          authority: printable(r.signer.authority),
          post: printable(r.signer.post),
          ...('name' in r.signer && r.signer.name ? { name: printable(r.signer.name) } : {}),
          note: r.signNote,
        },
        profile,
      ),
      info: { title: r.title, subject: r.subject, creationDate: isoDate(r.date) },
    },
    profile,
  );
}
