/**
 * The Party document layout (Hướng dẫn 36-HD/VPTW): superior body and issuing body in bold with a centred
 * `*` at top left, "ĐẢNG CỘNG SẢN VIỆT NAM" in bold at top right with a rule as long as the title, italic
 * place and date, centred title, 14 pt justified body, signature block, "Nơi nhận", page numbers from page 2.
 */
import type { Content } from 'pdfmake/interfaces';
import type { PdfContent, PdfDefinition } from './pdf-types';
import { breakContent } from './breaks';
import { party } from './locales';

export interface LayoutProfile {
  /** Millimetres; HD 36 margins are not in any source read: 20/20/30/15 follows common implementations [U]. */
  margins: { top: number; bottom: number; left: number; right: number };
  bodySize: number;
  titleSize: number;
  pageNumbers: 'header-center' | 'footer-right';
}

export const DEFAULT_PROFILE: LayoutProfile = {
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  bodySize: 14,
  titleSize: 15,
  pageNumbers: 'header-center',
};

export interface PartyHeader {
  superior?: string;
  issuer: string;
  /** e.g. { number: 12, type: 'BC', issuer: 'ĐU' } → "Số 12-BC/ĐU" (no colon, per HD 36). */
  number?: { number: number | string; type: string; issuer: string };
  place: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface PartyDocument {
  header: PartyHeader;
  /** The form-code tag printed at top right, e.g. "Mẫu 02B-HD KĐ.ĐG 2025". */
  formCode?: string;
  title: string;
  /** Lines under the title (year, audience). */
  subtitle?: string[];
  body: PdfContent[];
  signature?: PdfContent;
  recipients?: string[];
  /** Fixed metadata, so the same input always gives the same bytes. */
  info: { title: string; subject?: string; creationDate: Date };
}

export const mm = (v: number) => (v * 72) / 25.4;

/** The body's line height, in lines of the font. */
export const LINE_HEIGHT = 1.15;

/** "Đà Lạt, ngày 03 tháng 02 năm 2026": days under 10 and months 1–2 zero-padded (HD 36 examples). */
export function placeAndDate(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return party.placeAndDate(place, String(d).padStart(2, '0'), m <= 2 ? String(m).padStart(2, '0') : String(m), String(y));
}

export function documentNumber(n: NonNullable<PartyHeader['number']>): string {
  const number = typeof n.number === 'number' && n.number < 10 ? `0${n.number}` : String(n.number);
  return party.documentNumber(number, n.type, n.issuer);
}

function headerBlock(h: PartyHeader, profile: LayoutProfile): Content {
  const left: Content[] = [];
  if (h.superior) left.push({ text: h.superior.toUpperCase(), fontSize: profile.bodySize });
  left.push({ text: h.issuer.toUpperCase(), bold: true, fontSize: profile.bodySize });
  left.push({ text: '*', fontSize: profile.bodySize });
  if (h.number) left.push({ text: documentNumber(h.number), fontSize: profile.bodySize });
  return {
    columns: [
      { width: '45%', stack: left, alignment: 'center' },
      {
        width: '55%',
        alignment: 'center',
        stack: [
          { text: party.party, bold: true, fontSize: profile.titleSize, decoration: 'underline' },
          { text: placeAndDate(h.place, h.date), italics: true, fontSize: profile.bodySize, margin: [0, 8, 0, 0] },
        ],
      },
    ],
  };
}

export function partyDocument(doc: PartyDocument, profile: LayoutProfile = DEFAULT_PROFILE): PdfDefinition {
  const content: Content[] = [];
  if (doc.formCode) content.push({ text: doc.formCode, alignment: 'right', fontSize: 12, margin: [0, 0, 0, 4] });
  content.push(headerBlock(doc.header, profile));
  content.push({ text: doc.title.toUpperCase(), bold: true, fontSize: profile.titleSize, alignment: 'center', margin: [0, 24, 0, 0] });
  for (const line of doc.subtitle ?? []) content.push({ text: line, alignment: 'center', italics: line.startsWith('('), fontSize: profile.bodySize });
  content.push({ text: '', margin: [0, 0, 0, 12] });
  content.push(...(doc.body as Content[]));
  if (doc.signature) content.push({ ...(doc.signature as object), margin: [0, 18, 0, 0] } as Content);
  if (doc.recipients?.length) {
    content.push({
      margin: [0, 18, 0, 0],
      stack: [{ text: party.recipients, decoration: 'underline', fontSize: profile.bodySize }, ...doc.recipients.map((r) => ({ text: r, fontSize: 12 }))],
    });
  }
  const pageNumber = (currentPage: number): Content | null => {
    if (currentPage === 1) return null; // HD 36 practice: no number on the first page
    return profile.pageNumbers === 'header-center'
      ? { text: String(currentPage), alignment: 'center', fontSize: 12, margin: [0, mm(10), 0, 0] }
      : { text: String(currentPage), alignment: 'right', fontSize: 12, margin: [0, 0, mm(profile.margins.right), 0] };
  };
  const { top, bottom, left, right } = profile.margins;
  return {
    pageSize: 'A4',
    pageMargins: [mm(left), mm(top), mm(right), mm(bottom)],
    defaultStyle: { font: 'Tinos', fontSize: profile.bodySize, lineHeight: LINE_HEIGHT },
    info: { title: doc.info.title, subject: doc.info.subject ?? doc.info.title, author: 'kiemdiem', creator: 'kiemdiem', producer: 'kiemdiem', creationDate: doc.info.creationDate, modDate: doc.info.creationDate },
    // Every printed string wraps, however long its tokens (breaks.ts).
    content: breakContent(content),
    ...(profile.pageNumbers === 'header-center' ? { header: pageNumber } : { footer: pageNumber }),
  } as PdfDefinition;
}

/** A signature block on the right: authority (bold caps), post (caps), space to sign, name (bold). */
export function signatureBlock(lines: { authority?: string; post?: string; name?: string; note?: string }, profile: LayoutProfile = DEFAULT_PROFILE): PdfContent {
  const stack: Content[] = [];
  if (lines.authority) stack.push({ text: lines.authority.toUpperCase(), bold: true });
  if (lines.post) stack.push({ text: lines.post.toUpperCase() });
  if (lines.note) stack.push({ text: lines.note, italics: true, fontSize: profile.bodySize - 1 });
  stack.push({ text: ' ', margin: [0, 36, 0, 0] });
  if (lines.name) stack.push({ text: lines.name, bold: true });
  // Keep the signature block together: a page break inside it would strand the name.
  return { unbreakable: true, columns: [{ width: '45%', text: '' }, { width: '55%', alignment: 'center', stack }] } satisfies Content;
}
