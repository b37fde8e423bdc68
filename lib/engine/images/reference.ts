// Image reference parsing and normalisation, following the grammar of distribution/reference
// (what both dockerd and containerd use): "nginx" is docker.io/library/nginx:latest.

import type { ImageReference } from "./types";

const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const OFFICIAL_REPO = "library";

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

export type ParseReferenceResult =
  | { ok: true; reference: ImageReference }
  | {
      ok: false;
      /** Current dockerd/CLI wording. */
      message: string;
      /** Docker 20.10-era wording, where it differs. */
      legacyMessage: string;
    };

function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf("/");
  let domain: string;
  let remainder: string;
  const first = i === -1 ? "" : name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes("/")) remainder = `${OFFICIAL_REPO}/${remainder}`;
  return [domain, remainder];
}

/** reference.FamiliarName: the short form Docker prints ("nginx", "nginxdemos/hello"). */
export function familiarName(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return `${domain}/${path}`;
  if (path.startsWith(`${OFFICIAL_REPO}/`) && path.split("/").length === 2) return path.slice(OFFICIAL_REPO.length + 1);
  return path;
}

const invalid = (): ParseReferenceResult => ({ ok: false, message: "invalid reference format", legacyMessage: "invalid reference format" });

/** Parses and normalises a reference the way `docker pull` and the kubelet do. */
export function parseReference(input: string): ParseReferenceResult {
  const text = input.trim();
  if (text === "" || text !== input) return invalid();
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid();
    if (digest.startsWith("sha256:") && !/^sha256:[a-f0-9]{64}$/.test(digest)) return invalid();
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return invalid();
  }
  if (rest === "") return invalid();
  const [domain, path] = splitDockerDomain(rest);
  if (!DOMAIN.test(domain)) return invalid();
  const components = path.split("/");
  for (const c of components) {
    if (!PATH_COMPONENT.test(c)) {
      if (PATH_COMPONENT.test(c.toLowerCase())) {
        return {
          ok: false,
          message: `invalid reference format: repository name (${path}) must be lowercase`,
          legacyMessage: "invalid reference format: repository name must be lowercase",
        };
      }
      return invalid();
    }
  }
  const defaultedTag = tag === undefined && digest === undefined;
  if (defaultedTag) tag = "latest";
  const repository = `${domain}/${path}`;
  const suffix = `${tag !== undefined ? `:${tag}` : ""}${digest !== undefined ? `@${digest}` : ""}`;
  const familiar = familiarName(domain, path);
  const reference: ImageReference = {
    input,
    domain,
    path,
    defaultedTag,
    repository,
    normalized: `${repository}${suffix}`,
    familiarName: familiar,
    familiarString: `${familiar}${suffix}`,
  };
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return { ok: true, reference };
}
