// The simulated kube-apiserver: the only client of the store. Every object goes through
// defaulting, admission and validation, is stored as JSON under /registry/..., and gets its
// resourceVersion from the store's mod revision. Optimistic concurrency uses compare-and-swap on
// that revision, exactly like the real server.
import type { ReadonlyClock } from "../clock";
import type { Random } from "../random";
import { clone, type KubeObject, type StoredObject } from "../api/types";
import {
  apiVersionOf,
  parseStorageKey,
  resourceForKind,
  storageKey,
  storagePrefix,
  type ResourceInfo,
} from "./registry";
import { alreadyExists, ApiError, badRequest, conflict, forbidden, notFound } from "./errors";
import { matchesSelector, type FieldRequirement, type Selector } from "./selectors";
import type { Storage } from "./storage";
import { fieldValue, isSupportedField } from "./fields";

export const GENERATE_NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

let lastSecond = NaN;
let lastText = "";

export function rfc3339(ms: number): string {
  // Many writes fall in the same second: format each second once.
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace(".000Z", "Z");
    lastSecond = second;
  }
  return lastText;
}

/**
 * The request pipeline the API server runs on every create and update (defaulting, admission,
 * validation): returns the object to store, or throws an ApiError.
 */
export interface ApiHooks {
  create(obj: KubeObject, api: ApiServer): KubeObject;
  update(obj: KubeObject, old: StoredObject, api: ApiServer): KubeObject;
}

export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED";
  info: ResourceInfo;
  object: StoredObject;
  old?: StoredObject;
}

export interface ListOptions {
  labelSelector?: Selector;
  fieldSelector?: FieldRequirement[];
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
}

interface CacheEntry {
  rev: number;
  obj: StoredObject;
  before?: { rev: number; obj: StoredObject };
}

export interface ApiServerOptions {
  storage: Storage;
  clock: ReadonlyClock;
  random: Random;
  hooks: ApiHooks;
  /** Most objects one sandbox may hold; creates beyond it fail clearly. */
  objectCap: number;
  /** Whether kube-apiserver is running (its static pod may be broken or stopped). */
  available?: () => boolean;
  /** host:port, for the connection errors clients get when it is not. */
  address?: string;
}

export class ApiServer {
  readonly storage: Storage;
  private clock: ReadonlyClock;
  readonly random: Random;
  private hooks: ApiHooks;
  private objectCap: number;
  private available: () => boolean;
  readonly address: string;
  /**
   * Parsed objects by key and revision, for one request at a time (see clearCache). An entry
   * also keeps the version it replaced: watchers look at both sides of a change.
   */
  private cache = new Map<string, CacheEntry>();

  constructor(options: ApiServerOptions) {
    this.storage = options.storage;
    this.clock = options.clock;
    this.random = options.random;
    this.hooks = options.hooks;
    this.objectCap = options.objectCap;
    this.available = options.available ?? (() => true);
    this.address = options.address ?? "127.0.0.1:6443";
  }

  /** Whether the server answers at all. */
  up(): boolean {
    return this.available();
  }

  /** Every request first needs a server to talk to. */
  private connect() {
    if (!this.available()) {
      throw new ApiError(503, "ServiceUnavailable", `dial tcp ${this.address}: connect: connection refused`);
    }
  }

  /** Drops parsed objects: idle sandboxes keep only the stored JSON. */
  clearCache() {
    this.cache.clear();
  }

  now(): number {
    return this.clock.now();
  }

  timestamp(): string {
    return rfc3339(this.clock.now());
  }

  /** Decodes a stored value (shared: callers must clone before changing it). */
  decode(key: string, value: string, modRevision: number): StoredObject {
    const hit = this.cache.get(key);
    if (hit && hit.rev === modRevision) return hit.obj;
    if (hit?.before && hit.before.rev === modRevision) return hit.before.obj;
    let obj: StoredObject;
    try {
      obj = JSON.parse(value) as StoredObject;
      if (!obj || typeof obj !== "object" || !obj.metadata) throw new SyntaxError("not an object");
    } catch {
      // Something wrote raw bytes under /registry (etcdctl put): the server cannot decode them.
      throw new ApiError(500, "InternalError", `Internal error occurred: unable to decode an event from the watch stream: object stored under ${key} is not a valid API object`);
    }
    obj.metadata.resourceVersion = String(modRevision);
    this.remember(key, modRevision, obj);
    return obj;
  }

