import path from "node:path";

/** Where course content lives. Overridable so tests can point at fixture trees. */
export function contentRoot(): string {
  return process.env.KUBECLASS_CONTENT_DIR ?? path.join(process.cwd(), "content");
}
