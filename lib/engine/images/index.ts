// The container image catalogue, shared by the Docker engines and the kubelet.
//
// - resolveImage(ref): normalise a reference ("nginx" -> docker.io/library/nginx:latest) and find
//   the image, or a typed failure with dockerd's and containerd's real error texts.
// - planProcess(image, command, args, env, opts): what the container's main process does, as a
//   timeline (ProcessPlan); renderLogs / processStatusAt / isListening replay it at any time.
// - httpResponse(image, request, context): what its web server answers, and its access-log line.
export type {
  CatalogueImage,
  ClockFormat,
  HttpContext,
  HttpModel,
  HttpRequest,
  HttpResponse,
  ImageConfig,
  ImageReference,
  ListenSpec,
  LogLine,
  PlanOptions,
  ProcessModelName,
  ProcessPlan,
  ResolveFailure,
  ResolveFailureReason,
  ResolveResult,
  ResolveSuccess,
  Stream,
  TextPart,
  TimedLine,
} from "./types";
export { CATALOGUE, REPOSITORIES, findById, findByTag, findByDigest } from "./catalogue";
export { parseReference, familiarName, type ParseReferenceResult } from "./reference";
export { resolveImage, pullDurationMs } from "./resolve";
export { childProcessCount, planProcess, processStatusAt, isListening, renderLogs, renderParts, type ProcessStatus, type RenderOptions } from "./process";
export { runShellScript, runCommand, type ShellContext, type ShellRun, type ShellFlavour } from "./shell";
export { httpResponse, formatHttpResponse, httpDate, NGINX_WELCOME_HTML, HTTPD_IT_WORKS_HTML } from "./http";
export { formatClock } from "./time-format";
export { hex64, sha256Like } from "./digest";
