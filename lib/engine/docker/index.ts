// The simulated Docker engines: one per host (HostState.docker), driven by the `docker` command.
//
// - installDocker(host, opts): engine state, the docker/containerd units, /etc/docker, the
//   docker group; the engine version ("20.10.7", "28.3.3", ...) decides where releases differ.
// - dockerCommand: the CLI (Command<DockerWorld>).
// - Host-side helpers for other commands (curl/ping on the host, systemctl): hostHttpRequest,
//   hostCanPing, reachFromHost, onDaemonStop / onDaemonStart, daemonRunning.
export type {
  ContainerRun,
  ContainerState,
  ContainerStatus,
  DockerEngineState,
  EndpointState,
  IpamConfigEntry,
  LocalImage,
  NetworkState,
  PoolState,
  PortBinding,
} from "./types";
export { dockerCommand, formatDaemonResult } from "./cli";
export { installDocker, createEngineState, daemonRunning, onDaemonStart, onDaemonStop, type InstallDockerOptions } from "./state";
export {
  createNetwork,
  removeNetwork,
  pruneNetworks,
  findNetwork,
  validateIpam,
  defaultPools,
  activeEndpoints,
  PREDEFINED_NETWORKS,
  type DaemonResult,
  type EngineEnv,
  type NetworkCreateRequest,
} from "./networks";
export { createContainer, startContainer, stopContainer, killContainer, removeContainer, refreshEngine, findContainer, containerLogs, statusText, type CreateRequest } from "./containers";
export { execInContainer } from "./exec";
export { networkInspect, containerInspect, imageInspect } from "./inspect";
export {
  connectTcp,
  hostCanPing,
  hostHttpRequest,
  reachFromContainer,
  reachFromHost,
  resolveDns,
  resolveName,
  type Connect,
  type DockerWorld,
  type HttpResult,
  type Reach,
  type Resolution,
  type Target,
} from "./netview";
export { engineFeatures, engineProfile, atLeast, CURRENT_ENGINE, LEGACY_ENGINE, type EngineFeatures, type EngineProfile } from "./versions";
export { executeTemplate, compileTemplate, TemplateError } from "./template";
export { tabwrite, humanDuration, humanSize, goJson, rfc3339Nano } from "./format";
export { generateName } from "./names";
