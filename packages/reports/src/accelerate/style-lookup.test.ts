import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { installStyleLookup, ORIGINAL, type StyleStack, type StyleStackClass } from './style-lookup';
import { seededRandom } from '../../test/random';

type Stack = StyleStack & { styleOverrides: unknown[] };
type Originals = { getProperty: StyleStack['getProperty']; getStyleProperty: StyleStackClass['getStyleProperty'] };

// pdfmake's own class, as a worker loads it: a copy of its module of our own (this process's pdfmake stays as published).
const require = createRequire(import.meta.url);
const stackPath = createRequire(require.resolve('pdfmake')).resolve('./StyleContextStack');
function freshStyleContextStack(): unknown {
  const cached = require.cache[stackPath];
  delete require.cache[stackPath];
  try {
    return (require(stackPath) as { default: unknown }).default;
  } finally {
    if (cached) require.cache[stackPath] = cached;
    else delete require.cache[stackPath];
  }
}
const StyleContextStack = freshStyleContextStack() as StyleStackClass & (new (dictionary: object, defaultStyle?: unknown) => Stack) & { [ORIGINAL]?: Originals };
installStyleLookup(StyleContextStack);
const original = StyleContextStack[ORIGINAL]!;

// Properties pdfmake asks for, one nobody sets, and names String.prototype has (String objects on the stack).
const PROPERTIES = ['font', 'bold', 'italics', 'fontSize', 'color', 'link', 'sup', 'noWrap', 'unset', 'length'];
const VALUES = [undefined, null, false, true, 0, 12, '', 'Tinos', 'red'];
const NAMES = ['title', 'body', 'small', 'header', 'loop', 'missing'];

function generator(seed: number) {
  const next = seededRandom(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const props = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const p of PROPERTIES) if (next() < 0.25) out[p] = pick(VALUES);
    return out;
  };
  const dictionary = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const name of NAMES.slice(0, 5)) {
      if (next() < 0.15) continue;
      const style = props();
      const r = next();
      if (r < 0.25) style.extends = pick(NAMES); // may be itself, a cycle or a missing style
      else if (r < 0.4) style.extends = [pick(NAMES), pick(NAMES), pick(NAMES)];
      out[name] = style;
    }
    return out;
  };
  const entry = (): unknown => {
    const r = next();
    if (r < 0.35) return pick(NAMES);
    if (r < 0.4) return new String(pick(NAMES));
    if (r < 0.42) return null; // pdfmake throws on it; so must the replacement
    return props();
  };
  const item = (): unknown => {
    const r = next();
    if (r < 0.1) return 'plain text';
    if (r < 0.15) return ['an', 'array'];
    const out = props();
    const s = next();
    if (s < 0.3) out.style = pick(NAMES);
    else if (s < 0.5) out.style = [pick(NAMES), new String(pick(NAMES)), props()];
    if (next() < 0.1) out.section = {};
    return out;
  };
  return { next, pick, dictionary, entry, item };
}

/** The value, or the name of the error, of a call. */
function outcome(call: () => unknown): unknown {
  try {
    return { value: call() };
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
}

describe('installStyleLookup (pdfmake style lookup without allocations)', () => {
  it('is installed once, keeping pdfmake’s own functions', () => {
    expect(typeof original.getProperty).toBe('function');
    expect(StyleContextStack.prototype.getProperty).not.toBe(original.getProperty);
    installStyleLookup(StyleContextStack);
    expect(StyleContextStack[ORIGINAL]).toBe(original);
  });

  it('answers as pdfmake does, and leaves the stack as it was, on 20,000 generated stacks and items', () => {
    const gen = generator(20251122);
    let nonEmpty = 0;
    for (let round = 0; round < 20_000; round++) {
      const dictionary = gen.dictionary();
      const defaultStyle = gen.pick([undefined, null, {}, { font: 'Tinos', fontSize: 14, bold: false }]);
      const entries = Array.from({ length: Math.floor(gen.next() * 7) }, gen.entry);
      const property = gen.pick(PROPERTIES);
      const item = gen.item();
      const fallback = gen.pick(VALUES);

      const ours = new StyleContextStack(dictionary, defaultStyle);
      ours.styleOverrides = [...entries];
      const theirs = new StyleContextStack(dictionary, defaultStyle);
      theirs.styleOverrides = [...entries];
      theirs.getProperty = original.getProperty; // pdfmake's own lookup all the way down

      const where = `round ${round}: ${property} of ${JSON.stringify(item)} on ${JSON.stringify(entries)} with ${JSON.stringify(dictionary)}`;
      const expected = outcome(() => original.getStyleProperty(item, theirs, property, fallback));
      expect(outcome(() => StyleContextStack.getStyleProperty(item, ours, property, fallback)), where).toEqual(expected);
      expect(outcome(() => ours.getProperty(property)), where).toEqual(outcome(() => original.getProperty.call(theirs, property)));
      expect(outcome(() => StyleContextStack.getStyleProperty(item, null, property, fallback))).toEqual(
        outcome(() => original.getStyleProperty(item, null, property, fallback)),
      );
      expect(ours.styleOverrides).toEqual(entries);
      if ((expected as { value?: unknown }).value !== undefined && (expected as { value?: unknown }).value !== fallback) nonEmpty++;
    }
    // The generated cases reach values from the stack, not only the fallbacks.
    expect(nonEmpty).toBeGreaterThan(5_000);
  });
});
