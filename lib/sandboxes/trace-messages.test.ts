import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { locales, type Locale } from "@/lib/i18n/locales";
import { messageAt } from "@/lib/i18n/message-check";
import type { TraceEntry } from "@/lib/engine/trace";
import { Sandbox } from "@/lib/engine/sandbox";
import { entryMessage, eventMessage, laneItems, NOTE_MESSAGES, TRACE_MESSAGE_KEYS } from "./trace-messages";
import { runEntry } from "./run-entry";
import type { TraceMessage } from "./view-model";

const messages = Object.fromEntries(locales.map((l) => [l, JSON.parse(fs.readFileSync(path.join("content", "messages", `${l}.json`), "utf8"))]));

/** Formats a Trace message as the diagram does; a missing key or argument is an error. */
function format(locale: Locale, message: TraceMessage): string {
  const errors: string[] = [];
  const t = createTranslator({ locale, messages: messages[locale], namespace: "Trace", onError: (e) => errors.push(e.message) }) as unknown as (key: string, values: Record<string, string | number>) => string;
  const text = t(message.key, message.values);
  if (errors.length) throw new Error(`${locale} ${message.key}: ${errors.join("; ")}`);
  return text;
}

/** Source files of a folder, tests left out. */
function sources(dir: string): { file: string; text: string }[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => ({ file: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), "utf8") }));
}

/**
 * Every (actor, action) the engine notes, read from its source: each `cluster.note(...)` call
 * with literal actor and action. A call the pattern cannot read fails the test, so a new note
 * cannot slip past it.
 */
function notedActions(): { actions: Set<string>; unreadable: string[] } {
  const actions = new Set<string>();
  const unreadable: string[] = [];
  for (const { file, text } of sources("lib/engine")) {
    for (const call of text.matchAll(/\.note\(([^)]*)/g)) {
      if (file.endsWith("cluster.ts") && call[0].startsWith(".note(actor")) continue; // the definition
      const literal = /^\s*"([^"]+)",\s*"([^"]+)"/.exec(call[1]!);
      if (literal) actions.add(`${literal[1]} ${literal[2]}`);
      else unreadable.push(`${file}: ${call[0].slice(0, 80)}`);
    }
  }
  // The Docker engines' changes, noted for them by the command runner.
  for (const call of fs.readFileSync("lib/sandboxes/run-entry.ts", "utf8").matchAll(/note\(host, "([^"]+)"/g)) actions.add(`docker ${call[1]}`);
  return { actions, unreadable };
}

const entry = (e: Partial<TraceEntry> & Pick<TraceEntry, "actor" | "action">): TraceEntry => ({ id: 1, at: 0, ...e });

describe("trace messages", () => {
  it("know every action the engine notes", () => {
    const { actions, unreadable } = notedActions();
    expect(unreadable).toEqual([]);
    // Sanity: the scan finds the engine's notes at all.
    expect(actions).toContain("kube-scheduler bind");
    expect(actions).toContain("kubelet container-started");
    expect(actions).toContain("docker network-create");
    expect([...actions].filter((a) => !NOTE_MESSAGES[a]).sort()).toEqual([]);
  });

  it("cover the engine's only other trace writer, the store (etcd put and delete)", () => {
    const writers = sources("lib/engine").filter(({ file, text }) => !file.endsWith("trace.ts") && /trace\.record\(/.test(text));
    expect(writers.map((w) => w.file)).toEqual([path.join("lib/engine", "cluster.ts")]);
    expect(writers[0]!.text).toMatch(/actor: "etcd", action: type === "PUT" \? "put" : "delete"/);
    for (const action of ["put", "delete"]) expect(entryMessage(entry({ actor: "etcd", action, object: "/registry/pods/default/web", detail: { revision: 7 } })).key).toBe(`etcd.${action}`);
  });

  it.each(locales)("%s: has every message, and each formats with the arguments the map gives it", (locale) => {
    for (const key of TRACE_MESSAGE_KEYS) expect(messageAt(messages[locale], `Trace.${key}`), key).toBeTypeOf("string");
    const { actions } = notedActions();
    for (const action of actions) {
      const [actor, name] = action.split(" ") as [TraceEntry["actor"], string];
      const message = entryMessage(entry({ actor, action: name, object: "pods/default/web-1", who: "node01", detail: { node: "node01", ip: "10.244.1.2", container: "web", restarts: 2, replicas: 3, from: 1, to: 3, ready: 2, notReady: 1, message: "boom", driver: "macvlan", image: "nginx" } }));
      expect(message.key, action).not.toBe("unknown");
      expect(format(locale, message), action).not.toMatch(/Trace\.|\{/);
    }
    for (const verb of ["create", "update", "delete", "mark-deleted"] as const) {
      for (const key of ["/registry/deployments/default/web", "/registry/minions/node01"]) {
        const [api] = laneItems(entry({ actor: "etcd", action: "put", object: key, detail: { revision: 9 } }), { verb }, true);
        expect(format(locale, api!.message)).toMatch(key.includes("minions") ? /Node node01/ : /Deployment web.*default|default.*Deployment web/);
      }
    }
    for (const reason of ["Pulling", "Pulled", "Killing", "BackOff", "Unhealthy", "Failed", "Created"]) {
      const message = eventMessage({ reason, message: 'Pulling image "nginx:1.27"', type: "Normal", component: "kubelet", name: "web-1", container: "web" });
      expect(format(locale, message)).toMatch(reason === "Pulling" || reason === "Pulled" ? /nginx:1\.27/ : /web|Created/);
    }
  });

  it("render an entry they do not know with its actor, action and object", () => {
    const message = entryMessage(entry({ actor: "kube-proxy", action: "sync-rules", object: "services/default/web" }));
    expect(message).toEqual({ key: "unknown", values: { actor: "kube-proxy", action: "sync-rules", object: "services/default/web" } });
    expect(format("en", message)).toBe("kube-proxy: sync-rules services/default/web");
    expect(format("he", message)).toContain("services/default/web");
    expect(laneItems(entry({ actor: "kube-proxy", action: "sync-rules" }), undefined, false)).toEqual([]);
  });

  it("map every entry of a busy session to a known message", () => {
    const sb = Sandbox.create({ seed: 11 });
    for (const line of [
      "kubectl create deployment web --image nginx:1.27 --replicas 2",
      "kubectl expose deployment web --port 80",
      "kubectl scale deployment web --replicas 3",
      "kubectl run broken --image does-not-exist:1",
      "kubectl create namespace scratch",
      "kubectl delete namespace scratch",
      "kubectl cordon node02",
    ]) {
      runEntry(sb, line);
      sb.advanceBy(15_000);
    }
    runEntry(sb, `kubectl delete pod ${sb.cluster.api.list(sb.cluster.api.infoFor({ apiVersion: "v1", kind: "Pod", metadata: {} }), "default").find((p) => p.metadata.name.startsWith("web-"))!.metadata.name}`);
    sb.advanceBy(40_000);
    const entries = sb.cluster.trace.entries().filter((e) => e.command !== undefined);
    expect(entries.length).toBeGreaterThan(50);
    const unknown = entries.filter((e) => entryMessage(e).key === "unknown").map((e) => `${e.actor} ${e.action}`);
    expect(unknown).toEqual([]);
  });
});
