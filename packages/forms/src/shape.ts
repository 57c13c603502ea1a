/**
 * The document's shape before anything recursive touches it: nesting deeper than any form (which would overflow
 * the stack in normalisation and validation) and, for objects passed through the API, cycles and objects shared
 * so widely that copying the document would never end. Iterative, and linear in the number of distinct objects
 * however often each is referenced.
 */

/** No form nests deeper than 8 levels; 64 leaves room without letting a document exhaust the stack. */
export const MAX_DEPTH = 64;

/**
 * Objects and arrays in the document as written out (a shared object counts at each place it appears). A form
 * filled to every limit has a few thousand; JSON text cannot go past this without being megabytes long, but
 * 30 levels of an object holding the next one twice can.
 */
export const MAX_NODES = 1_000_000;

export interface ShapeProblem {
  code: 'too-deep' | 'cycle' | 'too-large';
  path: string;
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

interface Frame {
  value: object;
  keys: string[];
  next: number;
  path: string;
  /** Levels of objects below this one, so far. */
  height: number;
  /** Objects and arrays in this one as written out, itself included, so far. */
  size: number;
}

/**
 * The first problem found, or undefined. `too-deep`: the pointer of the first value nested more than MAX_DEPTH
 * levels down. `cycle`: the pointer at which an object contains itself. `too-large`: more than MAX_NODES
 * objects and arrays, at the pointer of the one that went past.
 */
export function checkShape(document: unknown): ShapeProblem | undefined {
  if (document === null || typeof document !== 'object') return undefined;
  // Objects fully walked: a shared object is walked once, then counted from here.
  const done = new WeakMap<object, { height: number; size: number }>();
  const onPath = new WeakSet<object>();
  const stack: Frame[] = [];
  let total = 1;
  const enter = (value: object, path: string) => {
    onPath.add(value);
    stack.push({ value, keys: Object.keys(value), next: 0, path, height: 0, size: 1 });
  };
  enter(document, '');
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next === top.keys.length) {
      stack.pop();
      onPath.delete(top.value);
      done.set(top.value, { height: top.height + 1, size: top.size });
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.height = Math.max(parent.height, top.height + 1);
        parent.size += top.size;
      }
      continue;
    }
    const key = top.keys[top.next++]!;
    const child = (top.value as Record<string, unknown>)[key];
    if (child === null || typeof child !== 'object') continue;
    const path = `${top.path}/${escape(key)}`;
    if (onPath.has(child)) return { code: 'cycle', path };
    const known = done.get(child);
    if (known) {
      if (stack.length + known.height > MAX_DEPTH) return { code: 'too-deep', path };
      total += known.size;
      if (total > MAX_NODES) return { code: 'too-large', path };
      top.height = Math.max(top.height, known.height);
      top.size += known.size;
      continue;
    }
    if (stack.length + 1 > MAX_DEPTH) return { code: 'too-deep', path };
    if (++total > MAX_NODES) return { code: 'too-large', path };
    enter(child, path);
  }
  return undefined;
}
