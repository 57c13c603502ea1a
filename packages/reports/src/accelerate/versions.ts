/**
 * The library versions the accelerations were written for, and what a worker reports about them. No
 * installing here: the main thread reads these too (batch.ts), and never loads the accelerations.
 */

/** The versions the accelerations were written for and tested with: update them only with the tests run. */
export const PINNED = { pdfmake: '0.3.11', pdfkit: '0.19.1', fontkit: '2.0.4' } as const;

export type Library = keyof typeof PINNED;
export type Versions = Record<Library, string>;

/**
 * Whether the accelerations are on in this thread, and if not why: `versions` (an installed library is not the
 * version they were written for), `loaded` (pdfkit was loaded in this thread before, so its fontkit cannot be
 * the shared one), `failed` (a library could not be found, or did not look as expected, or installing threw).
 */
export type AccelerationStatus =
  | { on: true; versions: Versions }
  | { on: false; reason: 'versions'; installed: Partial<Versions>; expected: Versions }
  | { on: false; reason: 'loaded' }
  | { on: false; reason: 'failed'; error: string };

/** The libraries whose installed version differs from the expected one (a missing version differs). */
export function mismatched(installed: Partial<Versions>, expected: Versions): Library[] {
  return (Object.keys(expected) as Library[]).filter((name) => installed[name] !== expected[name]);
}
