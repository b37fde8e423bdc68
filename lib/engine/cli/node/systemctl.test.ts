// Golden tests for systemctl through the terminal: unit status on the kubeadm nodes, stopping
// and starting the kubelet (and what the cluster makes of it), unit files, and permissions.
import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

const lines = (...l: string[]) => `${l.join("\n")}\n`;
const GREEN = "\x1b[0;1;32m";
const RED = "\x1b[0;1;31m";
const BLUE = "\x1b[0;1;34m";
const GREY = "\x1b[0;38;5;245m";
const N = "\x1b[0m";

const KUBELET_CMD =
  "/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock";

describe("systemctl status", () => {
  const sb = Sandbox.create({ seed: 3 });

  it("shows the kubelet on the control plane as systemd 249 does, with colours on a terminal", () => {
    expect(sb.exec("systemctl status kubelet")).toMatchObject({
      exitCode: 0,
      output: lines(
        `${GREEN}●${N} kubelet.service - kubelet: The Kubernetes Node Agent`,
        "     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; vendor preset: enabled)",
        "    Drop-In: /etc/systemd/system/kubelet.service.d",
        "             └─10-kubeadm.conf",
        `     Active: ${GREEN}active (running)${N} since Wed 2025-12-31 23:45:00 UTC; 15min ago`,
        "       Docs: https://kubernetes.io/docs/",
        "   Main PID: 1078 (kubelet)",
        "      Tasks: 14 (limit: 9387)",
        "     Memory: 56.1M",
        "        CPU: 15.074s",
        "     CGroup: /system.slice/kubelet.service",
        `             └─${GREY}1078 ${KUBELET_CMD} --node-ip=172.30.1.2 --pod-infra-container-image=registry.k8s.io/pause:3.10${N}`,
        "",
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.031989    1078 server.go:493] "Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.032132    1078 server.go:934] "Client rotation is on, will bootstrap in background"',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.033751    1078 certificate_store.go:130] Loading cert/key pair from "/var/lib/kubelet/pki/kubelet-client-current.pem".',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.035513    1078 dynamic_cafile_content.go:160] "Starting controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.048173    1078 kuberuntime_manager.go:262] "Container runtime initialized" containerRuntime="containerd" version="1.7.24" apiVersion="v1"',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.054704    1078 server.go:1274] "Started kubelet"',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.060839    1078 server.go:163] "Starting to listen" address="0.0.0.0" port=10250',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.077887    1078 volume_manager.go:289] "Starting Kubelet Volume Manager"',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.312325    1078 kubelet_node_status.go:72] "Attempting to register node" node="controlplane"',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.341237    1078 kubelet_node_status.go:75] "Successfully registered node" node="controlplane"',
      ),
    });
  });

  it("prints no colours into a pipe, and -n limits the journal lines", () => {
    expect(sb.exec("systemctl status kubelet -n 1 | tail -3").output).toBe(
      lines(
        `             └─1078 ${KUBELET_CMD} --node-ip=172.30.1.2 --pod-infra-container-image=registry.k8s.io/pause:3.10`,
        "",
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.341237    1078 kubelet_node_status.go:75] "Successfully registered node" node="controlplane"',
      ),
    );
  });

  it("shows containerd with its ExecStartPre and the pod sandboxes' shims in its cgroup", () => {
    const out = sb.exec("systemctl status containerd | head -12").output;
    expect(out).toBe(
      lines(
        "● containerd.service - containerd container runtime",
        "     Loaded: loaded (/lib/systemd/system/containerd.service; enabled; vendor preset: enabled)",
        "     Active: active (running) since Wed 2025-12-31 23:45:00 UTC; 15min ago",
        "       Docs: https://containerd.io",
        "    Process: 611 ExecStartPre=/sbin/modprobe overlay (code=exited, status=0/SUCCESS)",
        "   Main PID: 612 (containerd)",
        "      Tasks: 104",
        "     Memory: 122.0M",
        "        CPU: 6.029s",
        "     CGroup: /system.slice/containerd.service",
        "             ├─ 612 /usr/bin/containerd",
        "             ├─1517 /usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id d336c54b4be1895af8b99ec959ba4b722b3a6ba173b2fa441d158c6db06181cb -address /run/containerd/containerd.sock",
      ),
    );
    const shims = sb.exec("systemctl status containerd | grep -c containerd-shim-runc-v2").output;
    const pods = sb.exec("crictl pods -q | wc -l").output;
    expect(shims).toBe(pods);
  });

  it("knows the stock services of an Ubuntu server", () => {
    expect(sb.exec("systemctl status ssh | head -9").output).toBe(
      lines(
        "● ssh.service - OpenBSD Secure Shell server",
        "     Loaded: loaded (/lib/systemd/system/ssh.service; enabled; vendor preset: enabled)",
        "     Active: active (running) since Wed 2025-12-31 23:45:00 UTC; 15min ago",
        "       Docs: man:sshd(8)",
        "             man:sshd_config(5)",
        "   Main PID: 716 (sshd)",
        "      Tasks: 1 (limit: 9387)",
        "     Memory: 5.2M",
        "        CPU: 233ms",
      ),
    );
  });

  it("says a unit it does not know could not be found (exit 4)", () => {
    expect(sb.exec("systemctl status foo")).toMatchObject({ output: "Unit foo.service could not be found.\n", exitCode: 4 });
    expect(sb.exec("systemctl status kubelet foo.service | grep Active:")).toMatchObject({
      output: "Unit foo.service could not be found.\n     Active: active (running) since Wed 2025-12-31 23:45:00 UTC; 15min ago\n",
    });
  });
});

