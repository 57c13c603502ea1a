/** Small builders for schema nodes: every field gets a Vietnamese title, an English one and limits. */
import type { JsonSchema } from '../model';

export const LIMITS = { short: 200, line: 500, long: 10_000, rows: 50 } as const;

/**
 * Shared definitions: repeated nodes are referenced (`$ref`) rather than copied, so the precompiled
 * validator has one function per shape instead of one per occurrence. `formSchema` copies in the ones used.
 */
export const DEFS: Record<string, JsonSchema> = {
  text200: { type: 'string', minLength: 1, maxLength: LIMITS.short },
  text500: { type: 'string', minLength: 1, maxLength: LIMITS.line },
  text2000: { type: 'string', minLength: 1, maxLength: 2000, 'x-widget': 'textarea' },
  text5000: { type: 'string', minLength: 1, maxLength: 5000, 'x-widget': 'textarea' },
  text10000: { type: 'string', minLength: 1, maxLength: LIMITS.long, 'x-widget': 'textarea' },
};

function textRef(vi: string, en: string, maxLength: number, long: boolean): JsonSchema {
  const name = `text${maxLength}`;
  if (!DEFS[name]) DEFS[name] = { type: 'string', minLength: 1, maxLength, ...(long ? { 'x-widget': 'textarea' as const } : {}) };
  return { $ref: `#/$defs/${name}`, title: vi, 'x-title-en': en };
}

export function text(vi: string, en: string, maxLength: number = LIMITS.short): JsonSchema {
  return textRef(vi, en, maxLength, false);
}

export function longText(vi: string, en: string, maxLength: number = LIMITS.long): JsonSchema {
  return textRef(vi, en, maxLength, true);
}

/** A reference to a shared definition, with this occurrence's labels. */
export function ref(name: string, def: JsonSchema, vi: string, en: string): JsonSchema {
  DEFS[name] ??= def;
  return { $ref: `#/$defs/${name}`, title: vi, 'x-title-en': en };
}

export function date(vi: string, en: string): JsonSchema {
  return { type: 'string', title: vi, 'x-title-en': en, format: 'date', 'x-widget': 'date' };
}

export function year(vi = 'Năm', en = 'Year'): JsonSchema {
  return { type: 'integer', title: vi, 'x-title-en': en, minimum: 2000, maximum: 2100 };
}

export function count(vi: string, en: string, maximum = 10_000): JsonSchema {
  return { type: 'integer', title: vi, 'x-title-en': en, minimum: 0, maximum };
}

export function score(vi: string, en: string, maximum: number): JsonSchema {
  return { type: 'number', title: vi, 'x-title-en': en, minimum: 0, maximum, multipleOf: 0.5 };
}

export function bool(vi: string, en: string): JsonSchema {
  return { type: 'boolean', title: vi, 'x-title-en': en };
}

export function choice(vi: string, en: string, options: Array<[value: string, vi: string, en: string]>): JsonSchema {
  return { type: 'string', title: vi, 'x-title-en': en, oneOf: options.map(([c, t, e]) => ({ const: c, title: t, 'x-title-en': e })), 'x-widget': 'radio' };
}

export function obj(vi: string, en: string, properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', title: vi, 'x-title-en': en, properties, required, additionalProperties: false };
}

export function table(vi: string, en: string, row: JsonSchema, maxItems: number = LIMITS.rows): JsonSchema {
  return { type: 'array', title: vi, 'x-title-en': en, items: row, maxItems, 'x-widget': 'table' };
}

/** The four quality levels, labelled as the forms print them. */
export function level(vi: string, en: string): JsonSchema {
  return ref('level', choice('Mức xếp loại', 'Level', [
    ['HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ', 'Excellent task completion'],
    ['HTTNV', 'Hoàn thành tốt nhiệm vụ', 'Good task completion'],
    ['HTNV', 'Hoàn thành nhiệm vụ', 'Task completion'],
    ['KHTNV', 'Không hoàn thành nhiệm vụ', 'Task not completed'],
  ]), vi, en);
}
