// kubectl wait: --for=condition=X[=value], --for=delete, --for=jsonpath='{...}'[=value] and
// --for=create, advancing virtual time until every object meets it or the shared timeout ends.
import type { StoredObject } from "../../api/types";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { formatName, JsonPath, JsonPathError, relaxedJsonPathExpression } from "./format";
import { goSprint } from "./format/gofmt";
import type { JsonValue } from "./format/types";
import { resolveResourceArgs, ResourceError } from "./resources";
import type { Session } from "./session";
import { CommandError, durationFlag, isMap, resolveTargets, runGuarded, type Target } from "./targets";

export const WAIT_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "for", kind: "string" },
  { name: "timeout", kind: "string" },
  { name: "selector", short: "l", kind: "string" },
  { name: "field-selector", kind: "string" },
  { name: "all", kind: "bool" },
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "local", kind: "bool" },
  { name: "output", short: "o", kind: "string" },
  { name: "allow-missing-template-keys", kind: "bool" },
  { name: "show-managed-fields", kind: "bool" },
  { name: "template", kind: "string" },
];

const STEP_MS = 500;
/** What a negative --timeout means: a week. */
const FOREVER_MS = 7 * 24 * 3600_000;

type Condition =
  | { kind: "delete" }
  | { kind: "create" }
  | { kind: "condition"; name: string; value: string }
  | { kind: "jsonpath"; parser: JsonPath; value?: string };

/**
 * Moves the clock to the next poll. Nothing changes between two events of the cluster (timers,
 * etcd lease expiry), so polls that could only see the same state are skipped: the clock lands
 * on the same 500 ms tick as polling every tick would, and a week's timeout stays cheap.
 */
function poll(s: Session, deadline: number) {
  const cluster = s.ctx.world.sandbox.cluster;
  const now = s.now();
  const events = [cluster.clock.peek()?.at, cluster.internalWork?.next()].filter((t): t is number => t !== undefined);
  const next = events.length > 0 ? Math.min(...events) : deadline;
  const ticks = Math.max(1, Math.ceil((next - now) / STEP_MS));
  s.ctx.world.advance(Math.min(ticks * STEP_MS, deadline - now));
}

/** Splits `{.a.b}=value` at the first `=` outside braces. */
function splitJsonPathInput(text: string): string[] {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (c === "=" && depth === 0) return [text.slice(0, i), text.slice(i + 1)];
  }
  return [text];
}

