// Field-level validation errors, worded and formatted like k8s.io/apimachinery's
// util/validation/field package, plus the Invalid status the API server builds from them.
import { GoValue, goNumber, goQuote } from "./go-format";

/** A path from the object root to a field: `spec.containers[0].image`, `spec.hard[pods]`. */
export class Path {
  private constructor(
    private readonly name: string,
    private readonly subscript: string,
    private readonly parent: Path | null,
  ) {}

  static root(name: string, ...more: string[]): Path {
    let p = new Path(name, "", null);
    for (const n of more) p = new Path(n, "", p);
    return p;
  }

  child(name: string, ...more: string[]): Path {
    let p: Path = new Path(name, "", this);
    for (const n of more) p = new Path(n, "", p);
    return p;
  }

  index(i: number): Path {
    return new Path("", String(i), this);
  }

  key(k: string): Path {
    return new Path("", k, this);
  }

  toString(): string {
    const elems: Path[] = [this];
    while (elems[elems.length - 1]!.parent) elems.push(elems[elems.length - 1]!.parent!);
    let out = "";
    for (let i = elems.length - 1; i >= 0; i--) {
      const p = elems[i]!;
      if (p.parent && p.name.length > 0) out += ".";
      out += p.name.length > 0 ? p.name : `[${p.subscript}]`;
    }
    return out;
  }
}

/** Shorthand for Path.root. */
export function path(name: string, ...more: string[]): Path {
  return Path.root(name, ...more);
}

export type ErrorType =
  | "FieldValueNotFound"
  | "FieldValueRequired"
  | "FieldValueDuplicate"
  | "FieldValueInvalid"
  | "FieldValueNotSupported"
  | "FieldValueForbidden"
  | "FieldValueTooLong"
  | "FieldValueTooMany"
  | "InternalError";

/** Marks an error whose value is not printed (TooMany with an unknown count). */
export const OMIT_VALUE = Symbol("omit");

/** A bad value: JSON scalars, null (Go nil), or a pre-rendered Go literal. */
export type BadValue = string | number | boolean | null | undefined | GoValue | typeof OMIT_VALUE;

export interface FieldError {
  type: ErrorType;
  /** The field path as a string, e.g. `spec.template.metadata.labels`. */
  field: string;
  badValue: BadValue;
  detail: string;
}

const TYPE_TEXT: Record<ErrorType, string> = {
  FieldValueNotFound: "Not found",
  FieldValueRequired: "Required value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  InternalError: "Internal error",
};

export function required(p: Path, detail = ""): FieldError {
  return { type: "FieldValueRequired", field: p.toString(), badValue: "", detail };
}

export function invalid(p: Path, value: BadValue, detail: string): FieldError {
  return { type: "FieldValueInvalid", field: p.toString(), badValue: value, detail };
}

export function duplicate(p: Path, value: BadValue): FieldError {
  return { type: "FieldValueDuplicate", field: p.toString(), badValue: value, detail: "" };
}

export function notFound(p: Path, value: BadValue): FieldError {
  return { type: "FieldValueNotFound", field: p.toString(), badValue: value, detail: "" };
}

/** Unsupported value; the detail lists the supported values, each quoted. */
export function notSupported(p: Path, value: BadValue, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? "supported values: " + validValues.map(goQuote).join(", ") : "";
  return { type: "FieldValueNotSupported", field: p.toString(), badValue: value, detail };
}

export function forbidden(p: Path, detail: string): FieldError {
  return { type: "FieldValueForbidden", field: p.toString(), badValue: "", detail };
}

export function tooLong(p: Path, maxLength: number): FieldError {
  return { type: "FieldValueTooLong", field: p.toString(), badValue: "", detail: `must have at most ${maxLength} bytes` };
}

