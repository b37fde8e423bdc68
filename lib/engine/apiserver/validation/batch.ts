// batch/v1 Job validation (pkg/apis/batch/validation), including the checks on the selector and
// labels the server generates for the Job.
import {
  type FieldError,
  OMIT_VALUE,
  type Path,
  duplicate,
  invalid,
  notSupported,
  path as rootPath,
  required,
  tooLong,
  tooMany,
} from "./field";
import { isDNS1123Label, isDNS1123Subdomain, regexError } from "./formats";
import { GoValue } from "./go-format";
import { goPodTemplateSpec } from "./go-types";
import { type Obj, arr, isObj, num, obj, objs, semanticEqual, str } from "./json";
import {
  goLabelSelector,
  goLabels,
  labelSelectorAsSelector,
  nameIsDNSSubdomain,
  selectorMatches,
  validateImmutable,
  validateLabelSelector,
  validateNonnegative,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateQualifiedName,
} from "./meta";
import { validatePodTemplateSpec } from "./pod";

export const LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
export const LEGACY_JOB_NAME_LABEL = "job-name";
export const CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
export const JOB_NAME_LABEL = "batch.kubernetes.io/job-name";

const MAX_PARALLELISM_INDEXED = 100000;
const MAX_FAILED_INDEXES = 100000;

function validateHasLabel(meta: Obj, p: Path, key: string, expected: string): FieldError[] {
  const labels = obj(meta.labels) ?? {};
  if (!(key in labels)) return [required(p.child("labels").key(key), `must be '${expected}'`)];
  if (str(labels[key]) !== expected) return [invalid(p.child("labels").key(key), goLabels(meta.labels), `must be '${expected}'`)];
  return [];
}

function validateGeneratedSelector(job: Obj): FieldError[] {
  const spec = obj(job.spec) ?? {};
  const meta = obj(job.metadata) ?? {};
  if (spec.manualSelector === true || spec.selector === undefined || spec.selector === null) return [];
  const errs: FieldError[] = [];
  const uid = str(meta.uid);
  const name = str(meta.name);
  if (uid === "") errs.push(required(rootPath("metadata", "uid")));
  const tmeta = obj(obj(spec.template)?.metadata) ?? {};
  const tp = rootPath("spec", "template", "metadata");
  errs.push(...validateHasLabel(tmeta, tp, LEGACY_CONTROLLER_UID_LABEL, uid));
  errs.push(...validateHasLabel(tmeta, tp, LEGACY_JOB_NAME_LABEL, name));
  errs.push(...validateHasLabel(tmeta, tp, CONTROLLER_UID_LABEL, uid));
  errs.push(...validateHasLabel(tmeta, tp, JOB_NAME_LABEL, name));
  const expected = {
    [CONTROLLER_UID_LABEL]: uid,
    [JOB_NAME_LABEL]: name,
    [LEGACY_CONTROLLER_UID_LABEL]: uid,
    [LEGACY_JOB_NAME_LABEL]: name,
  };
  const selector = labelSelectorAsSelector(spec.selector);
  if (selector && !selectorMatches(selector, expected)) {
    errs.push(invalid(rootPath("spec", "selector"), goLabelSelector(spec.selector), "`selector` not auto-generated"));
  }
  return errs;
}

const POD_FAILURE_ACTIONS = ["Count", "FailIndex", "FailJob", "Ignore"];

