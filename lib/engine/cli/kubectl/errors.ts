// How kubectl prints errors (cmdutil.CheckErr and friends).
import { ApiError } from "../../apiserver/errors";
import { kubectlInvalidMessage, type StatusCause } from "../../apiserver/validation";

/** The text kubectl prints for an API error (without a trailing newline). */
export function apiErrorMessage(error: ApiError, source?: { verb: string; file: string }): string {
  if (error.reason === "Invalid" && error.details.causes) {
    return kubectlInvalidMessage({ details: { kind: error.details.kind ?? "", name: error.details.name ?? "", causes: error.details.causes.map((c) => ({ reason: (c.reason ?? "") as StatusCause["reason"], message: c.message, field: c.field ?? "" })) } }).replace(/\n$/, "");
  }
  const message = source ? `error when ${source.verb} "${source.file}": ${error.message}` : error.message;
  if (error.reason === "InternalError" && error.message.startsWith("etcdserver:")) return `Error from server: ${message}`;
  return `Error from server (${error.reason}): ${message}`;
}

export function errorLine(message: string): string {
  return `error: ${message}\n`;
}

export const connectionRefused = (server: string) => `The connection to the server ${server} was refused - did you specify the right host or port?\n`;

export { ApiError };
