// The cluster network as pure functions over the sandbox (world.sandbox.cluster, world.hosts):
//
// - connect(world, from, ip, port, proto): where a connection ends up, or refused / timeout /
//   no-route, through kube-proxy's Service and NodePort rules and Docker's own view.
// - httpRequest(world, from, url, options): the response the serving image gives, or a typed
//   failure (resolve, connect, TLS, reply). Time does not move: callers advance it.
// - resolve(world, from, name) / queryDns(world, from, server, name, type): hosts files, the
//   resolver configuration, systemd-resolved on the nodes, CoreDNS behind 10.96.0.10.
// - ping(world, from, ip): ICMP reachability and TTL.
// - podResolvConf / podHostsFile / containerEnv: what the kubelet gives a pod.
// - hostLinks / hostRoutes / podLinks / podRoutes: interfaces and routes for `ip`.
//
// `from` is { host: "node01" } (a machine's own shell) or { pod: { namespace, name } }.
export {
  CLUSTER_DNS,
  CLUSTER_DOMAIN,
  POD_CIDR,
  SERVICE_CIDR,
  allPods,
  clusterNodes,
  nodeByName,
  findPod,
  inPodNetwork,
  inServiceNetwork,
  kubeProxyRunning,
  listenerIn,
  podByIp,
  podIsRunning,
  podNet,
  serviceEndpoints,
  type Endpoint,
  type NodeInfo,
  type PodNet,
  type RunningContainer,
  type ServicePort,
} from "./cluster";
export { arpTimeoutMs, connect, connectIp, resolveOrigin, synTimeoutMs, type ConnectFailure, type Connection, type NetOrigin, type Protocol, type Server, type ServiceHop, type Source } from "./connect";
export {
  candidates,
  coreDnsAnswer,
  hostsFileText,
  hostsLookup,
  lookupSource,
  parseResolvConf,
  queryDns,
  querySource,
  resolvConfText,
  resolve,
  resolverOf,
  type DnsAnswer,
  type DnsRecord,
  type Lookup,
  type QueryOutcome,
  type RecordType,
  type ResolvConf,
} from "./dns";
export { httpFromSource, httpRequest, parseUrl, KUBE_BUILD_DATE, KUBE_GIT_COMMIT, KUBE_GO_VERSION, type HttpFailure, type HttpOutcome, type HttpRequestOptions, type Url } from "./http";
export { ping, pingFromSource, rttMs, type PingReach } from "./ping";
export { containerEnv, podHostname, podHostsFile, podResolvConf, serviceEnv } from "./pod-files";
export { caliName, hostLinks, hostRoutes, podLinks, podRoutes, routeFor, type Address, type Link, type Route } from "./interfaces";
