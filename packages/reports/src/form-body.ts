/**
 * A filled form as PDF content, driven by the form's own schema: every heading is the official title the
 * schema carries, so all forms share one renderer. The header, identity and signature blocks are laid out
 * in the Party style; sections become bold headings; text becomes justified paragraphs; rows become tables.
 */
import { resolveRef, type FormDefinition, type JsonSchema } from '@kiemdiem/forms';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { ddmmyyyy } from './dates';
import { DEFAULT_PROFILE, LINE_HEIGHT, type LayoutProfile, signatureBlock } from './layout';
import { party } from './locales';
import { contentHeight, contentWidth, numberedWidths, rowsFitOnAPage } from './tables';

type Doc = Record<string, unknown>;
const SPECIAL = new Set(['header', 'signature', 'identity', 'collective', 'period']);

function choiceLabel(node: JsonSchema, value: unknown): string {
  const option = node.oneOf?.find((o) => o.const === value);
  return option ? option.title : String(value);
}

export function scalarText(node: JsonSchema, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (node.oneOf) return choiceLabel(node, value);
  if (node.format === 'date' && typeof value === 'string') return ddmmyyyy(value);
  if (typeof value === 'boolean') return value ? party.yes : party.no;
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}

function isScalar(n: JsonSchema): boolean {
  return n.type === 'string' || n.type === 'number' || n.type === 'integer' || n.type === 'boolean';
}

/** A table for an array of rows: one column per row field that some row fills. */
function rowsTable(root: JsonSchema, node: JsonSchema, rows: unknown[], profile: LayoutProfile): Content {
  const row = resolveRef(root, node.items!);
  const keys = Object.keys(row.properties ?? {}).filter((k) => rows.some((r) => (r as Doc)[k] !== undefined));
  const head: TableCell[] = [{ text: party.rowNumber, bold: true, alignment: 'center' }, ...keys.map((k) => ({ text: resolveRef(root, row.properties![k]!).title ?? k, bold: true, alignment: 'center' as const }))];
  const texts = rows.map((r, i) => [String(i + 1), ...keys.map((k) => scalarText(resolveRef(root, row.properties![k]!), (r as Doc)[k]))]);
  const body: TableCell[][] = texts.map(([n, ...cells]) => [{ text: n!, alignment: 'center' }, ...cells.map((text) => ({ text }))]);
  const fontSize = profile.bodySize - 2;
  const widths = numberedWidths(contentWidth(profile), keys.length, rows.length, fontSize);
  // A row taller than a page must break across pages: pdfmake drops an unbreakable one.
  const together = rowsFitOnAPage(texts, widths, fontSize, LINE_HEIGHT, contentHeight(profile));
  return {
    table: { headerRows: 1, dontBreakRows: together, widths, body: [head, ...body] },
    fontSize,
    margin: [0, 4, 0, 8],
  };
}

/** The QĐ 37 checklist: one row per article with the self-declaration. */
function checklistTable(root: JsonSchema, node: JsonSchema, value: Doc, profile: LayoutProfile): Content {
  const body: TableCell[][] = [party.checklistHead.map((text) => ({ text, bold: true }))];
  const rows: string[][] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const item = (value[key] ?? {}) as Doc;
    const n = resolveRef(root, child);
    const decl = resolveRef(root, n.properties!.declaration!);
    const title = n.title ?? key;
    rows.push([key.replace('dieu', ''), title.replace(party.articlePrefix, ''), scalarText(decl, item.declaration), String(item.note ?? '')]);
  }
  body.push(...rows);
  const fontSize = profile.bodySize - 3;
  // The auto columns take what their text needs; a quarter of the page each is the narrowest a note gets.
  const quarter = contentWidth(profile) / 4;
  const together = rowsFitOnAPage(rows, [quarter, quarter, quarter, quarter], fontSize, LINE_HEIGHT, contentHeight(profile));
  return {
    stack: [
      { text: node.title ?? '', italics: true, margin: [0, 4, 0, 2] },
      { table: { headerRows: 1, dontBreakRows: together, widths: ['auto', '*', 'auto', 'auto'], body }, fontSize },
    ],
    margin: [0, 2, 0, 8],
  };
}

