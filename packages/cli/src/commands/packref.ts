/** `ID` or `ID+OVERLAY.json[+OVERLAY.json…]`: a shipped pack with local overlays read from files. */
import type { PackRef } from '@kiemdiem/rules';
import { readJson } from '../input';
import type { Messages } from '../messages';

export function packRef(text: string, msg: Messages): PackRef & { regulation: string; overlays: unknown[]; files: string[] } {
  const [regulation, ...files] = text.split('+');
  return { regulation: regulation!, files, overlays: files.map((f) => readJson(f, msg)) };
}

export function readOverlays(files: string[], msg: Messages): unknown[] {
  return files.map((f) => readJson(f, msg));
}
