// What differs between Docker Engine releases, as data. Each switch names the release that
// changed it and where (moby/moby, docker/cli).

export interface EngineProfile {
  version: string;
  apiVersion: string;
  minApiVersion: string;
  goVersion: string;
  clientCommit: string;
  serverCommit: string;
  built: string;
  containerd: { version: string; commit: string };
  runc: { version: string; commit: string };
  init: { version: string; commit: string };
}

const PROFILES: EngineProfile[] = [
  {
    version: "20.10.7", apiVersion: "1.41", minApiVersion: "1.12", goVersion: "go1.13.15", clientCommit: "f0df350", serverCommit: "b0f5bc3", built: "Wed Jun  2 11:56:35 2021",
    containerd: { version: "1.4.6", commit: "d71fcd7d8303cbf684402823e425e9dd2e99285d" }, runc: { version: "1.0.0-rc95", commit: "b9ee9c6314599f1b4a7f497e1f1f856fe433d3b7" }, init: { version: "0.19.0", commit: "de40ad0" },
  },
  {
    version: "24.0.7", apiVersion: "1.43", minApiVersion: "1.12", goVersion: "go1.20.10", clientCommit: "afdd53b", serverCommit: "311b9ff", built: "Thu Oct 26 09:08:02 2023",
    containerd: { version: "1.6.24", commit: "61f9fd88f79f081d64d6fa3bb1a0dc71ec870523" }, runc: { version: "1.1.9", commit: "v1.1.9-0-gccaecfc" }, init: { version: "0.19.0", commit: "de40ad0" },
  },
  {
    version: "27.5.1", apiVersion: "1.47", minApiVersion: "1.24", goVersion: "go1.22.11", clientCommit: "9f9e405", serverCommit: "4c9b3b0", built: "Wed Jan 22 13:41:48 2025",
    containerd: { version: "1.7.25", commit: "bcc810d6b9066471b0b6fa75f557a15a1cbf31bb" }, runc: { version: "1.2.4", commit: "v1.2.4-0-g6c52b3f" }, init: { version: "0.19.0", commit: "de40ad0" },
  },
  {
    version: "28.3.3", apiVersion: "1.51", minApiVersion: "1.24", goVersion: "go1.24.5", clientCommit: "980b856", serverCommit: "bea959c", built: "Fri Jul 25 11:34:09 2025",
    containerd: { version: "1.7.27", commit: "05044ec0a9a75232cad458027ca83437aae3f4da" }, runc: { version: "1.2.5", commit: "v1.2.5-0-g59923ef" }, init: { version: "0.19.0", commit: "de40ad0" },
  },
];

/** The engine the course treats as "current". */
export const CURRENT_ENGINE = "28.3.3";
/** The engine of the course's original transcript (CentOS app servers). */
export const LEGACY_ENGINE = "20.10.7";

export function parseVersion(v: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : [0, 0, 0];
}

/** a >= b for "major.minor[.patch]". */
export function atLeast(version: string, min: string): boolean {
  const a = parseVersion(version);
  const b = parseVersion(min);
  for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  return true;
}

/** API versions of the engine releases (docs.docker.com/engine/api/#api-version-matrix). */
function apiVersionOf(version: string): string {
  const table: [string, string][] = [
    ["29.0", "1.52"], ["28.3", "1.51"], ["28.2", "1.50"], ["28.1", "1.49"], ["28.0", "1.48"], ["27.1", "1.47"], ["27.0", "1.46"],
    ["26.0", "1.45"], ["25.0", "1.44"], ["24.0", "1.43"], ["23.0", "1.42"], ["20.10", "1.41"], ["19.03", "1.40"],
  ];
  for (const [v, api] of table) if (atLeast(version, v)) return api;
  return "1.39";
}

export function engineProfile(version: string): EngineProfile {
  const exact = PROFILES.find((p) => p.version === version);
  if (exact) return exact;
  // Same major.minor family: reuse its build data under the requested version.
  const [maj, min] = parseVersion(version);
  const family = [...PROFILES].reverse().find((p) => parseVersion(p.version)[0] <= maj && (parseVersion(p.version)[0] < maj || parseVersion(p.version)[1] <= min)) ?? PROFILES[0]!;
  return { ...family, version, apiVersion: apiVersionOf(version) };
}

