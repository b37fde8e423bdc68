// kubectl run: one Pod, built as kubectl's run-pod/v1 generator builds it (label run=NAME,
// dnsPolicy ClusterFirst, restartPolicy Always unless --restart), optionally with a Service
// (--expose). Attaching (-i/-t/--attach) needs a live terminal into the container and is refused.
import type { KubeObject } from "../../api/types";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { applyOverrides } from "./overrides";
import type { Session } from "./session";
import { apiFailure, argsLenAtDash, CommandError, createOrDryRun, dryRunStrategy, printChanged, requireFlags, runGuarded } from "./targets";

export const RUN_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "image", kind: "string" },
  { name: "port", kind: "string" },
  { name: "labels", short: "l", kind: "string" },
  { name: "env", kind: "stringArray" },
  { name: "annotations", kind: "stringArray" },
  { name: "restart", kind: "string" },
  { name: "dry-run", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  { name: "command", kind: "bool" },
  { name: "stdin", short: "i", kind: "bool" },
  { name: "tty", short: "t", kind: "bool" },
  { name: "attach", kind: "bool" },
  { name: "rm", kind: "bool" },
  { name: "quiet", short: "q", kind: "bool" },
  { name: "expose", kind: "bool" },
  { name: "privileged", kind: "bool" },
  { name: "image-pull-policy", kind: "string" },
  { name: "leave-stdin-open", kind: "bool" },
  { name: "save-config", kind: "bool" },
  { name: "overrides", kind: "string" },
  { name: "override-type", kind: "string", default: "merge" },
  { name: "field-manager", kind: "string" },
  { name: "pod-running-timeout", kind: "string" },
  { name: "allow-missing-template-keys", kind: "bool" },
  { name: "show-managed-fields", kind: "bool" },
  { name: "template", kind: "string" },
];

/** A loose form of the distribution reference grammar: what `docker pull` would accept. */
const IMAGE_REFERENCE = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

/** generate.ParseLabels: "k=v,k2=v2". */
function parseLabelSpec(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(",")) {
    const kv = part.split("=");
    if (kv.length !== 2) throw new CommandError(`error: unexpected label spec: ${part}`);
    if (!kv[0]) throw new CommandError("error: unexpected empty label key");
    out[kv[0]] = kv[1]!;
  }
  return out;
}

/** parseEnvs: NAME=value with a valid variable name. */
function parseEnv(list: string[]): { name: string; value: string }[] {
  return list.map((e) => {
    const eq = e.indexOf("=");
    const name = eq < 0 ? "" : e.slice(0, eq);
    if (eq < 0 || !name || !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new CommandError(`error: invalid env: ${e}`);
    return { name, value: e.slice(eq + 1) };
  });
}

function parseAnnotations(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list) {
    const eq = a.indexOf("=");
    if (eq < 0) throw new CommandError(`error: invalid annotation spec: ${a}`);
    out[a.slice(0, eq)] = a.slice(eq + 1);
  }
  return out;
}

/** Sorted keys, as Go marshals maps. */
const sorted = (m: Record<string, string>) => Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]!]));

export function runRun(s: Session) {
  runGuarded(s, () => {
    requireFlags(s, ["image"]);
    const args = s.parsed.args;
    const dashAt = argsLenAtDash(s, RUN_FLAGS);
    if (args.length === 0 || dashAt === 0) throw new CommandError("error: NAME is required for run");
    const image = s.flag<string>("image");
    if (image === "") throw new CommandError("error: --image is required");
    if (!IMAGE_REFERENCE.test(image)) throw new CommandError(`error: Invalid image name "${image}": invalid reference format`);
    const interactive = Boolean(s.flag("stdin"));
    if (s.flag("tty") && !interactive) throw new CommandError("error: -i/--stdin is required for containers with -t/--tty=true");
    const port = s.flag<string | undefined>("port") ?? "";
    if (s.flag("expose") && port === "") throw new CommandError("error: --port must be set when exposing a service");
    const restartFlag = s.flag<string | undefined>("restart") ?? "";
    const restartPolicy = restartFlag === "" ? (interactive ? "OnFailure" : "Always") : restartFlag;
    if (!["Always", "OnFailure", "Never"].includes(restartPolicy)) throw new CommandError(`error: invalid restart policy: ${restartFlag}`);
    const attach = Boolean(s.flag("attach")) || interactive;
    if (!attach && s.flag("rm")) throw new CommandError("error: --rm should only be used for attached containers");
    const dryRun = dryRunStrategy(s);
    if (attach && dryRun !== "none") throw new CommandError("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
    const pullPolicy = s.flag<string | undefined>("image-pull-policy") ?? "";
    if (pullPolicy && !["Always", "IfNotPresent", "Never"].includes(pullPolicy)) throw new CommandError(`error: invalid image pull policy: ${pullPolicy}`);
    if (attach) throw new CommandError("error: attaching to a container (-i, -t, --attach) is not available in this terminal: run the pod without them, then use kubectl logs");

    const name = args[0]!;
    const extra = args.slice(1);
    const labelText = s.flag<string | undefined>("labels") ?? "";
    const labels = labelText ? parseLabelSpec(labelText) : { run: name };
    const annotations = parseAnnotations(s.flag<string[] | undefined>("annotations") ?? []);
    const env = parseEnv(s.flag<string[] | undefined>("env") ?? []);
    const container: Record<string, unknown> = {};
    if (extra.length) container[s.flag("command") ? "command" : "args"] = extra;
    if (env.length) container.env = env;
    container.image = image;
    if (pullPolicy) container.imagePullPolicy = pullPolicy;
    container.name = name;
    if (port !== "") {
      if (!/^-?\d+$/.test(port)) throw new CommandError(`error: strconv.Atoi: parsing "${port}": invalid syntax`);
      if (Number(port) > 0) container.ports = [{ containerPort: Number(port) }];
    }
    container.resources = {};
    if (s.flag("privileged")) container.securityContext = { privileged: true };
    const namespace = s.parsed.set.has("namespace") ? s.namespace : undefined;
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        ...(Object.keys(annotations).length ? { annotations: sorted(annotations) } : {}),
        creationTimestamp: null as unknown as string,
        labels: sorted(labels),
        name,
        ...(dryRun === "client" && namespace ? { namespace } : {}),
      },
      spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy },
      status: {},
    };

    // Only the pod takes the overrides; the Service of --expose is generated without them.
    const overridden = applyOverrides(pod, s.flag<string | undefined>("overrides") ?? "", s.flag<string>("override-type"));
    let created: KubeObject;
    try {
      created = createOrDryRun(s, overridden, s.namespace, dryRun);
    } catch (error) {
      apiFailure(error);
    }
    if (s.flag("expose")) {
      const service: KubeObject = {
        apiVersion: "v1",
        kind: "Service",
        metadata: { creationTimestamp: null as unknown as string, ...(labelText ? { labels: sorted(labels) } : {}), name, ...(dryRun === "client" && namespace ? { namespace } : {}) },
        spec: { ports: [{ port: Number(port), protocol: "TCP", targetPort: Number(port) }], selector: labelText ? sorted(labels) : { run: name } },
        status: { loadBalancer: {} },
      };
      try {
        printChanged(s, createOrDryRun(s, service, s.namespace, dryRun), "created", dryRun);
        if (s.flag<string | undefined>("output") === "yaml") s.output.out("---\n");
      } catch (error) {
        apiFailure(error);
      }
    }
    printChanged(s, created, "created", dryRun);
  });
}
