// `npm run sandbox -- [--lab ID] [--seed N] [--json]`: a terminal on one simulated cluster.
// With a TTY it is interactive (virtual time follows the wall clock). Without one it reads a
// script from stdin, one command per line (here-documents and trailing backslashes continue a
// command, a password prompt takes the next line), and prints each command's output; with
// --json one line per command: {"command","output","exitCode"}. In that mode time moves only
// through sleep, kubectl wait and kubectl rollout status.
import readline from "node:readline";
import { Writable } from "node:stream";
import { Sandbox } from "@/lib/engine/sandbox";
import { createLabSandbox } from "@/lib/labs/environment";
import { listLabIds, loadLab } from "@/lib/labs/load";

function parseOptions(argv: string[]) {
  const options = { seed: 1, json: false, lab: undefined as string | undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") options.json = true;
    else if (a === "--seed") options.seed = Number(argv[++i]);
    else if (a.startsWith("--seed=")) options.seed = Number(a.slice(7));
    else if (a === "--lab") options.lab = argv[++i];
    else if (a.startsWith("--lab=")) options.lab = a.slice(6);
    else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(options.seed)) throw new Error("--seed needs an integer");
  return options;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function runScript(sandbox: Sandbox, json: boolean) {
  const text = await readStdin();
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  let command = "";
  for (const line of lines) {
    const result = sandbox.exec(line);
    command = command ? `${command}\n${line}` : line;
    if (result.waitingFor === "more" || result.waitingFor === "password") {
      // The command goes on: a here-document body, a continuation, or a password.
      if (result.waitingFor === "password") command += "";
      if (result.output && !json) process.stdout.write(result.output);
      continue;
    }
    if (json) process.stdout.write(`${JSON.stringify({ command, output: result.output, exitCode: result.exitCode })}\n`);
    else process.stdout.write(result.output);
    command = "";
    if (result.ended) break;
  }
}

/** The terminal as readline sees it: muted while a password is typed, so nothing is echoed. */
class EchoControl extends Writable {
  muted = false;
  get columns() {
    return process.stdout.columns;
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    if (!this.muted) process.stdout.write(chunk);
    done();
  }
}

async function interactive(sandbox: Sandbox) {
  const echo = new EchoControl();
  const rl = readline.createInterface({ input: process.stdin, output: echo, terminal: true });
  let wall = Date.now();
  const ask = () => {
    echo.muted = false;
    rl.setPrompt(sandbox.prompt());
    rl.prompt();
  };
  rl.on("line", (line) => {
    const now = Date.now();
    sandbox.advanceBy(now - wall);
    wall = now;
    // ssh, sudo and su read passwords without echo; the Enter still ends the line.
    if (echo.muted) process.stdout.write("\n");
    const result = sandbox.exec(line);
    if (result.cleared) process.stdout.write("\x1b[2J\x1b[H");
    wall = Date.now();
    process.stdout.write(result.output);
    if (result.ended) return rl.close();
    ask();
    // The prompt is now the password prompt ("tony@stapp01's password: "): keep what follows unseen.
    if (result.waitingFor === "password") echo.muted = true;
  });
  // A password never goes into the arrow-key history.
  rl.on("history", (history: string[]) => {
    if (echo.muted) history.shift();
  });
  rl.on("close", () => process.exit(0));
  ask();
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  let sandbox: Sandbox;
  if (options.lab) {
    const lab = loadLab(options.lab);
    if (!lab) throw new Error(`unknown lab "${options.lab}"; labs: ${listLabIds().join(", ")}`);
    sandbox = createLabSandbox(lab, { seed: options.seed });
  } else {
    sandbox = Sandbox.create({ seed: options.seed });
  }
  if (process.stdin.isTTY) await interactive(sandbox);
  else {
    // A script is no terminal: `kubectl exec -it` warns and reads the script's next lines.
    sandbox.terminalIsTty = false;
    await runScript(sandbox, options.json);
  }
}

main().catch((error) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
