// ObjectMeta, labels, annotations and label selectors (apimachinery api/validation and
// apis/meta/v1/validation), plus label-selector matching for the selector/template checks.
import {
  type BadValue,
  type FieldError,
  type Path,
  forbidden,
  invalid,
  required,
  tooLong,
} from "./field";
import { GoValue, goQuote, goSlice, goStringMap, goStruct } from "./go-format";
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from "./formats";
import { type Obj, arr, isObj, num, obj, semanticEqual, sortedKeys, str } from "./json";

export const FIELD_IMMUTABLE = "field is immutable";
export const IS_NEGATIVE = "must be greater than or equal to 0";

/** A name check: the list of problems with `name`; `prefix` means it is a generateName. */
export type NameFn = (name: string, prefix: boolean) => string[];

// Upstream drops two characters here (a long-standing quirk); kept for identical messages.
function maskTrailingDash(name: string): string {
  return name.endsWith("-") ? name.slice(0, Math.max(0, name.length - 2)) + "a" : name;
}

export const nameIsDNSSubdomain: NameFn = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: NameFn = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
export const nameIsDNS1035Label: NameFn = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

export function validateNonnegative(value: number, p: Path): FieldError[] {
  return value < 0 ? [invalid(p, value, IS_NEGATIVE)] : [];
}

export function validateDNS1123Label(value: string, p: Path): FieldError[] {
  return isDNS1123Label(value).map((m) => invalid(p, value, m));
}

export function validateDNS1123Subdomain(value: string, p: Path): FieldError[] {
  return isDNS1123Subdomain(value).map((m) => invalid(p, value, m));
}

export function validateQualifiedName(value: string, p: Path): FieldError[] {
  return isQualifiedName(value).map((m) => invalid(p, value, m));
}

export const validateLabelName = validateQualifiedName;