describe("stopping and starting the kubelet on node01", () => {
  const sb = Sandbox.create({ seed: 3 });

  it("stops it quietly; status then shows it inactive and exits 3", () => {
    sb.exec("ssh node01");
    expect(sb.exec("systemctl stop kubelet")).toMatchObject({ output: "", exitCode: 0 });
    expect(sb.exec("systemctl status kubelet")).toMatchObject({
      exitCode: 3,
      output: lines(
        "○ kubelet.service - kubelet: The Kubernetes Node Agent",
        "     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; vendor preset: enabled)",
        "    Drop-In: /etc/systemd/system/kubelet.service.d",
        "             └─10-kubeadm.conf",
        "     Active: inactive (dead) since Thu 2026-01-01 00:00:00 UTC; 3ms ago",
        "       Docs: https://kubernetes.io/docs/",
        "    Process: 1078 ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS (code=exited, status=0/SUCCESS)",
        "   Main PID: 1078 (code=exited, status=0/SUCCESS)",
        "        CPU: 15.108s",
        "",
        'Dec 31 23:45:00 node01 kubelet[1078]: I1231 23:45:00.054874    1078 server.go:1274] "Started kubelet"',
        'Dec 31 23:45:00 node01 kubelet[1078]: I1231 23:45:00.060589    1078 server.go:163] "Starting to listen" address="0.0.0.0" port=10250',
        'Dec 31 23:45:00 node01 kubelet[1078]: I1231 23:45:00.077161    1078 volume_manager.go:289] "Starting Kubelet Volume Manager"',
        'Dec 31 23:45:00 node01 kubelet[1078]: I1231 23:45:00.312907    1078 kubelet_node_status.go:72] "Attempting to register node" node="node01"',
        'Dec 31 23:45:00 node01 kubelet[1078]: I1231 23:45:00.341615    1078 kubelet_node_status.go:75] "Successfully registered node" node="node01"',
        "Jan 01 00:00:00 node01 systemd[1]: Stopping kubelet: The Kubernetes Node Agent...",
        'Jan 01 00:00:00 node01 kubelet[1078]: I0101 00:00:00.002524    1078 dynamic_cafile_content.go:174] "Shutting down controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"',
        "Jan 01 00:00:00 node01 systemd[1]: kubelet.service: Deactivated successfully.",
        "Jan 01 00:00:00 node01 systemd[1]: Stopped kubelet: The Kubernetes Node Agent.",
        "Jan 01 00:00:00 node01 systemd[1]: kubelet.service: Consumed 15.108s CPU time.",
      ),
    });
    expect(sb.exec("systemctl is-active kubelet")).toMatchObject({ output: "inactive\n", exitCode: 3 });
    expect(sb.exec("systemctl list-units --type=service | grep -c kubelet").output).toBe("0\n");
    expect(sb.exec("systemctl list-units --type=service --all | grep kubelet").output).toBe("  kubelet.service                    loaded inactive dead    kubelet: The Kubernetes Node Agent\n");
    sb.exec("exit");
  });

  it("leaves the node NotReady once the grace period has passed", () => {
    sb.exec("sleep 60");
    expect(sb.exec("kubectl get nodes").output).toBe(
      lines(
        "NAME           STATUS     ROLES           AGE   VERSION",
        "controlplane   Ready      control-plane   15m   v1.31.4",
        "node01         NotReady   <none>          14m   v1.31.4",
        "node02         Ready      <none>          14m   v1.31.4",
      ),
    );
  });

  it("starts it again, and the node is Ready", () => {
    expect(sb.exec("ssh node01 systemctl start kubelet")).toMatchObject({ output: "", exitCode: 0 });
    expect(sb.exec("ssh node01 systemctl status kubelet | head -10").output).toBe(
      lines(
        "● kubelet.service - kubelet: The Kubernetes Node Agent",
        "     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; vendor preset: enabled)",
        "    Drop-In: /etc/systemd/system/kubelet.service.d",
        "             └─10-kubeadm.conf",
        "     Active: active (running) since Thu 2026-01-01 00:01:00 UTC; 7ms ago",
        "       Docs: https://kubernetes.io/docs/",
        // Each ssh login took two pids on node01 (sshd's session and the shell).
        "   Main PID: 5004 (kubelet)",
        "      Tasks: 14 (limit: 9387)",
        "     Memory: 56.1M",
        "        CPU: 1.516s",
      ),
    );
    expect(sb.exec("ssh node01 systemctl is-active kubelet")).toMatchObject({ output: "active\n", exitCode: 0 });
    expect(sb.exec("kubectl get nodes node01").output).toBe(lines("NAME     STATUS   ROLES    AGE   VERSION", "node01   Ready    <none>   14m   v1.31.4"));
  });
});