  private remember(key: string, rev: number, obj: StoredObject) {
    const hit = this.cache.get(key);
    if (!hit || hit.rev === rev) this.cache.set(key, { rev, obj });
    else if (hit.rev < rev) this.cache.set(key, { rev, obj, before: { rev: hit.rev, obj: hit.obj } });
    else hit.before = { rev, obj };
  }

  // ---- reads ----

  get(info: ResourceInfo, namespace: string | undefined, name: string): StoredObject {
    const found = this.tryGet(info, namespace, name);
    if (!found) throw notFound(info, name);
    return found;
  }

  tryGet(info: ResourceInfo, namespace: string | undefined, name: string): StoredObject | undefined {
    this.connect();
    this.storage.assertReadable();
    const key = storageKey(info, namespace, name);
    const kv = this.storage.get(key);
    return kv ? this.decode(key, kv.value, kv.modRevision) : undefined;
  }

  list(info: ResourceInfo, namespace?: string, options: ListOptions = {}): StoredObject[] {
    this.connect();
    this.storage.assertReadable();
    for (const req of options.fieldSelector ?? []) {
      if (!isSupportedField(info, req.field)) {
        throw badRequest(`field label not supported: ${req.field}`);
      }
    }
    const out: StoredObject[] = [];
    for (const kv of this.storage.list(storagePrefix(info, namespace))) {
      let obj: StoredObject;
      try {
        obj = this.decode(kv.key, kv.value, kv.modRevision);
      } catch {
        continue; // undecodable data is left out of lists
      }
      if (options.labelSelector && !matchesSelector(options.labelSelector, obj.metadata.labels)) continue;
      if (options.fieldSelector && !options.fieldSelector.every((r) => (fieldValue(obj, r.field) === r.value) === (r.op === "="))) continue;
      out.push(obj);
    }
    return out;
  }

  /** Everything in the store that decodes as an API object (for `get all`, GC and the namespace controller). */
  listEverything(namespace?: string, mentioning?: string): { info: ResourceInfo; object: StoredObject }[] {
    this.connect();
    const out: { info: ResourceInfo; object: StoredObject }[] = [];
    for (const kv of this.storage.list("/registry/")) {
      // Only objects whose stored text contains `mentioning` (a uid) are parsed at all.
      if (mentioning !== undefined && !kv.value.includes(mentioning)) continue;
      const parsed = parseStorageKey(kv.key);
      if (!parsed) continue;
      if (namespace !== undefined && parsed.namespace !== namespace) continue;
      try {
        out.push({ info: parsed.info, object: this.decode(kv.key, kv.value, kv.modRevision) });
      } catch {
        // undecodable data is left out
      }
    }
    return out;
  }

  // ---- writes ----

