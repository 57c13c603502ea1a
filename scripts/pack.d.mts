// Types for scripts/pack.mjs, for the scenario tests that import it.
export interface Packed {
  name: string;
  version: string;
  /** The package directory. */
  dir: string;
  /** Absolute path of the .tgz. */
  tarball: string;
  fingerprint: string;
  /** Bytes of the .tgz. */
  packed: number;
  /** Bytes of the files inside. */
  unpacked: number;
  /** Paths inside the package, sorted. */
  files: string[];
  /** Packed by this call (false: an unchanged tarball reused). */
  fresh: boolean;
}
export const PACK_DIR: string;
export function packAll(options?: { force?: boolean }): Promise<Packed[]>;
export function fingerprint(dir: string): string;
export function tarEntries(tarball: string): Array<{ path: string; size: number }>;
export function packedManifest(tarball: string): Record<string, any>;
