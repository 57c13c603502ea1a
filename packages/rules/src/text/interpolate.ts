/**
 * The SDK's one way to fill a message template: pack messages (`{actual|percent}`, `{deadline}`) and any
 * other wording with named slots. A template is split once into text and `{name}` / `{name|format}` slots and
 * kept; each slot is filled by the caller's function, and a slot it does not fill (undefined) stays as
 * written. Nothing is compiled or evaluated: pack and overlay text is data.
 */

type Part = string | { name: string; format: string | undefined; whole: string };

const SLOT = /\{([A-Za-z][A-Za-z0-9]*)(?:\|([A-Za-z][A-Za-z0-9-]*))?\}/g;
const parsed = new Map<string, readonly Part[]>();
/** Templates kept: packs have a few hundred; the bound only guards against endless distinct overlays. */
const MAX_TEMPLATES = 10_000;

function partsOf(template: string): readonly Part[] {
  let parts = parsed.get(template);
  if (!parts) {
    const list: Part[] = [];
    let last = 0;
    for (const m of template.matchAll(SLOT)) {
      if (m.index > last) list.push(template.slice(last, m.index));
      list.push({ name: m[1]!, format: m[2], whole: m[0] });
      last = m.index + m[0].length;
    }
    if (last < template.length) list.push(template.slice(last));
    if (parsed.size >= MAX_TEMPLATES) parsed.clear();
    parsed.set(template, (parts = list));
  }
  return parts;
}

/** Fills the slots of `template` with `fill(name, format)`; a slot filled with undefined is left as written. */
export function interpolate(template: string, fill: (name: string, format: string | undefined) => string | undefined): string {
  let out = '';
  for (const part of partsOf(template)) {
    if (typeof part === 'string') out += part;
    else out += fill(part.name, part.format) ?? part.whole;
  }
  return out;
}
