// The JSON `docker inspect` prints, field for field in the engine's order. The same objects feed
// `--format` templates (maps are registered so they print like Go maps).
import type { Millis } from "../clock";
import { findById } from "../images/catalogue";
import { rfc3339Nano, sortedMap } from "./format";
import { portsText } from "./containers";
import { activeEndpoints } from "./networks";
import { goMap } from "./template";
import type { ContainerState, DockerEngineState, NetworkState } from "./types";
import { engineFeatures } from "./versions";

const map = <T extends object>(o: T): T => goMap(sortedMap(o as Record<string, unknown>) as T);

export function networkInspect(engine: DockerEngineState, n: NetworkState): Record<string, unknown> {
  const f = engineFeatures(engine.version);
  const containers: Record<string, unknown> = {};
  for (const { container, endpoint } of activeEndpoints(engine, n)) {
    containers[container.id] = {
      Name: container.name,
      EndpointID: endpoint.endpointId,
      MacAddress: endpoint.mac,
      IPv4Address: `${endpoint.ip}/${endpoint.prefixLen}`,
      IPv6Address: "",
    };
  }
  const config = n.ipamConfig.map((c) => {
    const entry: Record<string, unknown> = { Subnet: c.Subnet };
    if (c.IPRange) entry.IPRange = c.IPRange;
    if (c.Gateway) entry.Gateway = c.Gateway;
    if (c.AuxiliaryAddresses) entry.AuxiliaryAddresses = map(c.AuxiliaryAddresses);
    return entry;
  });
  const out: Record<string, unknown> = {
    Name: n.name,
    Id: n.id,
    Created: n.created,
    Scope: n.scope,
    Driver: n.driver,
  };
  if (f.enableIPv4Field) out.EnableIPv4 = n.enableIPv4;
  out.EnableIPv6 = n.enableIPv6;
  out.IPAM = { Driver: n.ipamDriver, Options: n.ipamOptions === null ? null : map(n.ipamOptions), Config: config };
  out.Internal = n.internal;
  out.Attachable = n.attachable;
  out.Ingress = n.ingress;
  out.ConfigFrom = { Network: "" };
  out.ConfigOnly = false;
  out.Containers = map(containers);
  out.Options = map(n.options);
  out.Labels = map(n.labels);
  return out;
}

function stateObject(c: ContainerState): Record<string, unknown> {
  return {
    Status: c.status,
    Running: c.status === "running",
    Paused: false,
    Restarting: false,
    OOMKilled: false,
    Dead: c.status === "dead",
    Pid: c.status === "running" ? c.pid : 0,
    ExitCode: c.exitCode,
    Error: c.error,
    StartedAt: c.startedAt !== undefined ? rfc3339Nano(c.startedAt, 0) : "0001-01-01T00:00:00Z",
    FinishedAt: c.finishedAt !== undefined ? rfc3339Nano(c.finishedAt, 0) : "0001-01-01T00:00:00Z",
  };
}

/** Deduplicates keeping the first occurrence (moby's sliceutil.Dedup). */
const dedup = (list: string[]) => list.filter((x, i) => list.indexOf(x) === i);

interface EndpointView {
  ipamConfig: Record<string, string> | null;
  aliases: string[] | null;
  mac: string;
  networkId: string;
  endpointId: string;
  gateway: string;
  ip: string;
  prefixLen: number;
  dnsNames: string[] | null;
}

/** network.EndpointSettings in the field order (and with the fields) of the engine's release. */
function endpointSettings(version: string, e: EndpointView): Record<string, unknown> {
  const f = engineFeatures(version);
  const operational = {
    NetworkID: e.networkId,
    EndpointID: e.endpointId,
    Gateway: e.gateway,
    IPAddress: e.ip,
    IPPrefixLen: e.prefixLen,
    IPv6Gateway: "",
    GlobalIPv6Address: "",
    GlobalIPv6PrefixLen: 0,
  };
  const head = { IPAMConfig: e.ipamConfig, Links: null, Aliases: e.aliases };
  if (!f.endpointDnsNames) return { ...head, ...operational, MacAddress: e.mac, DriverOpts: null };
  return { ...head, MacAddress: e.mac, DriverOpts: null, ...(f.endpointGwPriority ? { GwPriority: 0 } : {}), ...operational, DNSNames: e.dnsNames };
}

