// Types for scripts/check-packed.mjs, for the scenario test that imports it.
export interface Problem {
  /** Relative to the package directory, as in the tarball. */
  file: string;
  rule: 'imports-test-runner' | 'imports-dev-only' | 'test-name' | 'not-built' | 'source-shipped' | 'missing';
  message: string;
}
export function packedFiles(dir: string): string[];
export function buildEntries(dir: string): string[];
export function checkPacked(dir: string, files?: string[]): { name: string; files: string[]; problems: Problem[] };
export function packageDirs(): string[];
export function tarballLayout(files: string[], manifest: { files?: string[] }): Problem[];
