/**
 * Tinos (metric-compatible with Times New Roman, full Vietnamese coverage), embedded in every PDF: the
 * Party layout (HD 36) asks for Times New Roman, and no standard-14 font can print Vietnamese.
 * Node only: browsers get the same files from their host (see browser.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontFiles } from './print';

export type { FontFiles } from './print';

const FILES = {
  normal: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italics: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  bolditalics: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;

let cached: FontFiles | undefined;

/** Reads the four Tinos faces once per process (or worker) from @expo-google-fonts/tinos. */
export function loadFonts(): FontFiles {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const base = require.resolve('@expo-google-fonts/tinos/package.json').replace(/package\.json$/, '');
  const read = (rel: string) => new Uint8Array(readFileSync(base + rel));
  cached = { normal: read(FILES.normal), bold: read(FILES.bold), italics: read(FILES.italics), bolditalics: read(FILES.bolditalics) };
  return cached;
}
