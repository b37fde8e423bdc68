// The node tools: systemctl and journalctl over the hosts' systemd units, and crictl over the
// container runtime of a Kubernetes node.
export { systemctlCommand } from "./systemctl";
export { journalctlCommand, parseTimestamp } from "./journalctl";
export { crictlCommand, CRICTL_VERSION } from "./crictl";
export { psCommand } from "./ps";
export { journal, startUnit, stopUnit, reloadUnit, unitHooks, cpuTime, type UnitHook } from "./units";
export { nodeRuntime, type CriContainer, type CriImage, type CriSandbox, type NodeRuntime } from "./runtime-view";
