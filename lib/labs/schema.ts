// The shape of a lab file (content/labs/<id>.yaml): the environment a sandbox is built from, the
// ordered tasks with their hints and declarative checks, a proven solution and known wrong
// attempts. Every learner-facing text exists in all four course languages.
import { z } from "zod";
import { locales, type Locale } from "@/lib/i18n/locales";

/** A text in every course language. */
export const localizedText = z
  .object(Object.fromEntries(locales.map((l) => [l, z.string().trim().min(1)])) as Record<Locale, z.ZodString>)
  .strict();
export type LocalizedText = z.infer<typeof localizedText>;

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a kebab-case id");
const name = z.string().min(1);
/** A regular expression given as text; invalid ones fail validation, not grading. */
const regex = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a valid regular expression" },
);

// ------------------------------------------------------------------------------------------
// Checks

/** A Kubernetes object by name, or every object matching a label selector. */
const objectRef = {
  kind: name,
  namespace: name.optional(),
  name: name.optional(),
  /** Label selector as kubectl takes it: "app=web,tier!=db". */
  selector: z.string().optional(),
};

const refined = <T extends z.ZodObject>(schema: T) =>
  schema.refine((c: { name?: string; selector?: string }) => (c.name === undefined) !== (c.selector === undefined), { message: "give either name or selector" });

const jsonValue: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]));

const httpOrigin = z.union([
  z.object({ host: name }).strict(),
  z.object({ pod: z.object({ namespace: name.default("default"), name: name.optional(), selector: z.string().optional() }).strict() }).strict(),
]);

