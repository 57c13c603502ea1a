/**
 * pdfmake's style lookup, with the same answers and without the allocations.
 *
 * pdfmake measures every word by asking its StyleContextStack for ~25 properties (font, bold, colour, link,
 * sup, …). Each question pushes the word onto the stack and pops it again through a callback, and each named
 * style it passes makes a closure and a Set. For a two-page form that was ~11 % of the CPU time. The versions
 * below answer the same questions in the same order of precedence (the word, its own styles, the stack from
 * the top, then the default style) without changing the stack. They are installed only in renderBatch's
 * worker threads (accelerate/index.ts); a test compares them with pdfmake's own on generated stacks.
 */

/** The parts of pdfmake's StyleContextStack that the lookup reads. */
export interface StyleStack {
  styleDictionary: Record<string, Record<string, unknown> | undefined>;
  defaultStyle?: Record<string, unknown> | null;
  styleOverrides?: unknown[];
  getProperty(property: string): unknown;
}

export interface StyleStackClass {
  prototype: StyleStack;
  getStyleProperty(item: unknown, stack: StyleStack | null | undefined, property: string, defaultValue: unknown): unknown;
}

/** pdfmake's own functions, kept on the class once replaced (for the equivalence test). */
export const ORIGINAL = Symbol.for('@kiemdiem/reports/style-lookup-original');

interface Originals {
  getProperty: StyleStack['getProperty'];
  getStyleProperty: StyleStackClass['getStyleProperty'];
}

const isValue = (value: unknown): boolean => value !== undefined && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string' || value instanceof String;

/** A named style's value, following `extends` (last parent first); a style met twice on one path gives nothing. */
function fromNamedStyle(
  dictionary: StyleStack['styleDictionary'],
  name: string,
  property: string,
  visited: Set<string> | undefined,
): unknown {
  if (visited?.has(name)) return undefined;
  const style = dictionary[name];
  if (!style) return undefined;
  const own = style[property];
  if (isValue(own)) return own;
  const parentsOf = style.extends;
  if (!parentsOf) return undefined;
  // Only a style that extends another can lead back to itself: the Set is made for those alone.
  const seen = visited ?? new Set<string>();
  seen.add(name);
  const parents = (Array.isArray(parentsOf) ? parentsOf : [parentsOf]) as string[];
  for (let i = parents.length - 1; i >= 0; i--) {
    const value = fromNamedStyle(dictionary, parents[i]!, property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** One entry of a stack: a style name, or an object whose own properties override. */
function fromEntry(dictionary: StyleStack['styleDictionary'], entry: unknown, property: string): unknown {
  if (isString(entry)) return fromNamedStyle(dictionary, String(entry), property, undefined);
  return (entry as Record<string, unknown>)[property];
}

/** StyleContextStack#getProperty: the stack from the top, then the default style. */
function getProperty(this: StyleStack, property: string): unknown {
  const overrides = this.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const value = fromEntry(this.styleDictionary, overrides[i], property);
      if (isValue(value)) return value;
    }
  }
  return this.defaultStyle && this.defaultStyle[property];
}

/**
 * StyleContextStack.getStyleProperty: the item's own value, else the item's styles and then the stack, as
 * pdfmake's `auto(item, …)` would see them with the item pushed on top (a string or a section pushes nothing).
 */
function getStyleProperty(item: unknown, stack: StyleStack | null | undefined, property: string, defaultValue: unknown): unknown {
  const record = item as Record<string, unknown>;
  const own = record[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  if (!isString(item) && typeof record.section === 'undefined' && record.style) {
    const names = Array.isArray(record.style) ? (record.style as unknown[]) : [record.style];
    for (let i = names.length - 1; i >= 0; i--) {
      const value = fromEntry(stack.styleDictionary, names[i], property);
      if (isValue(value)) return value;
    }
  }
  const value = frame !== undefined && frame.stack === stack ? fromFrame(frame, property) : stack.getProperty(property);
  return isValue(value) ? value : defaultValue;
}

/**
 * The stack's answers while pdfmake measures one text: buildInlines asks the same ~25 questions of the same
 * stack for every word, and nothing on the stack changes until it returns (only the words are written to).
 */
interface Frame {
  stack: StyleStack;
  values: Map<string, unknown>;
}
let frame: Frame | undefined;

function fromFrame(current: Frame, property: string): unknown {
  if (current.values.has(property)) return current.values.get(property);
  const value = current.stack.getProperty(property);
  current.values.set(property, value);
  return value;
}

/** The parts of pdfmake's TextInlines that the frame wraps. */
export interface TextInlinesClass {
  prototype: { buildInlines(this: unknown, textArray: unknown, stack: StyleStack | null | undefined): unknown };
}

const FRAMED = Symbol.for('@kiemdiem/reports/style-lookup-framed');

/** Keeps the stack's answers for the length of each TextInlines#buildInlines (once per class); false when the class does not look as expected. */
export function installStyleFrames(TextInlines: TextInlinesClass): boolean {
  const target = TextInlines.prototype as TextInlinesClass['prototype'] & { [FRAMED]?: boolean };
  if (target[FRAMED]) return true;
  if (typeof target.buildInlines !== 'function') return false;
  const buildInlines = target.buildInlines;
  target[FRAMED] = true;
  target.buildInlines = function (textArray, stack) {
    const outer = frame;
    frame = stack ? { stack, values: new Map() } : undefined;
    try {
      return buildInlines.call(this, textArray, stack);
    } finally {
      frame = outer;
    }
  };
  return true;
}

/**
 * Replaces pdfmake's two lookups on this class (once); pdfmake's own stay reachable under ORIGINAL. False when
 * the class does not look as expected.
 */
export function installStyleLookup(StyleContextStack: StyleStackClass): boolean {
  const target = StyleContextStack as StyleStackClass & { [ORIGINAL]?: Originals };
  if (target[ORIGINAL]) return true;
  if (typeof target.getStyleProperty !== 'function' || typeof target.prototype.getProperty !== 'function') return false;
  target[ORIGINAL] = { getProperty: target.prototype.getProperty, getStyleProperty: target.getStyleProperty };
  target.prototype.getProperty = getProperty;
  target.getStyleProperty = getStyleProperty;
  return true;
}