export interface EngineFeatures {
  /**
   * The daemon validates IPAM config (moby#45759, Engine 25.0): host bits in --subnet or
   * --ip-range, ranges bigger than or outside their subnet are refused with
   * "invalid network config:\n...".
   */
  ipamValidation: boolean;
  /**
   * The CLI parses --ip-range as a CIDR and sends the network address (docker/cli 29: the flag
   * became an IPNet slice), so "172.28.0.1/24" arrives as "172.28.0.0/24" and is accepted.
   */
  cliMasksIpRange: boolean;
  /** Inspect and the API carry EnableIPv4 (API 1.48, Engine 28.0, moby#48271). */
  enableIPv4Field: boolean;
  /** Several macvlan networks may share a parent unless one is passthru (moby#47318, Engine 28.0). */
  macvlanSharedParent: boolean;
  /** macvlan/ipvlan reserve no gateway address unless one is given (Engine 28.0). */
  macvlanNoImplicitGateway: boolean;
  /** The client stopped rewriting 404s to "Error: No such network: x" (moby#43398, Engine 23.0). */
  daemonNotFoundMessages: boolean;
  /** "network x has active endpoints (name:"c" id:"...")" instead of "network x id <id> has active endpoints" (Engine 28.0). */
  activeEndpointsListed: boolean;
  /** Usage errors in the "docker: 'docker x' requires 1 argument" style (docker/cli 28.0). */
  modernUsageErrors: boolean;
  /** "Got permission denied ..." (< 25), "permission denied ... Docker daemon socket" (25-28), "... docker API" (29+). */
  permissionStyle: "got" | "plain" | "api";
  /** The API version the CLI puts in request paths when the daemon cannot be reached. */
  fallbackApiVersion: string;
  /** "cannot remove container "/x": container is running: ..." (Engine 25.0) instead of "You cannot remove a running container <id>. ...". */
  modernRunningRemove: boolean;
  /** Containers get random MAC addresses (Engine 26.0) instead of 02:42 + IPv4 bytes. */
  randomMac: boolean;
  /**
   * Pool exhaustion says "all predefined address pools have been fully subnetted", and an
   * overlapping pool is "invalid pool request: Pool overlaps ..." (Engine 27.0 IPAM rewrite,
   * libnetwork/ipams/defaultipam; moby#48069).
   */
  modernPoolExhaustion: boolean;
  /** `docker run --help` short text "Create and run a new container from an image" (docker/cli 23.0). */
  modernRunShort: boolean;
  /** runc's "unable to start container process" wording (runc 1.1, Engine 23.0). */
  modernOciErrors: boolean;
  /** resolv.conf for the embedded DNS carries the "# Generated by Docker Engine." header (Engine 25.0). */
  generatedResolvConf: boolean;
  /** The "Pulling from" / "Unable to find image" flow prints the normalised name at the end (all supported versions). */
  printsPulledReference: boolean;
  /**
   * Inspect's EndpointSettings carry DNSNames (API 1.44, Engine 25.0), and MacAddress and
   * DriverOpts moved up after Aliases in the struct (so in the JSON).
   */
  endpointDnsNames: boolean;
  /** EndpointSettings.GwPriority (API 1.48, Engine 28.0). */
  endpointGwPriority: boolean;
  /** Image inspect carries VirtualSize (omitted from API 1.44, Engine 25.0). */
  imageVirtualSize: boolean;
  /** Image inspect carries Container and ContainerConfig (omitted from API 1.45, Engine 26.0). */
  imageContainerConfig: boolean;
  /**
   * Image inspect's Config leaves out the container-only fields (Hostname, Domainname, Attach*,
   * Tty, OpenStdin, StdinOnce, Image) from API 1.50 (Engine 28.2).
   */
  imageConfigTrimmed: boolean;
  /**
   * Aliases on user-defined networks end with the container's short ID; API 1.45 (Engine 26.0)
   * reports only the aliases asked for (the short ID is in DNSNames).
   */
  shortIdAlias: boolean;
}

export function engineFeatures(version: string): EngineFeatures {
  const v = (min: string) => atLeast(version, min);
  return {
    ipamValidation: v("25.0"),
    cliMasksIpRange: v("29.0"),
    enableIPv4Field: v("28.0"),
    macvlanSharedParent: v("28.0"),
    macvlanNoImplicitGateway: v("28.0"),
    daemonNotFoundMessages: v("23.0"),
    activeEndpointsListed: v("28.0"),
    modernUsageErrors: v("28.0"),
    permissionStyle: v("29.0") ? "api" : v("25.0") ? "plain" : "got",
    fallbackApiVersion: v("25.0") ? apiVersionOf(version) : "1.24",
    modernRunningRemove: v("25.0"),
    randomMac: v("26.0"),
    modernPoolExhaustion: v("27.0"),
    modernRunShort: v("23.0"),
    modernOciErrors: v("23.0"),
    generatedResolvConf: v("25.0"),
    printsPulledReference: true,
    endpointDnsNames: v("25.0"),
    endpointGwPriority: v("28.0"),
    imageVirtualSize: !v("25.0"),
    imageContainerConfig: !v("26.0"),
    imageConfigTrimmed: v("28.2"),
    shortIdAlias: !v("26.0"),
  };
}
