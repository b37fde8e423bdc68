// The shell's public API: a terminal session over the sandbox's hosts.
export { Shell, createShellState, type ExecResult } from "./shell";
export { LIMITS, type ShellDeps } from "./interp";
export type { Frame, ShellState, Pending, Grant, Resume } from "./state";
export { promptFor } from "./state";
export { parse, isComplete, MAX_HEREDOC_BYTES, type ParseResult, type List, type Word, type WordPart, type CommandNode } from "./parse";
export { ok, fail, type Command, type CommandContext, type CommandResult } from "./types";
export { getopt, type Proc, type Utility } from "./proc";
export { strftime, dateDefault, ctime } from "./time-format";
