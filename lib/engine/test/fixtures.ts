// Shared test fixtures for the engine: the Russian seed note's Deployment and helpers.
import type { KubeObject, StoredObject } from "../api/types";
import { resourceForKind } from "../apiserver/registry";
import type { Sandbox } from "../sandbox";
import { getCondition } from "../controllers/util";

export const nginxDeployment = (image = "nginxdemos/hello:0.2"): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx-deployment", namespace: "name-space" },
  spec: {
    selector: { matchLabels: { app: "nginx" } },
    replicas: 5,
    template: {
      metadata: { labels: { app: "nginx" } },
      spec: {
        containers: [
          {
            name: "nginx",
            image,
            ports: [{ containerPort: 80 }],
            livenessProbe: { httpGet: { path: "/", port: 80 } },
            readinessProbe: { httpGet: { path: "/", port: 80 } },
            resources: { limits: { cpu: "0.5", memory: "128Mi" }, requests: { cpu: "0.5", memory: "128Mi" } },
          },
        ],
      },
    },
  },
});

export const kind = (k: string) => resourceForKind(k)!;

export function pods(sb: Sandbox, namespace?: string, labels?: Record<string, string>): StoredObject[] {
  return sb.cluster.api
    .list(kind("Pod"), namespace)
    .filter((p) => !labels || Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v));
}

export const isReady = (p: KubeObject) => getCondition(p, "Ready")?.status === "True";

/** Advances in steps, calling `check` after each step. */
export function advanceInSteps(sb: Sandbox, totalMs: number, stepMs: number, check: () => void) {
  const end = sb.now() + totalMs;
  while (sb.now() < end) {
    sb.advanceTo(Math.min(end, sb.now() + stepMs));
    check();
  }
}