export function containerInspect(engine: DockerEngineState, c: ContainerState, _now: Millis): Record<string, unknown> {
  const f = engineFeatures(engine.version);
  const image = findById(c.imageId);
  const argv = [...(c.entrypoint ?? []), ...(c.cmd ?? [])];
  const networks: Record<string, unknown> = {};
  const shortId = c.id.slice(0, 12);
  for (const e of c.endpoints) {
    const n = engine.networks.find((x) => x.id === e.networkId);
    if (!n) continue;
    // Older daemons list the short ID among a user-defined network's aliases (last, once).
    const aliases = !n.predefined && f.shortIdAlias && !e.aliases.includes(shortId) ? [...e.aliases, shortId] : e.aliases;
    networks[n.name] = endpointSettings(engine.version, {
      ipamConfig: e.requestedIp ? { IPv4Address: e.requestedIp } : null,
      aliases: aliases.length > 0 ? aliases : null,
      mac: e.ip ? e.mac : "",
      networkId: n.id,
      endpointId: e.ip ? e.endpointId : "",
      gateway: e.ip ? e.gateway : "",
      ip: e.ip,
      prefixLen: e.ip ? e.prefixLen : 0,
      // buildEndpointDNSNames: name, aliases, short ID, hostname (user-defined networks only).
      dnsNames: n.predefined || !e.ip ? null : dedup([c.name, ...e.aliases, shortId, ...(c.hostname ? [c.hostname] : [])]),
    });
  }
  for (const mode of ["host", "none"]) {
    if (c.networkMode === mode) {
      const n = engine.networks.find((x) => x.name === mode)!;
      networks[mode] = endpointSettings(engine.version, { ipamConfig: null, aliases: null, mac: "", networkId: n.id, endpointId: "", gateway: "", ip: "", prefixLen: 0, dnsNames: null });
    }
  }
  const bridgeEp = c.endpoints.find((e) => engine.networks.find((n) => n.id === e.networkId)?.name === "bridge");
  const ports: Record<string, unknown> = {};
  if (c.status === "running") {
    for (const p of c.exposedPorts) ports[p] = null;
    for (const p of c.ports) {
      const key = `${p.containerPort}/${p.protocol}`;
      const list = (Array.isArray(ports[key]) ? ports[key] : []) as unknown[];
      if (p.hostIp) list.push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
      else list.push({ HostIp: "0.0.0.0", HostPort: String(p.hostPort) }, { HostIp: "::", HostPort: String(p.hostPort) });
      ports[key] = list;
    }
  }
  const portBindings: Record<string, unknown> = {};
  for (const p of c.ports) portBindings[`${p.containerPort}/${p.protocol}`] = [{ HostIp: p.hostIp, HostPort: String(p.hostPort) }];
  const sandbox = c.status === "running" ? c.id.split("").reverse().join("") : "";
  return {
    Id: c.id,
    Created: c.created,
    Path: argv[0] ?? "",
    Args: argv.slice(1),
    State: stateObject(c),
    Image: c.imageId,
    ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
    LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: "overlay2",
    Platform: "linux",
    MountLabel: "",
    ProcessLabel: "",
    AppArmorProfile: "",
    ExecIDs: null,
    HostConfig: {
      Binds: null,
      ContainerIDFile: "",
      LogConfig: { Type: "json-file", Config: map({}) },
      NetworkMode: c.networkMode,
      PortBindings: map(portBindings),
      RestartPolicy: { Name: c.restartPolicy, MaximumRetryCount: 0 },
      AutoRemove: c.autoRemove,
    },
    Mounts: [],
    Config: {
      Hostname: c.hostname,
      Domainname: "",
      User: image?.config.user ?? "",
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ExposedPorts: c.exposedPorts.length > 0 ? map(Object.fromEntries(c.exposedPorts.map((p) => [p, {}]))) : null,
      Tty: c.tty,
      OpenStdin: c.openStdin,
      StdinOnce: false,
      Env: c.env,
      Cmd: c.cmd,
      Image: c.image,
      Volumes: null,
      WorkingDir: image?.config.workingDir ?? "",
      Entrypoint: c.entrypoint,
      OnBuild: null,
      Labels: map(c.labels),
      ...(image?.config.stopSignal ? { StopSignal: image.config.stopSignal } : {}),
    },
    NetworkSettings: {
      Bridge: "",
      SandboxID: sandbox,
      SandboxKey: sandbox ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : "",
      Ports: map(ports),
      HairpinMode: false,
      LinkLocalIPv6Address: "",
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: bridgeEp?.ip ? bridgeEp.endpointId : "",
      Gateway: bridgeEp?.ip ? bridgeEp.gateway : "",
      GlobalIPv6Address: "",
      GlobalIPv6PrefixLen: 0,
      IPAddress: bridgeEp?.ip ?? "",
      IPPrefixLen: bridgeEp?.ip ? bridgeEp.prefixLen : 0,
      IPv6Gateway: "",
      MacAddress: bridgeEp?.ip ? bridgeEp.mac : "",
      Networks: map(networks),
    },
  };
}