describe("unit files", () => {
  const sb = Sandbox.create({ seed: 4 });

  it("disables and enables with the symlink messages, and is-enabled follows", () => {
    expect(sb.exec("systemctl is-enabled kubelet")).toMatchObject({ output: "enabled\n", exitCode: 0 });
    expect(sb.exec("systemctl disable kubelet")).toMatchObject({ output: "Removed /etc/systemd/system/multi-user.target.wants/kubelet.service.\n", exitCode: 0 });
    expect(sb.exec("systemctl is-enabled kubelet")).toMatchObject({ output: "disabled\n", exitCode: 1 });
    expect(sb.exec("systemctl status kubelet | sed -n 2p").output).toBe("     Loaded: loaded (/lib/systemd/system/kubelet.service; disabled; vendor preset: enabled)\n");
    expect(sb.exec("systemctl enable kubelet")).toMatchObject({
      output: "Created symlink /etc/systemd/system/multi-user.target.wants/kubelet.service → /lib/systemd/system/kubelet.service.\n",
      exitCode: 0,
    });
    expect(sb.exec("readlink /etc/systemd/system/multi-user.target.wants/kubelet.service").output).toBe("/lib/systemd/system/kubelet.service\n");
    expect(sb.exec("systemctl enable kubelet")).toMatchObject({ output: "", exitCode: 0 });
    expect(sb.exec("systemctl is-enabled foo")).toMatchObject({ output: "Failed to get unit file state for foo.service: No such file or directory\n", exitCode: 1 });
    expect(sb.exec("systemctl enable foo")).toMatchObject({ output: "Failed to enable unit: Unit file foo.service does not exist.\n", exitCode: 1 });
  });

  it("masks a unit so that it cannot be started", () => {
    expect(sb.exec("systemctl mask kubelet").output).toBe("Created symlink /etc/systemd/system/kubelet.service → /dev/null.\n");
    expect(sb.exec("systemctl restart kubelet")).toMatchObject({ output: "Failed to restart kubelet.service: Unit kubelet.service is masked.\n", exitCode: 1 });
    expect(sb.exec("systemctl is-enabled kubelet")).toMatchObject({ output: "masked\n", exitCode: 1 });
    expect(sb.exec("systemctl unmask kubelet").output).toBe("Removed /etc/systemd/system/kubelet.service.\n");
    expect(sb.exec("systemctl is-enabled kubelet").output).toBe("enabled\n");
  });

  it("cats the unit file and its drop-ins with their paths", () => {
    expect(sb.exec("systemctl cat kubelet").output).toBe(
      lines(
        `${BLUE}# /lib/systemd/system/kubelet.service${N}`,
        "[Unit]",
        "Description=kubelet: The Kubernetes Node Agent",
        "Documentation=https://kubernetes.io/docs/",
        "Wants=network-online.target",
        "After=network-online.target",
        "",
        "[Service]",
        "ExecStart=/usr/bin/kubelet",
        "Restart=always",
        "StartLimitInterval=0",
        "RestartSec=10",
        "",
        "[Install]",
        "WantedBy=multi-user.target",
        "",
        `${BLUE}# /etc/systemd/system/kubelet.service.d/10-kubeadm.conf${N}`,
        "# Note: This dropin only works with kubeadm and kubelet v1.11+",
        "[Service]",
        'Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"',
        'Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"',
        '# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically',
        "EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env",
        "# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use",
        "# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.",
        "EnvironmentFile=-/etc/default/kubelet",
        "ExecStart=",
        "ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS",
      ),
    );
    expect(sb.exec("systemctl cat foo")).toMatchObject({ output: "No files found for foo.service.\n", exitCode: 1 });
  });

  it("warns after a drop-in changed until daemon-reload", () => {
    sb.exec(`echo 'Environment="KUBELET_EXTRA_ARGS=--v=2"' >> /etc/systemd/system/kubelet.service.d/10-kubeadm.conf`);
    const warning = `${RED}Warning:${N} The unit file, source configuration file or drop-ins of kubelet.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n`;
    expect(sb.exec("systemctl restart kubelet")).toMatchObject({ output: warning, exitCode: 0 });
    expect(sb.exec("systemctl daemon-reload")).toMatchObject({ output: "", exitCode: 0 });
    expect(sb.exec("systemctl restart kubelet")).toMatchObject({ output: "", exitCode: 0 });
  });

  it("lists the loaded services with the legend", () => {
    const out = sb.exec("systemctl list-units --type=service").output;
    expect(out.split("\n").slice(0, 4).join("\n")).toBe(
      [
        "  UNIT                               LOAD   ACTIVE SUB     DESCRIPTION",
        "  apparmor.service                   loaded active exited  Load AppArmor profiles",
        "  containerd.service                 loaded active running containerd container runtime",
        "  cron.service                       loaded active running Regular background program processing daemon",
      ].join("\n"),
    );
    expect(out).toContain("  kubelet.service                    loaded active running kubelet: The Kubernetes Node Agent\n");
    expect(out).toContain("  systemd-tmpfiles-setup-dev.service loaded active exited  Create Static Device Nodes in /dev\n  systemd-tmpfiles-setup.service     loaded active exited  Create Volatile Files and Directories\n");
    expect(out.endsWith(
      lines(
        "  user@0.service                     loaded active running User Manager for UID 0",
        "",
        "LOAD   = Reflects whether the unit definition was properly loaded.",
        "ACTIVE = The high-level unit activation state, i.e. generalization of SUB.",
        "SUB    = The low-level unit activation state, values depend on unit type.",
        "32 loaded units listed. Pass --all to see loaded but inactive units, too.",
        "To show all installed unit files use 'systemctl list-unit-files'.",
      ),
    )).toBe(true);
    expect(sb.exec("systemctl list-units --type=socket").output).toBe(
      lines("  UNIT LOAD ACTIVE SUB DESCRIPTION", "0 loaded units listed. Pass --all to see loaded but inactive units, too.", "To show all installed unit files use 'systemctl list-unit-files'."),
    );
    expect(sb.exec("systemctl list-units --no-legend 'kube*'").output).toBe("  kubelet.service loaded active running kubelet: The Kubernetes Node Agent\n");
  });

  it("lists unit files with their state and vendor preset", () => {
    const out = sb.exec("systemctl list-unit-files --type=service").output;
    expect(out.split("\n").slice(0, 5).join("\n")).toBe(
      [
        "UNIT FILE                          STATE   VENDOR PRESET",
        "apparmor.service                   enabled enabled",
        "containerd.service                 enabled enabled",
        "cron.service                       enabled enabled",
        "dbus.service                       static  -",
      ].join("\n"),
    );
    expect(out.endsWith("user@.service                      static  -\n\n32 unit files listed.\n")).toBe(true);
  });

  it("answers show -p and --value for scripts", () => {
    expect(sb.exec("systemctl show kubelet -p ActiveState,SubState").output).toBe("ActiveState=active\nSubState=running\n");
    expect(sb.exec("systemctl show -p UnitFileState --value kubelet").output).toBe("enabled\n");
  });

  it("reports unknown units, verbs and options as systemctl does", () => {
    expect(sb.exec("systemctl start foo")).toMatchObject({ output: "Failed to start foo.service: Unit foo.service not found.\n", exitCode: 5 });
    expect(sb.exec("systemctl stop foo")).toMatchObject({ output: "Failed to stop foo.service: Unit foo.service not loaded.\n", exitCode: 5 });
    expect(sb.exec("systemctl is-active foo")).toMatchObject({ output: "inactive\n", exitCode: 3 });
    expect(sb.exec("systemctl reload kubelet")).toMatchObject({ output: "Failed to reload kubelet.service: Job type reload is not applicable for unit kubelet.service.\n", exitCode: 3 });
    expect(sb.exec("systemctl frobnicate")).toMatchObject({ output: "Unknown command verb frobnicate.\n", exitCode: 1 });
    expect(sb.exec("systemctl --frob")).toMatchObject({ output: "systemctl: unrecognized option '--frob'\n", exitCode: 1 });
    expect(sb.exec("systemctl start")).toMatchObject({ output: "Too few arguments.\n", exitCode: 1 });
  });
});

