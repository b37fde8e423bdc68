// Just enough of the container image reference grammar (distribution/reference) to find the tag
// the way the kubelet's parsers.ParseImageName does for imagePullPolicy defaulting.

const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** The tag and digest of an image, with "latest" when neither is given; null when unparsable. */
export function parseImageName(image: string): { tag: string; digest: string } | null {
  const m = REFERENCE.exec(image);
  if (!m) return null;
  // The repository name (without domain) may not exceed 255 characters.
  if (m[1]!.length > 255) return null;
  const tag = m[2] ?? "";
  const digest = m[3] ?? "";
  return { tag: tag === "" && digest === "" ? "latest" : tag, digest };
}

/** SetDefaults_Container: Always for `:latest` (or no tag), IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): "Always" | "IfNotPresent" {
  return parseImageName(image)?.tag === "latest" ? "Always" : "IfNotPresent";
}