function validatePodFailurePolicy(spec: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const pfp = obj(spec.podFailurePolicy) ?? {};
  const rulesPath = p.child("rules");
  const rules = objs(pfp.rules);
  if (rules.length > 20) errs.push(tooMany(rulesPath, rules.length, 20));
  const tspec = obj(obj(spec.template)?.spec) ?? {};
  const containerNames = new Set([...objs(tspec.containers), ...objs(tspec.initContainers)].map((c) => str(c.name)));
  rules.forEach((rule, i) => {
    const rp = rulesPath.index(i);
    const action = str(rule.action);
    if (action === "") errs.push(required(rp.child("action"), `valid values: ["Count" "FailIndex" "FailJob" "Ignore"]`));
    else if (action === "FailIndex") {
      if (spec.backoffLimitPerIndex === undefined || spec.backoffLimitPerIndex === null) {
        errs.push(invalid(rp.child("action"), action, "requires the backoffLimitPerIndex to be set"));
      }
    } else if (!POD_FAILURE_ACTIONS.includes(action)) errs.push(notSupported(rp.child("action"), action, POD_FAILURE_ACTIONS));
    const onExit = obj(rule.onExitCodes);
    if (onExit) {
      const ep = rp.child("onExitCodes");
      const op = str(onExit.operator);
      if (op === "") errs.push(required(ep.child("operator"), `valid values: ["In" "NotIn"]`));
      else if (op !== "In" && op !== "NotIn") errs.push(notSupported(ep.child("operator"), op, ["In", "NotIn"]));
      if (typeof onExit.containerName === "string" && !containerNames.has(onExit.containerName)) {
        errs.push(
          invalid(ep.child("containerName"), onExit.containerName, "must be one of the container or initContainer names in the pod template"),
        );
      }
      const values = arr(onExit.values).map((v) => (typeof v === "number" ? v : 0));
      const vp = ep.child("values");
      if (values.length === 0) errs.push(invalid(vp, goInt32s(values), "at least one value is required"));
      else if (values.length > 255) errs.push(tooMany(vp, values.length, 255));
      const seen = new Set<number>();
      let ordered = true;
      values.forEach((v, j) => {
        if (op === "In" && v === 0) errs.push(invalid(vp.index(j), v, "must not be 0 for the In operator"));
        if (seen.has(v)) errs.push(duplicate(vp.index(j), v));
        else seen.add(v);
        if (j > 0 && values[j - 1]! > v) ordered = false;
      });
      if (!ordered) errs.push(invalid(vp, goInt32s(values), "must be ordered"));
    }
    const onPod = objs(rule.onPodConditions);
    onPod.forEach((pattern, j) => {
      const pp = rp.child("onPodConditions").index(j);
      errs.push(...validateQualifiedName(str(pattern.type), pp.child("type")));
      const status = str(pattern.status);
      if (status === "") errs.push(required(pp.child("status"), `valid values: ["False" "True" "Unknown"]`));
      else if (!["False", "True", "Unknown"].includes(status)) errs.push(notSupported(pp.child("status"), status, ["False", "True", "Unknown"]));
    });
    if (onExit && onPod.length > 0) {
      errs.push(invalidOmit(rp, "specifying both OnExitCodes and OnPodConditions is not supported"));
    }
    if (!onExit && onPod.length === 0) errs.push(invalidOmit(rp, "specifying one of OnExitCodes and OnPodConditions is required"));
  });
  return errs;
}

const goInt32s = (values: number[]) => new GoValue(`[]int32{${values.join(", ")}}`);