function isChecklist(root: JsonSchema, n: JsonSchema): boolean {
  const children = Object.values(n.properties ?? {});
  return Boolean(n['x-basis']) && children.length > 0 && children.every((c) => resolveRef(root, c).properties?.declaration);
}

/** Content for one node of the document, under its schema. `depth` 0 = top-level section. */
function nodeContent(root: JsonSchema, node: JsonSchema, value: unknown, depth: number, profile: LayoutProfile): Content[] {
  const n = resolveRef(root, node);
  if (value === undefined || value === null) return [];
  const title = n.title ?? '';
  if (n.type === 'object' && n.properties) {
    if (isChecklist(root, n)) return [checklistTable(root, n, value as Doc, profile)];
    const out: Content[] = [];
    if (title) out.push({ text: depth === 0 ? title.toUpperCase() : title, bold: true, margin: [0, depth === 0 ? 10 : 6, 0, 2] });
    const children = Object.entries(n.properties);
    const allScalar = children.every(([, c]) => isScalar(resolveRef(root, c)) && resolveRef(root, c)['x-widget'] !== 'textarea');
    for (const [key, child] of children) {
      const v = (value as Doc)[key];
      const c = resolveRef(root, child);
      if (allScalar && isScalar(c)) {
        if (v !== undefined) out.push({ text: [{ text: `${c.title}: ` }, { text: scalarText(c, v) }] });
      } else out.push(...nodeContent(root, child, v, depth + 1, profile));
    }
    return out;
  }
  if (n.type === 'array' && Array.isArray(value)) {
    if (value.length === 0) return [];
    return [{ text: title, italics: true, margin: [0, 4, 0, 2] }, rowsTable(root, n, value, profile)];
  }
  if (n['x-widget'] === 'textarea') {
    const heading: Content[] = title && title !== party.plainContent ? [{ text: title, bold: depth <= 2, margin: [0, 4, 0, 2] }] : [];
    return [...heading, { text: String(value), alignment: 'justify', leadingIndent: 28 }];
  }
  return [{ text: [{ text: `${title}: ` }, { text: scalarText(n, value) }] }];
}

/** The personal or collective details under the title: "Họ và tên: …" lines. */
function details(root: JsonSchema, doc: Doc): Content[] {
  const out: Content[] = [];
  for (const key of ['identity', 'collective', 'period']) {
    const schema = root.properties?.[key];
    const value = doc[key] as Doc | undefined;
    if (!schema || !value) continue;
    const n = resolveRef(root, schema);
    for (const [k, child] of Object.entries(n.properties ?? {})) {
      const c = resolveRef(root, child);
      if (value[k] === undefined) continue;
      if (c['x-widget'] === 'textarea') out.push({ text: String(value[k]), alignment: 'justify', leadingIndent: 28, margin: [0, 4, 0, 0] });
      else out.push({ text: [{ text: `${c.title}: ` }, { text: scalarText(c, value[k]) }] });
    }
  }
  return out;
}

/** The signature block of a form, whatever shape its `signature` node has. */
export function formSignature(form: FormDefinition, doc: Doc, profile: LayoutProfile = DEFAULT_PROFILE): Content | undefined {
  const schema = form.schema.properties?.signature;
  const value = doc.signature as Doc | undefined;
  if (!schema || !value) return undefined;
  const n = resolveRef(form.schema, schema);
  const title = n.title ?? '';
  const authority = typeof value.role === 'string' ? value.role : title.startsWith(party.onBehalf) ? title : undefined;
  const post = typeof value.position === 'string' ? value.position : authority ? undefined : title;
  return signatureBlock({ ...(authority ? { authority } : {}), ...(post ? { post } : {}), name: String(value.name ?? ''), note: party.signNote }, profile) as Content;
}

export function formBody(form: FormDefinition, doc: Doc, profile: LayoutProfile = DEFAULT_PROFILE): Content[] {
  const root = form.schema;
  const out: Content[] = [...details(root, doc)];
  for (const [key, child] of Object.entries(resolveRef(root, root).properties ?? {})) {
    if (SPECIAL.has(key)) continue;
    out.push(...nodeContent(root, child, doc[key], 0, profile));
  }
  return out;
}
