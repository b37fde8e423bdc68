// API errors as kube-apiserver returns them (a metav1.Status), with kubectl-compatible messages.
import { qualifiedResource, type ResourceInfo } from "./registry";

export type StatusReason =
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Invalid"
  | "Forbidden"
  | "BadRequest"
  | "MethodNotAllowed"
  | "InternalError"
  | "ServiceUnavailable"
  | "Timeout"
  | "TooManyRequests"
  | "RequestEntityTooLarge";

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: { reason?: string; message: string; field?: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details: StatusDetails = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The Status object the API server would send. */
  toStatus() {
    return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: this.message, reason: this.reason, details: this.details, code: this.code };
  }
}

export function notFound(info: ResourceInfo, name: string): ApiError {
  return new ApiError(404, "NotFound", `${qualifiedResource(info)} "${name}" not found`, { name, group: info.group, kind: info.resource });
}

export function alreadyExists(info: ResourceInfo, name: string): ApiError {
  return new ApiError(409, "AlreadyExists", `${qualifiedResource(info)} "${name}" already exists`, { name, group: info.group, kind: info.resource });
}

export function conflict(info: ResourceInfo, name: string, why = "the object has been modified; please apply your changes to the latest version and try again"): ApiError {
  return new ApiError(409, "Conflict", `Operation cannot be fulfilled on ${qualifiedResource(info)} "${name}": ${why}`, { name, group: info.group, kind: info.resource });
}

export function forbidden(info: ResourceInfo, name: string, why: string): ApiError {
  const subject = name ? `${qualifiedResource(info)} "${name}"` : qualifiedResource(info);
  return new ApiError(403, "Forbidden", `${subject} is forbidden: ${why}`, { name, group: info.group, kind: info.resource });
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, "BadRequest", message);
}

export function invalid(info: ResourceInfo, name: string, message: string, causes: StatusDetails["causes"] = []): ApiError {
  return new ApiError(422, "Invalid", message, { name, group: info.group, kind: info.kind, causes });
}

export function internalError(message: string): ApiError {
  return new ApiError(500, "InternalError", `Internal error occurred: ${message}`);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