export const checkSchema = z.discriminatedUnion("type", [
  /** The object exists (with a selector: at least `min` objects match, default 1). */
  refined(z.object({ type: z.literal("object-exists"), ...objectRef, min: z.number().int().min(1).optional() }).strict()),
  /** The object is gone (with a selector: none matches). */
  refined(z.object({ type: z.literal("object-absent"), ...objectRef }).strict()),
  /**
   * A field of the object (of every matching object with a selector). `path` is dotted with
   * `[0]` indexes and `[name=web]` list selectors: spec.template.spec.containers[name=nginx].image.
   * Exactly one of equals, contains, matches, exists.
   */
  refined(
    z
      .object({
        type: z.literal("field"),
        ...objectRef,
        path: name,
        equals: jsonValue.optional(),
        contains: z.string().optional(),
        matches: regex.optional(),
        exists: z.boolean().optional(),
      })
      .strict()
      .refine((c) => [c.equals, c.contains, c.matches, c.exists].filter((v) => v !== undefined).length === 1, { message: "give exactly one of equals, contains, matches, exists" }),
  ),
  /** status.conditions[type=condition].status is `status` (default "True"). */
  refined(z.object({ type: z.literal("condition"), ...objectRef, condition: name, status: z.enum(["True", "False", "Unknown"]).default("True") }).strict()),
  /** Ready replicas of a Deployment, ReplicaSet or DaemonSet reach `replicas` (default: the desired count). */
  z
    .object({
      type: z.literal("ready-replicas"),
      kind: z.enum(["Deployment", "ReplicaSet", "DaemonSet"]),
      namespace: name.default("default"),
      name,
      replicas: z.number().int().min(0).optional(),
      /** Also require every replica to run the current template (a finished rollout). */
      updated: z.boolean().default(false),
    })
    .strict(),
  /** Ready addresses behind a Service: exactly `count`, or at least `min`. */
  z
    .object({ type: z.literal("endpoints"), namespace: name.default("default"), name, count: z.number().int().min(0).optional(), min: z.number().int().min(0).optional() })
    .strict()
    .refine((c) => (c.count === undefined) !== (c.min === undefined), { message: "give either count or min" }),
  /** The node a pod (every matching pod) runs on: `node`, or any node but `notNode`. */
  refined(
    z
      .object({ type: z.literal("pod-node"), kind: z.literal("Pod").default("Pod"), namespace: name.default("default"), name: name.optional(), selector: z.string().optional(), node: name.optional(), notNode: name.optional(), scheduled: z.boolean().optional() })
      .strict()
      .refine((c) => [c.node, c.notNode, c.scheduled].filter((v) => v !== undefined).length === 1, { message: "give exactly one of node, notNode, scheduled" }),
  ),
  /** A node's condition (Ready, MemoryPressure, ...) has `status`. */
  z.object({ type: z.literal("node-condition"), node: name, condition: name, status: z.enum(["True", "False", "Unknown"]).default("True") }).strict(),
  /** A node carries (or, with present: false, does not carry) a taint. */
  z.object({ type: z.literal("node-taint"), node: name, key: name, value: z.string().optional(), effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]).optional(), present: z.boolean().default(true) }).strict(),
  /** A Docker network on a host, read from its engine: driver and IPAM as `docker network inspect` shows. */
  z
    .object({
      type: z.literal("docker-network"),
      host: name,
      name,
      present: z.boolean().default(true),
      driver: z.string().optional(),
      /** CIDRs compare as blocks: 172.28.0.1/24 equals 172.28.0.0/24. */
      subnet: z.string().optional(),
      ipRange: z.string().optional(),
      gateway: z.string().optional(),
      internal: z.boolean().optional(),
      options: z.record(z.string(), z.string()).optional(),
      labels: z.record(z.string(), z.string()).optional(),
    })
    .strict(),
  /** A Docker container on a host: running, attached to a network, with an address. */
  z
    .object({
      type: z.literal("docker-container"),
      host: name,
      name,
      present: z.boolean().default(true),
      running: z.boolean().optional(),
      image: z.string().optional(),
      network: z.string().optional(),
      /** The address on `network` (or on its only network). */
      ip: z.string().optional(),
      /** The address lies in this CIDR. */
      ipIn: z.string().optional(),
    })
    .strict(),
  /** An etcd key: exists (or not), its value, and its revisions compared with a number or another key's. */
  z
    .object({
      type: z.literal("etcd-key"),
      key: name,
      exists: z.boolean().default(true),
      value: z.string().optional(),
      valueMatches: regex.optional(),
      /** The value at an earlier revision, counted back from the current one (0 = current). */
      revisionsBack: z.number().int().min(0).optional(),
      compare: z
        .object({
          field: z.enum(["version", "createRevision", "modRevision"]),
          op: z.enum(["=", "!=", "<", "<=", ">", ">="]),
          value: z.number().int().optional(),
          /** Compare with the same field of another key instead of a number. */
          key: z.string().optional(),
        })
        .strict()
        .refine((c) => (c.value === undefined) !== (c.key === undefined), { message: "give either value or key" })
        .optional(),
      /** The key is attached to a lease (`true`), with at most this many seconds granted. */
      lease: z.union([z.boolean(), z.object({ maxTtl: z.number().int().min(1) }).strict()]).optional(),
    })
    .strict(),
  /** etcd's store: compacted at least up to a number or to a key's modRevision. */
  z
    .object({ type: z.literal("etcd-compaction"), atLeast: z.number().int().min(1).optional(), modRevisionOf: z.string().optional() })
    .strict()
    .refine((c) => (c.atLeast === undefined) !== (c.modRevisionOf === undefined), { message: "give either atLeast or modRevisionOf" }),
  /** etcd membership: a member is started (or stopped); the cluster has (or lacks) a leader. */
  z
    .object({ type: z.literal("etcd-cluster"), member: name.optional(), started: z.boolean().optional(), hasLeader: z.boolean().optional() })
    .strict()
    .refine((c) => (c.member === undefined) === (c.started === undefined) && (c.started !== undefined || c.hasLeader !== undefined), { message: "give member with started, and/or hasLeader" }),
  /** A systemd unit on a host is active/inactive/failed, enabled/disabled. */
  z
    .object({ type: z.literal("unit"), host: name, unit: name, active: z.enum(["active", "inactive", "failed", "activating"]).optional(), enabled: z.enum(["enabled", "disabled", "static", "masked"]).optional() })
    .strict()
    .refine((c) => c.active !== undefined || c.enabled !== undefined, { message: "give active and/or enabled" }),
  /** A file on a host: exists (or not), contains a text, matches a pattern, or equals a text (trimmed). */
  z
    .object({ type: z.literal("file"), host: name, path: z.string().startsWith("/"), exists: z.boolean().default(true), contains: z.string().optional(), matches: regex.optional(), equals: z.string().optional(), ignoreCase: z.boolean().default(false) })
    .strict(),
  /** An HTTP request from a host's shell or from inside a pod gets a status and a body containing a text. */
  z
    .object({ type: z.literal("http"), from: httpOrigin, url: name, status: z.number().int().optional(), bodyContains: z.string().optional() })
    .strict()
    .refine((c) => c.status !== undefined || c.bodyContains !== undefined, { message: "give status and/or bodyContains" }),
  /** What data cannot say: a pure function registered in custom-checks.ts. */
  z.object({ type: z.literal("custom"), name: id, params: z.record(z.string(), jsonValue).default({}) }).strict(),
]);
export type Check = z.infer<typeof checkSchema>;
export type CheckOf<T extends Check["type"]> = Extract<Check, { type: T }>;

// ------------------------------------------------------------------------------------------
// Environment

const taint = z.object({ key: name, value: z.string().optional(), effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]) }).strict();

