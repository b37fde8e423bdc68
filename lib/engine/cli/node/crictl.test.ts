// Golden tests for crictl through the terminal: the control plane's containers, sandboxes and
// images, a crash-looping container on a worker, logs and inspect, and the connection errors.
import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

const lines = (...l: string[]) => `${l.join("\n")}\n`;
const FATA = "\x1b[31mFATA\x1b[0m[0000]";

describe("crictl on the control plane", () => {
  const sb = Sandbox.create({ seed: 3 });

  it("lists the running containers, newest first", () => {
    expect(sb.exec("crictl ps")).toMatchObject({
      exitCode: 0,
      output: lines(
        "CONTAINER           IMAGE               CREATED             STATE               NAME                      ATTEMPT             POD ID              POD",
        "78ffc72757a33       4f49af17116d4       14 minutes ago      Running             calico-node               0                   1515249a54812       calico-node-njn2k",
        "dbd44e8954e42       090e5624e1ef5       14 minutes ago      Running             calico-kube-controllers   0                   9e2c2d9509367       calico-kube-controllers-58779bf486-lbw9x",
        "25763606042db       e78fd686fd8e4       14 minutes ago      Running             kube-proxy                0                   916e02b6c69d2       kube-proxy-bvdpc",
        "211febab31891       d88ef9f0b57d1       14 minutes ago      Running             coredns                   0                   5dbcdc3535400       coredns-54f69986ff-s9w86",
        "d8b3f0507e3ca       d88ef9f0b57d1       14 minutes ago      Running             coredns                   0                   d336c54b4be18       coredns-54f69986ff-f8ckz",
        "a48ce7b82465a       b4e7a9de68c66       14 minutes ago      Running             kube-controller-manager   0                   9e3f4fcaa5d97       kube-controller-manager-controlplane",
        "cff37c9358e06       d638f6130b6bb       14 minutes ago      Running             kube-apiserver            0                   dbeec2bbb4cd3       kube-apiserver-controlplane",
        "de958a1fcdf5f       7d0517e07b96a       14 minutes ago      Running             etcd                      0                   7dca2d75f33b6       etcd-controlplane",
        "f17ec4b915bee       5db8cf61e1f54       14 minutes ago      Running             kube-scheduler            0                   3af1946447e4c       kube-scheduler-controlplane",
      ),
    });
  });

  it("lists the pod sandboxes", () => {
    expect(sb.exec("crictl pods").output).toBe(
      lines(
        "POD ID              CREATED             STATE               NAME                                       NAMESPACE           ATTEMPT             RUNTIME",
        "1515249a54812       14 minutes ago      Ready               calico-node-njn2k                          kube-system         0                   (default)",
        "9e2c2d9509367       14 minutes ago      Ready               calico-kube-controllers-58779bf486-lbw9x   kube-system         0                   (default)",
        "5dbcdc3535400       14 minutes ago      Ready               coredns-54f69986ff-s9w86                   kube-system         0                   (default)",
        "916e02b6c69d2       14 minutes ago      Ready               kube-proxy-bvdpc                           kube-system         0                   (default)",
        "d336c54b4be18       14 minutes ago      Ready               coredns-54f69986ff-f8ckz                   kube-system         0                   (default)",
        "3af1946447e4c       15 minutes ago      Ready               kube-scheduler-controlplane                kube-system         0                   (default)",
        "7dca2d75f33b6       15 minutes ago      Ready               etcd-controlplane                          kube-system         0                   (default)",
        "9e3f4fcaa5d97       15 minutes ago      Ready               kube-controller-manager-controlplane       kube-system         0                   (default)",
        "dbeec2bbb4cd3       15 minutes ago      Ready               kube-apiserver-controlplane                kube-system         0                   (default)",
      ),
    );
    expect(sb.exec("crictl pods --name etcd -q").output).toBe("7dca2d75f33b699558c3aabc6fde51582789579b2a9571ad266f29b2bafca96c\n");
  });

  it("lists the images the kubelet pulled, and the pause image", () => {
    expect(sb.exec("crictl images").output).toBe(
      lines(
        "IMAGE                                     TAG                 IMAGE ID            SIZE",
        "docker.io/calico/kube-controllers         v3.29.1             090e5624e1ef5       34.9MB",
        "docker.io/calico/node                     v3.29.1             4f49af17116d4       143MB",
        "registry.k8s.io/coredns/coredns           v1.11.3             d88ef9f0b57d1       18.6MB",
        "registry.k8s.io/etcd                      3.5.15-0            7d0517e07b96a       56.9MB",
        "registry.k8s.io/kube-apiserver            v1.31.4             d638f6130b6bb       28.1MB",
        "registry.k8s.io/kube-controller-manager   v1.31.4             b4e7a9de68c66       26.2MB",
        "registry.k8s.io/kube-proxy                v1.31.4             e78fd686fd8e4       30.2MB",
        "registry.k8s.io/kube-scheduler            v1.31.4             5db8cf61e1f54       20.2MB",
        "registry.k8s.io/pause                     3.10                e17f2651a56a5       320kB",
      ),
    );
  });

  it("shows a container's logs, and inspect finds it by a short id", () => {
    expect(sb.exec("crictl logs cff37c9358e06").output).toBe(
      lines("I1231 23:45:00.420056       1 options.go:228] external host was not specified, using 172.30.1.2", "I1231 23:45:00.720647       1 server.go:142] Version: v1.31.4"),
    );
    expect(sb.exec(`crictl inspect cff37 | grep -E '"(state|sandboxID|logPath|imageRef)"'`).output).toBe(
      lines(
        '    "state": "CONTAINER_RUNNING",',
        '    "imageRef": "registry.k8s.io/kube-apiserver@sha256:cc4f364c00fadde57677e19db2acd41ccc76a45b7817cfc788f4757cc9381e01",',
        '    "logPath": "/var/log/pods/kube-system_kube-apiserver-controlplane_fe9c5865c782ebe00e366bbfed511da2/kube-apiserver/0.log",',
        '    "sandboxID": "dbeec2bbb4cd3a95c304425d44f7f43d2589411e13f6a0ef8e2db6030db19417",',
      ),
    );
    expect(sb.exec(`crictl inspectp dbeec2bbb4cd3 | grep -E '"(state|ip)"'`).output).toBe(lines('    "state": "SANDBOX_READY",', '      "ip": "172.30.1.2"'));
  });

  it("reports a container containerd does not know as the CRI client and crictl do", () => {
    const missing = 'rpc error: code = NotFound desc = an error occurred when try to find container "abc": not found';
    const klog = (pid: number) => new RegExp(`^E0101 00:00:00\\.\\d{6} +${pid} log\\.go:32\\] "ContainerStatus from runtime service failed" err="rpc error: code = NotFound desc = an error occurred when try to find container \\\\"abc\\\\": not found" containerID="abc"\n`);
    const logs = sb.exec("crictl logs abc");
    expect(logs.exitCode).toBe(1);
    expect(logs.output).toMatch(klog(5001));
    expect(logs.output.endsWith(`${FATA} ${missing} \n`)).toBe(true);
    const inspect = sb.exec("crictl inspect abc");
    expect(inspect.output.endsWith(`${FATA} getting the status of the container "abc": ${missing} \n`)).toBe(true);
  });

  it("prints the runtime's version and its own", () => {
    expect(sb.exec("crictl version").output).toBe(lines("Version:  0.1.0", "RuntimeName:  containerd", "RuntimeVersion:  v1.7.24", "RuntimeApiVersion:  v1"));
    expect(sb.exec("crictl --version").output).toBe("crictl version v1.31.1\n");
  });

  it("rejects bad flags and commands as urfave/cli does", () => {
    expect(sb.exec("crictl ps --state bogus")).toMatchObject({ output: `${FATA} listing containers: --state should be one of created, running, exited or unknown \n`, exitCode: 1 });
    expect(sb.exec("crictl bogus")).toMatchObject({ output: "No help topic for 'bogus'\n", exitCode: 3 });
  });

  it("needs root, and a running containerd", () => {
    const socket = (why: string) =>
      `${FATA} validate service connection: validate CRI v1 runtime API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: ${why}" \n`;
    expect(sb.exec("su ubuntu -c 'crictl ps'")).toMatchObject({ output: socket("permission denied"), exitCode: 1 });
    sb.exec("systemctl stop containerd");
    expect(sb.exec("crictl ps")).toMatchObject({ output: socket("no such file or directory"), exitCode: 1 });
    sb.exec("systemctl start containerd");
    expect(sb.exec("crictl ps -q | wc -l").output).toBe("9\n");
  });
});