/** Label keys and values; the path is the map itself (`metadata.labels`), as upstream. */
export function validateLabels(labels: unknown, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(labels)) return errs;
  for (const k of sortedKeys(labels)) {
    errs.push(...validateLabelName(k, p));
    const v = str(labels[k]);
    for (const m of isValidLabelValue(v)) errs.push(invalid(p, v, m));
  }
  return errs;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateAnnotations(annotations: unknown, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(annotations)) return errs;
  let total = 0;
  const enc = new TextEncoder();
  for (const k of sortedKeys(annotations)) {
    // Annotation keys are qualified names, but case does not matter.
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(p, k, m));
    total += enc.encode(k).length + enc.encode(str(annotations[k])).length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(p, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

const STANDARD_FINALIZERS = new Set(["kubernetes", "orphan", "foregroundDeletion"]);

export function validateFinalizerName(name: string, p: Path): FieldError[] {
  return validateQualifiedName(name, p);
}

/** Core types also require un-prefixed finalizers to be one of the standard ones. */
export function validateKubeFinalizerName(name: string, p: Path): FieldError[] {
  if (name.split("/").length === 1 && !STANDARD_FINALIZERS.has(name)) {
    return [invalid(p, name, "name is neither a standard finalizer name nor is it fully qualified")];
  }
  return [];
}

function validateFinalizers(finalizers: unknown, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const list = arr(finalizers).map(str);
  for (const f of list) errs.push(...validateFinalizerName(f, p));
  if (list.includes("orphan") && list.includes("foregroundDeletion")) {
    errs.push(invalid(p, goSlice(list, "[]string"), "finalizer orphan and foregroundDeletion cannot be both set"));
  }
  return errs;
}

function validateOwnerReferences(refs: unknown, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = "";
  for (const r of arr(refs)) {
    const ref = obj(r) ?? {};
    const apiVersion = str(ref.apiVersion);
    const version = apiVersion.includes("/") ? apiVersion.split("/")[1]! : apiVersion;
    if (version.length === 0) errs.push(invalid(p.child("apiVersion"), apiVersion, "version must not be empty"));
    if (str(ref.kind).length === 0) errs.push(invalid(p.child("kind"), str(ref.kind), "must not be empty"));
    if (str(ref.name).length === 0) errs.push(invalid(p.child("name"), str(ref.name), "must not be empty"));
    if (str(ref.uid).length === 0) errs.push(invalid(p.child("uid"), str(ref.uid), "must not be empty"));
    if (ref.controller === true) {
      const cur = `${str(ref.kind)}/${str(ref.name)}`;
      if (firstController) {
        errs.push(
          invalid(
            p,
            new GoValue("[]v1.OwnerReference{...}"),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`,
          ),
        );
      } else {
        firstController = cur;
      }
    }
  }
  return errs;
}

function validateMetaCommon(meta: Obj, namespaced: boolean, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const ns = str(meta.namespace);
  if (namespaced) {
    if (ns.length === 0) errs.push(required(p.child("namespace")));
    else for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(p.child("namespace"), ns, m));
  } else if (ns.length !== 0) {
    errs.push(forbidden(p.child("namespace"), "not allowed on this type"));
  }
  const generation = num(meta.generation);
  if (generation !== undefined) errs.push(...validateNonnegative(generation, p.child("generation")));
  errs.push(...validateLabels(meta.labels, p.child("labels")));
  errs.push(...validateAnnotations(meta.annotations, p.child("annotations")));
  errs.push(...validateOwnerReferences(meta.ownerReferences, p.child("ownerReferences")));
  errs.push(...validateFinalizers(meta.finalizers, p.child("finalizers")));
  return errs;
}

/** ValidateObjectMeta for core types (with the extra finalizer-name rule). */
export function validateObjectMeta(meta: Obj, namespaced: boolean, nameFn: NameFn, p: Path, kubeFinalizers = true): FieldError[] {
  const errs: FieldError[] = [];
  const generateName = str(meta.generateName);
  if (generateName.length !== 0) {
    for (const m of nameFn(generateName, true)) errs.push(invalid(p.child("generateName"), generateName, m));
  }
  const name = str(meta.name);
  if (name.length === 0) errs.push(required(p.child("name"), "name or generateName is required"));
  else for (const m of nameFn(name, false)) errs.push(invalid(p.child("name"), name, m));
  errs.push(...validateMetaCommon(meta, namespaced, p));
  if (kubeFinalizers) {
    arr(meta.finalizers).forEach((f, i) => errs.push(...validateKubeFinalizerName(str(f), p.child("finalizers").index(i))));
  }
  return errs;
}

function goTime(v: unknown): GoValue {
  if (typeof v !== "string" || !v) return new GoValue("v1.Time{Time:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)}");
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(v);
  if (!m) return new GoValue(`v1.Time{${goQuote(v)}}`);
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const [, y, mo, d, h, mi, s] = m.map((x) => String(Number(x)));
  return new GoValue(`v1.Time{Time:time.Date(${y}, time.${months[Number(mo) - 1]}, ${d}, ${h}, ${mi}, ${s}, 0, time.Local)}`);
}

/**
 * ValidateObjectMetaUpdate. The "resourceVersion must be specified for an update" check is left out:
 * every kind here allows unconditional updates, for which the store fills the version in first.
 */
export function validateObjectMetaUpdate(meta: Obj, old: Obj, p: Path, kubeFinalizers = true): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) {
    const oldF = new Set(arr(old.finalizers).map(str));
    const extra = [...new Set(arr(meta.finalizers).map(str))].filter((f) => !oldF.has(f)).sort();
    if (extra.length > 0) {
      errs.push(
        forbidden(
          p.child("finalizers"),
          `no new finalizers can be added if the object is being deleted, found new finalizers ${goSlice(extra, "[]string").text}`,
        ),
      );
    }
  }
  const newGen = num(meta.generation) ?? 0;
  const oldGen = num(old.generation) ?? 0;
  if (newGen < oldGen) errs.push(invalid(p.child("generation"), newGen, "must not be decremented"));
  const immutableString = (field: string) => {
    if (str(meta[field]) !== str(old[field])) errs.push(invalid(p.child(field), str(meta[field]), FIELD_IMMUTABLE));
  };
  immutableString("name");
  immutableString("namespace");
  immutableString("uid");
  if (meta.creationTimestamp && old.creationTimestamp && meta.creationTimestamp !== old.creationTimestamp) {
    errs.push(invalid(p.child("creationTimestamp"), goTime(meta.creationTimestamp), FIELD_IMMUTABLE));
  }
  if ((meta.deletionTimestamp ?? null) !== (old.deletionTimestamp ?? null)) {
    errs.push(invalid(p.child("deletionTimestamp"), meta.deletionTimestamp ? goTime(meta.deletionTimestamp) : null, FIELD_IMMUTABLE));
  }
  if ((meta.deletionGracePeriodSeconds ?? null) !== (old.deletionGracePeriodSeconds ?? null)) {
    errs.push(invalid(p.child("deletionGracePeriodSeconds"), num(meta.deletionGracePeriodSeconds) ?? null, FIELD_IMMUTABLE));
  }
  errs.push(...validateLabels(meta.labels, p.child("labels")));
  errs.push(...validateAnnotations(meta.annotations, p.child("annotations")));
  errs.push(...validateOwnerReferences(meta.ownerReferences, p.child("ownerReferences")));
  errs.push(...validateFinalizers(meta.finalizers, p.child("finalizers")));
  if (kubeFinalizers) {
    arr(meta.finalizers).forEach((f, i) => errs.push(...validateKubeFinalizerName(str(f), p.child("finalizers").index(i))));
  }
  return errs;
}

/** ValidateImmutableField with a caller-rendered value. */
export function validateImmutable(newVal: unknown, oldVal: unknown, rendered: BadValue, p: Path): FieldError[] {
  return semanticEqual(newVal, oldVal) ? [] : [invalid(p, rendered, FIELD_IMMUTABLE)];
}

const SELECTOR_OPS = ["In", "NotIn", "Exists", "DoesNotExist"];

/** ValidateLabelSelector (label values in expressions are checked, as for workloads). */
export function validateLabelSelector(sel: unknown, p: Path, checkValues = true): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(sel)) return errs;
  errs.push(...validateLabels(sel.matchLabels, p.child("matchLabels")));
  arr(sel.matchExpressions).forEach((e, i) => {
    const expr = obj(e) ?? {};
    const ep = p.child("matchExpressions").index(i);
    const op = str(expr.operator);
    const values = arr(expr.values);
    if (op === "In" || op === "NotIn") {
      if (values.length === 0) errs.push(required(ep.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === "Exists" || op === "DoesNotExist") {
      if (values.length > 0) errs.push(forbidden(ep.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(ep.child("operator"), op, "not a valid selector operator"));
    }
    errs.push(...validateLabelName(str(expr.key), ep.child("key")));
    if (checkValues) {
      values.forEach((v, j) => {
        for (const m of isValidLabelValue(str(v))) errs.push(invalid(ep.child("values").index(j), str(v), m));
      });
    }
  });
  return errs;
}

/** A compiled selector: `nothing` for a nil selector, `everything` for an empty one. */
export type Selector = { kind: "nothing" } | { kind: "everything" } | { kind: "match"; test: (labels: Record<string, string>) => boolean };

/** metav1.LabelSelectorAsSelector; null when the selector cannot be converted. */
export function labelSelectorAsSelector(sel: unknown): Selector | null {
  if (sel === undefined || sel === null) return { kind: "nothing" };
  if (!isObj(sel)) return null;
  const matchLabels = isObj(sel.matchLabels) ? sel.matchLabels : {};
  const exprs = arr(sel.matchExpressions).map((e) => obj(e) ?? {});
  if (Object.keys(matchLabels).length + exprs.length === 0) return { kind: "everything" };
  const tests: Array<(l: Record<string, string>) => boolean> = [];
  for (const k of Object.keys(matchLabels)) {
    const v = str(matchLabels[k]);
    if (isQualifiedName(k).length > 0 || isValidLabelValue(v).length > 0) return null;
    tests.push((l) => l[k] === v);
  }
  for (const e of exprs) {
    const key = str(e.key);
    const op = str(e.operator);
    const values = arr(e.values).map(str);
    if (!SELECTOR_OPS.includes(op) || isQualifiedName(key).length > 0) return null;
    if ((op === "In" || op === "NotIn") && values.length === 0) return null;
    if ((op === "Exists" || op === "DoesNotExist") && values.length > 0) return null;
    if (values.some((v) => isValidLabelValue(v).length > 0)) return null;
    if (op === "In") tests.push((l) => key in l && values.includes(l[key]!));
    else if (op === "NotIn") tests.push((l) => !(key in l) || !values.includes(l[key]!));
    else if (op === "Exists") tests.push((l) => key in l);
    else tests.push((l) => !(key in l));
  }
  return { kind: "match", test: (l) => tests.every((t) => t(l)) };
}

export function selectorEmpty(s: Selector): boolean {
  return s.kind === "everything";
}

export function selectorMatches(s: Selector, labels: unknown): boolean {
  if (s.kind === "nothing") return false;
  if (s.kind === "everything") return true;
  const l: Record<string, string> = {};
  if (isObj(labels)) for (const [k, v] of Object.entries(labels)) l[k] = str(v);
  return s.test(l);
}

/** `%#v` of a *metav1.LabelSelector, dereferenced as the error printer does. */
export function goLabelSelector(sel: unknown): GoValue | null {
  if (!isObj(sel)) return null;
  const exprs = Array.isArray(sel.matchExpressions)
    ? new GoValue(
        `[]v1.LabelSelectorRequirement{${sel.matchExpressions
          .map((e) => {
            const x = obj(e) ?? {};
            return goStruct("v1.LabelSelectorRequirement", [
              ["Key", str(x.key)],
              ["Operator", str(x.operator)],
              ["Values", goSlice(Array.isArray(x.values) ? x.values.map(str) : null, "[]string")],
            ]).text;
          })
          .join(", ")}}`,
      )
    : new GoValue("[]v1.LabelSelectorRequirement(nil)");
  return goStruct("v1.LabelSelector", [
    ["MatchLabels", goStringMap(isObj(sel.matchLabels) ? sel.matchLabels : null)],
    ["MatchExpressions", exprs],
  ]);
}

/** `map[string]string{...}` of a labels map (nil when absent). */
export function goLabels(labels: unknown): GoValue {
  return goStringMap(isObj(labels) ? labels : null);
}
