// Per-invocation state of a kubectl command: the client config, the API it talks to, and the
// output collected so far.
import type { CommandContext, CommandResult } from "../../shell/types";
import type { ContainerSession } from "../../shell/state";
import type { World } from "../../world";
import type { ApiServer } from "../../apiserver/server";
import { ApiError } from "../../apiserver/errors";
import { SelectorParseError } from "../../apiserver/selectors";
import { loadClientConfig, type ClientConfig } from "./kubeconfig";
import { apiErrorMessage, connectionRefused } from "./errors";
import { FlagError, type ParsedArgs } from "./args";
import { ResourceError } from "./resources";

export class Output {
  stdout = "";
  stderr = "";
  exitCode = 0;
  /** A file for the terminal to open in its editor, and what to run when it closes (kubectl edit). */
  editor?: { path: string; then: string[] };
  /** A container shell to attach the terminal to (kubectl exec -it). */
  attach?: ContainerSession;
  /** What out/err/warn wrote, in order, so a warning shows where it was printed. */
  private chunks: Array<[1 | 2, string]> = [];

  out(text: string) {
    this.stdout += text;
    this.chunks.push([1, text]);
  }
  err(text: string, code = 1) {
    const line = text.endsWith("\n") ? text : `${text}\n`;
    this.stderr += line;
    this.chunks.push([2, line]);
    this.exitCode = code;
  }
  /** stderr text that does not fail the command (warnings). */
  warn(text: string) {
    this.stderr += text;
    this.chunks.push([2, text]);
  }
  result(): CommandResult {
    const result: CommandResult = { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode, ...(this.editor ? { editor: this.editor } : {}), ...(this.attach ? { attach: this.attach } : {}) };
    // Only when every byte went through out/err/warn (some commands append to stdout directly).
    const joined = (fd: 1 | 2) => this.chunks.filter((c) => c[0] === fd).map((c) => c[1]).join("");
    if (this.chunks.length > 0 && joined(1) === this.stdout && joined(2) === this.stderr) result.ordered = [...this.chunks];
    return result;
  }
}

export class Session {
  readonly output = new Output();
  readonly config: ClientConfig;

  constructor(
    readonly ctx: CommandContext<World>,
    readonly parsed: ParsedArgs,
  ) {
    this.config = loadClientConfig(ctx, {
      kubeconfig: parsed.flags.kubeconfig as string | undefined,
      context: parsed.flags.context as string | undefined,
    });
  }

  get api(): ApiServer {
    return this.ctx.world.sandbox.cluster.api;
  }

  /** The namespace for namespaced requests: -n, else the context's namespace, else default. */
  get namespace(): string {
    return (this.parsed.flags.namespace as string | undefined) || this.config.namespace;
  }

  flag<T extends string | number | boolean | string[] | undefined>(name: string): T {
    return this.parsed.flags[name] as T;
  }

  now(): number {
    return this.ctx.world.now();
  }

  /** Whether this kubectl can reach an API server at all (a kubeconfig and a running server). */
  reachable(): boolean {
    if (!this.config.path || !this.config.file) return false;
    return this.ctx.world.sandbox.apiServerUp();
  }

  connectionError() {
    this.output.err(connectionRefused(this.config.server));
  }
}

/** Runs a command body, turning the errors kubectl prints into output and exit code 1. */
export function guard(output: Output, fn: () => void, source?: { verb: string; file: string }) {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) output.err(apiErrorMessage(error, source));
    else if (error instanceof FlagError || error instanceof ResourceError || error instanceof SelectorParseError) output.err(`error: ${error.message}`);
    else throw error;
  }
}