export function tooMany(p: Path, actual: number, max: number): FieldError {
  return {
    type: "FieldValueTooMany",
    field: p.toString(),
    badValue: actual >= 0 ? actual : OMIT_VALUE,
    detail: max >= 0 ? `must have at most ${max} items` : "has too many items",
  };
}

export function internalError(p: Path, message: string): FieldError {
  return { type: "InternalError", field: p.toString(), badValue: null, detail: message };
}

/** The value as ErrorBody prints it. */
export function formatBadValue(v: Exclude<BadValue, typeof OMIT_VALUE>): string {
  if (v === null || v === undefined) return "null";
  if (v instanceof GoValue) return v.text;
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  return String(v);
}

/** The message without the field name, as in StatusCause.message. */
export function errorBody(e: FieldError): string {
  let s: string;
  switch (e.type) {
    case "FieldValueRequired":
    case "FieldValueForbidden":
    case "FieldValueTooLong":
    case "InternalError":
      s = TYPE_TEXT[e.type];
      break;
    default:
      s = e.badValue === OMIT_VALUE ? TYPE_TEXT[e.type] : `${TYPE_TEXT[e.type]}: ${formatBadValue(e.badValue)}`;
  }
  if (e.detail.length > 0) s += `: ${e.detail}`;
  return s;
}

/** `field: body`, Go's (*field.Error).Error(). */
export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** ErrorList.ToAggregate().Error(): duplicates dropped, several joined as `[a, b]`. */
export function aggregate(errors: readonly FieldError[]): string {
  const seen = new Set<string>();
  const msgs: string[] = [];
  for (const e of errors) {
    const m = errorString(e);
    if (seen.has(m)) continue;
    seen.add(m);
    msgs.push(m);
  }
  if (msgs.length === 0) return "";
  if (msgs.length === 1) return msgs[0]!;
  return `[${msgs.join(", ")}]`;
}

export interface StatusCause {
  reason: ErrorType;
  message: string;
  field: string;
}

/** The metav1.Status a real server returns (HTTP 422) for a failed validation. */
export interface InvalidStatus {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure";
  message: string;
  reason: "Invalid";
  details: { name: string; group?: string; kind: string; causes: StatusCause[] };
  code: 422;
}

/** `Deployment.apps "web"` style qualified kind for messages (GroupKind.String()). */
function qualifiedKind(kind: string, group: string): string {
  return group ? `${kind}.${group}` : kind;
}

/** errors.NewInvalid: `Deployment.apps "web" is invalid: [a, b]`, with one cause per error. */
export function invalidStatus(kind: string, group: string, name: string, errors: readonly FieldError[]): InvalidStatus {
  const agg = aggregate(errors);
  const qk = qualifiedKind(kind, group);
  const details: InvalidStatus["details"] = {
    name,
    kind,
    causes: errors.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
  };
  if (group) details.group = group;
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: agg ? `${qk} ${goQuote(name)} is invalid: ${agg}` : `${qk} ${goQuote(name)} is invalid`,
    reason: "Invalid",
    details,
    code: 422,
  };
}

/**
 * What kubectl prints for an Invalid status (cmdutil.CheckErr): `The Deployment "web" is invalid: x`
 * for one cause; a header and one `* cause` line per cause otherwise. Ends with a newline.
 */
export function kubectlInvalidMessage(status: Pick<InvalidStatus, "details">): string {
  const { kind, name, causes } = status.details;
  const prefix = kind || name ? `The ${kind} ${goQuote(name)} is invalid` : "The request is invalid";
  const seen = new Set<string>();
  const msgs: string[] = [];
  for (const c of causes) {
    const m = `${c.field}: ${c.message}`;
    if (seen.has(m)) continue;
    seen.add(m);
    msgs.push(m);
  }
  if (msgs.length === 0) return `${prefix}\n`;
  if (msgs.length === 1) return `${prefix}: ${msgs[0]}\n`;
  return `${prefix}: \n${msgs.map((m) => `* ${m}\n`).join("")}`;
}
