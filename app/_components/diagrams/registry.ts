import type { ComponentType } from "react";
import type { FigureName } from "@/lib/content/figures";
import { ApiserverRequestPath } from "./apiserver-request-path";
import { ClusterArchitecture } from "./cluster-architecture";
import { DeploymentRollout } from "./deployment-rollout";
import { DockerBridgeMacvlan } from "./docker-bridge-macvlan";
import { EtcdMvccRevisions } from "./etcd-mvcc-revisions";
import { EtcdRaftQuorum } from "./etcd-raft-quorum";
import { PodNetworkOverlay } from "./pod-network-overlay";
import { SchedulerFilterScore } from "./scheduler-filter-score";
import { ServiceClusterIpNodePort } from "./service-clusterip-nodeport";

/** A drawing and the size of its canvas in SVG units; the figure scales it to the column. */
export type Diagram = { width: number; height: number; Body: ComponentType };

// Typed by the list in lib/content/figures.ts: a name without a drawing, or a drawing without a
// name, does not compile.
export const diagrams: Record<FigureName, Diagram> = {
  "cluster-architecture": { width: 760, height: 472, Body: ClusterArchitecture },
  "apiserver-request-path": { width: 760, height: 306, Body: ApiserverRequestPath },
  "etcd-mvcc-revisions": { width: 760, height: 260, Body: EtcdMvccRevisions },
  "etcd-raft-quorum": { width: 760, height: 296, Body: EtcdRaftQuorum },
  "scheduler-filter-score": { width: 760, height: 326, Body: SchedulerFilterScore },
  "deployment-rollout": { width: 760, height: 390, Body: DeploymentRollout },
  "service-clusterip-nodeport": { width: 760, height: 480, Body: ServiceClusterIpNodePort },
  "pod-network-overlay": { width: 760, height: 440, Body: PodNetworkOverlay },
  "docker-bridge-macvlan": { width: 760, height: 404, Body: DockerBridgeMacvlan },
};