/** conditionFuncFor. */
function parseFor(text: string): Condition {
  const lower = text.toLowerCase();
  if (lower === "delete") return { kind: "delete" };
  if (lower === "create") return { kind: "create" };
  if (text.startsWith("condition=")) {
    let name = text.slice("condition=".length);
    let value = "true";
    const eq = name.indexOf("=");
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { kind: "condition", name, value };
  }
  if (text.startsWith("jsonpath=")) {
    const parts = splitJsonPathInput(text.slice("jsonpath=".length));
    const usage = "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";
    if (parts.length < 1 || parts.length > 2 || parts[0] === "") throw new CommandError(`error: ${usage}`);
    let parser: JsonPath;
    try {
      parser = new JsonPath({ allowMissingKeys: true }).parse(relaxedJsonPathExpression(parts[0]!));
    } catch (error) {
      if (error instanceof JsonPathError) throw new CommandError(`error: ${error.message}`);
      throw error;
    }
    if (parts.length === 1) return { kind: "jsonpath", parser };
    const value = parts[1]!.replace(/^['"]+|['"]+$/g, "");
    if (value === "") throw new CommandError("error: jsonpath wait has to have a value after equal sign");
    return { kind: "jsonpath", parser, value };
  }
  throw new CommandError(`error: unrecognized condition: "${text}"`);
}

/** Whether a live object meets a condition (or throws kubectl's error for it). */
function met(obj: StoredObject | undefined, c: Condition, uid: string | undefined): boolean {
  switch (c.kind) {
    case "delete":
      return !obj || (uid !== undefined && obj.metadata.uid !== uid);
    case "create":
      return Boolean(obj);
    case "condition": {
      if (!obj) return false;
      const status = (obj.status ?? {}) as { conditions?: { type?: string; status?: string; observedGeneration?: number }[]; observedGeneration?: number };
      for (const cond of status.conditions ?? []) {
        if ((cond.type ?? "").toLowerCase() !== c.name.toLowerCase()) continue;
        if ((cond.status ?? "").toLowerCase() !== c.value.toLowerCase()) return false;
        const generation = obj.metadata.generation;
        if (generation !== undefined && cond.observedGeneration !== undefined && cond.observedGeneration < generation) return false;
        if (generation !== undefined && status.observedGeneration !== undefined && status.observedGeneration < generation) return false;
        return true;
      }
      return false;
    }
    case "jsonpath": {
      if (!obj) return false;
      let results: unknown[][];
      try {
        results = c.parser.findResults(JSON.parse(JSON.stringify(obj)) as JsonValue) as unknown[][];
      } catch {
        return false;
      }
      if (results.length === 0 || results[0]!.length === 0) return false;
      if (results.length > 1) throw new CommandError("error: given jsonpath expression matches more than one list");
      if (results[0]!.length > 1) throw new CommandError("error: given jsonpath expression matches more than one value");
      if (c.value === undefined) return true;
      const v = results[0]![0];
      if (isMap(v) || Array.isArray(v)) throw new CommandError("error: jsonpath leads to a nested object or list which is not supported");
      return goSprint(v as JsonValue) === c.value;
    }
  }
}

export function runWait(s: Session) {
  runGuarded(s, () => {
    const forText = s.flag<string | undefined>("for") ?? "";
    const condition = parseFor(forText);
    let timeout = durationFlag(s, "timeout", "wait", 30_000);
    if (timeout < 0) timeout = FOREVER_MS;
    const args = s.parsed.args;
    const all = Boolean(s.flag("all"));
    const selector = s.flag<string | undefined>("selector");
    const deadline = s.now() + timeout;
    let targets: Target[];
    if (condition.kind === "create") {
      targets = waitForCreate(s, args, deadline);
    } else {
      targets = resolveTargets(s, args, { all, selector, files: s.flag<string[] | undefined>("filename"), allNamespaces: Boolean(s.flag("all-namespaces")), ignoreNotFound: condition.kind === "delete" });
      if (s.output.exitCode !== 0) return;
      if (targets.length === 0) {
        if (condition.kind === "delete") return;
        throw new CommandError("error: no matching resources found");
      }
    }
    for (const t of targets) {
      const live = () => s.api.tryGet(t.info, t.namespace, t.name);
      if (condition.kind !== "delete" && condition.kind !== "create" && !live()) throw new CommandError(`Error from server (NotFound): ${t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource} "${t.name}" not found`);
      while (!met(live(), condition, t.object.metadata.uid)) {
        if (s.now() >= deadline) throw new CommandError(`error: timed out waiting for the condition on ${t.info.resource}/${t.name}`);
        poll(s, deadline);
      }
      const output = s.flag<string | undefined>("output");
      s.output.out(output === "name" ? `${formatName(t.object)}\n` : `${formatName(t.object, "condition met")}\n`);
    }
  });
}

/** --for=create: named objects may not exist yet; wait for each to appear. */
function waitForCreate(s: Session, args: string[], deadline: number): Target[] {
  let requests;
  try {
    requests = resolveResourceArgs(args);
  } catch (error) {
    if (error instanceof ResourceError) throw new CommandError(`error: ${error.message}`);
    throw error;
  }
  const out: Target[] = [];
  for (const r of requests) {
    const ns = r.info.namespaced ? s.namespace : undefined;
    for (const name of r.names) {
      let obj = s.api.tryGet(r.info, ns, name);
      while (!obj) {
        if (s.now() >= deadline) throw new CommandError(`error: timed out waiting for the condition on ${r.info.resource}/${name}`);
        poll(s, deadline);
        obj = s.api.tryGet(r.info, ns, name);
      }
      out.push({ info: r.info, namespace: ns, name, object: obj });
    }
  }
  return out;
}
