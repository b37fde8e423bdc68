// Kubernetes Events as the components record them: deduplicated by object, reason and message
// (count and lastTimestamp grow), named `<object>.<hex nanoseconds>`, expiring after an hour
// through an etcd lease, like the real API server's --event-ttl.
import type { KubeObject, StoredObject } from "./api/types";
import { resourceForKind } from "./apiserver/registry";
import type { ApiServer } from "./apiserver/server";
import { rfc3339 } from "./apiserver/server";
import { ApiError } from "./apiserver/errors";
import type { Random } from "./random";

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventInput {
  object: KubeObject;
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  source: EventSource;
  /** For container-level events, e.g. "spec.containers{nginx}". */
  fieldPath?: string;
}

const eventInfo = () => resourceForKind("Event")!;

function eventName(objectName: string, nowMs: number, random: Random): string {
  // The real name is the event's UnixNano in hex; our clock has milliseconds, so the
  // sub-millisecond digits come from the seeded PRNG (unique and deterministic).
  const nanos = BigInt(nowMs) * 1_000_000n + BigInt(random.subMillisecond());
  return `${objectName}.${nanos.toString(16)}`;
}

export class EventRecorder {
  /**
   * Which stored event an (object, reason, message, source) goes to. Derived from the stored
   * events on first use, so a restored sandbox deduplicates exactly as the original would.
   */
  private byKey: Map<string, string> | undefined;

  constructor(
    private api: ApiServer,
    private random: Random,
  ) {}

  private known(): Map<string, string> {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const e of this.api.list(eventInfo())) {
        const involved = e.involvedObject as { uid?: string; fieldPath?: string };
        const source = e.source as EventSource | undefined;
        const key = [involved.uid, e.reason, e.message, source?.component, involved.fieldPath ?? ""].join("\u0000");
        this.byKey.set(key, e.metadata.name);
      }
    }
    return this.byKey;
  }

  record(input: EventInput): StoredObject | undefined {
    const { object } = input;
    const namespace = object.metadata.namespace || "default";
    const involved: Record<string, unknown> = {
      kind: object.kind,
      namespace: object.metadata.namespace,
      name: object.metadata.name,
      uid: object.metadata.uid,
      apiVersion: object.apiVersion,
      resourceVersion: object.metadata.resourceVersion,
    };
    if (!object.metadata.namespace) delete involved.namespace;
    if (input.fieldPath) involved.fieldPath = input.fieldPath;
    const now = this.api.now();
    const ts = rfc3339(now);
    const dedupKey = [object.metadata.uid, input.reason, input.message, input.source.component, input.fieldPath ?? ""].join("\u0000");
    try {
      const existingName = this.known().get(dedupKey);
      const existing = existingName ? this.api.tryGet(eventInfo(), namespace, existingName) : undefined;
      if (existing) {
        return this.api.update({ ...existing, count: ((existing.count as number) ?? 1) + 1, lastTimestamp: ts });
      }
      const event: KubeObject = {
        apiVersion: "v1",
        kind: "Event",
        metadata: { name: eventName(object.metadata.name!, now, this.random), namespace },
        involvedObject: involved,
        reason: input.reason,
        message: input.message,
        source: input.source,
        firstTimestamp: ts,
        lastTimestamp: ts,
        count: 1,
        type: input.type,
        eventTime: null,
        reportingComponent: input.source.component,
        reportingInstance: input.source.host ?? "",
      };
      const created = this.api.create(event, namespace);
      this.known().set(dedupKey, created.metadata.name);
      return created;
    } catch (error) {
      // Events are best effort, as in client-go's broadcaster: losing one never fails the caller.
      if (error instanceof ApiError) return undefined;
      throw error;
    }
  }
}
