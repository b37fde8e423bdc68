// Golden tests for kubectl api-resources, api-versions and explain through the terminal.
import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";
import { wordWrap } from "./discovery";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("kubectl api-resources and api-versions", () => {
  const sb = Sandbox.create({ seed: 3 });

  it("lists what the server serves, sorted by group then name", () => {
    const r = sb.exec("kubectl api-resources");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "NAME              SHORTNAMES   APIVERSION               NAMESPACED   KIND",
      "configmaps        cm           v1                       true         ConfigMap",
      "endpoints         ep           v1                       true         Endpoints",
      "events            ev           v1                       true         Event",
      "limitranges       limits       v1                       true         LimitRange",
      "namespaces        ns           v1                       false        Namespace",
      "nodes             no           v1                       false        Node",
      "pods              po           v1                       true         Pod",
      "resourcequotas    quota        v1                       true         ResourceQuota",
      "secrets                        v1                       true         Secret",
      "serviceaccounts   sa           v1                       true         ServiceAccount",
      "services          svc          v1                       true         Service",
      "daemonsets        ds           apps/v1                  true         DaemonSet",
      "deployments       deploy       apps/v1                  true         Deployment",
      "replicasets       rs           apps/v1                  true         ReplicaSet",
      "jobs                           batch/v1                 true         Job",
      "leases                         coordination.k8s.io/v1   true         Lease",
      "endpointslices                 discovery.k8s.io/v1      true         EndpointSlice",
    ),
    );
  });

  it("adds VERBS and CATEGORIES with -o wide", () => {
    const r = sb.exec("kubectl api-resources -o wide");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "NAME              SHORTNAMES   APIVERSION               NAMESPACED   KIND             VERBS                                                        CATEGORIES",
      "configmaps        cm           v1                       true         ConfigMap        create,delete,deletecollection,get,list,patch,update,watch   ",
      "endpoints         ep           v1                       true         Endpoints        create,delete,deletecollection,get,list,patch,update,watch   ",
      "events            ev           v1                       true         Event            create,delete,deletecollection,get,list,patch,update,watch   ",
      "limitranges       limits       v1                       true         LimitRange       create,delete,deletecollection,get,list,patch,update,watch   ",
      "namespaces        ns           v1                       false        Namespace        create,delete,get,list,patch,update,watch                    ",
      "nodes             no           v1                       false        Node             create,delete,deletecollection,get,list,patch,update,watch   ",
      "pods              po           v1                       true         Pod              create,delete,deletecollection,get,list,patch,update,watch   all",
      "resourcequotas    quota        v1                       true         ResourceQuota    create,delete,deletecollection,get,list,patch,update,watch   ",
      "secrets                        v1                       true         Secret           create,delete,deletecollection,get,list,patch,update,watch   ",
      "serviceaccounts   sa           v1                       true         ServiceAccount   create,delete,deletecollection,get,list,patch,update,watch   ",
      "services          svc          v1                       true         Service          create,delete,deletecollection,get,list,patch,update,watch   all",
      "daemonsets        ds           apps/v1                  true         DaemonSet        create,delete,deletecollection,get,list,patch,update,watch   all",
      "deployments       deploy       apps/v1                  true         Deployment       create,delete,deletecollection,get,list,patch,update,watch   all",
      "replicasets       rs           apps/v1                  true         ReplicaSet       create,delete,deletecollection,get,list,patch,update,watch   all",
      "jobs                           batch/v1                 true         Job              create,delete,deletecollection,get,list,patch,update,watch   all",
      "leases                         coordination.k8s.io/v1   true         Lease            create,delete,deletecollection,get,list,patch,update,watch   ",
      "endpointslices                 discovery.k8s.io/v1      true         EndpointSlice    create,delete,deletecollection,get,list,patch,update,watch   ",
    ),
    );
  });

  it("filters by scope", () => {
    const r = sb.exec("kubectl api-resources --namespaced=false");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "NAME         SHORTNAMES   APIVERSION   NAMESPACED   KIND",
      "namespaces   ns           v1           false        Namespace",
      "nodes        no           v1           false        Node",
    ),
    );
  });

  it("filters by group and prints names", () => {
    const r = sb.exec("kubectl api-resources --api-group=apps -o name");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "daemonsets.apps",
      "deployments.apps",
      "replicasets.apps",
    ),
    );
  });

  it("lists the group versions", () => {
    const r = sb.exec("kubectl api-versions");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "apps/v1",
      "batch/v1",
      "coordination.k8s.io/v1",
      "discovery.k8s.io/v1",
      "v1",
    ),
    );
  });

  it("rejects what kubectl rejects", () => {
    expect(sb.exec("kubectl api-resources pods")).toMatchObject({
      output: lines("error: unexpected arguments: [pods]", "See 'kubectl api-resources -h' for help and examples"),
      exitCode: 1,
    });
    expect(sb.exec("kubectl api-resources --sort-by=age")).toMatchObject({ output: "error: --sort-by accepts only name or kind\n", exitCode: 1 });
  });
});