  /**
   * Creates an object. With `dryRun` (?dryRun=All) the request goes through defaulting, admission
   * and validation and is answered as if stored, but nothing is written.
   */
  create(input: KubeObject, requestNamespace?: string, options: { dryRun?: boolean } = {}): StoredObject {
    this.connect();
    const info = this.infoFor(input);
    let obj = clone(input);
    obj.apiVersion = apiVersionOf(info);
    const meta = obj.metadata ?? (obj.metadata = {});
    if (info.namespaced) {
      meta.namespace = meta.namespace || requestNamespace || "default";
      if (requestNamespace && meta.namespace !== requestNamespace) {
        throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
      }
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.random.string(GENERATE_NAME_ALPHABET, 5);
    // Server-owned metadata is never taken from the client.
    delete meta.uid;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    meta.creationTimestamp = this.timestamp();
    if (!meta.name) throw this.nameRequired(info);
    meta.uid = this.random.uuid();

    obj = this.hooks.create(obj, this);
    const m = obj.metadata;
    const key = storageKey(info, m.namespace, m.name!);
    if (options.dryRun) {
      // DryRunnableStorage.Create: an existing key is still a conflict; no resourceVersion.
      this.storage.assertReadable();
      if (this.storage.get(key)) throw alreadyExists(info, m.name!);
      return obj as StoredObject;
    }
    if (this.objectCount() >= this.objectCap) {
      throw forbidden(info, m.name!, `this sandbox holds at most ${this.objectCap} objects; delete some before creating more`);
    }
    this.storage.assertWritable();
    const lease = info.kind === "Event" ? this.storage.eventLease(3600) : undefined;
    const encoded = this.encode(obj);
    const result = this.storage.create(key, encoded, lease);
    if (!result.ok) throw alreadyExists(info, m.name!);
    if (info.kind === "Event" && this.cache.get(key)?.rev !== result.revision) {
      // Components record Events all the time and nothing watches them: the object that was
      // stored is the decoded one (the pipeline's last step copied it as plain JSON data).
      m.resourceVersion = String(result.revision);
      this.remember(key, result.revision, obj as StoredObject);
    }
    return this.afterWrite(key, encoded, result.revision);
  }

  /**
   * Replaces an object. With a resourceVersion, fails with a Conflict when the stored object has
   * moved on. For kinds with a status subresource the status is kept (use updateStatus).
   */
  update(input: KubeObject, options: { subresource?: "status"; owned?: boolean; dryRun?: boolean } = {}): StoredObject {
    this.connect();
    const info = this.infoFor(input);
    const name = input.metadata?.name;
    if (!name) throw badRequest("name is required");
    const namespace = info.namespaced ? input.metadata.namespace || "default" : undefined;
    const key = storageKey(info, namespace, name);
    this.storage.assertReadable();
    const kv = this.storage.get(key);
    if (!kv) throw notFound(info, name);
    const old = this.decode(key, kv.value, kv.modRevision);
    const rv = input.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(info, name);

    // `owned`: the caller hands over a private copy (modify does), so no second copy is needed.
    let obj = options.owned ? input : clone(input);
    obj.apiVersion = apiVersionOf(info);
    if (options.subresource === "status") {
      const annotations = obj.metadata?.annotations;
      obj = { ...clone(old), status: obj.status };
      // deploymentStatusStrategy resets only spec and labels: the Deployment controller writes
      // the revision annotation together with the status, without bumping the generation.
      if (info.kind === "Deployment") {
        if (annotations && Object.keys(annotations).length > 0) obj.metadata.annotations = clone(annotations);
        else delete obj.metadata.annotations;
      }
    } else if (info.hasStatus) {
      obj.status = clone(old.status);
    }
    // Identity and server-owned fields come from the stored object.
    const m = obj.metadata;
    m.name = old.metadata.name;
    if (info.namespaced) m.namespace = old.metadata.namespace;
    m.uid = old.metadata.uid;
    m.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) {
      m.deletionTimestamp = old.metadata.deletionTimestamp;
      m.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete m.deletionTimestamp;
      delete m.deletionGracePeriodSeconds;
    }
    delete m.resourceVersion;
    if (options.subresource !== "status") obj = this.hooks.update(obj, old, this);
    // An object whose deletion is pending and whose last finalizer was just removed goes away.
    if (m.deletionTimestamp && (m.finalizers ?? []).length === 0 && old.metadata.finalizers?.length && info.kind !== "Pod") {
      if (options.dryRun) return { ...old, metadata: { ...old.metadata, finalizers: [] } };
      this.storage.assertWritable();
      const removed = this.storage.remove(key, kv.modRevision);
      if (!removed.ok) throw conflict(info, name);
      return { ...old, metadata: { ...old.metadata, finalizers: [] } };
    }
    const encoded = this.encode(obj);
    if (encoded === kv.value) return old; // a no-op write does not bump the revision
    // A dry run answers with the updated object at the stored resourceVersion, writing nothing.
    if (options.dryRun) {
      const answer = JSON.parse(encoded) as StoredObject;
      answer.metadata.resourceVersion = String(kv.modRevision);
      return answer;
    }
    this.storage.assertWritable();
    const result = this.storage.update(key, encoded, kv.modRevision);
    if (!result.ok) throw conflict(info, name);
    return this.afterWrite(key, encoded, result.revision);
  }

