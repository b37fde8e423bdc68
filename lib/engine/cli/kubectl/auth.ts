// kubectl auth can-i and kubectl auth whoami. The sandbox's kubeconfig user is kubeadm's
// kubernetes-admin (group kubeadm:cluster-admins, bound to cluster-admin), so every request is
// allowed; other users given with --as get only the default roles every authenticated user has.
import { KUBECTL_TABLE, tabulate, toYaml, type JsonValue } from "./format";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { resourceForName } from "../../apiserver/registry";
import { rfc3339 } from "../../apiserver/server";
import type { Session } from "./session";

export const AUTH_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "quiet", short: "q", kind: "bool" },
  { name: "subresource", kind: "string" },
  { name: "list", kind: "bool" },
  { name: "no-headers", kind: "bool" },
  { name: "output", short: "o", kind: "string" },
  { name: "as", kind: "string" },
  { name: "as-group", kind: "stringArray" },
];

/** Resources every cluster serves for these checks, which the simulated server does not store. */
const REVIEWS: Record<string, [string, string]> = {
  selfsubjectaccessreviews: ["authorization.k8s.io", "selfsubjectaccessreviews"],
  selfsubjectrulesreviews: ["authorization.k8s.io", "selfsubjectrulesreviews"],
  selfsubjectreviews: ["authentication.k8s.io", "selfsubjectreviews"],
};

