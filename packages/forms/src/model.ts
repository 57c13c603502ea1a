/** What a form is: its identity, its legal basis, its JSON Schema and the logical fields rule packs refer to. */
import type { Audience, Localized, Provenance } from '@kiemdiem/rules';
import type { FormId } from './ids';

/** A JSON Schema (draft 2020-12) node, with our `x-` annotations for labels and widgets. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  pattern?: string;
  format?: string;
  enum?: string[];
  oneOf?: Array<{ const: string; title: string; 'x-title-en'?: string }>;
  default?: unknown;
  /** English label (the Vietnamese one is `title`, exactly as the official heading). */
  'x-title-en'?: string;
  'x-description-en'?: string;
  /** How a renderer should show the field. */
  'x-widget'?: 'textarea' | 'radio' | 'date' | 'table';
  /** Source of a checklist item or heading, e.g. "37-QĐ/TW Điều 4". */
  'x-basis'?: string;
  'x-provenance'?: Provenance;
  /** On a schema from `schemaFor`: the form rules of the pack that shaped it. */
  'x-rules'?: string[];
}

export type FormKind = 'individual' | 'collective' | 'reference';

export interface FormDefinition {
  /** Fixed id, e.g. "hd43-2025/02b". */
  id: FormId;
  /** The heading as the official form prints it. */
  title: Localized;
  /** The line under the title, e.g. "(Cá nhân không giữ chức vụ lãnh đạo, quản lý)". */
  subtitle?: Localized;
  /** The form-code tag printed at top right, e.g. "Mẫu 02B-HD KĐ.ĐG 2025". */
  code?: string;
  /** The guidance that issues the form; `official: false` forms have no central template. */
  basis: { document: string; signedOn: string; provenance: Provenance; note?: Localized };
  official: boolean;
  kind: FormKind;
  audience?: Audience;
  /** The rule pack whose form rules and rating apply to this form. */
  regulation?: string;
  /** Logical field → JSON pointer in this form: how rule packs name fields without knowing the layout. */
  fields: Record<string, string>;
  schema: JsonSchema;
}

export interface FormSummary {
  id: FormId;
  /** The heading, with the audience line for a form kept for one audience (see `formTitle`). */
  title: string;
  basis: string;
  official: boolean;
  code?: string;
  kind: FormKind;
  audience?: Audience;
  regulation?: string;
}
