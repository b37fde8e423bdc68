// The cluster view the events stream sends (see lib/sandboxes/view.ts on the server).
export interface ClusterViewData {
  time: number;
  apiServerUp: boolean;
  controlPlane: { name: string; running: boolean }[];
  nodes: { name: string; ready: boolean; roles: string[]; pods: { namespace: string; name: string; phase: string; ready: boolean; ip?: string; terminating: boolean }[] }[];
  pending: { namespace: string; name: string; reason?: string }[];
  services: { namespace: string; name: string; type: string; clusterIP?: string; ready: number; notReady: number }[];
  trace: { id: number; at: number; cause?: number; actor: string; action: string; object?: string; who?: string }[];
  decisions: { pod: string; at: number; node?: string; message?: string; rejected: Record<string, { plugin: string; reasons: string[] }>; scores: Record<string, { total: number }> }[];
}
