// Types for scripts/check-tests.mjs, for the scenario test that imports it.
export interface Finding {
  /** Relative to the repository root (absolute when outside it). */
  file: string;
  line: number;
  column: number;
  rule: 'early-return' | 'no-assertion' | 'only' | 'skip-reason';
  message: string;
}
export function checkFile(file: string, text?: string): Finding[];
export function testFiles(paths?: string[]): string[];
export function checkTests(paths?: string[]): Finding[];
export function format(finding: Finding): string;
