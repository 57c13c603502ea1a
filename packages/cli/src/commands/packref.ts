/** `ID` or `ID+OVERLAY.json[+OVERLAY.json…]`: a shipped pack with local overlays read from files. */
import { loadRegulation, readOverlay, withOverlays, type Pack, type PackRef } from '@kiemdiem/rules';
import { readJson } from '../input';
import type { Messages } from '../locales';

export function packRef(text: string, msg: Messages): PackRef & { regulation: string; overlays: unknown[]; files: string[] } {
  const [regulation, ...files] = text.split('+');
  return { regulation: regulation!, files, overlays: files.map((f) => readJson(f, msg)) };
}

/**
 * The pack to rate with when overlays are given (errors then name the overlay files); undefined
 * without overlays, so each subject's period picks its pack.
 */
export function overlaidPack(regulation: string | undefined, files: string[], msg: Messages): Pack | undefined {
  if (files.length === 0) return undefined;
  const overlays = files.map((f) => readJson(f, msg));
  const base = regulation ?? readOverlay(overlays[0], files[0]).extends;
  return withOverlays(loadRegulation(base), overlays, files);
}