  updateStatus(input: KubeObject): StoredObject {
    return this.update(input, { subresource: "status" });
  }

  /**
   * Reads, changes and writes an object, retrying on conflicts like client-go's
   * RetryOnConflict. `mutate` gets a private copy; returning false skips the write.
   */
  modify(
    info: ResourceInfo,
    namespace: string | undefined,
    name: string,
    mutate: (obj: StoredObject) => boolean | void,
    options: { subresource?: "status" } = {},
  ): StoredObject {
    for (let attempt = 0; ; attempt++) {
      const current = clone(this.get(info, namespace, name));
      if (mutate(current) === false) return current;
      try {
        return this.update(current, { ...options, owned: true });
      } catch (error) {
        if (!(error instanceof ApiError && error.reason === "Conflict") || attempt >= 4) throw error;
      }
    }
  }

  /** Binds a pending pod to a node (the pods/binding subresource the scheduler uses). */
  bind(namespace: string, podName: string, nodeName: string): StoredObject {
    this.connect();
    const info = resourceForKind("Pod")!;
    const pod = this.get(info, namespace, podName);
    if (pod.spec?.nodeName) {
      throw conflict(info, podName, `pod ${podName} is already assigned to node "${pod.spec.nodeName}"`);
    }
    const key = storageKey(info, namespace, podName);
    // Only spec.nodeName and the conditions change: the rest is shared with the stored pod
    // (which nobody changes), as `next` is only encoded.
    const conditions = (pod.status?.conditions ?? []).filter((c: { type: string }) => c.type !== "PodScheduled");
    conditions.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: this.timestamp() });
    const next: KubeObject = { ...pod, spec: { ...pod.spec, nodeName }, status: { ...(pod.status ?? {}), conditions } };
    this.storage.assertWritable();
    const encoded = this.encode(next);
    // Watchers decode the bound pod as the write commits: it is `next` at the new revision,
    // sharing its unchanged parts with the stored pod (decoded objects are never changed).
    const revision = this.storage.revision() + 1;
    this.remember(key, revision, { ...next, metadata: { ...pod.metadata, resourceVersion: String(revision) } } as StoredObject);
    let result: ReturnType<Storage["update"]> | undefined;
    try {
      result = this.storage.update(key, encoded, Number(pod.metadata.resourceVersion));
    } finally {
      if (!result?.ok || result.revision !== revision) this.cache.delete(key);
    }
    if (!result.ok) throw conflict(info, podName);
    return this.afterWrite(key, encoded, result.revision);
  }

  /**
   * Deletes an object. Pods on a node and objects with finalizers only get a deletionTimestamp;
   * their owner (the kubelet, a controller) finishes the deletion.
   */
  delete(info: ResourceInfo, namespace: string | undefined, name: string, options: DeleteOptions = {}): { object: StoredObject; finished: boolean } {
    this.connect();
    const key = storageKey(info, namespace, name);
    const current = this.get(info, namespace, name);
    const policy = options.propagationPolicy ?? "Background";
    const finalizers = [...(current.metadata.finalizers ?? [])];
    if (policy === "Foreground" && !finalizers.includes("foregroundDeletion")) finalizers.push("foregroundDeletion");
    if (policy === "Orphan" && !finalizers.includes("orphan")) finalizers.push("orphan");

    let grace = 0;
    if (info.kind === "Pod") {
      const phase = current.status?.phase;
      const bound = Boolean(current.spec?.nodeName);
      grace = options.gracePeriodSeconds ?? current.spec?.terminationGracePeriodSeconds ?? 30;
      if (!bound || phase === "Succeeded" || phase === "Failed") grace = 0;
      if (current.metadata.deletionTimestamp) {
        // Already terminating: a shorter grace period may cut it short, a longer one may not.
        const remaining = current.metadata.deletionGracePeriodSeconds ?? 0;
        if (options.gracePeriodSeconds === undefined || options.gracePeriodSeconds >= remaining) {
          return { object: current, finished: false };
        }
      }
    }
    const namespaceFinalizer = info.kind === "Namespace" && (current.spec?.finalizers ?? []).length > 0;

    if (finalizers.length === 0 && grace === 0 && !namespaceFinalizer) {
      this.storage.assertWritable();
      const result = this.storage.remove(key, Number(current.metadata.resourceVersion));
      if (!result.ok) throw conflict(info, name);
      return { object: current, finished: true };
    }
    if (current.metadata.deletionTimestamp && info.kind !== "Pod") return { object: current, finished: false };
    const next = clone(current);
    next.metadata.deletionTimestamp = rfc3339(this.clock.now() + grace * 1000);
    next.metadata.deletionGracePeriodSeconds = grace;
    if (finalizers.length) next.metadata.finalizers = finalizers;
    if (info.kind === "Namespace") next.status = { ...(next.status ?? {}), phase: "Terminating" };
    if (info.tracksGeneration) next.metadata.generation = (next.metadata.generation ?? 1) + 1;
    this.storage.assertWritable();
    const encoded = this.encode(next);
    const result = this.storage.update(key, encoded, Number(current.metadata.resourceVersion));
    if (!result.ok) throw conflict(info, name);
    return { object: this.afterWrite(key, encoded, result.revision), finished: false };
  }

  /** Removes an object outright (the kubelet after a pod stopped; finalizer-free cleanup). */
  remove(info: ResourceInfo, namespace: string | undefined, name: string, expectedResourceVersion?: string): boolean {
    this.connect();
    const key = storageKey(info, namespace, name);
    this.storage.assertWritable();
    const result = this.storage.remove(key, expectedResourceVersion ? Number(expectedResourceVersion) : undefined);
    return result.ok;
  }

  // ---- helpers ----

  /**
   * Objects in the store: counted exactly (counting walks every key) once, then estimated from
   * above by adding the creates since (deletes only lower the true count). The estimate decides
   * nothing until it nears the cap, and from there on every create counts exactly.
   */
  private counted: { value: number; creates: number } | undefined;

  private objectCount(): number {
    if (!this.counted || this.counted.value + this.counted.creates >= this.objectCap * 0.9) {
      this.counted = { value: this.storage.count("/registry/"), creates: 0 };
    }
    this.counted.creates++;
    return this.counted.value + this.counted.creates - 1;
  }

  /** What the server answers a create without metadata.name or generateName. */
  private nameRequired(info: ResourceInfo): ApiError {
    return new ApiError(422, "Invalid", `${info.kind} "" is invalid: metadata.name: Required value: name or generateName is required`, {
      kind: info.kind,
      group: info.group,
      causes: [{ reason: "FieldValueRequired", message: "Required value: name or generateName is required", field: "metadata.name" }],
    });
  }

  infoFor(obj: KubeObject): ResourceInfo {
    if (!obj || typeof obj !== "object" || typeof obj.kind !== "string") throw badRequest("Object 'Kind' is missing");
    const info = resourceForKind(obj.kind, obj.apiVersion);
    if (!info) {
      throw new ApiError(404, "NotFound", `the server could not find the requested resource (${obj.kind} ${obj.apiVersion ?? ""})`.trim());
    }
    return info;
  }

  private encode(obj: KubeObject): string {
    const copy = { ...obj, metadata: { ...obj.metadata } };
    delete copy.metadata.resourceVersion;
    return JSON.stringify(copy);
  }

  /** The object as just stored: what was written, at the revision the write made. */
  private afterWrite(key: string, value: string, revision: number): StoredObject {
    return this.decode(key, value, revision);
  }
}