describe("systemctl as an ordinary user", () => {
  const sb = Sandbox.create({ seed: 5 });

  it("may look but not change: polkit has nobody to ask for a password", () => {
    sb.exec("su - ubuntu");
    expect(sb.exec("systemctl is-active kubelet").output).toBe("active\n");
    expect(sb.exec("systemctl stop kubelet")).toMatchObject({
      output: "Failed to stop kubelet.service: Interactive authentication required.\nSee system logs and 'systemctl status kubelet.service' for details.\n",
      exitCode: 1,
    });
    expect(sb.exec("systemctl disable kubelet")).toMatchObject({ output: "Failed to disable unit: Interactive authentication required.\n", exitCode: 1 });
    expect(sb.exec("systemctl daemon-reload")).toMatchObject({ output: "Failed to reload daemon: Interactive authentication required.\n", exitCode: 1 });
    expect(sb.exec("systemctl is-active kubelet").output).toBe("active\n");
  });

  it("changes units with sudo", () => {
    expect(sb.exec("sudo systemctl restart kubelet")).toMatchObject({ output: "", exitCode: 0 });
    // After the session's bash (5000), su (5001) and ubuntu's login shell (5002).
    expect(sb.exec("systemctl show -p MainPID --value kubelet").output).toBe("5003\n");
  });
});
