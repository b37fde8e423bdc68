// The cluster view the events stream sends (built by lib/sandboxes/view.ts on the server).
export type {
  ClusterView as ClusterViewData,
  CommandReplay,
  DockerHostView,
  Lane,
  NodeView,
  PodView,
  ReplayItem,
  ReplayStep,
  SchedulingWhy,
  ServiceView,
  TraceMessage,
} from "@/lib/sandboxes/view-model";
