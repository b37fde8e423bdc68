// apps/v1 validation: Deployment, ReplicaSet, DaemonSet (pkg/apis/apps/validation plus the selector
// immutability the registry strategies add for apps/v1).
import { type FieldError, type Path, forbidden, invalid, notSupported, path as rootPath, required } from "./field";
import { type GoValue, goIntOrString, goNilPtr, goPtr, goStruct } from "./go-format";
import { isValidPercent } from "./formats";
import { type Obj, isObj, num, obj, str } from "./json";
import {
  goLabelSelector,
  goLabels,
  labelSelectorAsSelector,
  nameIsDNSSubdomain,
  selectorEmpty,
  selectorMatches,
  validateImmutable,
  validateLabelSelector,
  validateNonnegative,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from "./meta";
import { validatePodTemplateSpec } from "./pod";

// ---------------------------------------------------------------------------------------------
// int-or-percent

export function validatePositiveIntOrPercent(v: unknown, p: Path): FieldError[] {
  if (typeof v === "string") return isValidPercent(v).map((m) => invalid(p, goIntOrString(v), m));
  if (typeof v === "number" || v === undefined || v === null) return validateNonnegative(typeof v === "number" ? v : 0, p);
  return [invalid(p, goIntOrString(v), "must be an integer or percentage (e.g '5%%')")];
}

function percentValue(v: unknown): number | null {
  if (typeof v !== "string" || isValidPercent(v).length > 0) return null;
  return Number(v.slice(0, -1));
}

function intOrPercentValue(v: unknown): number {
  const pct = percentValue(v);
  if (pct !== null) return pct;
  if (typeof v === "number") return v;
  // intstr.IntValue() of a non-numeric string is 0.
  if (typeof v === "string" && /^[+-]?\d+$/.test(v)) return Number(v);
  return 0;
}

function isNotMoreThan100Percent(v: unknown, p: Path): FieldError[] {
  const pct = percentValue(v);
  if (pct === null || pct <= 100) return [];
  return [invalid(p, goIntOrString(v), "must not be greater than 100%")];
}

// ---------------------------------------------------------------------------------------------
// Templates tied to a selector

function validateTemplateForSelector(template: unknown, selectorValue: unknown, p: Path, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  const t = obj(template);
  if (!t) return [required(p)];
  const selector = labelSelectorAsSelector(selectorValue);
  if (selector && !selectorEmpty(selector)) {
    const labels = obj(t.metadata)?.labels;
    if (!selectorMatches(selector, labels)) {
      errs.push(invalid(p.child("metadata", "labels"), goLabels(labels), "`selector` does not match template `labels`"));
    }
  }
  errs.push(...validatePodTemplateSpec(t, p));
  const spec = obj(t.spec) ?? {};
  const rp = str(spec.restartPolicy);
  if (rp !== "Always") errs.push(notSupported(p.child("spec", "restartPolicy"), rp, ["Always"]));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(forbidden(p.child("spec", "activeDeadlineSeconds"), `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

function validateSelectorRequired(spec: Obj, p: Path, kind: string): FieldError[] {
  const sel = spec.selector;
  if (sel === undefined || sel === null) return [required(p.child("selector"))];
  const errs = validateLabelSelector(sel, p.child("selector"));
  const s = obj(sel) ?? {};
  const count = Object.keys(obj(s.matchLabels) ?? {}).length + (Array.isArray(s.matchExpressions) ? s.matchExpressions.length : 0);
  if (count === 0) errs.push(invalid(p.child("selector"), goLabelSelector(sel), `empty selector is invalid for ${kind}`));
  return errs;
}

function selectorAndTemplate(spec: Obj, p: Path, kind: string): FieldError[] {
  const selector = labelSelectorAsSelector(spec.selector);
  if (!selector) return [invalid(p.child("selector"), goLabelSelector(spec.selector), "invalid label selector")];
  return validateTemplateForSelector(spec.template, spec.selector, p.child("template"), kind);
}

// ---------------------------------------------------------------------------------------------
// Deployment

function goDeploymentStrategy(strategy: Obj): GoValue {
  return goStruct("apps.DeploymentStrategy", [
    ["Type", str(strategy.type)],
    [
      "RollingUpdate",
      isObj(strategy.rollingUpdate) ? goPtr("apps.RollingUpdateDeployment") : goNilPtr("apps.RollingUpdateDeployment"),
    ],
  ]);
}

function validateDeploymentStrategy(strategy: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  switch (str(strategy.type)) {
    case "Recreate":
      if (isObj(strategy.rollingUpdate)) {
        errs.push(forbidden(p.child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'"));
      }
      break;
    case "RollingUpdate": {
      const ru = obj(strategy.rollingUpdate);
      if (!ru) {
        errs.push(required(p.child("rollingUpdate"), "this should be defaulted and never be nil"));
        break;
      }
      const rp = p.child("rollingUpdate");
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child("maxUnavailable")));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, rp.child("maxSurge")));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid(rp.child("maxUnavailable"), goIntOrString(ru.maxUnavailable), "may not be 0 when `maxSurge` is 0"));
      }
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, rp.child("maxUnavailable")));
      break;
    }
    default:
      errs.push(notSupported(p, goDeploymentStrategy(strategy), ["Recreate", "RollingUpdate"]));
  }
  return errs;
}

function validateDeploymentSpec(spec: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateNonnegative(num(spec.replicas) ?? 0, p.child("replicas")));
  errs.push(...validateSelectorRequired(spec, p, "deployment"));
  errs.push(...selectorAndTemplate(spec, p, "ReplicaSet"));
  errs.push(...validateDeploymentStrategy(obj(spec.strategy) ?? {}, p.child("strategy")));
  const minReady = num(spec.minReadySeconds) ?? 0;
  errs.push(...validateNonnegative(minReady, p.child("minReadySeconds")));
  const rhl = num(spec.revisionHistoryLimit);
  if (rhl !== undefined) errs.push(...validateNonnegative(rhl, p.child("revisionHistoryLimit")));
  const rollbackTo = obj(spec.rollbackTo);
  if (rollbackTo) errs.push(...validateNonnegative(num(rollbackTo.revision) ?? 0, p.child("rollback", "version")));
  const pds = num(spec.progressDeadlineSeconds);
  if (pds !== undefined) {
    errs.push(...validateNonnegative(pds, p.child("progressDeadlineSeconds")));
    if (pds <= minReady) errs.push(invalid(p.child("progressDeadlineSeconds"), pds, "must be greater than minReadySeconds"));
  }
  return errs;
}

export function validateDeployment(d: Obj): FieldError[] {
  const errs = validateObjectMeta(obj(d.metadata) ?? {}, true, nameIsDNSSubdomain, rootPath("metadata"));
  return errs.concat(validateDeploymentSpec(obj(d.spec) ?? {}, rootPath("spec")));
}

/** Selector immutability, added by the apps/v1 registry strategies after spec validation. */
function immutableSelector(newSpec: Obj, oldSpec: Obj): FieldError[] {
  return validateImmutable(newSpec.selector, oldSpec.selector, goLabelSelector(newSpec.selector), rootPath("spec", "selector"));
}

export function validateDeploymentUpdate(d: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(obj(d.metadata) ?? {}, obj(old.metadata) ?? {}, rootPath("metadata"));
  errs.push(...validateDeploymentSpec(obj(d.spec) ?? {}, rootPath("spec")));
  errs.push(...immutableSelector(obj(d.spec) ?? {}, obj(old.spec) ?? {}));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// ReplicaSet

function validateReplicaSetSpec(spec: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateNonnegative(num(spec.replicas) ?? 0, p.child("replicas")));
  errs.push(...validateNonnegative(num(spec.minReadySeconds) ?? 0, p.child("minReadySeconds")));
  // Upstream reuses the Deployment wording here.
  errs.push(...validateSelectorRequired(spec, p, "deployment"));
  errs.push(...selectorAndTemplate(spec, p, "ReplicaSet"));
  return errs;
}

export function validateReplicaSet(rs: Obj): FieldError[] {
  const errs = validateObjectMeta(obj(rs.metadata) ?? {}, true, nameIsDNSSubdomain, rootPath("metadata"));
  return errs.concat(validateReplicaSetSpec(obj(rs.spec) ?? {}, rootPath("spec")));
}

export function validateReplicaSetUpdate(rs: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(obj(rs.metadata) ?? {}, obj(old.metadata) ?? {}, rootPath("metadata"));
  errs.push(...validateReplicaSetSpec(obj(rs.spec) ?? {}, rootPath("spec")));
  errs.push(...immutableSelector(obj(rs.spec) ?? {}, obj(old.spec) ?? {}));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// DaemonSet

function goDaemonSetStrategy(strategy: Obj): GoValue {
  return goStruct("apps.DaemonSetUpdateStrategy", [
    ["Type", str(strategy.type)],
    [
      "RollingUpdate",
      isObj(strategy.rollingUpdate) ? goPtr("apps.RollingUpdateDaemonSet") : goNilPtr("apps.RollingUpdateDaemonSet"),
    ],
  ]);
}

function validateDaemonSetUpdateStrategy(strategy: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  switch (str(strategy.type)) {
    case "OnDelete":
      break;
    case "RollingUpdate": {
      const ru = obj(strategy.rollingUpdate);
      if (!ru) return [required(p.child("rollingUpdate"))];
      const rp = p.child("rollingUpdate");
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child("maxUnavailable")));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, rp.child("maxSurge")));
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, rp.child("maxUnavailable")));
      errs.push(...isNotMoreThan100Percent(ru.maxSurge, rp.child("maxSurge")));
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) {
        errs.push(invalid(rp.child("maxSurge"), goIntOrString(ru.maxSurge), "may not be set when maxUnavailable is non-zero"));
      } else if (!hasUnavailable && !hasSurge) {
        errs.push(required(rp.child("maxUnavailable"), "cannot be 0 when maxSurge is 0"));
      }
      break;
    }
    default:
      errs.push(notSupported(p, goDaemonSetStrategy(strategy), ["RollingUpdate", "OnDelete"]));
  }
  return errs;
}

function validateDaemonSetSpec(spec: Obj, p: Path, templateGeneration: number): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabelSelector(spec.selector, p.child("selector")));
  const selector = labelSelectorAsSelector(spec.selector);
  const template = obj(spec.template) ?? {};
  const labels = obj(template.metadata)?.labels;
  if (selector && !selectorMatches(selector, labels)) {
    errs.push(invalid(p.child("template", "metadata", "labels"), goLabels(labels), "`selector` does not match template `labels`"));
  }
  const sel = obj(spec.selector);
  if (sel && Object.keys(obj(sel.matchLabels) ?? {}).length + (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0) === 0) {
    errs.push(invalid(p.child("selector"), goLabelSelector(sel), "empty selector is invalid for daemonset"));
  }
  errs.push(...validatePodTemplateSpec(template, p.child("template")));
  const tspec = obj(template.spec) ?? {};
  const rp = str(tspec.restartPolicy);
  if (rp !== "Always") errs.push(notSupported(p.child("template", "spec", "restartPolicy"), rp, ["Always"]));
  if (tspec.activeDeadlineSeconds !== undefined && tspec.activeDeadlineSeconds !== null) {
    errs.push(forbidden(p.child("template", "spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in DaemonSet is not Supported"));
  }
  errs.push(...validateNonnegative(num(spec.minReadySeconds) ?? 0, p.child("minReadySeconds")));
  errs.push(...validateNonnegative(templateGeneration, p.child("templateGeneration")));
  errs.push(...validateDaemonSetUpdateStrategy(obj(spec.updateStrategy) ?? {}, p.child("updateStrategy")));
  const rhl = num(spec.revisionHistoryLimit);
  if (rhl !== undefined) errs.push(...validateNonnegative(rhl, p.child("revisionHistoryLimit")));
  return errs;
}

const TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";

function templateGeneration(ds: Obj): number {
  const v = obj(obj(ds.metadata)?.annotations)?.[TEMPLATE_GENERATION];
  return typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : 0;
}

export function validateDaemonSet(ds: Obj): FieldError[] {
  const errs = validateObjectMeta(obj(ds.metadata) ?? {}, true, nameIsDNSSubdomain, rootPath("metadata"));
  return errs.concat(validateDaemonSetSpec(obj(ds.spec) ?? {}, rootPath("spec"), templateGeneration(ds)));
}

export function validateDaemonSetUpdate(ds: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(obj(ds.metadata) ?? {}, obj(old.metadata) ?? {}, rootPath("metadata"));
  errs.push(...validateDaemonSetSpec(obj(ds.spec) ?? {}, rootPath("spec"), templateGeneration(ds)));
  errs.push(...immutableSelector(obj(ds.spec) ?? {}, obj(old.spec) ?? {}));
  return errs;
}

