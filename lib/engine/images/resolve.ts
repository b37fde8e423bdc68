// Resolving a reference against the catalogue, with the registries' real failure texts as
// dockerd and containerd print them.
import { findByDigest, findByTag, REPOSITORIES } from "./catalogue";
import { parseReference } from "./reference";
import type { ResolveResult } from "./types";

/**
 * Resolves `input` ("nginx", "nginx:1.27", "registry.k8s.io/pause:3.10", "busybox@sha256:...").
 * Failures carry dockerd's message (`dockerMessage`) and containerd's (`criCode`, `criMessage`).
 */
export function resolveImage(input: string): ResolveResult {
  const parsed = parseReference(input);
  if (!parsed.ok) {
    return {
      ok: false,
      reason: "invalid-reference",
      dockerMessage: parsed.message,
      criCode: "InvalidArgument",
      criMessage: `failed to pull and unpack image "${input}": failed to resolve reference "${input}": ${parsed.message}`,
    };
  }
  const ref = parsed.reference;
  const known = REPOSITORIES.has(ref.repository);
  const image = !known ? undefined : ref.digest !== undefined ? findByDigest(ref.repository, ref.digest) : findByTag(ref.repository, ref.tag ?? "latest");
  // With both a tag and a digest, the digest wins (as in dockerd and containerd).
  if (image) {
    return { ok: true, reference: ref, image };
  }
  const resolveFailed = `failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}"`;
  if (!known && ref.domain === "docker.io") {
    // Docker Hub answers an unknown repository like a private one: access denied.
    return {
      ok: false,
      reason: "repository-not-found",
      reference: ref,
      dockerMessage: `pull access denied for ${ref.familiarName}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      criCode: "Unknown",
      criMessage: `${resolveFailed}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    };
  }
  return {
    ok: false,
    reason: known ? "tag-not-found" : "repository-not-found",
    reference: ref,
    dockerMessage: `manifest for ${ref.familiarString} not found: manifest unknown: manifest unknown`,
    criCode: "NotFound",
    criMessage: `${resolveFailed}: ${ref.normalized}: not found`,
  };
}

/**
 * How long a pull of `compressedBytes` takes at `bytesPerSecond` (plus a fixed registry
 * round trip), in milliseconds. Deterministic so event messages are reproducible.
 */
export function pullDurationMs(compressedBytes: number, bytesPerSecond = 40_000_000): number {
  return 350 + Math.round((compressedBytes / bytesPerSecond) * 1000);
}
