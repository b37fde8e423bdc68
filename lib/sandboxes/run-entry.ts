import { CONTROL_PREFIX, type Sandbox, type TerminalControl } from "@/lib/engine/sandbox";
import type { ExecResult } from "@/lib/engine/shell";
import { daemonRunning } from "@/lib/engine/docker";
import type { HostState } from "@/lib/engine/hosts/types";
import { COMMAND_ACTION, COMMAND_ACTOR } from "@/lib/engine/trace";

// Runs one entry of a sandbox's terminal log as a command of the request trace: a "user"
// entry is recorded first and everything the line leads to descends from it, which is what
// the diagram's "what happened" strip replays. The live path and every rebuild from the log
// go through here, so a rebuilt sandbox carries the same trace as the one that ran live.

/** Longest command text kept in the trace (the terminal log keeps the whole line). */
const LABEL_LIMIT = 300;

/** What the trace shows for one log entry: the line, or which terminal action it was. */
export function commandDetail(entry: string, promptBefore: string, previous: { text?: string; more?: boolean } | undefined): Record<string, unknown> {
  if (entry.startsWith(CONTROL_PREFIX)) {
    try {
      return { control: (JSON.parse(entry.slice(CONTROL_PREFIX.length)) as TerminalControl).action };
    } catch {
      return { control: "unknown" };
    }
  }
  // A password prompt ends in ": "; shell prompts end in "$ ", "# " or "> ". What is typed at
  // another prompt is never copied into the trace: the entry carries the line that asked for it,
  // whose work (sudo, ssh) goes on once the answer is in.
  if (!/[$#>] $/.test(promptBefore)) return { secret: true, ...(previous?.text !== undefined ? { text: previous.text } : {}) };
  const text = previous?.more && promptBefore === "> " && previous.text !== undefined ? `${previous.text}\n${entry}` : entry;
  return { text: text.length > LABEL_LIMIT ? `${text.slice(0, LABEL_LIMIT)}…` : text };
}

interface DockerSummary {
  running: boolean;
  networks: Map<string, { name: string; driver: string; subnet?: string }>;
  containers: Map<string, { name: string; image: string; status: string; finishedAt?: number }>;
}

function dockerSummaries(hosts: Record<string, HostState>): Map<string, DockerSummary> {
  const out = new Map<string, DockerSummary>();
  for (const [name, host] of Object.entries(hosts)) {
    const engine = host.docker;
    if (!engine) continue;
    out.set(name, {
      running: daemonRunning(host),
      networks: new Map(engine.networks.map((n) => [n.id, { name: n.name, driver: n.driver, ...(n.ipamConfig[0]?.Subnet ? { subnet: n.ipamConfig[0].Subnet } : {}) }])),
      containers: new Map(engine.containers.map((c) => [c.id, { name: c.name, image: c.image, status: c.status, ...(c.finishedAt !== undefined ? { finishedAt: c.finishedAt } : {}) }])),
    });
  }
  return out;
}

/**
 * Records what a command changed in the hosts' Docker engines as "docker" entries under the
 * command. The Docker CLI does not write to the trace itself, so the change is read off the
 * engines' state before and after the line ran.
 */
function noteDockerChanges(sandbox: Sandbox, command: number, before: Map<string, DockerSummary>, startedAt: number) {
  const after = dockerSummaries(sandbox.hosts);
  const trace = sandbox.cluster.trace;
  const at = sandbox.now();
  const note = (host: string, action: string, object: string, detail?: Record<string, unknown>) =>
    trace.record(at, { actor: "docker", action, object, who: host, ...(detail ? { detail } : {}) }, command);
  for (const [host, now] of after) {
    const old = before.get(host);
    if (!old) continue;
    if (old.running !== now.running) note(host, now.running ? "daemon-start" : "daemon-stop", host);
    for (const [id, n] of now.networks) if (!old.networks.has(id)) note(host, "network-create", n.name, { driver: n.driver, ...(n.subnet ? { subnet: n.subnet } : {}) });
    for (const [id, n] of old.networks) if (!now.networks.has(id)) note(host, "network-remove", n.name);
    for (const [id, c] of now.containers) {
      const was = old.containers.get(id);
      if (!was) {
        note(host, "container-create", c.name, { image: c.image });
        if (c.status === "running") note(host, "container-start", c.name, { image: c.image });
      } else if (was.status !== "running" && c.status === "running") {
        note(host, "container-start", c.name, { image: c.image });
      } else if (was.status === "running" && c.status !== "running" && (c.finishedAt ?? at) >= startedAt) {
        // A container whose process ended before this line only shows it now that a docker
        // command looked: that is not something this command did.
        note(host, "container-stop", c.name, { image: c.image });
      }
    }
    for (const [id, c] of old.containers) if (!now.containers.has(id)) note(host, "container-remove", c.name, { image: c.image });
  }
}

/** The last command entry's label, to join the lines of a command typed over several lines. */
function previousCommand(sandbox: Sandbox): { text?: string; more?: boolean } | undefined {
  const entries = sandbox.cluster.trace.entries();
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.actor === COMMAND_ACTOR && e.action === COMMAND_ACTION) return e.detail as { text?: string; more?: boolean } | undefined;
  }
  return undefined;
}

/** Applies one terminal log entry (a typed line or a control action) as a traced command. */
export function runEntry(sandbox: Sandbox, entry: string): ExecResult {
  const detail = commandDetail(entry, entry.startsWith(CONTROL_PREFIX) ? "" : sandbox.prompt(), previousCommand(sandbox));
  const startedAt = sandbox.now();
  const docker = dockerSummaries(sandbox.hosts);
  return sandbox.cluster.trace.command(startedAt, detail, (id) => {
    const result = sandbox.apply(entry);
    // The next line continues this one (an open quote or here-document): it will carry both.
    if (result.waitingFor === "more") sandbox.cluster.trace.find(id)!.detail!.more = true;
    if (docker.size > 0) noteDockerChanges(sandbox, id, docker, startedAt);
    return result;
  });
}