describe("kubectl explain", () => {
  const sb = Sandbox.create({ seed: 3 });

  it("documents a field and lists its fields", () => {
    const r = sb.exec("kubectl explain pod.spec.containers");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "KIND:       Pod",
      "VERSION:    v1",
      "",
      "FIELD: containers <[]Container>",
      "",
      "",
      "DESCRIPTION:",
      "    List of containers belonging to the pod. Containers cannot currently be",
      "    added or removed. There must be at least one container in a Pod. Cannot be",
      "    updated.",
      "    A single application container that you want to run within a pod.",
      "    ",
      "FIELDS:",
      "  args\t<[]string>",
      "    Arguments to the entrypoint. The container image's CMD is used if this is",
      "    not provided. Variable references $(VAR_NAME) are expanded using the",
      "    container's environment. If a variable cannot be resolved, the reference in",
      "    the input string will be unchanged. Double $$ are reduced to a single $,",
      "    which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will",
      "    produce the string literal \"$(VAR_NAME)\". Escaped references will never be",
      "    expanded, regardless of whether the variable exists or not. Cannot be",
      "    updated. More info:",
      "    https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell",
      "",
      "  command\t<[]string>",
      "    Entrypoint array. Not executed within a shell. The container image's",
      "    ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME)",
      "    are expanded using the container's environment. If a variable cannot be",
      "    resolved, the reference in the input string will be unchanged. Double $$ are",
      "    reduced to a single $, which allows for escaping the $(VAR_NAME) syntax:",
      "    i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped",
      "    references will never be expanded, regardless of whether the variable exists",
      "    or not. Cannot be updated. More info:",
      "    https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell",
      "",
      "  env\t<[]EnvVar>",
      "    List of environment variables to set in the container. Cannot be updated.",
      "",
      "  envFrom\t<[]EnvFromSource>",
      "    List of sources to populate environment variables in the container. The keys",
      "    defined within a source must be a C_IDENTIFIER. All invalid keys will be",
      "    reported as an event when the container is starting. When a key exists in",
      "    multiple sources, the value associated with the last source will take",
      "    precedence. Values defined by an Env with a duplicate key will take",
      "    precedence. Cannot be updated.",
      "",
      "  image\t<string>",
      "    Container image name. More info:",
      "    https://kubernetes.io/docs/concepts/containers/images This field is optional",
      "    to allow higher level config management to default or override container",
      "    images in workload controllers like Deployments and StatefulSets.",
      "",
      "  imagePullPolicy\t<string>",
      "  enum: Always, IfNotPresent, Never",
      "    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if",
      "    :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More",
      "    info: https://kubernetes.io/docs/concepts/containers/images#updating-images",
      "    ",
      "    Possible enum values:",
      "     - `\"Always\"` means that kubelet always attempts to pull the latest image.",
      "    Container will fail If the pull fails.",
      "     - `\"IfNotPresent\"` means that kubelet pulls if the image isn't present on",
      "    disk. Container will fail if the image isn't present and the pull fails.",
      "     - `\"Never\"` means that kubelet never pulls an image, but only uses a local",
      "    image. Container will fail if the image isn't present",
      "",
      "  lifecycle\t<Lifecycle>",
      "    Actions that the management system should take in response to container",
      "    lifecycle events. Cannot be updated.",
      "",
      "  livenessProbe\t<Probe>",
      "    Periodic probe of container liveness. Container will be restarted if the",
      "    probe fails. Cannot be updated. More info:",
      "    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes",
      "",
      "  name\t<string> -required-",
      "    Name of the container specified as a DNS_LABEL. Each container in a pod must",
      "    have a unique name (DNS_LABEL). Cannot be updated.",
      "",
      "  ports\t<[]ContainerPort>",
      "    List of ports to expose from the container. Not specifying a port here DOES",
      "    NOT prevent that port from being exposed. Any port which is listening on the",
      "    default \"0.0.0.0\" address inside a container will be accessible from the",
      "    network. Modifying this array with strategic merge patch may corrupt the",
      "    data. For more information See",
      "    https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.",
      "",
      "  readinessProbe\t<Probe>",
      "    Periodic probe of container service readiness. Container will be removed",
      "    from service endpoints if the probe fails. Cannot be updated. More info:",
      "    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes",
      "",
      "  resizePolicy\t<[]ContainerResizePolicy>",
      "    Resources resize policy for the container.",
      "",
      "  resources\t<ResourceRequirements>",
      "    Compute Resources required by this container. Cannot be updated. More info:",
      "    https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
      "",
      "  restartPolicy\t<string>",
      "    RestartPolicy defines the restart behavior of individual containers in a",
      "    pod. This field may only be set for init containers, and the only allowed",
      "    value is \"Always\". For non-init containers or when this field is not",
      "    specified, the restart behavior is defined by the Pod's restart policy and",
      "    the container type. Setting the RestartPolicy as \"Always\" for the init",
      "    container will have the following effect: this init container will be",
      "    continually restarted on exit until all regular containers have terminated.",
      "    Once all regular containers have completed, all init containers with",
      "    restartPolicy \"Always\" will be shut down. This lifecycle differs from normal",
      "    init containers and is often referred to as a \"sidecar\" container. Although",
      "    this init container still starts in the init container sequence, it does not",
      "    wait for the container to complete before proceeding to the next init",
      "    container. Instead, the next init container starts immediately after this",
      "    init container is started, or after any startupProbe has successfully",
      "    completed.",
      "",
      "  securityContext\t<SecurityContext>",
      "    SecurityContext defines the security options the container should be run",
      "    with. If set, the fields of SecurityContext override the equivalent fields",
      "    of PodSecurityContext. More info:",
      "    https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
      "",
      "  startupProbe\t<Probe>",
      "    StartupProbe indicates that the Pod has successfully initialized. If",
      "    specified, no other probes are executed until this completes successfully.",
      "    If this probe fails, the Pod will be restarted, just as if the livenessProbe",
      "    failed. This can be used to provide different probe parameters at the",
      "    beginning of a Pod's lifecycle, when it might take a long time to load data",
      "    or warm a cache, than during steady-state operation. This cannot be updated.",
      "    More info:",
      "    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes",
      "",
      "  stdin\t<boolean>",
      "    Whether this container should allocate a buffer for stdin in the container",
      "    runtime. If this is not set, reads from stdin in the container will always",
      "    result in EOF. Default is false.",
      "",
      "  stdinOnce\t<boolean>",
      "    Whether the container runtime should close the stdin channel after it has",
      "    been opened by a single attach. When stdin is true the stdin stream will",
      "    remain open across multiple attach sessions. If stdinOnce is set to true,",
      "    stdin is opened on container start, is empty until the first client attaches",
      "    to stdin, and then remains open and accepts data until the client",
      "    disconnects, at which time stdin is closed and remains closed until the",
      "    container is restarted. If this flag is false, a container processes that",
      "    reads from stdin will never receive an EOF. Default is false",
      "",
      "  terminationMessagePath\t<string>",
      "    Optional: Path at which the file to which the container's termination",
      "    message will be written is mounted into the container's filesystem. Message",
      "    written is intended to be brief final status, such as an assertion failure",
      "    message. Will be truncated by the node if greater than 4096 bytes. The total",
      "    message length across all containers will be limited to 12kb. Defaults to",
      "    /dev/termination-log. Cannot be updated.",
      "",
      "  terminationMessagePolicy\t<string>",
      "  enum: FallbackToLogsOnError, File",
      "    Indicate how the termination message should be populated. File will use the",
      "    contents of terminationMessagePath to populate the container status message",
      "    on both success and failure. FallbackToLogsOnError will use the last chunk",
      "    of container log output if the termination message file is empty and the",
      "    container exited with an error. The log output is limited to 2048 bytes or",
      "    80 lines, whichever is smaller. Defaults to File. Cannot be updated.",
      "    ",
      "    Possible enum values:",
      "     - `\"FallbackToLogsOnError\"` will read the most recent contents of the",
      "    container logs for the container status message when the container exits",
      "    with an error and the terminationMessagePath has no contents.",
      "     - `\"File\"` is the default behavior and will set the container status",
      "    message to the contents of the container's terminationMessagePath when the",
      "    container exits.",
      "",
      "  tty\t<boolean>",
      "    Whether this container should allocate a TTY for itself, also requires",
      "    'stdin' to be true. Default is false.",
      "",
      "  volumeDevices\t<[]VolumeDevice>",
      "    volumeDevices is the list of block devices to be used by the container.",
      "",
      "  volumeMounts\t<[]VolumeMount>",
      "    Pod volumes to mount into the container's filesystem. Cannot be updated.",
      "",
      "  workingDir\t<string>",
      "    Container's working directory. If not specified, the container runtime's",
      "    default will be used, which might be configured in the container image.",
      "    Cannot be updated.",
      "",
      "",
    ),
    );
  });

  it("lists enum values of a field", () => {
    const r = sb.exec("kubectl explain pod.spec.containers.imagePullPolicy");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "KIND:       Pod",
      "VERSION:    v1",
      "",
      "FIELD: imagePullPolicy <string>",
      "ENUM:",
      "    Always",
      "    IfNotPresent",
      "    Never",
      "",
      "DESCRIPTION:",
      "    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if",
      "    :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More",
      "    info: https://kubernetes.io/docs/concepts/containers/images#updating-images",
      "    ",
      "    Possible enum values:",
      "     - `\"Always\"` means that kubelet always attempts to pull the latest image.",
      "    Container will fail If the pull fails.",
      "     - `\"IfNotPresent\"` means that kubelet pulls if the image isn't present on",
      "    disk. Container will fail if the image isn't present and the pull fails.",
      "     - `\"Never\"` means that kubelet never pulls an image, but only uses a local",
      "    image. Container will fail if the image isn't present",
      "    ",
      "",
    ),
    );
  });

  it("explains a map field", () => {
    const r = sb.exec("kubectl explain svc.spec.selector");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "KIND:       Service",
      "VERSION:    v1",
      "",
      "FIELD: selector <map[string]string>",
      "",
      "",
      "DESCRIPTION:",
      "    Route service traffic to pods with label keys and values matching this",
      "    selector. If empty or not present, the service is assumed to have an",
      "    external process managing its endpoints, which Kubernetes will not modify.",
      "    Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type",
      "    is ExternalName. More info:",
      "    https://kubernetes.io/docs/concepts/services-networking/service/",
      "    ",
      "",
    ),
    );
  });

  it("prints the field tree with --recursive", () => {
    const r = sb.exec("kubectl explain deploy.spec.strategy --recursive");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "GROUP:      apps",
      "KIND:       Deployment",
      "VERSION:    v1",
      "",
      "FIELD: strategy <DeploymentStrategy>",
      "",
      "",
      "DESCRIPTION:",
      "    The deployment strategy to use to replace existing pods with new ones.",
      "    DeploymentStrategy describes how to replace existing pods with new ones.",
      "    ",
      "FIELDS:",
      "  rollingUpdate\t<RollingUpdateDeployment>",
      "    maxSurge\t<IntOrString>",
      "    maxUnavailable\t<IntOrString>",
      "  type\t<string>",
      "  enum: Recreate, RollingUpdate",
      "",
    ),
    );
  });

  it("explains a kind, with its group", () => {
    const r = sb.exec("kubectl explain deployments");
    expect(r.output.split("\n").slice(0, 9)).toEqual([
      "GROUP:      apps",
      "KIND:       Deployment",
      "VERSION:    v1",
      "",
      "DESCRIPTION:",
      "    Deployment enables declarative updates for Pods and ReplicaSets.",
      "    ",
      "FIELDS:",
      "  apiVersion\t<string>",
    ]);
    expect(r.output.endsWith("  status\t<DeploymentStatus>\n    Most recently observed status of the Deployment.\n\n\n")).toBe(true);
  });

  it("names the missing field, the resource type, or the usage", () => {
    expect(sb.exec("kubectl explain pod.spec.foo")).toMatchObject({ output: 'error: field "foo" does not exist\n', exitCode: 1 });
    // kubectl names the last segment of the path, whichever one is missing.
    expect(sb.exec("kubectl explain pod.spec.foo.bar")).toMatchObject({ output: 'error: field "bar" does not exist\n', exitCode: 1 });
    expect(sb.exec("kubectl explain widgets")).toMatchObject({ output: 'error: the server doesn\'t have a resource type "widgets"\n', exitCode: 1 });
    expect(sb.exec("kubectl explain")).toMatchObject({
      output: 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    });
    expect(sb.exec("kubectl explain pods nodes")).toMatchObject({ output: "error: We accept only this format: explain RESOURCE\n", exitCode: 1 });
  });

  it("wraps like go-wordwrap: at spaces, keeping newlines and long words whole", () => {
    expect(wordWrap("this is a really good test", 3)).toBe("this\nis\na\nreally\ngood\ntest");
    expect(wordWrap("More info: https://example.com/a/very/long/link/that/does/not/fit", 20)).toBe("More info:\nhttps://example.com/a/very/long/link/that/does/not/fit");
    expect(wordWrap("one\n\ntwo", 10)).toBe("one\n\ntwo");
  });
});
