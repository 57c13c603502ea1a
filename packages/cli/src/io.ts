/** Where a command writes; tests pass buffers, the binary passes process streams. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour, progress). */
  isTTY?: boolean;
  /** Streaming output: resolves when more may be written (the pipe has drained). */
  write?(data: string | Uint8Array): Promise<void> | void;
  /**
   * True when `write` resolves only once it is done with the bytes (written out, not just queued), so a
   * streaming command may reuse their buffer for the next output. Tests that keep what they are given leave it out.
   */
  writeReleases?: boolean;
}

/** Exit codes, documented in the README and `kiemdiem --help`. */
export const EXIT = {
  ok: 0,
  /** Some subject was invalid, some test case failed, or a review plan breaks a process rule. */
  failed: 1,
  /** Usage error: unknown flag or command, unreadable file, unknown regulation; a malformed review plan. */
  usage: 2,
  /** A bug in kiemdiem: please report it. */
  internal: 3,
} as const;

export class UsageError extends Error {}