/** IsDomainPrefixedPath (for spec.managedBy). */
function validateDomainPrefixedPath(p: Path, value: string): FieldError[] {
  if (value.length === 0) return [required(p)];
  const slash = value.indexOf("/");
  if (slash <= 0 || slash === value.length - 1) return [invalid(p, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const host = value.slice(0, slash);
  const rest = value.slice(slash + 1);
  const errs = isDNS1123Subdomain(host).map((m) => invalid(p, host, m));
  const fmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
  if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(rest)) errs.push(invalid(p, rest, regexError("Invalid path", fmt)));
  return errs;
}

function invalidOmit(p: Path, detail: string): FieldError {
  return { ...invalid(p, null, detail), badValue: OMIT_VALUE };
}

function validateJobSpecFields(spec: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished", "backoffLimitPerIndex"]) {
    const v = num(spec[f]);
    if (v !== undefined) errs.push(...validateNonnegative(v, p.child(f)));
  }
  const maxFailed = num(spec.maxFailedIndexes);
  if (maxFailed !== undefined) {
    errs.push(...validateNonnegative(maxFailed, p.child("maxFailedIndexes")));
    if (spec.backoffLimitPerIndex === undefined || spec.backoffLimitPerIndex === null) {
      errs.push(required(p.child("backoffLimitPerIndex"), "when maxFailedIndexes is specified"));
    }
  }
  if (typeof spec.managedBy === "string") {
    errs.push(...validateDomainPrefixedPath(p.child("managedBy"), spec.managedBy));
    if (spec.managedBy.length > 63) errs.push(tooLong(p.child("managedBy"), 63));
  }
  const mode = typeof spec.completionMode === "string" ? spec.completionMode : undefined;
  const completions = num(spec.completions);
  const parallelism = num(spec.parallelism);
  if (mode !== undefined) {
    if (mode !== "NonIndexed" && mode !== "Indexed") errs.push(notSupported(p.child("completionMode"), mode, ["NonIndexed", "Indexed"]));
    if (mode === "Indexed") {
      if (completions === undefined) errs.push(required(p.child("completions"), "when completion mode is Indexed"));
      if (parallelism !== undefined && parallelism > MAX_PARALLELISM_INDEXED) {
        errs.push(invalid(p.child("parallelism"), parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      }
      if (completions !== undefined && maxFailed !== undefined && maxFailed > completions) {
        errs.push(invalid(p.child("maxFailedIndexes"), maxFailed, "must be less than or equal to completions"));
      }
      if (maxFailed !== undefined && maxFailed > MAX_FAILED_INDEXES) {
        errs.push(invalid(p.child("maxFailedIndexes"), maxFailed, `must be less than or equal to ${MAX_FAILED_INDEXES}`));
      }
    }
  }
  if (mode === undefined || mode === "NonIndexed") {
    const blpi = num(spec.backoffLimitPerIndex);
    if (blpi !== undefined) errs.push(invalid(p.child("backoffLimitPerIndex"), blpi, "requires indexed completion mode"));
    if (maxFailed !== undefined) errs.push(invalid(p.child("maxFailedIndexes"), maxFailed, "requires indexed completion mode"));
  }
  if (isObj(spec.podFailurePolicy)) errs.push(...validatePodFailurePolicy(spec, p.child("podFailurePolicy")));
  if (isObj(spec.successPolicy) && mode !== "Indexed") {
    errs.push(invalid(p.child("successPolicy"), null, "requires indexed completion mode"));
  }
  if (typeof spec.podReplacementPolicy === "string") {
    const prp = spec.podReplacementPolicy;
    if (isObj(spec.podFailurePolicy)) {
      if (prp !== "Failed") errs.push(notSupported(p.child("podReplacementPolicy"), prp, ["Failed"]));
    } else if (prp !== "Failed" && prp !== "TerminatingOrFailed") {
      errs.push(notSupported(p.child("podReplacementPolicy"), prp, ["Failed", "TerminatingOrFailed"]));
    }
  }
  const template = obj(spec.template) ?? {};
  errs.push(...validatePodTemplateSpec(template, p.child("template")));
  const rp = str(obj(template.spec)?.restartPolicy);
  const rpPath = p.child("template", "spec", "restartPolicy");
  if (rp === "Always" || rp === "") errs.push(required(rpPath, `valid values: "OnFailure", "Never"`));
  else if (rp !== "OnFailure" && rp !== "Never") errs.push(notSupported(rpPath, rp, ["OnFailure", "Never"]));
  else if (isObj(spec.podFailurePolicy) && rp !== "Never") {
    errs.push(invalid(rpPath, rp, `only "Never" is supported when podFailurePolicy is specified`));
  }
  return errs;
}

function validateJobSpec(spec: Obj, p: Path): FieldError[] {
  const errs = validateJobSpecFields(spec, p);
  if (spec.selector === undefined || spec.selector === null) errs.push(required(p.child("selector")));
  else errs.push(...validateLabelSelector(spec.selector, p.child("selector")));
  const selector = labelSelectorAsSelector(spec.selector);
  const labels = obj(obj(spec.template)?.metadata)?.labels;
  if (selector && !selectorMatches(selector, labels)) {
    errs.push(invalid(p.child("template", "metadata", "labels"), goLabels(labels), "`selector` does not match template `labels`"));
  }
  return errs;
}

export function validateJob(job: Obj): FieldError[] {
  const meta = obj(job.metadata) ?? {};
  const spec = obj(job.spec) ?? {};
  const errs = validateObjectMeta(meta, true, nameIsDNSSubdomain, rootPath("metadata"));
  errs.push(...validateGeneratedSelector(job));
  errs.push(...validateJobSpec(spec, rootPath("spec")));
  const completions = num(spec.completions);
  if (spec.completionMode === "Indexed" && completions !== undefined && completions > 0) {
    const host = `${str(meta.name)}-${completions - 1}`;
    if (isDNS1123Label(host).length > 0) {
      errs.push(invalid(rootPath("metadata", "name"), str(meta.name), `will not able to create pod with invalid DNS label: ${host}`));
    }
  }
  return errs;
}

export function validateJobUpdate(job: Obj, old: Obj): FieldError[] {
  const spec = obj(job.spec) ?? {};
  const oldSpec = obj(old.spec) ?? {};
  const sp = rootPath("spec");
  // The strategy runs the create validation too; duplicates collapse in the aggregate.
  const errs = validateJob(job);
  errs.push(...validateObjectMetaUpdate(obj(job.metadata) ?? {}, obj(old.metadata) ?? {}, rootPath("metadata")));
  errs.push(...validateJobSpec(spec, sp));
  if (spec.completionMode !== "Indexed") {
    errs.push(...validateImmutable(spec.completions, oldSpec.completions, num(spec.completions) ?? null, sp.child("completions")));
  } else if (!semanticEqual(spec.completions, oldSpec.completions) && num(spec.completions) !== undefined) {
    if (num(spec.completions) !== num(spec.parallelism)) {
      errs.push(invalid(sp.child("completions"), num(spec.completions) ?? null, "can only be modified in tandem with spec.parallelism"));
    }
  }
  errs.push(...validateImmutable(spec.selector, oldSpec.selector, goLabelSelector(spec.selector), sp.child("selector")));
  errs.push(...validateTemplateUpdate(spec, oldSpec, sp));
  errs.push(...validateImmutable(spec.completionMode, oldSpec.completionMode, str(spec.completionMode) || null, sp.child("completionMode")));
  for (const f of ["podFailurePolicy", "backoffLimitPerIndex", "managedBy", "successPolicy"]) {
    const v = spec[f];
    errs.push(...validateImmutable(v, oldSpec[f], typeof v === "string" || typeof v === "number" ? v : null, sp.child(f)));
  }
  return errs;
}

function validateTemplateUpdate(spec: Obj, oldSpec: Obj, sp: Path): FieldError[] {
  const template = obj(spec.template) ?? {};
  let oldTemplate = obj(oldSpec.template) ?? {};
  if (oldSpec.suspend === true) {
    // A suspended Job may change its scheduling directives (JobMutableNodeSchedulingDirectives).
    const tspec = obj(template.spec) ?? {};
    const oldTSpec = { ...(obj(oldTemplate.spec) ?? {}) };
    for (const f of ["nodeSelector", "tolerations", "schedulingGates"]) oldTSpec[f] = tspec[f];
    const aff = obj(tspec.affinity);
    const oldAff = obj(oldTSpec.affinity);
    if (aff || oldAff) oldTSpec.affinity = { ...(oldAff ?? {}), nodeAffinity: aff?.nodeAffinity };
    oldTemplate = {
      ...oldTemplate,
      metadata: { ...(obj(oldTemplate.metadata) ?? {}), labels: obj(template.metadata)?.labels, annotations: obj(template.metadata)?.annotations },
      spec: oldTSpec,
    };
  }
  return validateImmutable(template, oldTemplate, goPodTemplateSpec(template), sp.child("template"));
}