describe("crictl on a worker with a crash-looping pod", () => {
  const sb = Sandbox.create({ seed: 3 });

  it("shows the exited container with its attempt, and its logs", () => {
    sb.exec("kubectl run crash --image=busybox -- sh -c 'echo boom; exit 1'");
    sb.exec("sleep 40");
    expect(sb.exec("kubectl get pod crash -o wide").output).toContain("crash   0/1     CrashLoopBackOff   2 (9s ago)   40s   10.244.1.2   node01");
    sb.exec("ssh node01");
    expect(sb.exec("crictl ps -a").output).toBe(
      lines(
        "CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD",
        "d2ae34ebb73f7       641b7a7714b8a       8 seconds ago       Exited              crash               2                   8bd664fc83cf5       crash",
        "c9cc09071f034       4f49af17116d4       14 minutes ago      Running             calico-node         0                   a608c48015815       calico-node-2c5zt",
        "55a0717cd600a       e78fd686fd8e4       14 minutes ago      Running             kube-proxy          0                   599c24accdebb       kube-proxy-vbzqr",
      ),
    );
    expect(sb.exec("crictl ps --name crash").output).toBe(
      "CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD\n",
    );
    expect(sb.exec("crictl logs d2ae34ebb73f7").output).toBe("boom\n");
    expect(sb.exec("crictl images busybox").output).toBe(lines("IMAGE                       TAG                 IMAGE ID            SIZE", "docker.io/library/busybox   latest              641b7a7714b8a       2.15MB"));
  });
});