const clusterShape = z
  .object({
    /** Worker nodes node01..nodeNN (default 2). */
    workers: z.number().int().min(0).max(5).default(2),
    /** etcd members in all: 1 (stacked on the control plane) or 3/5 (the others on their own hosts). */
    etcdMembers: z.union([z.literal(1), z.literal(3), z.literal(5)]).default(1),
    /** Extra taints per node name (the control plane keeps its own). */
    taints: z.record(z.string(), z.array(taint)).default({}),
    /** Extra labels per node name. */
    labels: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  })
  .strict();

export const faultSchema = z.discriminatedUnion("type", [
  /** The kubelet's systemd unit is stopped on a node (it goes NotReady after the grace period). */
  z.object({ type: z.literal("kubelet-stopped"), node: name }).strict(),
  /** A text in a static pod manifest of the control plane is replaced (a typo in a flag, an image tag). */
  z.object({ type: z.literal("manifest-edit"), file: z.string().regex(/^[a-z-]+\.yaml$/), find: z.string().min(1), replace: z.string() }).strict(),
  /** Pods matching a selector are deleted (their controller makes new ones). */
  z.object({ type: z.literal("delete-pods"), namespace: name, selector: name }).strict(),
  /** A file is written on a host (a broken manifest to fix, notes, a script). */
  z.object({ type: z.literal("file"), host: name, path: z.string().startsWith("/"), content: z.string(), mode: z.number().int().optional(), owner: z.string().optional() }).strict(),
  /** An etcd member's process is stopped. */
  z.object({ type: z.literal("etcd-member-stopped"), member: name }).strict(),
  /** Leadership moved to another member (the members before it in the configured order restarted). */
  z.object({ type: z.literal("etcd-leader"), member: name }).strict(),
]);
export type Fault = z.infer<typeof faultSchema>;

export const environmentSchema = z
  .object({
    /** The Kubernetes cluster (default: kubeadm, a control plane and two workers). Absent with dockerHosts: no cluster. */
    cluster: clusterShape.optional(),
    /** Manifests created once the cluster is up, as YAML documents. */
    objects: z.string().optional(),
    faults: z.array(faultSchema).default([]),
    /** The data centre: a jump host and CentOS app servers with this Docker Engine version. */
    dockerHosts: z.object({ version: z.string().regex(/^\d+\.\d+\.\d+$/) }).strict().optional(),
    /** Where the terminal opens (default: root on the control plane, or thor on the jump host). */
    start: z.object({ host: name, user: name }).strict().optional(),
  })
  .strict();
export type LabEnvironment = z.infer<typeof environmentSchema>;

// ------------------------------------------------------------------------------------------
// The lab

export const taskSchema = z
  .object({
    id,
    title: localizedText,
    /** Markdown. */
    instructions: localizedText,
    /** Shown one at a time, in order. */
    hints: z.array(localizedText).min(1),
    checks: z.array(checkSchema).min(1),
  })
  .strict();
export type LabTask = z.infer<typeof taskSchema>;

export const wrongAttemptSchema = z
  .object({
    /** What the attempt gets wrong, for whoever reads the file. */
    about: z.string().min(1),
    /** Commands as typed, one per line (passwords on the line after the prompting command). */
    commands: z.string().min(1),
    /** The task that must still fail after these commands. */
    task: id,
    /** A substring of the English failure message. */
    expect: z.string().optional(),
  })
  .strict();
export type WrongAttempt = z.infer<typeof wrongAttemptSchema>;

export const labSchema = z
  .object({
    /** Position in the list of labs. */
    order: z.number().int().min(1),
    title: localizedText,
    summary: localizedText,
    difficulty: z.enum(["beginner", "intermediate", "advanced"]),
    minutes: z.number().int().min(1).max(240),
    /** Lessons this lab practises (slugs of content/lessons). */
    lessons: z.array(id).default([]),
    environment: environmentSchema,
    tasks: z.array(taskSchema).min(1),
    /** Commands as a learner types them, one per line; here-documents and password lines allowed. */
    solution: z.string().min(1),
    wrong: z.array(wrongAttemptSchema).min(2),
  })
  .strict()
  .superRefine((lab, ctx) => {
    const ids = lab.tasks.map((t) => t.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: "task ids must be unique", path: ["tasks"] });
    lab.wrong.forEach((w, i) => {
      if (!ids.includes(w.task)) ctx.addIssue({ code: "custom", message: `unknown task "${w.task}"`, path: ["wrong", i, "task"] });
    });
    if (lab.environment.dockerHosts && lab.environment.cluster) ctx.addIssue({ code: "custom", message: "a lab has either a cluster or the Docker data centre", path: ["environment"] });
  });

export type Lab = z.infer<typeof labSchema> & { id: string };