export function imageInspect(engine: DockerEngineState, id: string): Record<string, unknown> | undefined {
  const local = engine.images.find((i) => i.id === id);
  const image = findById(id);
  if (!local || !image) return undefined;
  const f = engineFeatures(engine.version);
  // container.Config in the Go struct's order; an image's has the container-only fields empty.
  const containerConfig = (c: { user: string; exposed: unknown; env: unknown; cmd: unknown; workingDir: string; entrypoint: unknown; stopSignal?: string }) => ({
    Hostname: "",
    Domainname: "",
    User: c.user,
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ExposedPorts: c.exposed,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: c.env,
    Cmd: c.cmd,
    Image: "",
    Volumes: null,
    WorkingDir: c.workingDir,
    Entrypoint: c.entrypoint,
    OnBuild: null,
    Labels: null,
    ...(c.stopSignal ? { StopSignal: c.stopSignal } : {}),
  });
  const config: Record<string, unknown> = containerConfig({
    user: image.config.user ?? "",
    exposed: image.config.exposedPorts.length > 0 ? map(Object.fromEntries(image.config.exposedPorts.map((p) => [p, {}]))) : null,
    env: image.config.env,
    cmd: image.config.cmd,
    workingDir: image.config.workingDir,
    entrypoint: image.config.entrypoint,
    ...(image.config.stopSignal ? { stopSignal: image.config.stopSignal } : {}),
  });
  if (f.imageConfigTrimmed) for (const k of ["Hostname", "Domainname", "AttachStdin", "AttachStdout", "AttachStderr", "Tty", "OpenStdin", "StdinOnce", "Image"]) delete config[k];
  return {
    Id: image.id,
    RepoTags: local.repoTags,
    RepoDigests: local.repoDigests,
    Parent: "",
    Comment: "buildkit.dockerfile.v0",
    Created: image.created,
    // Images built with BuildKit have no build container: an empty ContainerConfig.
    ...(f.imageContainerConfig ? { Container: "", ContainerConfig: containerConfig({ user: "", exposed: null, env: null, cmd: null, workingDir: "", entrypoint: null }) } : {}),
    DockerVersion: "",
    Author: "",
    Config: config,
    Architecture: image.architecture,
    Os: image.os,
    Size: image.sizeBytes,
    ...(f.imageVirtualSize ? { VirtualSize: image.sizeBytes } : {}),
    GraphDriver: { Data: null, Name: "overlay2" },
    RootFS: { Type: "layers", Layers: image.layers },
    Metadata: { LastTagTime: "0001-01-01T00:00:00Z" },
  };
}

export { portsText };
