// Tab completion for the terminal: commands, kubectl subcommands and flags, resource types.

const COMMANDS = ["kubectl", "etcdctl", "systemctl", "journalctl", "crictl", "docker", "curl", "wget", "nslookup", "dig", "ping", "ip", "ssh", "sudo", "cat", "ls", "cd", "echo", "grep", "vi", "vim", "nano", "clear", "history", "exit", "sleep", "watch", "mkdir", "touch", "rm", "cp", "mv", "head", "tail", "sed", "awk", "sort", "uniq", "wc", "cut", "env", "export", "whoami", "hostname"];
const KUBECTL = ["annotate", "api-resources", "api-versions", "apply", "auth", "cluster-info", "config", "cordon", "create", "delete", "describe", "drain", "edit", "events", "exec", "explain", "expose", "get", "label", "logs", "patch", "replace", "rollout", "run", "scale", "set", "taint", "top", "uncordon", "version", "wait"];
const TYPES = ["pods", "deployments", "replicasets", "daemonsets", "services", "endpoints", "endpointslices", "nodes", "namespaces", "configmaps", "secrets", "serviceaccounts", "jobs", "events", "leases", "resourcequotas", "limitranges", "all"];
const ROLLOUT = ["history", "pause", "restart", "resume", "status", "undo"];

function candidates(words: string[]): string[] {
  if (words.length <= 1) return COMMANDS;
  const [cmd, sub] = words;
  if (cmd === "kubectl" || (cmd === "sudo" && words[1] === "kubectl")) {
    if (words.length === 2) return KUBECTL;
    if (sub === "rollout" && words.length === 3) return ROLLOUT;
    if (["get", "describe", "delete", "edit", "label", "annotate", "explain", "scale", "patch"].includes(sub!) && words.length === 3) return TYPES;
    if (sub === "rollout" && words.length === 4) return ["deployment/", "daemonset/"];
  }
  if (cmd === "systemctl" && words.length === 2) return ["status", "start", "stop", "restart", "enable", "disable", "is-active", "cat", "list-units"];
  if ((cmd === "systemctl" || cmd === "journalctl") && words.length >= 3) return ["kubelet", "containerd", "docker"];
  return [];
}

/** Completes the last word of `line`: the text to insert, or a list of choices to show. */
export function complete(line: string): { insert: string; choices: string[] } {
  const words = line.split(/\s+/);
  const last = words[words.length - 1] ?? "";
  const matches = candidates(words).filter((c) => c.startsWith(last));
  if (matches.length === 0) return { insert: "", choices: [] };
  if (matches.length === 1) {
    const word = matches[0]!;
    return { insert: word.slice(last.length) + (word.endsWith("/") ? "" : " "), choices: [] };
  }
  let prefix = matches[0]!;
  for (const m of matches) while (!m.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return { insert: prefix.slice(last.length), choices: prefix.length > last.length ? [] : matches };
}
