/** Where a command writes; tests pass buffers, the binary passes process streams. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour, progress). */
  isTTY?: boolean;
  /** Streaming output: resolves when more may be written (the pipe has drained). */
  write?(data: string | Uint8Array): Promise<void> | void;
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