const ADMIN = { username: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"] };

const RESOURCE_VERBS = new Set(["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "use", "bind", "impersonate", "*", "approve", "sign", "escalate", "attest"]);
const NON_RESOURCE_VERBS = new Set(["get", "put", "post", "head", "options", "delete", "patch", "*"]);

/** The rules SelfSubjectRulesReview returns for cluster-admin, after kubectl's breakdown, compaction and sort. */
const ADMIN_RULES: [string, string, string, string][] = [
  ["*.*", "[]", "[]", "[*]"],
  ["", "[*]", "[]", "[*]"],
  ["selfsubjectreviews.authentication.k8s.io", "[]", "[]", "[create]"],
  ["selfsubjectaccessreviews.authorization.k8s.io", "[]", "[]", "[create]"],
  ["selfsubjectrulesreviews.authorization.k8s.io", "[]", "[]", "[create]"],
  ["", "[/api/*]", "[]", "[get]"],
  ["", "[/api]", "[]", "[get]"],
  ["", "[/apis/*]", "[]", "[get]"],
  ["", "[/apis]", "[]", "[get]"],
  ["", "[/healthz]", "[]", "[get]"],
  ["", "[/healthz]", "[]", "[get]"],
  ["", "[/livez]", "[]", "[get]"],
  ["", "[/livez]", "[]", "[get]"],
  ["", "[/openapi/*]", "[]", "[get]"],
  ["", "[/openapi]", "[]", "[get]"],
  ["", "[/readyz]", "[]", "[get]"],
  ["", "[/readyz]", "[]", "[get]"],
  ["", "[/version/]", "[]", "[get]"],
  ["", "[/version/]", "[]", "[get]"],
  ["", "[/version]", "[]", "[get]"],
  ["", "[/version]", "[]", "[get]"],
];

interface Identity {
  username: string;
  groups: string[];
}

function identity(s: Session): Identity {
  const as = s.flag<string | undefined>("as");
  if (!as) return ADMIN;
  const groups = [...(s.flag<string[] | undefined>("as-group") ?? [])];
  if (as.startsWith("system:serviceaccount:")) {
    const ns = as.split(":")[2] ?? "";
    groups.push("system:serviceaccounts", `system:serviceaccounts:${ns}`);
  }
  if (!groups.includes("system:authenticated")) groups.push("system:authenticated");
  return { username: as, groups };
}

const isAdmin = (id: Identity) => id.username === ADMIN.username || id.groups.some((g) => g === "system:masters" || g === "kubeadm:cluster-admins");

/** What the default bootstrap roles (system:basic-user, system:discovery, ...) allow anyone. */
function basicAllows(verb: string, group: string, resource: string, url: string | undefined): boolean {
  if (url !== undefined) {
    const open = ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/readyz", "/openapi", "/openapi/*", "/version", "/version/"];
    return verb === "get" && open.some((p) => (p.endsWith("*") ? url.startsWith(p.slice(0, -1)) : url === p));
  }
  if (verb !== "create") return false;
  return (
    (group === "authorization.k8s.io" && (resource === "selfsubjectaccessreviews" || resource === "selfsubjectrulesreviews")) ||
    (group === "authentication.k8s.io" && resource === "selfsubjectreviews")
  );
}

function runCanI(s: Session) {
  const out = s.output;
  const args = s.parsed.args.slice(1);
  const id = identity(s);
  if (s.flag("list")) {
    if (args.length) return out.err("error: list option must be specified with no arguments");
    if (s.flag("quiet") || s.flag("all-namespaces") || s.flag<string | undefined>("subresource")) {
      return out.err("error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
    }
    const rules = isAdmin(id) ? ADMIN_RULES : ADMIN_RULES.slice(2);
    const text = (s.flag("no-headers") ? "" : "Resources\tNon-Resource URLs\tResource Names\tVerbs\n") + rules.map((r) => `${r.join("\t")}\n`).join("");
    return out.out(tabulate(text, KUBECTL_TABLE));
  }
  if (args.length !== 2) {
    return out.err("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  }
  const [verb, target] = args as [string, string];
  let group = "";
  let resource = "";
  let url: string | undefined;
  if (target.startsWith("/")) url = target;
  else {
    const [type] = target.split("/", 1) as [string];
    resource = type;
    if (type !== "*") {
      const info = resourceForName(type);
      const review = REVIEWS[type.toLowerCase()];
      if (review) [group, resource] = review;
      else if (info) {
        group = info.group;
        resource = info.resource;
      } else {
        const dot = type.indexOf(".");
        out.warn(dot > 0 ? `Warning: the server doesn't have a resource type '${type.slice(0, dot)}' in group '${type.slice(dot + 1)}'\n\n` : `Warning: the server doesn't have a resource type '${type}'\n\n`);
      }
      const clusterScoped = review !== undefined || (info !== undefined && !info.namespaced);
      if (clusterScoped && !s.flag("all-namespaces")) {
        out.warn(group ? `Warning: resource '${resource}' is not namespace scoped in group '${group}'\n\n` : `Warning: resource '${resource}' is not namespace scoped\n\n`);
      }
    }
  }
  if (url !== undefined) {
    if (s.flag<string | undefined>("subresource")) return out.err("error: --subresource can not be used with NonResourceURL");
    if (!NON_RESOURCE_VERBS.has(verb)) out.warn(`Warning: verb '${verb}' is not a known verb\n\n`);
  } else if (!RESOURCE_VERBS.has(verb)) out.warn(`Warning: verb '${verb}' is not a known verb\n\n`);
  if (s.flag("no-headers")) return out.err("error: --no-headers cannot be set without --list specified");
  const allowed = isAdmin(id) || basicAllows(verb, group, resource, url);
  if (!s.flag("quiet")) out.out(allowed ? "yes\n" : "no\n");
  if (!allowed) out.exitCode = 1;
}

function runWhoami(s: Session) {
  const out = s.output;
  const id = identity(s);
  const output = s.flag<string | undefined>("output") ?? "";
  const review: Record<string, JsonValue> = {
    kind: "SelfSubjectReview",
    apiVersion: "authentication.k8s.io/v1",
    metadata: { creationTimestamp: rfc3339(s.now()) },
    status: { userInfo: { username: id.username, groups: id.groups } },
  };
  if (output === "yaml") return out.out(toYaml(review));
  if (output === "json") return out.out(`${JSON.stringify(review, null, 4)}\n`);
  if (output !== "") {
    return out.err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
  }
  const text = `ATTRIBUTE\tVALUE\nUsername\t${id.username}\nGroups\t[${id.groups.join(" ")}]\n`;
  out.out(tabulate(text, KUBECTL_TABLE));
}

export function runAuth(s: Session) {
  const [sub] = s.parsed.args;
  if (sub === "can-i") return runCanI(s);
  if (sub === "whoami") {
    if (s.parsed.args.length > 1) return s.output.err(`error: unknown command "${s.parsed.args[1]}" for "kubectl auth whoami"`);
    return runWhoami(s);
  }
  // DefaultSubCommandRun: the help, on stderr, and exit 1.
  if (sub === undefined) return s.output.err(AUTH_HELP);
  s.output.err(`error: unknown command "${s.parsed.args.join(" ")}"\nSee 'kubectl auth -h' for help and examples`);
}

const AUTH_HELP = `Inspect authorization.

Available Commands:
  can-i         Check whether an action is allowed
  reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects
  whoami        Experimental: Check self subject attributes

Usage:
  kubectl auth [flags] [options]

Use "kubectl auth <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
