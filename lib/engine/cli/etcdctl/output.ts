// What one etcdctl run prints, in order (log lines on stderr interleave with results on stdout),
// and how it ends: cobrautl's exit codes and its "Error: ..." line.
import type { CommandResult } from "../../shell/types";
import { LogClock } from "./format";

/** pkg/cobrautl exit codes. */
export const ExitCode = {
  success: 0,
  error: 1,
  badConnection: 2,
  invalidInput: 3,
  badFeature: 4,
  interrupted: 5,
  io: 6,
  badArgs: 128,
  /** Not etcdctl's: the shell's status after Ctrl-C ends a command that would run forever. */
  sigint: 130,
} as const;

/** Thrown to end the run with `code` (os.Exit). */
export class Exit {
  constructor(readonly code: number) {}
}

export class Out {
  private readonly chunks: Array<[1 | 2, string]> = [];
  /** Timestamps for the run's zap log lines. */
  readonly clock: LogClock;

  constructor(seed = 0) {
    this.clock = new LogClock(seed);
  }

  out(text: string): void {
    if (text) this.chunks.push([1, text]);
  }

  err(text: string): void {
    if (text) this.chunks.push([2, text]);
  }

  /** cobrautl.ExitWithError: `Error: <err>` on stderr, then exit. */
  fail(code: number, message: string): never {
    this.err(`Error: ${message}\n`);
    throw new Exit(code);
  }

  result(exitCode: number): CommandResult {
    let stdout = "";
    let stderr = "";
    for (const [fd, text] of this.chunks) {
      if (fd === 1) stdout += text;
      else stderr += text;
    }
    return { stdout, stderr, exitCode, ordered: [...this.chunks] };
  }
}
