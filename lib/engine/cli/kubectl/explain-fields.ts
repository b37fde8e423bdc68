// Field documentation for `kubectl explain`: the descriptions of the OpenAPI v3 schema the API
// server publishes, for the kinds this simulator serves and the types they use. `t` is the field
// type (`[]Container`, `map[string]string`, a type name or a scalar), `r` marks required fields,
// `e` lists enum values. Generated from the Kubernetes API types; edit with care.

export interface ExplainField {
  t: string;
  d: string;
  r?: 1;
  e?: string[];
}

export interface ExplainType {
  d: string;
  f: Record<string, ExplainField>;
}

/** Named scalar types: their descriptions follow a field's own in DESCRIPTION. */
export const EXPLAIN_SCALARS: Record<string, string> = {
  "Quantity": "Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.\n\nThe serialization format is:\n\n``` <quantity>        ::= <signedNumber><suffix>\n\n\t(Note that <suffix> may be empty, from the \"\" case in <decimalSI>.)\n\n<digit>           ::= 0 | 1 | ... | 9 <digits>          ::= <digit> | <digit><digits> <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits> <sign>            ::= \"+\" | \"-\" <signedNumber>    ::= <number> | <sign><number> <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI> <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei\n\n\t(International System of units; See: http://physics.nist.gov/cuu/Units/binary.html)\n\n<decimalSI>       ::= m | \"\" | k | M | G | T | P | E\n\n\t(Note that 1024 = 1Ki but 1000 = 1k; I didn't choose the capitalization.)\n\n<decimalExponent> ::= \"e\" <signedNumber> | \"E\" <signedNumber> ```\n\nNo matter which of the three exponent forms is used, no quantity may represent a number greater than 2^63-1 in magnitude, nor may it have more than 3 decimal places. Numbers larger or more precise will be capped or rounded up. (E.g.: 0.1m will rounded up to 1m.) This may be extended in the future if we require larger or smaller quantities.\n\nWhen a Quantity is parsed from a string, it will remember the type of suffix it had, and will use the same type again when it is serialized.\n\nBefore serializing, Quantity will be put in \"canonical form\". This means that Exponent/suffix will be adjusted up or down (with a corresponding increase or decrease in Mantissa) such that:\n\n- No precision is lost - No fractional digits will be emitted - The exponent (or suffix) is as large as possible.\n\nThe sign will be omitted unless the number is negative.\n\nExamples:\n\n- 1.5 will be serialized as \"1500m\" - 1.5Gi will be serialized as \"1536Mi\"\n\nNote that the quantity will NEVER be internally represented by a floating point number. That is the whole point of this exercise.\n\nNon-canonical values will still parse as long as they are well formed, but will be re-emitted in their canonical form. (So always use canonical form, or don't diff.)\n\nThis format is intended to make it difficult to use these numbers without writing some sort of special handling code in the hopes that that will cause implementors to also use a fixed point implementation.",
  "Time": "Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.  Wrappers are provided for many of the factory methods that the time package offers.",
  "MicroTime": "MicroTime is version of Time with microsecond level precision.",
  "IntOrString": "IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number."
};

export const EXPLAIN_TYPES: Record<string, ExplainType> = {
  Affinity: {
    d: "Affinity is a group of affinity scheduling rules.",
    f: {
      nodeAffinity: { t: "NodeAffinity", d: "Describes node affinity scheduling rules for the pod." },
      podAffinity: { t: "PodAffinity", d: "Describes pod affinity scheduling rules (e.g. co-locate this pod in the same node, zone, etc. as some other pod(s))." },
      podAntiAffinity: { t: "PodAntiAffinity", d: "Describes pod anti-affinity scheduling rules (e.g. avoid putting this pod in the same node, zone, etc. as some other pod(s))." },
    },
  },
  AppArmorProfile: {
    d: "AppArmorProfile defines a pod or container's AppArmor settings.",
    f: {
      localhostProfile: { t: "string", d: "localhostProfile indicates a profile loaded on the node that should be used. The profile must be preconfigured on the node to work. Must match the loaded name of the profile. Must be set if and only if type is \"Localhost\"." },
      type: { t: "string", d: "type indicates which kind of AppArmor profile will be applied. Valid options are:\n  Localhost - a profile pre-loaded on the node.\n  RuntimeDefault - the container runtime's default profile.\n  Unconfined - no AppArmor enforcement.", r: 1 },
    },
  },
  AttachedVolume: {
    d: "AttachedVolume describes a volume attached to a node",
    f: {
      devicePath: { t: "string", d: "DevicePath represents the device path where the volume should be available", r: 1 },
      name: { t: "string", d: "Name of the attached volume", r: 1 },
    },
  },
  Capabilities: {
    d: "Adds and removes POSIX capabilities from running containers.",
    f: {
      add: { t: "[]string", d: "Added capabilities" },
      drop: { t: "[]string", d: "Removed capabilities" },
    },
  },
  ClientIPConfig: {
    d: "ClientIPConfig represents the configurations of Client IP based session affinity.",
    f: {
      timeoutSeconds: { t: "integer", d: "timeoutSeconds specifies the seconds of ClientIP type session sticky time. The value must be >0 && <=86400(for 1 day) if ServiceAffinity == \"ClientIP\". Default value is 10800(for 3 hours)." },
    },
  },
  Condition: {
    d: "Condition contains details for one aspect of the current state of this API Resource.",
    f: {
      lastTransitionTime: { t: "Time", d: "lastTransitionTime is the last time the condition transitioned from one status to another. This should be when the underlying condition changed.  If that is not known, then using the time when the API field changed is acceptable.", r: 1 },
      message: { t: "string", d: "message is a human readable message indicating details about the transition. This may be an empty string.", r: 1 },
      observedGeneration: { t: "integer", d: "observedGeneration represents the .metadata.generation that the condition was set based upon. For instance, if .metadata.generation is currently 12, but the .status.conditions[x].observedGeneration is 9, the condition is out of date with respect to the current state of the instance." },
      reason: { t: "string", d: "reason contains a programmatic identifier indicating the reason for the condition's last transition. Producers of specific condition types may define expected values and meanings for this field, and whether the values are considered a guaranteed API. The value should be a CamelCase string. This field may not be empty.", r: 1 },
      status: { t: "string", d: "status of the condition, one of True, False, Unknown.", r: 1 },
      type: { t: "string", d: "type of condition in CamelCase or in foo.example.com/CamelCase.", r: 1 },
    },
  },
  ConfigMap: {
    d: "ConfigMap holds configuration data for pods to consume.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      binaryData: { t: "map[string]string", d: "BinaryData contains the binary data. Each key must consist of alphanumeric characters, '-', '_' or '.'. BinaryData can contain byte sequences that are not in the UTF-8 range. The keys stored in BinaryData must not overlap with the ones in the Data field, this is enforced during validation process. Using this field will require 1.10+ apiserver and kubelet." },
      data: { t: "map[string]string", d: "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process." },
      immutable: { t: "boolean", d: "Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified). If not set to true, the field can be modified at any time. Defaulted to nil." },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
    },
  },
  ConfigMapEnvSource: {
    d: "ConfigMapEnvSource selects a ConfigMap to populate the environment variables with.\n\nThe contents of the target ConfigMap's Data field will represent the key-value pairs as environment variables.",
    f: {
      name: { t: "string", d: "Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names" },
      optional: { t: "boolean", d: "Specify whether the ConfigMap must be defined" },
    },
  },
  ConfigMapKeySelector: {
    d: "Selects a key from a ConfigMap.",
    f: {
      key: { t: "string", d: "The key to select.", r: 1 },
      name: { t: "string", d: "Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names" },
      optional: { t: "boolean", d: "Specify whether the ConfigMap or its key must be defined" },
    },
  },
  ConfigMapVolumeSource: {
    d: "Adapts a ConfigMap into a volume.\n\nThe contents of the target ConfigMap's Data field will be presented in a volume as files using the keys in the Data field as the file names, unless the items element is populated with specific mappings of keys to paths. ConfigMap volumes support ownership management and SELinux relabeling.",
    f: {
      defaultMode: { t: "integer", d: "defaultMode is optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set." },
      items: { t: "[]KeyToPath", d: "items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the ConfigMap, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'." },
      name: { t: "string", d: "Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names" },
      optional: { t: "boolean", d: "optional specify whether the ConfigMap or its keys must be defined" },
    },
  },
  Container: {
    d: "A single application container that you want to run within a pod.",
    f: {
      args: { t: "[]string", d: "Arguments to the entrypoint. The container image's CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell" },
      command: { t: "[]string", d: "Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell" },
      env: { t: "[]EnvVar", d: "List of environment variables to set in the container. Cannot be updated." },
      envFrom: { t: "[]EnvFromSource", d: "List of sources to populate environment variables in the container. The keys defined within a source must be a C_IDENTIFIER. All invalid keys will be reported as an event when the container is starting. When a key exists in multiple sources, the value associated with the last source will take precedence. Values defined by an Env with a duplicate key will take precedence. Cannot be updated." },
      image: { t: "string", d: "Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets." },
      imagePullPolicy: { t: "string", d: "Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images\n\nPossible enum values:\n - `\"Always\"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `\"IfNotPresent\"` means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.\n - `\"Never\"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present", e: ["Always","IfNotPresent","Never"] },
      lifecycle: { t: "Lifecycle", d: "Actions that the management system should take in response to container lifecycle events. Cannot be updated." },
      livenessProbe: { t: "Probe", d: "Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes" },
      name: { t: "string", d: "Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.", r: 1 },
      ports: { t: "[]ContainerPort", d: "List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default \"0.0.0.0\" address inside a container will be accessible from the network. Modifying this array with strategic merge patch may corrupt the data. For more information See https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated." },
      readinessProbe: { t: "Probe", d: "Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes" },
      resizePolicy: { t: "[]ContainerResizePolicy", d: "Resources resize policy for the container." },
      resources: { t: "ResourceRequirements", d: "Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/" },
      restartPolicy: { t: "string", d: "RestartPolicy defines the restart behavior of individual containers in a pod. This field may only be set for init containers, and the only allowed value is \"Always\". For non-init containers or when this field is not specified, the restart behavior is defined by the Pod's restart policy and the container type. Setting the RestartPolicy as \"Always\" for the init container will have the following effect: this init container will be continually restarted on exit until all regular containers have terminated. Once all regular containers have completed, all init containers with restartPolicy \"Always\" will be shut down. This lifecycle differs from normal init containers and is often referred to as a \"sidecar\" container. Although this init container still starts in the init container sequence, it does not wait for the container to complete before proceeding to the next init container. Instead, the next init container starts immediately after this init container is started, or after any startupProbe has successfully completed." },
      securityContext: { t: "SecurityContext", d: "SecurityContext defines the security options the container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext. More info: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/" },
      startupProbe: { t: "Probe", d: "StartupProbe indicates that the Pod has successfully initialized. If specified, no other probes are executed until this completes successfully. If this probe fails, the Pod will be restarted, just as if the livenessProbe failed. This can be used to provide different probe parameters at the beginning of a Pod's lifecycle, when it might take a long time to load data or warm a cache, than during steady-state operation. This cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes" },
      stdin: { t: "boolean", d: "Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false." },
      stdinOnce: { t: "boolean", d: "Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the first client attaches to stdin, and then remains open and accepts data until the client disconnects, at which time stdin is closed and remains closed until the container is restarted. If this flag is false, a container processes that reads from stdin will never receive an EOF. Default is false" },
      terminationMessagePath: { t: "string", d: "Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Message written is intended to be brief final status, such as an assertion failure message. Will be truncated by the node if greater than 4096 bytes. The total message length across all containers will be limited to 12kb. Defaults to /dev/termination-log. Cannot be updated." },
      terminationMessagePolicy: { t: "string", d: "Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.\n\nPossible enum values:\n - `\"FallbackToLogsOnError\"` will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.\n - `\"File\"` is the default behavior and will set the container status message to the contents of the container's terminationMessagePath when the container exits.", e: ["FallbackToLogsOnError","File"] },
      tty: { t: "boolean", d: "Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false." },
      volumeDevices: { t: "[]VolumeDevice", d: "volumeDevices is the list of block devices to be used by the container." },
      volumeMounts: { t: "[]VolumeMount", d: "Pod volumes to mount into the container's filesystem. Cannot be updated." },
      workingDir: { t: "string", d: "Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated." },
    },
  },
  ContainerImage: {
    d: "Describe a container image",
    f: {
      names: { t: "[]string", d: "Names by which this image is known. e.g. [\"kubernetes.example/hyperkube:v1.0.7\", \"cloud-vendor.registry.example/cloud-vendor/hyperkube:v1.0.7\"]" },
      sizeBytes: { t: "integer", d: "The size of the image in bytes." },
    },
  },
  ContainerPort: {
    d: "ContainerPort represents a network port in a single container.",
    f: {
      containerPort: { t: "integer", d: "Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.", r: 1 },
      hostIP: { t: "string", d: "What host IP to bind the external port to." },
      hostPort: { t: "integer", d: "Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. If HostNetwork is specified, this must match ContainerPort. Most containers do not need this." },
      name: { t: "string", d: "If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services." },
      protocol: { t: "string", d: "Protocol for port. Must be UDP, TCP, or SCTP. Defaults to \"TCP\".\n\nPossible enum values:\n - `\"SCTP\"` is the SCTP protocol.\n - `\"TCP\"` is the TCP protocol.\n - `\"UDP\"` is the UDP protocol.", e: ["SCTP","TCP","UDP"] },
    },
  },
  ContainerResizePolicy: {
    d: "ContainerResizePolicy represents resource resize policy for the container.",
    f: {
      resourceName: { t: "string", d: "Name of the resource to which this resource resize policy applies. Supported values: cpu, memory.", r: 1 },
      restartPolicy: { t: "string", d: "Restart policy to apply when specified resource is resized. If not specified, it defaults to NotRequired.", r: 1 },
    },
  },
  ContainerState: {
    d: "ContainerState holds a possible state of container. Only one of its members may be specified. If none of them is specified, the default one is ContainerStateWaiting.",
    f: {
      running: { t: "ContainerStateRunning", d: "Details about a running container" },
      terminated: { t: "ContainerStateTerminated", d: "Details about a terminated container" },
      waiting: { t: "ContainerStateWaiting", d: "Details about a waiting container" },
    },
  },
  ContainerStateRunning: {
    d: "ContainerStateRunning is a running state of a container.",
    f: {
      startedAt: { t: "Time", d: "Time at which the container was last (re-)started" },
    },
  },
  ContainerStateTerminated: {
    d: "ContainerStateTerminated is a terminated state of a container.",
    f: {
      containerID: { t: "string", d: "Container's ID in the format '<type>://<container_id>'" },
      exitCode: { t: "integer", d: "Exit status from the last termination of the container", r: 1 },
      finishedAt: { t: "Time", d: "Time at which the container last terminated" },
      message: { t: "string", d: "Message regarding the last termination of the container" },
      reason: { t: "string", d: "(brief) reason from the last termination of the container" },
      signal: { t: "integer", d: "Signal from the last termination of the container" },
      startedAt: { t: "Time", d: "Time at which previous execution of the container started" },
    },
  },
  ContainerStateWaiting: {
    d: "ContainerStateWaiting is a waiting state of a container.",
    f: {
      message: { t: "string", d: "Message regarding why the container is not yet running." },
      reason: { t: "string", d: "(brief) reason the container is not yet running." },
    },
  },
  ContainerStatus: {
    d: "ContainerStatus contains details for the current status of this container.",
    f: {
      allocatedResources: { t: "map[string]Quantity", d: "AllocatedResources represents the compute resources allocated for this container by the node. Kubelet sets this value to Container.Resources.Requests upon successful pod admission and after successfully admitting desired pod resize." },
      containerID: { t: "string", d: "ContainerID is the ID of the container in the format '<type>://<container_id>'. Where type is a container runtime identifier, returned from Version call of CRI API (for example \"containerd\")." },
      image: { t: "string", d: "Image is the name of container image that the container is running. The container image may not match the image used in the PodSpec, as it may have been resolved by the runtime. More info: https://kubernetes.io/docs/concepts/containers/images.", r: 1 },
      imageID: { t: "string", d: "ImageID is the image ID of the container's image. The image ID may not match the image ID of the image used in the PodSpec, as it may have been resolved by the runtime.", r: 1 },
      lastState: { t: "ContainerState", d: "LastTerminationState holds the last termination state of the container to help debug container crashes and restarts. This field is not populated if the container is still running and RestartCount is 0." },
      name: { t: "string", d: "Name is a DNS_LABEL representing the unique name of the container. Each container in a pod must have a unique name across all container types. Cannot be updated.", r: 1 },
      ready: { t: "boolean", d: "Ready specifies whether the container is currently passing its readiness check. The value will change as readiness probes keep executing. If no readiness probes are specified, this field defaults to true once the container is fully started (see Started field).\n\nThe value is typically used to determine whether a container is ready to accept traffic.", r: 1 },
      resources: { t: "ResourceRequirements", d: "Resources represents the compute resource requests and limits that have been successfully enacted on the running container after it has been started or has been successfully resized." },
      restartCount: { t: "integer", d: "RestartCount holds the number of times the container has been restarted. Kubelet makes an effort to always increment the value, but there are cases when the state may be lost due to node restarts and then the value may be reset to 0. The value is never negative.", r: 1 },
      started: { t: "boolean", d: "Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe. Initialized as false, becomes true after startupProbe is considered successful. Resets to false when the container is restarted, or if kubelet loses state temporarily. In both cases, startup probes will run again. Is always true when no startupProbe is defined and container is running and has passed the postStart lifecycle hook. The null value must be treated the same as false." },
      state: { t: "ContainerState", d: "State holds details about the container's current condition." },
      volumeMounts: { t: "[]VolumeMountStatus", d: "Status of volume mounts." },
    },
  },
  DaemonEndpoint: {
    d: "DaemonEndpoint contains information about a single Daemon endpoint.",
    f: {
      Port: { t: "integer", d: "Port number of the given endpoint.", r: 1 },
    },
  },
  DaemonSet: {
    d: "DaemonSet represents the configuration of a daemon set.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "DaemonSetSpec", d: "The desired behavior of this daemon set. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
      status: { t: "DaemonSetStatus", d: "The current status of this daemon set. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
    },
  },
  DaemonSetCondition: {
    d: "DaemonSetCondition describes the state of a DaemonSet at a certain point.",
    f: {
      lastTransitionTime: { t: "Time", d: "Last time the condition transitioned from one status to another." },
      message: { t: "string", d: "A human readable message indicating details about the transition." },
      reason: { t: "string", d: "The reason for the condition's last transition." },
      status: { t: "string", d: "Status of the condition, one of True, False, Unknown.", r: 1 },
      type: { t: "string", d: "Type of DaemonSet condition.", r: 1 },
    },
  },
  DaemonSetSpec: {
    d: "DaemonSetSpec is the specification of a daemon set.",
    f: {
      minReadySeconds: { t: "integer", d: "The minimum number of seconds for which a newly created DaemonSet pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)." },
      revisionHistoryLimit: { t: "integer", d: "The number of old history to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10." },
      selector: { t: "LabelSelector", d: "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", r: 1 },
      template: { t: "PodTemplateSpec", d: "An object that describes the pod that will be created. The DaemonSet will create exactly one copy of this pod on every node that matches the template's node selector (or on every node if no node selector is specified). The only allowed template.spec.restartPolicy value is \"Always\". More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template", r: 1 },
      updateStrategy: { t: "DaemonSetUpdateStrategy", d: "An update strategy to replace existing DaemonSet pods with new pods." },
    },
  },
  DaemonSetStatus: {
    d: "DaemonSetStatus represents the current status of a daemon set.",
    f: {
      collisionCount: { t: "integer", d: "Count of hash collisions for the DaemonSet. The DaemonSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision." },
      conditions: { t: "[]DaemonSetCondition", d: "Represents the latest available observations of a DaemonSet's current state." },
      currentNumberScheduled: { t: "integer", d: "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/", r: 1 },
      desiredNumberScheduled: { t: "integer", d: "The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/", r: 1 },
      numberAvailable: { t: "integer", d: "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)" },
      numberMisscheduled: { t: "integer", d: "The number of nodes that are running the daemon pod, but are not supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/", r: 1 },
      numberReady: { t: "integer", d: "numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.", r: 1 },
      numberUnavailable: { t: "integer", d: "The number of nodes that should be running the daemon pod and have none of the daemon pod running and available (ready for at least spec.minReadySeconds)" },
      observedGeneration: { t: "integer", d: "The most recent generation observed by the daemon set controller." },
      updatedNumberScheduled: { t: "integer", d: "The total number of nodes that are running updated daemon pod" },
    },
  },
  DaemonSetUpdateStrategy: {
    d: "DaemonSetUpdateStrategy is a struct used to control the update strategy for a DaemonSet.",
    f: {
      rollingUpdate: { t: "RollingUpdateDaemonSet", d: "Rolling update config params. Present only if type = \"RollingUpdate\"." },
      type: { t: "string", d: "Type of daemon set update. Can be \"RollingUpdate\" or \"OnDelete\". Default is RollingUpdate.\n\nPossible enum values:\n - `\"OnDelete\"` Replace the old daemons only when it's killed\n - `\"RollingUpdate\"` Replace the old daemons by new ones using rolling update i.e replace them on each node one after the other.", e: ["OnDelete","RollingUpdate"] },
    },
  },
  Deployment: {
    d: "Deployment enables declarative updates for Pods and ReplicaSets.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "DeploymentSpec", d: "Specification of the desired behavior of the Deployment." },
      status: { t: "DeploymentStatus", d: "Most recently observed status of the Deployment." },
    },
  },
  DeploymentCondition: {
    d: "DeploymentCondition describes the state of a deployment at a certain point.",
    f: {
      lastTransitionTime: { t: "Time", d: "Last time the condition transitioned from one status to another." },
      lastUpdateTime: { t: "Time", d: "The last time this condition was updated." },
      message: { t: "string", d: "A human readable message indicating details about the transition." },
      reason: { t: "string", d: "The reason for the condition's last transition." },
      status: { t: "string", d: "Status of the condition, one of True, False, Unknown.", r: 1 },
      type: { t: "string", d: "Type of deployment condition.", r: 1 },
    },
  },
  DeploymentSpec: {
    d: "DeploymentSpec is the specification of the desired behavior of the Deployment.",
    f: {
      minReadySeconds: { t: "integer", d: "Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)" },
      paused: { t: "boolean", d: "Indicates that the deployment is paused." },
      progressDeadlineSeconds: { t: "integer", d: "The maximum time in seconds for a deployment to make progress before it is considered to be failed. The deployment controller will continue to process failed deployments and a condition with a ProgressDeadlineExceeded reason will be surfaced in the deployment status. Note that progress will not be estimated during the time a deployment is paused. Defaults to 600s." },
      replicas: { t: "integer", d: "Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1." },
      revisionHistoryLimit: { t: "integer", d: "The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10." },
      selector: { t: "LabelSelector", d: "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.", r: 1 },
      strategy: { t: "DeploymentStrategy", d: "The deployment strategy to use to replace existing pods with new ones." },
      template: { t: "PodTemplateSpec", d: "Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is \"Always\".", r: 1 },
    },
  },
  DeploymentStatus: {
    d: "DeploymentStatus is the most recently observed status of the Deployment.",
    f: {
      availableReplicas: { t: "integer", d: "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment." },
      collisionCount: { t: "integer", d: "Count of hash collisions for the Deployment. The Deployment controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ReplicaSet." },
      conditions: { t: "[]DeploymentCondition", d: "Represents the latest available observations of a deployment's current state." },
      observedGeneration: { t: "integer", d: "The generation observed by the deployment controller." },
      readyReplicas: { t: "integer", d: "readyReplicas is the number of pods targeted by this Deployment with a Ready Condition." },
      replicas: { t: "integer", d: "Total number of non-terminated pods targeted by this deployment (their labels match the selector)." },
      unavailableReplicas: { t: "integer", d: "Total number of unavailable pods targeted by this deployment. This is the total number of pods that are still required for the deployment to have 100% available capacity. They may either be pods that are running but not yet available or pods that still have not been created." },
      updatedReplicas: { t: "integer", d: "Total number of non-terminated pods targeted by this deployment that have the desired template spec." },
    },
  },
  DeploymentStrategy: {
    d: "DeploymentStrategy describes how to replace existing pods with new ones.",
    f: {
      rollingUpdate: { t: "RollingUpdateDeployment", d: "Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate." },
      type: { t: "string", d: "Type of deployment. Can be \"Recreate\" or \"RollingUpdate\". Default is RollingUpdate.\n\nPossible enum values:\n - `\"Recreate\"` Kill all existing pods before creating new ones.\n - `\"RollingUpdate\"` Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one.", e: ["Recreate","RollingUpdate"] },
    },
  },
  DownwardAPIVolumeFile: {
    d: "DownwardAPIVolumeFile represents information to create the file containing the pod field",
    f: {
      fieldRef: { t: "ObjectFieldSelector", d: "Required: Selects a field of the pod: only annotations, labels, name, namespace and uid are supported." },
      mode: { t: "integer", d: "Optional: mode bits used to set permissions on this file, must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set." },
      path: { t: "string", d: "Required: Path is  the relative path name of the file to be created. Must not be absolute or contain the '..' path. Must be utf-8 encoded. The first item of the relative path must not start with '..'", r: 1 },
      resourceFieldRef: { t: "ResourceFieldSelector", d: "Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, requests.cpu and requests.memory) are currently supported." },
    },
  },
  DownwardAPIVolumeSource: {
    d: "DownwardAPIVolumeSource represents a volume containing downward API info. Downward API volumes support ownership management and SELinux relabeling.",
    f: {
      defaultMode: { t: "integer", d: "Optional: mode bits to use on created files by default. Must be a Optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set." },
      items: { t: "[]DownwardAPIVolumeFile", d: "Items is a list of downward API volume file" },
    },
  },
  EmptyDirVolumeSource: {
    d: "Represents an empty directory for a pod. Empty directory volumes support ownership management and SELinux relabeling.",
    f: {
      medium: { t: "string", d: "medium represents what type of storage medium should back this directory. The default is \"\" which means to use the node's default medium. Must be an empty string (default) or Memory. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir" },
      sizeLimit: { t: "Quantity", d: "sizeLimit is the total amount of local storage required for this EmptyDir volume. The size limit is also applicable for memory medium. The maximum usage on memory medium EmptyDir would be the minimum value between the SizeLimit specified here and the sum of memory limits of all containers in a pod. The default is nil which means that the limit is undefined. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir" },
    },
  },
  Endpoint: {
    d: "Endpoint represents a single logical \"backend\" implementing a service.",
    f: {
      addresses: { t: "[]string", d: "addresses of this endpoint. The contents of this field are interpreted according to the corresponding EndpointSlice addressType field. Consumers must handle different types of addresses in the context of their own capabilities. This must contain at least one address but no more than 100. These are all assumed to be fungible and clients may choose to only use the first element. Refer to: https://issue.k8s.io/106267", r: 1 },
      conditions: { t: "EndpointConditions", d: "conditions contains information about the current status of the endpoint." },
      deprecatedTopology: { t: "map[string]string", d: "deprecatedTopology contains topology information part of the v1beta1 API. This field is deprecated, and will be removed when the v1beta1 API is removed (no sooner than kubernetes v1.24).  While this field can hold values, it is not writable through the v1 API, and any attempts to write to it will be silently ignored. Topology information can be found in the zone and nodeName fields instead." },
      hints: { t: "EndpointHints", d: "hints contains information associated with how an endpoint should be consumed." },
      hostname: { t: "string", d: "hostname of this endpoint. This field may be used by consumers of endpoints to distinguish endpoints from each other (e.g. in DNS names). Multiple endpoints which use the same hostname should be considered fungible (e.g. multiple A values in DNS). Must be lowercase and pass DNS Label (RFC 1123) validation." },
      nodeName: { t: "string", d: "nodeName represents the name of the Node hosting this endpoint. This can be used to determine endpoints local to a Node." },
      targetRef: { t: "ObjectReference", d: "targetRef is a reference to a Kubernetes object that represents this endpoint." },
      zone: { t: "string", d: "zone is the name of the Zone this endpoint exists in." },
    },
  },
  EndpointAddress: {
    d: "EndpointAddress is a tuple that describes single IP address.",
    f: {
      hostname: { t: "string", d: "The Hostname of this endpoint" },
      ip: { t: "string", d: "The IP of this endpoint. May not be loopback (127.0.0.0/8 or ::1), link-local (169.254.0.0/16 or fe80::/10), or link-local multicast (224.0.0.0/24 or ff02::/16).", r: 1 },
      nodeName: { t: "string", d: "Optional: Node hosting this endpoint. This can be used to determine endpoints local to a node." },
      targetRef: { t: "ObjectReference", d: "Reference to object providing the endpoint." },
    },
  },
  EndpointConditions: {
    d: "EndpointConditions represents the current condition of an endpoint.",
    f: {
      ready: { t: "boolean", d: "ready indicates that this endpoint is prepared to receive traffic, according to whatever system is managing the endpoint. A nil value indicates an unknown state. In most cases consumers should interpret this unknown state as ready. For compatibility reasons, ready should never be \"true\" for terminating endpoints, except when the normal readiness behavior is being explicitly overridden, for example when the associated Service has set the publishNotReadyAddresses flag." },
      serving: { t: "boolean", d: "serving is identical to ready except that it is set regardless of the terminating state of endpoints. This condition should be set to true for a ready endpoint that is terminating. If nil, consumers should defer to the ready condition." },
      terminating: { t: "boolean", d: "terminating indicates that this endpoint is terminating. A nil value indicates an unknown state. Consumers should interpret this unknown state to mean that the endpoint is not terminating." },
    },
  },
  EndpointHints: {
    d: "EndpointHints provides hints describing how an endpoint should be consumed.",
    f: {
      forZones: { t: "[]ForZone", d: "forZones indicates the zone(s) this endpoint should be consumed by to enable topology aware routing." },
    },
  },
  EndpointPort: {
    d: "EndpointPort represents a Port used by an EndpointSlice",
    f: {
      appProtocol: { t: "string", d: "The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax. Valid values are either:\n\n* Un-prefixed protocol names - reserved for IANA standard service names (as per RFC-6335 and https://www.iana.org/assignments/service-names).\n\n* Kubernetes-defined prefixed names:\n  * 'kubernetes.io/h2c' - HTTP/2 prior knowledge over cleartext as described in https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-\n  * 'kubernetes.io/ws'  - WebSocket over cleartext as described in https://www.rfc-editor.org/rfc/rfc6455\n  * 'kubernetes.io/wss' - WebSocket over TLS as described in https://www.rfc-editor.org/rfc/rfc6455\n\n* Other protocols should use implementation-defined prefixed names such as mycompany.com/my-custom-protocol." },
      name: { t: "string", d: "name represents the name of this port. All ports in an EndpointSlice must have a unique name. If the EndpointSlice is derived from a Kubernetes service, this corresponds to the Service.ports[].name. Name must either be an empty string or pass DNS_LABEL validation: * must be no more than 63 characters long. * must consist of lower case alphanumeric characters or '-'. * must start and end with an alphanumeric character. Default is empty string." },
      port: { t: "integer", d: "port represents the port number of the endpoint. If this is not specified, ports are not restricted and must be interpreted in the context of the specific consumer." },
      protocol: { t: "string", d: "protocol represents the IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP." },
    },
  },
  EndpointSlice: {
    d: "EndpointSlice represents a subset of the endpoints that implement a service. For a given service there may be multiple EndpointSlice objects, selected by labels, which must be joined to produce the full set of endpoints.",
    f: {
      addressType: { t: "string", d: "addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.", r: 1 },
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      endpoints: { t: "[]Endpoint", d: "endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.", r: 1 },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata." },
      ports: { t: "[]EndpointPort", d: "ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates \"all ports\". Each slice may include a maximum of 100 ports." },
    },
  },
  EndpointSubset: {
    d: "EndpointSubset is a group of addresses with a common set of ports. The expanded set of endpoints is the Cartesian product of Addresses x Ports. For example, given:\n\n\t{\n\t  Addresses: [{\"ip\": \"10.10.1.1\"}, {\"ip\": \"10.10.2.2\"}],\n\t  Ports:     [{\"name\": \"a\", \"port\": 8675}, {\"name\": \"b\", \"port\": 309}]\n\t}\n\nThe resulting set of endpoints can be viewed as:\n\n\ta: [ 10.10.1.1:8675, 10.10.2.2:8675 ],\n\tb: [ 10.10.1.1:309, 10.10.2.2:309 ]",
    f: {
      addresses: { t: "[]EndpointAddress", d: "IP addresses which offer the related ports that are marked as ready. These endpoints should be considered safe for load balancers and clients to utilize." },
      notReadyAddresses: { t: "[]EndpointAddress", d: "IP addresses which offer the related ports but are not currently marked as ready because they have not yet finished starting, have recently failed a readiness check, or have recently failed a liveness check." },
      ports: { t: "[]EndpointPort", d: "Port numbers available on the related IP addresses." },
    },
  },
  Endpoints: {
    d: "Endpoints is a collection of endpoints that implement the actual service. Example:\n\n\t Name: \"mysvc\",\n\t Subsets: [\n\t   {\n\t     Addresses: [{\"ip\": \"10.10.1.1\"}, {\"ip\": \"10.10.2.2\"}],\n\t     Ports: [{\"name\": \"a\", \"port\": 8675}, {\"name\": \"b\", \"port\": 309}]\n\t   },\n\t   {\n\t     Addresses: [{\"ip\": \"10.10.3.3\"}],\n\t     Ports: [{\"name\": \"a\", \"port\": 93}, {\"name\": \"b\", \"port\": 76}]\n\t   },\n\t]",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      subsets: { t: "[]EndpointSubset", d: "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service." },
    },
  },
  EnvFromSource: {
    d: "EnvFromSource represents the source of a set of ConfigMaps",
    f: {
      configMapRef: { t: "ConfigMapEnvSource", d: "The ConfigMap to select from" },
      prefix: { t: "string", d: "An optional identifier to prepend to each key in the ConfigMap. Must be a C_IDENTIFIER." },
      secretRef: { t: "SecretEnvSource", d: "The Secret to select from" },
    },
  },
  EnvVar: {
    d: "EnvVar represents an environment variable present in a Container.",
    f: {
      name: { t: "string", d: "Name of the environment variable. Must be a C_IDENTIFIER.", r: 1 },
      value: { t: "string", d: "Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Defaults to \"\"." },
      valueFrom: { t: "EnvVarSource", d: "Source for the environment variable's value. Cannot be used if value is not empty." },
    },
  },
  EnvVarSource: {
    d: "EnvVarSource represents a source for the value of an EnvVar.",
    f: {
      configMapKeyRef: { t: "ConfigMapKeySelector", d: "Selects a key of a ConfigMap." },
      fieldRef: { t: "ObjectFieldSelector", d: "Selects a field of the pod: supports metadata.name, metadata.namespace, `metadata.labels['<KEY>']`, `metadata.annotations['<KEY>']`, spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs." },
      resourceFieldRef: { t: "ResourceFieldSelector", d: "Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory and requests.ephemeral-storage) are currently supported." },
      secretKeyRef: { t: "SecretKeySelector", d: "Selects a key of a secret in the pod's namespace" },
    },
  },
  Event: {
    d: "Event is a report of an event somewhere in the cluster.  Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplemental data.",
    f: {
      action: { t: "string", d: "What action was taken/failed regarding to the Regarding object." },
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      count: { t: "integer", d: "The number of times this event has occurred." },
      eventTime: { t: "MicroTime", d: "Time when this Event was first observed." },
      firstTimestamp: { t: "Time", d: "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)" },
      involvedObject: { t: "ObjectReference", d: "The object that this event is about.", r: 1 },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      lastTimestamp: { t: "Time", d: "The time at which the most recent occurrence of this event was recorded." },
      message: { t: "string", d: "A human-readable description of the status of this operation." },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata", r: 1 },
      reason: { t: "string", d: "This should be a short, machine understandable string that gives the reason for the transition into the object's current status." },
      related: { t: "ObjectReference", d: "Optional secondary object for more complex actions." },
      reportingComponent: { t: "string", d: "Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`." },
      reportingInstance: { t: "string", d: "ID of the controller instance, e.g. `kubelet-xyzf`." },
      series: { t: "EventSeries", d: "Data about the Event series this event represents or nil if it's a singleton Event." },
      source: { t: "EventSource", d: "The component reporting this event. Should be a short machine understandable string." },
      type: { t: "string", d: "Type of this event (Normal, Warning), new types could be added in the future" },
    },
  },
  EventSeries: {
    d: "EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time.",
    f: {
      count: { t: "integer", d: "Number of occurrences in this series up to the last heartbeat time" },
      lastObservedTime: { t: "MicroTime", d: "Time of the last occurrence observed" },
    },
  },
  EventSource: {
    d: "EventSource contains information for an event.",
    f: {
      component: { t: "string", d: "Component from which the event is generated." },
      host: { t: "string", d: "Node name on which the event is generated." },
    },
  },
  ExecAction: {
    d: "ExecAction describes a \"run in container\" action.",
    f: {
      command: { t: "[]string", d: "Command is the command line to execute inside the container, the working directory for the command  is root ('/') in the container's filesystem. The command is simply exec'd, it is not run inside a shell, so traditional shell instructions ('|', etc) won't work. To use a shell, you need to explicitly call out to that shell. Exit status of 0 is treated as live/healthy and non-zero is unhealthy." },
    },
  },
  FieldsV1: {
    d: "FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format.\n\nEach key is either a '.' representing the field itself, and will always map to an empty set, or a string representing a sub-field or item. The string will follow one of these four formats: 'f:<name>', where <name> is the name of a field in a struct, or key in a map 'v:<value>', where <value> is the exact json formatted value of a list item 'i:<index>', where <index> is position of a item in a list 'k:<keys>', where <keys> is a map of  a list item's key fields to their unique values If a key maps to an empty Fields value, the field that key represents is part of the set.\n\nThe exact format is defined in sigs.k8s.io/structured-merge-diff",
    f: {
    },
  },
  ForZone: {
    d: "ForZone provides information about which zones should consume this endpoint.",
    f: {
      name: { t: "string", d: "name represents the name of the zone.", r: 1 },
    },
  },
  GRPCAction: {
    d: "",
    f: {
      port: { t: "integer", d: "Port number of the gRPC service. Number must be in the range 1 to 65535.", r: 1 },
      service: { t: "string", d: "Service is the name of the service to place in the gRPC HealthCheckRequest (see https://github.com/grpc/grpc/blob/master/doc/health-checking.md).\n\nIf this is not specified, the default behavior is defined by gRPC." },
    },
  },
  HTTPGetAction: {
    d: "HTTPGetAction describes an action based on HTTP Get requests.",
    f: {
      host: { t: "string", d: "Host name to connect to, defaults to the pod IP. You probably want to set \"Host\" in httpHeaders instead." },
      httpHeaders: { t: "[]HTTPHeader", d: "Custom headers to set in the request. HTTP allows repeated headers." },
      path: { t: "string", d: "Path to access on the HTTP server." },
      port: { t: "IntOrString", d: "Name or number of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.", r: 1 },
      scheme: { t: "string", d: "Scheme to use for connecting to the host. Defaults to HTTP.\n\nPossible enum values:\n - `\"HTTP\"` means that the scheme used will be http://\n - `\"HTTPS\"` means that the scheme used will be https://", e: ["HTTP","HTTPS"] },
    },
  },
  HTTPHeader: {
    d: "HTTPHeader describes a custom header to be used in HTTP probes",
    f: {
      name: { t: "string", d: "The header field name. This will be canonicalized upon output, so case-variant names will be understood as the same header.", r: 1 },
      value: { t: "string", d: "The header field value", r: 1 },
    },
  },
  HostAlias: {
    d: "HostAlias holds the mapping between IP and hostnames that will be injected as an entry in the pod's hosts file.",
    f: {
      hostnames: { t: "[]string", d: "Hostnames for the above IP address." },
      ip: { t: "string", d: "IP address of the host file entry." },
    },
  },
  HostIP: {
    d: "HostIP represents a single IP address allocated to the host.",
    f: {
      ip: { t: "string", d: "IP is the IP address assigned to the host" },
    },
  },
  HostPathVolumeSource: {
    d: "Represents a host path mapped into a pod. Host path volumes do not support ownership management or SELinux relabeling.",
    f: {
      path: { t: "string", d: "path of the directory on the host. If the path is a symlink, it will follow the link to the real path. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath", r: 1 },
      type: { t: "string", d: "type for HostPath Volume Defaults to \"\" More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath" },
    },
  },
  Job: {
    d: "Job represents the configuration of a single job.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "JobSpec", d: "Specification of the desired behavior of a job. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
      status: { t: "JobStatus", d: "Current status of a job. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
    },
  },
  JobCondition: {
    d: "JobCondition describes current state of a job.",
    f: {
      lastProbeTime: { t: "Time", d: "Last time the condition was checked." },
      lastTransitionTime: { t: "Time", d: "Last time the condition transit from one status to another." },
      message: { t: "string", d: "Human readable message indicating details about last transition." },
      reason: { t: "string", d: "(brief) reason for the condition's last transition." },
      status: { t: "string", d: "Status of the condition, one of True, False, Unknown.", r: 1 },
      type: { t: "string", d: "Type of job condition, Complete or Failed.", r: 1 },
    },
  },
  JobSpec: {
    d: "JobSpec describes how the job execution will look like.",
    f: {
      activeDeadlineSeconds: { t: "integer", d: "Specifies the duration in seconds relative to the startTime that the job may be continuously active before the system tries to terminate it; value must be positive integer. If a Job is suspended (at creation or through an update), this timer will effectively be stopped and reset when the Job is resumed again." },
      backoffLimit: { t: "integer", d: "Specifies the number of retries before marking this job failed. Defaults to 6" },
      backoffLimitPerIndex: { t: "integer", d: "Specifies the limit for the number of retries within an index before marking this index as failed. When enabled the number of failures per index is kept in the pod's batch.kubernetes.io/job-index-failure-count annotation. It can only be set when Job's completionMode=Indexed, and the Pod's restart policy is Never. The field is immutable. This field is beta-level. It can be used when the `JobBackoffLimitPerIndex` feature gate is enabled (enabled by default)." },
      completionMode: { t: "string", d: "completionMode specifies how Pod completions are tracked. It can be `NonIndexed` (default) or `Indexed`.\n\n`NonIndexed` means that the Job is considered complete when there have been .spec.completions successfully completed Pods. Each Pod completion is homologous to each other.\n\n`Indexed` means that the Pods of a Job get an associated completion index from 0 to (.spec.completions - 1), available in the annotation batch.kubernetes.io/job-completion-index. The Job is considered complete when there is one successfully completed Pod for each index. When value is `Indexed`, .spec.completions must be specified and `.spec.parallelism` must be less than or equal to 10^5. In addition, The Pod name takes the form `$(job-name)-$(index)-$(random-string)`, the Pod hostname takes the form `$(job-name)-$(index)`.\n\nMore completion modes can be added in the future. If the Job controller observes a mode that it doesn't recognize, which is possible during upgrades due to version skew, the controller skips updates for the Job." },
      completions: { t: "integer", d: "Specifies the desired number of successfully finished pods the job should be run with.  Setting to null means that the success of any pod signals the success of all pods, and allows parallelism to have any positive value.  Setting to 1 means that parallelism is limited to 1 and the success of that pod signals the success of the job. More info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/" },
      managedBy: { t: "string", d: "ManagedBy field indicates the controller that manages a Job. The k8s Job controller reconciles jobs which don't have this field at all or the field value is the reserved string `kubernetes.io/job-controller`, but skips reconciling Jobs with a custom value for this field. The value must be a valid domain-prefixed path (e.g. acme.io/foo) - all characters before the first \"/\" must be a valid subdomain as defined by RFC 1123. All characters trailing the first \"/\" must be valid HTTP Path characters as defined by RFC 3986. The value cannot exceed 64 characters.\n\nThis field is alpha-level. The job controller accepts setting the field when the feature gate JobManagedBy is enabled (disabled by default)." },
      manualSelector: { t: "boolean", d: "manualSelector controls generation of pod labels and pod selectors. Leave `manualSelector` unset unless you are certain what you are doing. When false or unset, the system pick labels unique to this job and appends those labels to the pod template.  When true, the user is responsible for picking unique labels and specifying the selector.  Failure to pick a unique label may cause this and other jobs to not function correctly.  However, You may see `manualSelector=true` in jobs that were created with the old `extensions/v1beta1` API. More info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/#specifying-your-own-pod-selector" },
      maxFailedIndexes: { t: "integer", d: "Specifies the maximal number of failed indexes before marking the Job as failed, when backoffLimitPerIndex is set. Once the number of failed indexes exceeds this number the entire Job is marked as Failed and its execution is terminated. When left as null the job continues execution of all of its indexes and is marked with the `Complete` Job condition. It can only be specified when backoffLimitPerIndex is set. It can be null or up to completions. It is required and must be less than or equal to 10^4 when is completions greater than 10^5. This field is beta-level. It can be used when the `JobBackoffLimitPerIndex` feature gate is enabled (enabled by default)." },
      parallelism: { t: "integer", d: "Specifies the maximum desired number of pods the job should run at any given time. The actual number of pods running in steady state will be less than this number when ((.spec.completions - .status.successful) < .spec.parallelism), i.e. when the work left to do is less than max parallelism. More info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/" },
      podFailurePolicy: { t: "PodFailurePolicy", d: "Specifies the policy of handling failed pods. In particular, it allows to specify the set of actions and conditions which need to be satisfied to take the associated action. If empty, the default behaviour applies - the counter of failed pods, represented by the jobs's .status.failed field, is incremented and it is checked against the backoffLimit. This field cannot be used in combination with restartPolicy=OnFailure.\n\nThis field is beta-level. It can be used when the `JobPodFailurePolicy` feature gate is enabled (enabled by default)." },
      podReplacementPolicy: { t: "string", d: "podReplacementPolicy specifies when to create replacement Pods. Possible values are: - TerminatingOrFailed means that we recreate pods\n  when they are terminating (has a metadata.deletionTimestamp) or failed.\n- Failed means to wait until a previously created Pod is fully terminated (has phase\n  Failed or Succeeded) before creating a replacement Pod.\n\nWhen using podFailurePolicy, Failed is the the only allowed value. TerminatingOrFailed and Failed are allowed values when podFailurePolicy is not in use. This is an beta field. To use this, enable the JobPodReplacementPolicy feature toggle. This is on by default." },
      selector: { t: "LabelSelector", d: "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors" },
      successPolicy: { t: "SuccessPolicy", d: "successPolicy specifies the policy when the Job can be declared as succeeded. If empty, the default behavior applies - the Job is declared as succeeded only when the number of succeeded pods equals to the completions. When the field is specified, it must be immutable and works only for the Indexed Jobs. Once the Job meets the SuccessPolicy, the lingering pods are terminated.\n\nThis field  is alpha-level. To use this field, you must enable the `JobSuccessPolicy` feature gate (disabled by default)." },
      suspend: { t: "boolean", d: "suspend specifies whether the Job controller should create Pods or not. If a Job is created with suspend set to true, no Pods are created by the Job controller. If a Job is suspended after creation (i.e. the flag goes from false to true), the Job controller will delete all active Pods associated with this Job. Users must design their workload to gracefully handle this. Suspending a Job will reset the StartTime field of the Job, effectively resetting the ActiveDeadlineSeconds timer too. Defaults to false." },
      template: { t: "PodTemplateSpec", d: "Describes the pod that will be created when executing a job. The only allowed template.spec.restartPolicy values are \"Never\" or \"OnFailure\". More info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/", r: 1 },
      ttlSecondsAfterFinished: { t: "integer", d: "ttlSecondsAfterFinished limits the lifetime of a Job that has finished execution (either Complete or Failed). If this field is set, ttlSecondsAfterFinished after the Job finishes, it is eligible to be automatically deleted. When the Job is being deleted, its lifecycle guarantees (e.g. finalizers) will be honored. If this field is unset, the Job won't be automatically deleted. If this field is set to zero, the Job becomes eligible to be deleted immediately after it finishes." },
    },
  },
  JobStatus: {
    d: "JobStatus represents the current state of a Job.",
    f: {
      active: { t: "integer", d: "The number of pending and running pods which are not terminating (without a deletionTimestamp). The value is zero for finished jobs." },
      completedIndexes: { t: "string", d: "completedIndexes holds the completed indexes when .spec.completionMode = \"Indexed\" in a text format. The indexes are represented as decimal integers separated by commas. The numbers are listed in increasing order. Three or more consecutive numbers are compressed and represented by the first and last element of the series, separated by a hyphen. For example, if the completed indexes are 1, 3, 4, 5 and 7, they are represented as \"1,3-5,7\"." },
      completionTime: { t: "Time", d: "Represents time when the job was completed. It is not guaranteed to be set in happens-before order across separate operations. It is represented in RFC3339 form and is in UTC. The completion time is set when the job finishes successfully, and only then. The value cannot be updated or removed. The value indicates the same or later point in time as the startTime field." },
      conditions: { t: "[]JobCondition", d: "The latest available observations of an object's current state. When a Job fails, one of the conditions will have type \"Failed\" and status true. When a Job is suspended, one of the conditions will have type \"Suspended\" and status true; when the Job is resumed, the status of this condition will become false. When a Job is completed, one of the conditions will have type \"Complete\" and status true.\n\nA job is considered finished when it is in a terminal condition, either \"Complete\" or \"Failed\". A Job cannot have both the \"Complete\" and \"Failed\" conditions. Additionally, it cannot be in the \"Complete\" and \"FailureTarget\" conditions. The \"Complete\", \"Failed\" and \"FailureTarget\" conditions cannot be disabled.\n\nMore info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/" },
      failed: { t: "integer", d: "The number of pods which reached phase Failed. The value increases monotonically." },
      failedIndexes: { t: "string", d: "FailedIndexes holds the failed indexes when spec.backoffLimitPerIndex is set. The indexes are represented in the text format analogous as for the `completedIndexes` field, ie. they are kept as decimal integers separated by commas. The numbers are listed in increasing order. Three or more consecutive numbers are compressed and represented by the first and last element of the series, separated by a hyphen. For example, if the failed indexes are 1, 3, 4, 5 and 7, they are represented as \"1,3-5,7\". The set of failed indexes cannot overlap with the set of completed indexes.\n\nThis field is beta-level. It can be used when the `JobBackoffLimitPerIndex` feature gate is enabled (enabled by default)." },
      ready: { t: "integer", d: "The number of pods which have a Ready condition." },
      startTime: { t: "Time", d: "Represents time when the job controller started processing a job. When a Job is created in the suspended state, this field is not set until the first time it is resumed. This field is reset every time a Job is resumed from suspension. It is represented in RFC3339 form and is in UTC.\n\nOnce set, the field can only be removed when the job is suspended. The field cannot be modified while the job is unsuspended or finished." },
      succeeded: { t: "integer", d: "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs." },
      terminating: { t: "integer", d: "The number of pods which are terminating (in phase Pending or Running and have a deletionTimestamp).\n\nThis field is beta-level. The job controller populates the field when the feature gate JobPodReplacementPolicy is enabled (enabled by default)." },
      uncountedTerminatedPods: { t: "UncountedTerminatedPods", d: "uncountedTerminatedPods holds the UIDs of Pods that have terminated but the job controller hasn't yet accounted for in the status counters.\n\nThe job controller creates pods with a finalizer. When a pod terminates (succeeded or failed), the controller does three steps to account for it in the job status:\n\n1. Add the pod UID to the arrays in this field. 2. Remove the pod finalizer. 3. Remove the pod UID from the arrays while increasing the corresponding\n    counter.\n\nOld jobs might not be tracked using this field, in which case the field remains null. The structure is empty for finished jobs." },
    },
  },
  KeyToPath: {
    d: "Maps a string key to a path within a volume.",
    f: {
      key: { t: "string", d: "key is the key to project.", r: 1 },
      mode: { t: "integer", d: "mode is Optional: mode bits used to set permissions on this file. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set." },
      path: { t: "string", d: "path is the relative path of the file to map the key to. May not be an absolute path. May not contain the path element '..'. May not start with the string '..'.", r: 1 },
    },
  },
  LabelSelector: {
    d: "A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty label selector matches all objects. A null label selector matches no objects.",
    f: {
      matchExpressions: { t: "[]LabelSelectorRequirement", d: "matchExpressions is a list of label selector requirements. The requirements are ANDed." },
      matchLabels: { t: "map[string]string", d: "matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to an element of matchExpressions, whose key field is \"key\", the operator is \"In\", and the values array contains only \"value\". The requirements are ANDed." },
    },
  },
  LabelSelectorRequirement: {
    d: "A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.",
    f: {
      key: { t: "string", d: "key is the label key that the selector applies to.", r: 1 },
      operator: { t: "string", d: "operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist.", r: 1 },
      values: { t: "[]string", d: "values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch." },
    },
  },
  Lease: {
    d: "Lease defines a lease concept.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "LeaseSpec", d: "spec contains the specification of the Lease. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
    },
  },
  LeaseSpec: {
    d: "LeaseSpec is a specification of a Lease.",
    f: {
      acquireTime: { t: "MicroTime", d: "acquireTime is a time when the current lease was acquired." },
      holderIdentity: { t: "string", d: "holderIdentity contains the identity of the holder of a current lease." },
      leaseDurationSeconds: { t: "integer", d: "leaseDurationSeconds is a duration that candidates for a lease need to wait to force acquire it. This is measure against time of last observed renewTime." },
      leaseTransitions: { t: "integer", d: "leaseTransitions is the number of transitions of a lease between holders." },
      renewTime: { t: "MicroTime", d: "renewTime is a time when the current holder of a lease has last updated the lease." },
    },
  },
  Lifecycle: {
    d: "Lifecycle describes actions that the management system should take in response to container lifecycle events. For the PostStart and PreStop lifecycle handlers, management of the container blocks until the action is complete, unless the container process fails, in which case the handler is aborted.",
    f: {
      postStart: { t: "LifecycleHandler", d: "PostStart is called immediately after a container is created. If the handler fails, the container is terminated and restarted according to its restart policy. Other management of the container blocks until the hook completes. More info: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks" },
      preStop: { t: "LifecycleHandler", d: "PreStop is called immediately before a container is terminated due to an API request or management event such as liveness/startup probe failure, preemption, resource contention, etc. The handler is not called if the container crashes or exits. The Pod's termination grace period countdown begins before the PreStop hook is executed. Regardless of the outcome of the handler, the container will eventually terminate within the Pod's termination grace period (unless delayed by finalizers). Other management of the container blocks until the hook completes or until the termination grace period is reached. More info: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks" },
    },
  },
  LifecycleHandler: {
    d: "LifecycleHandler defines a specific action that should be taken in a lifecycle hook. One and only one of the fields, except TCPSocket must be specified.",
    f: {
      exec: { t: "ExecAction", d: "Exec specifies the action to take." },
      httpGet: { t: "HTTPGetAction", d: "HTTPGet specifies the http request to perform." },
      sleep: { t: "SleepAction", d: "Sleep represents the duration that the container should sleep before being terminated." },
      tcpSocket: { t: "TCPSocketAction", d: "Deprecated. TCPSocket is NOT supported as a LifecycleHandler and kept for the backward compatibility. There are no validation of this field and lifecycle hooks will fail in runtime when tcp handler is specified." },
    },
  },
  LimitRange: {
    d: "LimitRange sets resource usage limits for each kind of resource in a Namespace.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "LimitRangeSpec", d: "Spec defines the limits enforced. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
    },
  },
  LimitRangeItem: {
    d: "LimitRangeItem defines a min/max usage limit for any resource that matches on kind.",
    f: {
      default: { t: "map[string]Quantity", d: "Default resource requirement limit value by resource name if resource limit is omitted." },
      defaultRequest: { t: "map[string]Quantity", d: "DefaultRequest is the default resource requirement request value by resource name if resource request is omitted." },
      max: { t: "map[string]Quantity", d: "Max usage constraints on this kind by resource name." },
      maxLimitRequestRatio: { t: "map[string]Quantity", d: "MaxLimitRequestRatio if specified, the named resource must have a request and limit that are both non-zero where limit divided by request is less than or equal to the enumerated value; this represents the max burst for the named resource." },
      min: { t: "map[string]Quantity", d: "Min usage constraints on this kind by resource name." },
      type: { t: "string", d: "Type of resource that this limit applies to.", r: 1 },
    },
  },
  LimitRangeSpec: {
    d: "LimitRangeSpec defines a min/max usage limit for resources that match on kind.",
    f: {
      limits: { t: "[]LimitRangeItem", d: "Limits is the list of LimitRangeItem objects that are enforced.", r: 1 },
    },
  },
  LoadBalancerIngress: {
    d: "LoadBalancerIngress represents the status of a load-balancer ingress point: traffic intended for the service should be sent to an ingress point.",
    f: {
      hostname: { t: "string", d: "Hostname is set for load-balancer ingress points that are DNS based (typically AWS load-balancers)" },
      ip: { t: "string", d: "IP is set for load-balancer ingress points that are IP based (typically GCE or OpenStack load-balancers)" },
      ipMode: { t: "string", d: "IPMode specifies how the load-balancer IP behaves, and may only be specified when the ip field is specified. Setting this to \"VIP\" indicates that traffic is delivered to the node with the destination set to the load-balancer's IP and port. Setting this to \"Proxy\" indicates that traffic is delivered to the node or pod with the destination set to the node's IP and node port or the pod's IP and port. Service implementations may use this information to adjust traffic routing." },
      ports: { t: "[]PortStatus", d: "Ports is a list of records of service ports If used, every port defined in the service should have an entry in it" },
    },
  },
  LoadBalancerStatus: {
    d: "LoadBalancerStatus represents the status of a load-balancer.",
    f: {
      ingress: { t: "[]LoadBalancerIngress", d: "Ingress is a list containing ingress points for the load-balancer. Traffic intended for the service should be sent to these ingress points." },
    },
  },
  LocalObjectReference: {
    d: "LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.",
    f: {
      name: { t: "string", d: "Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names" },
    },
  },
  ManagedFieldsEntry: {
    d: "ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the version of this resource that this field set applies to. The format is \"group/version\" just like the top-level APIVersion field. It is necessary to track the version of a field set because it cannot be automatically converted." },
      fieldsType: { t: "string", d: "FieldsType is the discriminator for the different fields format and version. There is currently only one possible value: \"FieldsV1\"" },
      fieldsV1: { t: "FieldsV1", d: "FieldsV1 holds the first JSON version format as described in the \"FieldsV1\" type." },
      manager: { t: "string", d: "Manager is an identifier of the workflow managing these fields." },
      operation: { t: "string", d: "Operation is the type of operation which lead to this ManagedFieldsEntry being created. The only valid values for this field are 'Apply' and 'Update'." },
      subresource: { t: "string", d: "Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource. The value of this field is used to distinguish between managers, even if they share the same name. For example, a status update will be distinct from a regular update using the same manager name. Note that the APIVersion field is not related to the Subresource field and it always corresponds to the version of the main resource." },
      time: { t: "Time", d: "Time is the timestamp of when the ManagedFields entry was added. The timestamp will also be updated if a field is added, the manager changes any of the owned fields value or removes a field. The timestamp does not update when a field is removed from the entry because another manager took it over." },
    },
  },
  Namespace: {
    d: "Namespace provides a scope for Names. Use of multiple namespaces is optional.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "NamespaceSpec", d: "Spec defines the behavior of the Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
      status: { t: "NamespaceStatus", d: "Status describes the current status of a Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
    },
  },
  NamespaceCondition: {
    d: "NamespaceCondition contains details about state of namespace.",
    f: {
      lastTransitionTime: { t: "Time", d: "" },
      message: { t: "string", d: "" },
      reason: { t: "string", d: "" },
      status: { t: "string", d: "Status of the condition, one of True, False, Unknown.", r: 1 },
      type: { t: "string", d: "Type of namespace controller condition.", r: 1 },
    },
  },
  NamespaceSpec: {
    d: "NamespaceSpec describes the attributes on a Namespace.",
    f: {
      finalizers: { t: "[]string", d: "Finalizers is an opaque list of values that must be empty to permanently remove object from storage. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/" },
    },
  },
  NamespaceStatus: {
    d: "NamespaceStatus is information about the current status of a Namespace.",
    f: {
      conditions: { t: "[]NamespaceCondition", d: "Represents the latest available observations of a namespace's current state." },
      phase: { t: "string", d: "Phase is the current lifecycle phase of the namespace. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/\n\nPossible enum values:\n - `\"Active\"` means the namespace is available for use in the system\n - `\"Terminating\"` means the namespace is undergoing graceful termination", e: ["Active","Terminating"] },
    },
  },
  Node: {
    d: "Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "NodeSpec", d: "Spec defines the behavior of a node. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
      status: { t: "NodeStatus", d: "Most recently observed status of the node. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
    },
  },
  NodeAddress: {
    d: "NodeAddress contains information for the node's address.",
    f: {
      address: { t: "string", d: "The node address.", r: 1 },
      type: { t: "string", d: "Node address type, one of Hostname, ExternalIP or InternalIP.", r: 1 },
    },
  },
  NodeAffinity: {
    d: "Node affinity is a group of node affinity scheduling rules.",
    f: {
      preferredDuringSchedulingIgnoredDuringExecution: { t: "[]PreferredSchedulingTerm", d: "The scheduler will prefer to schedule pods to nodes that satisfy the affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions. The node that is most preferred is the one with the greatest sum of weights, i.e. for each node that meets all of the scheduling requirements (resource request, requiredDuringScheduling affinity expressions, etc.), compute a sum by iterating through the elements of this field and adding \"weight\" to the sum if the node matches the corresponding matchExpressions; the node(s) with the highest sum are the most preferred." },
      requiredDuringSchedulingIgnoredDuringExecution: { t: "NodeSelector", d: "If the affinity requirements specified by this field are not met at scheduling time, the pod will not be scheduled onto the node. If the affinity requirements specified by this field cease to be met at some point during pod execution (e.g. due to an update), the system may or may not try to eventually evict the pod from its node." },
    },
  },
  NodeCondition: {
    d: "NodeCondition contains condition information for a node.",
    f: {
      lastHeartbeatTime: { t: "Time", d: "Last time we got an update on a given condition." },
      lastTransitionTime: { t: "Time", d: "Last time the condition transit from one status to another." },
      message: { t: "string", d: "Human readable message indicating details about last transition." },
      reason: { t: "string", d: "(brief) reason for the condition's last transition." },
      status: { t: "string", d: "Status of the condition, one of True, False, Unknown.", r: 1 },
      type: { t: "string", d: "Type of node condition.", r: 1 },
    },
  },
  NodeDaemonEndpoints: {
    d: "NodeDaemonEndpoints lists ports opened by daemons running on the Node.",
    f: {
      kubeletEndpoint: { t: "DaemonEndpoint", d: "Endpoint on which Kubelet is listening." },
    },
  },
  NodeSelector: {
    d: "A node selector represents the union of the results of one or more label queries over a set of nodes; that is, it represents the OR of the selectors represented by the node selector terms.",
    f: {
      nodeSelectorTerms: { t: "[]NodeSelectorTerm", d: "Required. A list of node selector terms. The terms are ORed.", r: 1 },
    },
  },
  NodeSelectorRequirement: {
    d: "A node selector requirement is a selector that contains values, a key, and an operator that relates the key and values.",
    f: {
      key: { t: "string", d: "The label key that the selector applies to.", r: 1 },
      operator: { t: "string", d: "Represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. Gt, and Lt.", r: 1 },
      values: { t: "[]string", d: "An array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. If the operator is Gt or Lt, the values array must have a single element, which will be interpreted as an integer. This array is replaced during a strategic merge patch." },
    },
  },
  NodeSelectorTerm: {
    d: "A null or empty node selector term matches no objects. The requirements of them are ANDed. The TopologySelectorTerm type implements a subset of the NodeSelectorTerm.",
    f: {
      matchExpressions: { t: "[]NodeSelectorRequirement", d: "A list of node selector requirements by node's labels." },
      matchFields: { t: "[]NodeSelectorRequirement", d: "A list of node selector requirements by node's fields." },
    },
  },
  NodeSpec: {
    d: "NodeSpec describes the attributes that a node is created with.",
    f: {
      configSource: { t: "NodeConfigSource", d: "Deprecated: Previously used to specify the source of the node's configuration for the DynamicKubeletConfig feature. This feature is removed." },
      externalID: { t: "string", d: "Deprecated. Not all kubelets will set this field. Remove field after 1.13. see: https://issues.k8s.io/61966" },
      podCIDR: { t: "string", d: "PodCIDR represents the pod IP range assigned to the node." },
      podCIDRs: { t: "[]string", d: "podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node. If this field is specified, the 0th entry must match the podCIDR field. It may contain at most 1 value for each of IPv4 and IPv6." },
      providerID: { t: "string", d: "ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>" },
      taints: { t: "[]Taint", d: "If specified, the node's taints." },
      unschedulable: { t: "boolean", d: "Unschedulable controls node schedulability of new pods. By default, node is schedulable. More info: https://kubernetes.io/docs/concepts/nodes/node/#manual-node-administration" },
    },
  },
  NodeStatus: {
    d: "NodeStatus is information about the current status of a node.",
    f: {
      addresses: { t: "[]NodeAddress", d: "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/concepts/nodes/node/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP)." },
      allocatable: { t: "map[string]Quantity", d: "Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity." },
      capacity: { t: "map[string]Quantity", d: "Capacity represents the total resources of a node. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity" },
      conditions: { t: "[]NodeCondition", d: "Conditions is an array of current observed node conditions. More info: https://kubernetes.io/docs/concepts/nodes/node/#condition" },
      config: { t: "NodeConfigStatus", d: "Status of the config assigned to the node via the dynamic Kubelet config feature." },
      daemonEndpoints: { t: "NodeDaemonEndpoints", d: "Endpoints of daemons running on the Node." },
      images: { t: "[]ContainerImage", d: "List of container images on this node" },
      nodeInfo: { t: "NodeSystemInfo", d: "Set of ids/uuids to uniquely identify the node. More info: https://kubernetes.io/docs/concepts/nodes/node/#info" },
      phase: { t: "string", d: "NodePhase is the recently observed lifecycle phase of the node. More info: https://kubernetes.io/docs/concepts/nodes/node/#phase The field is never populated, and now is deprecated." },
      runtimeHandlers: { t: "[]NodeRuntimeHandler", d: "The available runtime handlers." },
      volumesAttached: { t: "[]AttachedVolume", d: "List of volumes that are attached to the node." },
      volumesInUse: { t: "[]string", d: "List of attachable volumes in use (mounted) by the node." },
    },
  },
  NodeSystemInfo: {
    d: "NodeSystemInfo is a set of ids/uuids to uniquely identify the node.",
    f: {
      architecture: { t: "string", d: "The Architecture reported by the node", r: 1 },
      bootID: { t: "string", d: "Boot ID reported by the node.", r: 1 },
      containerRuntimeVersion: { t: "string", d: "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", r: 1 },
      kernelVersion: { t: "string", d: "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", r: 1 },
      kubeProxyVersion: { t: "string", d: "KubeProxy Version reported by the node.", r: 1 },
      kubeletVersion: { t: "string", d: "Kubelet Version reported by the node.", r: 1 },
      machineID: { t: "string", d: "MachineID reported by the node. For unique machine identification in the cluster this field is preferred. Learn more from man(5) machine-id: http://man7.org/linux/man-pages/man5/machine-id.5.html", r: 1 },
      operatingSystem: { t: "string", d: "The Operating System reported by the node", r: 1 },
      osImage: { t: "string", d: "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", r: 1 },
      systemUUID: { t: "string", d: "SystemUUID reported by the node. For unique machine identification MachineID is preferred. This field is specific to Red Hat hosts https://access.redhat.com/documentation/en-us/red_hat_subscription_management/1/html/rhsm/uuid", r: 1 },
    },
  },
  ObjectFieldSelector: {
    d: "ObjectFieldSelector selects an APIVersioned field of an object.",
    f: {
      apiVersion: { t: "string", d: "Version of the schema the FieldPath is written in terms of, defaults to \"v1\"." },
      fieldPath: { t: "string", d: "Path of the field to select in the specified API version.", r: 1 },
    },
  },
  ObjectMeta: {
    d: "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
    f: {
      annotations: { t: "map[string]string", d: "Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations" },
      creationTimestamp: { t: "Time", d: "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      deletionGracePeriodSeconds: { t: "integer", d: "Number of seconds allowed for this object to gracefully terminate before it will be removed from the system. Only set when deletionTimestamp is also set. May only be shortened. Read-only." },
      deletionTimestamp: { t: "Time", d: "DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. This field is set by the server when a graceful deletion is requested by the user, and is not directly settable by a client. The resource is expected to be deleted (no longer visible from resource lists, and not reachable by name) after the time in this field, once the finalizers list is empty. As long as the finalizers list contains items, deletion is blocked. Once the deletionTimestamp is set, this value may not be unset or be set further into the future, although it may be shortened or the resource may be deleted prior to this time. For example, a user may request that a pod is deleted in 30 seconds. The Kubelet will react by sending a graceful termination signal to the containers in the pod. After that 30 seconds, the Kubelet will send a hard termination signal (SIGKILL) to the container and after cleanup, remove the pod from the API. In the presence of network partitions, this object may still exist after this timestamp, until an administrator or automated process can determine the resource is fully terminated. If not set, graceful deletion of the object has not been requested.\n\nPopulated by the system when a graceful deletion is requested. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      finalizers: { t: "[]string", d: "Must be empty before the object is deleted from the registry. Each entry is an identifier for the responsible component that will remove the entry from the list. If the deletionTimestamp of the object is non-nil, entries in this list can only be removed. Finalizers may be processed and removed in any order.  Order is NOT enforced because it introduces significant risk of stuck finalizers. finalizers is a shared field, any actor with permission can reorder it. If the finalizer list is processed in order, then this can lead to a situation in which the component responsible for the first finalizer in the list is waiting for a signal (field value, external system, or other) produced by a component responsible for a finalizer later in the list, resulting in a deadlock. Without enforced ordering finalizers are free to order amongst themselves and are not vulnerable to ordering changes in the list." },
      generateName: { t: "string", d: "GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided. If this field is used, the name returned to the client will be different than the name passed. This value will also be combined with a unique suffix. The provided value has the same validation rules as the Name field, and may be truncated by the length of the suffix required to make the value unique on the server.\n\nIf this field is specified and the generated name exists, the server will return a 409.\n\nApplied only if Name is not specified. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#idempotency" },
      generation: { t: "integer", d: "A sequence number representing a specific generation of the desired state. Populated by the system. Read-only." },
      labels: { t: "map[string]string", d: "Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels" },
      managedFields: { t: "[]ManagedFieldsEntry", d: "ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow. This is mostly for internal housekeeping, and users typically shouldn't need to set or understand this field. A workflow can be the user's name, a controller's name, or the name of a specific apply path like \"ci-cd\". The set of fields is always in the version that the workflow used when modifying the object." },
      name: { t: "string", d: "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names" },
      namespace: { t: "string", d: "Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the \"default\" namespace, but \"default\" is the canonical representation. Not all objects are required to be scoped to a namespace - the value of this field for those objects will be empty.\n\nMust be a DNS_LABEL. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces" },
      ownerReferences: { t: "[]OwnerReference", d: "List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected. If this object is managed by a controller, then an entry in this list will point to this controller, with the controller field set to true. There cannot be more than one managing controller." },
      resourceVersion: { t: "string", d: "An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed. May be used for optimistic concurrency, change detection, and the watch operation on a resource or set of resources. Clients must treat these values as opaque and passed unmodified back to the server. They may only be valid for a particular resource or set of resources.\n\nPopulated by the system. Read-only. Value must be treated as opaque by clients and . More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency" },
      selfLink: { t: "string", d: "Deprecated: selfLink is a legacy read-only field that is no longer populated by the system." },
      uid: { t: "string", d: "UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations.\n\nPopulated by the system. Read-only. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids" },
    },
  },
  ObjectReference: {
    d: "ObjectReference contains enough information to let you inspect or modify the referred object.",
    f: {
      apiVersion: { t: "string", d: "API version of the referent." },
      fieldPath: { t: "string", d: "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object." },
      kind: { t: "string", d: "Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      name: { t: "string", d: "Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names" },
      namespace: { t: "string", d: "Namespace of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/" },
      resourceVersion: { t: "string", d: "Specific resourceVersion to which this reference is made, if any. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency" },
      uid: { t: "string", d: "UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#uids" },
    },
  },
  OwnerReference: {
    d: "OwnerReference contains enough information to let you identify an owning object. An owning object must be in the same namespace as the dependent, or be cluster-scoped, so there is no namespace field.",
    f: {
      apiVersion: { t: "string", d: "API version of the referent.", r: 1 },
      blockOwnerDeletion: { t: "boolean", d: "If true, AND if the owner has the \"foregroundDeletion\" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed. See https://kubernetes.io/docs/concepts/architecture/garbage-collection/#foreground-deletion for how the garbage collector interacts with this field and enforces the foreground deletion. Defaults to false. To set this field, a user needs \"delete\" permission of the owner, otherwise 422 (Unprocessable Entity) will be returned." },
      controller: { t: "boolean", d: "If true, this reference points to the managing controller." },
      kind: { t: "string", d: "Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds", r: 1 },
      name: { t: "string", d: "Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names", r: 1 },
      uid: { t: "string", d: "UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids", r: 1 },
    },
  },
  PersistentVolumeClaimVolumeSource: {
    d: "PersistentVolumeClaimVolumeSource references the user's PVC in the same namespace. This volume finds the bound PV and mounts that volume for the pod. A PersistentVolumeClaimVolumeSource is, essentially, a wrapper around another type of volume that is owned by someone else (the system).",
    f: {
      claimName: { t: "string", d: "claimName is the name of a PersistentVolumeClaim in the same namespace as the pod using this volume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims", r: 1 },
      readOnly: { t: "boolean", d: "readOnly Will force the ReadOnly setting in VolumeMounts. Default false." },
    },
  },
  Pod: {
    d: "Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "PodSpec", d: "Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
      status: { t: "PodStatus", d: "Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
    },
  },
  PodAffinity: {
    d: "Pod affinity is a group of inter pod affinity scheduling rules.",
    f: {
      preferredDuringSchedulingIgnoredDuringExecution: { t: "[]WeightedPodAffinityTerm", d: "The scheduler will prefer to schedule pods to nodes that satisfy the affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions. The node that is most preferred is the one with the greatest sum of weights, i.e. for each node that meets all of the scheduling requirements (resource request, requiredDuringScheduling affinity expressions, etc.), compute a sum by iterating through the elements of this field and adding \"weight\" to the sum if the node has pods which matches the corresponding podAffinityTerm; the node(s) with the highest sum are the most preferred." },
      requiredDuringSchedulingIgnoredDuringExecution: { t: "[]PodAffinityTerm", d: "If the affinity requirements specified by this field are not met at scheduling time, the pod will not be scheduled onto the node. If the affinity requirements specified by this field cease to be met at some point during pod execution (e.g. due to a pod label update), the system may or may not try to eventually evict the pod from its node. When there are multiple elements, the lists of nodes corresponding to each podAffinityTerm are intersected, i.e. all terms must be satisfied." },
    },
  },
  PodAffinityTerm: {
    d: "Defines a set of pods (namely those matching the labelSelector relative to the given namespace(s)) that this pod should be co-located (affinity) or not co-located (anti-affinity) with, where co-located is defined as running on a node whose value of the label with key <topologyKey> matches that of any node on which a pod of the set of pods is running",
    f: {
      labelSelector: { t: "LabelSelector", d: "A label query over a set of resources, in this case pods. If it's null, this PodAffinityTerm matches with no Pods." },
      matchLabelKeys: { t: "[]string", d: "MatchLabelKeys is a set of pod label keys to select which pods will be taken into consideration. The keys are used to lookup values from the incoming pod labels, those key-value labels are merged with `labelSelector` as `key in (value)` to select the group of existing pods which pods will be taken into consideration for the incoming pod's pod (anti) affinity. Keys that don't exist in the incoming pod labels will be ignored. The default value is empty. The same key is forbidden to exist in both matchLabelKeys and labelSelector. Also, matchLabelKeys cannot be set when labelSelector isn't set. This is an alpha field and requires enabling MatchLabelKeysInPodAffinity feature gate." },
      mismatchLabelKeys: { t: "[]string", d: "MismatchLabelKeys is a set of pod label keys to select which pods will be taken into consideration. The keys are used to lookup values from the incoming pod labels, those key-value labels are merged with `labelSelector` as `key notin (value)` to select the group of existing pods which pods will be taken into consideration for the incoming pod's pod (anti) affinity. Keys that don't exist in the incoming pod labels will be ignored. The default value is empty. The same key is forbidden to exist in both mismatchLabelKeys and labelSelector. Also, mismatchLabelKeys cannot be set when labelSelector isn't set. This is an alpha field and requires enabling MatchLabelKeysInPodAffinity feature gate." },
      namespaceSelector: { t: "LabelSelector", d: "A label query over the set of namespaces that the term applies to. The term is applied to the union of the namespaces selected by this field and the ones listed in the namespaces field. null selector and null or empty namespaces list means \"this pod's namespace\". An empty selector ({}) matches all namespaces." },
      namespaces: { t: "[]string", d: "namespaces specifies a static list of namespace names that the term applies to. The term is applied to the union of the namespaces listed in this field and the ones selected by namespaceSelector. null or empty namespaces list and null namespaceSelector means \"this pod's namespace\"." },
      topologyKey: { t: "string", d: "This pod should be co-located (affinity) or not co-located (anti-affinity) with the pods matching the labelSelector in the specified namespaces, where co-located is defined as running on a node whose value of the label with key topologyKey matches that of any node on which any of the selected pods is running. Empty topologyKey is not allowed.", r: 1 },
    },
  },
  PodAntiAffinity: {
    d: "Pod anti affinity is a group of inter pod anti affinity scheduling rules.",
    f: {
      preferredDuringSchedulingIgnoredDuringExecution: { t: "[]WeightedPodAffinityTerm", d: "The scheduler will prefer to schedule pods to nodes that satisfy the anti-affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions. The node that is most preferred is the one with the greatest sum of weights, i.e. for each node that meets all of the scheduling requirements (resource request, requiredDuringScheduling anti-affinity expressions, etc.), compute a sum by iterating through the elements of this field and adding \"weight\" to the sum if the node has pods which matches the corresponding podAffinityTerm; the node(s) with the highest sum are the most preferred." },
      requiredDuringSchedulingIgnoredDuringExecution: { t: "[]PodAffinityTerm", d: "If the anti-affinity requirements specified by this field are not met at scheduling time, the pod will not be scheduled onto the node. If the anti-affinity requirements specified by this field cease to be met at some point during pod execution (e.g. due to a pod label update), the system may or may not try to eventually evict the pod from its node. When there are multiple elements, the lists of nodes corresponding to each podAffinityTerm are intersected, i.e. all terms must be satisfied." },
    },
  },
  PodCondition: {
    d: "PodCondition contains details for the current condition of this pod.",
    f: {
      lastProbeTime: { t: "Time", d: "Last time we probed the condition." },
      lastTransitionTime: { t: "Time", d: "Last time the condition transitioned from one status to another." },
      message: { t: "string", d: "Human-readable message indicating details about last transition." },
      reason: { t: "string", d: "Unique, one-word, CamelCase reason for the condition's last transition." },
      status: { t: "string", d: "Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions", r: 1 },
      type: { t: "string", d: "Type is the type of the condition. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions", r: 1 },
    },
  },
  PodDNSConfig: {
    d: "PodDNSConfig defines the DNS parameters of a pod in addition to those generated from DNSPolicy.",
    f: {
      nameservers: { t: "[]string", d: "A list of DNS name server IP addresses. This will be appended to the base nameservers generated from DNSPolicy. Duplicated nameservers will be removed." },
      options: { t: "[]PodDNSConfigOption", d: "A list of DNS resolver options. This will be merged with the base options generated from DNSPolicy. Duplicated entries will be removed. Resolution options given in Options will override those that appear in the base DNSPolicy." },
      searches: { t: "[]string", d: "A list of DNS search domains for host-name lookup. This will be appended to the base search paths generated from DNSPolicy. Duplicated search paths will be removed." },
    },
  },
  PodDNSConfigOption: {
    d: "PodDNSConfigOption defines DNS resolver options of a pod.",
    f: {
      name: { t: "string", d: "Required." },
      value: { t: "string", d: "" },
    },
  },
  PodFailurePolicy: {
    d: "PodFailurePolicy describes how failed pods influence the backoffLimit.",
    f: {
      rules: { t: "[]PodFailurePolicyRule", d: "A list of pod failure policy rules. The rules are evaluated in order. Once a rule matches a Pod failure, the remaining of the rules are ignored. When no rule matches the Pod failure, the default handling applies - the counter of pod failures is incremented and it is checked against the backoffLimit. At most 20 elements are allowed.", r: 1 },
    },
  },
  PodFailurePolicyOnExitCodesRequirement: {
    d: "PodFailurePolicyOnExitCodesRequirement describes the requirement for handling a failed pod based on its container exit codes. In particular, it lookups the .state.terminated.exitCode for each app container and init container status, represented by the .status.containerStatuses and .status.initContainerStatuses fields in the Pod status, respectively. Containers completed with success (exit code 0) are excluded from the requirement check.",
    f: {
      containerName: { t: "string", d: "Restricts the check for exit codes to the container with the specified name. When null, the rule applies to all containers. When specified, it should match one the container or initContainer names in the pod template." },
      operator: { t: "string", d: "Represents the relationship between the container exit code(s) and the specified values. Containers completed with success (exit code 0) are excluded from the requirement check. Possible values are:\n\n- In: the requirement is satisfied if at least one container exit code\n  (might be multiple if there are multiple containers not restricted\n  by the 'containerName' field) is in the set of specified values.\n- NotIn: the requirement is satisfied if at least one container exit code\n  (might be multiple if there are multiple containers not restricted\n  by the 'containerName' field) is not in the set of specified values.\nAdditional values are considered to be added in the future. Clients should react to an unknown operator by assuming the requirement is not satisfied.", r: 1 },
      values: { t: "[]integer", d: "Specifies the set of values. Each returned container exit code (might be multiple in case of multiple containers) is checked against this set of values with respect to the operator. The list of values must be ordered and must not contain duplicates. Value '0' cannot be used for the In operator. At least one element is required. At most 255 elements are allowed.", r: 1 },
    },
  },
  PodFailurePolicyOnPodConditionsPattern: {
    d: "PodFailurePolicyOnPodConditionsPattern describes a pattern for matching an actual pod condition type.",
    f: {
      status: { t: "string", d: "Specifies the required Pod condition status. To match a pod condition it is required that the specified status equals the pod condition status. Defaults to True.", r: 1 },
      type: { t: "string", d: "Specifies the required Pod condition type. To match a pod condition it is required that specified type equals the pod condition type.", r: 1 },
    },
  },
  PodFailurePolicyRule: {
    d: "PodFailurePolicyRule describes how a pod failure is handled when the requirements are met. One of onExitCodes and onPodConditions, but not both, can be used in each rule.",
    f: {
      action: { t: "string", d: "Specifies the action taken on a pod failure when the requirements are satisfied. Possible values are:\n\n- FailJob: indicates that the pod's job is marked as Failed and all\n  running pods are terminated.\n- FailIndex: indicates that the pod's index is marked as Failed and will\n  not be restarted.\n  This value is beta-level. It can be used when the\n  `JobBackoffLimitPerIndex` feature gate is enabled (enabled by default).\n- Ignore: indicates that the counter towards the .backoffLimit is not\n  incremented and a replacement pod is created.\n- Count: indicates that the pod is handled in the default way - the\n  counter towards the .backoffLimit is incremented.\nAdditional values are considered to be added in the future. Clients should react to an unknown action by skipping the rule.", r: 1 },
      onExitCodes: { t: "PodFailurePolicyOnExitCodesRequirement", d: "Represents the requirement on the container exit codes." },
      onPodConditions: { t: "[]PodFailurePolicyOnPodConditionsPattern", d: "Represents the requirement on the pod conditions. The requirement is represented as a list of pod condition patterns. The requirement is satisfied if at least one pattern matches an actual pod condition. At most 20 elements are allowed." },
    },
  },
  PodIP: {
    d: "PodIP represents a single IP address allocated to the pod.",
    f: {
      ip: { t: "string", d: "IP is the IP address assigned to the pod" },
    },
  },
  PodOS: {
    d: "PodOS defines the OS parameters of a pod.",
    f: {
      name: { t: "string", d: "Name is the name of the operating system. The currently supported values are linux and windows. Additional value may be defined in future and can be one of: https://github.com/opencontainers/runtime-spec/blob/master/config.md#platform-specific-configuration Clients should expect to handle additional values and treat unrecognized values in this field as os: null", r: 1 },
    },
  },
  PodReadinessGate: {
    d: "PodReadinessGate contains the reference to a pod condition",
    f: {
      conditionType: { t: "string", d: "ConditionType refers to a condition in the pod's condition list with matching type.", r: 1 },
    },
  },
  PodSchedulingGate: {
    d: "PodSchedulingGate is associated to a Pod to guard its scheduling.",
    f: {
      name: { t: "string", d: "Name of the scheduling gate. Each scheduling gate must have a unique name field.", r: 1 },
    },
  },
  PodSecurityContext: {
    d: "PodSecurityContext holds pod-level security attributes and common container settings. Some fields are also present in container.securityContext.  Field values of container.securityContext take precedence over field values of PodSecurityContext.",
    f: {
      appArmorProfile: { t: "AppArmorProfile", d: "appArmorProfile is the AppArmor options to use by the containers in this pod. Note that this field cannot be set when spec.os.name is windows." },
      fsGroup: { t: "integer", d: "A special supplemental group that applies to all containers in a pod. Some volume types allow the Kubelet to change the ownership of that volume to be owned by the pod:\n\n1. The owning GID will be the FSGroup 2. The setgid bit is set (new files created in the volume will be owned by FSGroup) 3. The permission bits are OR'd with rw-rw----\n\nIf unset, the Kubelet will not modify the ownership and permissions of any volume. Note that this field cannot be set when spec.os.name is windows." },
      fsGroupChangePolicy: { t: "string", d: "fsGroupChangePolicy defines behavior of changing ownership and permission of the volume before being exposed inside Pod. This field will only apply to volume types which support fsGroup based ownership(and permissions). It will have no effect on ephemeral volume types such as: secret, configmaps and emptydir. Valid values are \"OnRootMismatch\" and \"Always\". If not specified, \"Always\" is used. Note that this field cannot be set when spec.os.name is windows." },
      runAsGroup: { t: "integer", d: "The GID to run the entrypoint of the container process. Uses runtime default if unset. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows." },
      runAsNonRoot: { t: "boolean", d: "Indicates that the container must run as a non-root user. If true, the Kubelet will validate the image at runtime to ensure that it does not run as UID 0 (root) and fail to start the container if it does. If unset or false, no such validation will be performed. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence." },
      runAsUser: { t: "integer", d: "The UID to run the entrypoint of the container process. Defaults to user specified in image metadata if unspecified. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows." },
      seLinuxOptions: { t: "SELinuxOptions", d: "The SELinux context to be applied to all containers. If unspecified, the container runtime will allocate a random SELinux context for each container.  May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows." },
      seccompProfile: { t: "SeccompProfile", d: "The seccomp options to use by the containers in this pod. Note that this field cannot be set when spec.os.name is windows." },
      supplementalGroups: { t: "[]integer", d: "A list of groups applied to the first process run in each container, in addition to the container's primary GID, the fsGroup (if specified), and group memberships defined in the container image for the uid of the container process. If unspecified, no additional groups are added to any container. Note that group memberships defined in the container image for the uid of the container process are still effective, even if they are not included in this list. Note that this field cannot be set when spec.os.name is windows." },
      sysctls: { t: "[]Sysctl", d: "Sysctls hold a list of namespaced sysctls used for the pod. Pods with unsupported sysctls (by the container runtime) might fail to launch. Note that this field cannot be set when spec.os.name is windows." },
      windowsOptions: { t: "WindowsSecurityContextOptions", d: "The Windows specific settings applied to all containers. If unspecified, the options within a container's SecurityContext will be used. If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is linux." },
    },
  },
  PodSpec: {
    d: "PodSpec is a description of a pod.",
    f: {
      activeDeadlineSeconds: { t: "integer", d: "Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers. Value must be a positive integer." },
      affinity: { t: "Affinity", d: "If specified, the pod's scheduling constraints" },
      automountServiceAccountToken: { t: "boolean", d: "AutomountServiceAccountToken indicates whether a service account token should be automatically mounted." },
      containers: { t: "[]Container", d: "List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.", r: 1 },
      dnsConfig: { t: "PodDNSConfig", d: "Specifies the DNS parameters of a pod. Parameters specified here will be merged to the generated DNS configuration based on DNSPolicy." },
      dnsPolicy: { t: "string", d: "Set DNS policy for the pod. Defaults to \"ClusterFirst\". Valid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'. DNS parameters given in DNSConfig will be merged with the policy selected with DNSPolicy. To have DNS options set along with hostNetwork, you have to specify DNS policy explicitly to 'ClusterFirstWithHostNet'.\n\nPossible enum values:\n - `\"ClusterFirst\"` indicates that the pod should use cluster DNS first unless hostNetwork is true, if it is available, then fall back on the default (as determined by kubelet) DNS settings.\n - `\"ClusterFirstWithHostNet\"` indicates that the pod should use cluster DNS first, if it is available, then fall back on the default (as determined by kubelet) DNS settings.\n - `\"Default\"` indicates that the pod should use the default (as determined by kubelet) DNS settings.\n - `\"None\"` indicates that the pod should use empty DNS settings. DNS parameters such as nameservers and search paths should be defined via DNSConfig.", e: ["ClusterFirst","ClusterFirstWithHostNet","Default","None"] },
      enableServiceLinks: { t: "boolean", d: "EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links. Optional: Defaults to true." },
      ephemeralContainers: { t: "[]EphemeralContainer", d: "List of ephemeral containers run in this pod. Ephemeral containers may be run in an existing pod to perform user-initiated actions such as debugging. This list cannot be specified when creating a pod, and it cannot be modified by updating the pod spec. In order to add an ephemeral container to an existing pod, use the pod's ephemeralcontainers subresource." },
      hostAliases: { t: "[]HostAlias", d: "HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified." },
      hostIPC: { t: "boolean", d: "Use the host's ipc namespace. Optional: Default to false." },
      hostNetwork: { t: "boolean", d: "Host networking requested for this pod. Use the host's network namespace. If this option is set, the ports that will be used must be specified. Default to false." },
      hostPID: { t: "boolean", d: "Use the host's pid namespace. Optional: Default to false." },
      hostUsers: { t: "boolean", d: "Use the host's user namespace. Optional: Default to true. If set to true or not present, the pod will be run in the host user namespace, useful for when the pod needs a feature only available to the host user namespace, such as loading a kernel module with CAP_SYS_MODULE. When set to false, a new userns is created for the pod. Setting false is useful for mitigating container breakout vulnerabilities even allowing users to run their containers as root without actually having root privileges on the host. This field is alpha-level and is only honored by servers that enable the UserNamespacesSupport feature." },
      hostname: { t: "string", d: "Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value." },
      imagePullSecrets: { t: "[]LocalObjectReference", d: "ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec. If specified, these secrets will be passed to individual puller implementations for them to use. More info: https://kubernetes.io/docs/concepts/containers/images#specifying-imagepullsecrets-on-a-pod" },
      initContainers: { t: "[]Container", d: "List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started. If any init container fails, the pod is considered to have failed and is handled according to its restartPolicy. The name for an init container or normal container must be unique among all containers. Init containers may not have Lifecycle actions, Readiness probes, Liveness probes, or Startup probes. The resourceRequirements of an init container are taken into account during scheduling by finding the highest request/limit for each resource type, and then using the max of of that value or the sum of the normal containers. Limits are applied to init containers in a similar fashion. Init containers cannot currently be added or removed. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/init-containers/" },
      nodeName: { t: "string", d: "NodeName is a request to schedule this pod onto a specific node. If it is non-empty, the scheduler simply schedules this pod onto that node, assuming that it fits resource requirements." },
      nodeSelector: { t: "map[string]string", d: "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/" },
      os: { t: "PodOS", d: "Specifies the OS of the containers in the pod. Some pod and container fields are restricted if this is set.\n\nIf the OS field is set to linux, the following fields must be unset: -securityContext.windowsOptions\n\nIf the OS field is set to windows, following fields must be unset: - spec.hostPID - spec.hostIPC - spec.hostUsers - spec.securityContext.appArmorProfile - spec.securityContext.seLinuxOptions - spec.securityContext.seccompProfile - spec.securityContext.fsGroup - spec.securityContext.fsGroupChangePolicy - spec.securityContext.sysctls - spec.shareProcessNamespace - spec.securityContext.runAsUser - spec.securityContext.runAsGroup - spec.securityContext.supplementalGroups - spec.containers[*].securityContext.appArmorProfile - spec.containers[*].securityContext.seLinuxOptions - spec.containers[*].securityContext.seccompProfile - spec.containers[*].securityContext.capabilities - spec.containers[*].securityContext.readOnlyRootFilesystem - spec.containers[*].securityContext.privileged - spec.containers[*].securityContext.allowPrivilegeEscalation - spec.containers[*].securityContext.procMount - spec.containers[*].securityContext.runAsUser - spec.containers[*].securityContext.runAsGroup" },
      overhead: { t: "map[string]Quantity", d: "Overhead represents the resource overhead associated with running a pod for a given RuntimeClass. This field will be autopopulated at admission time by the RuntimeClass admission controller. If the RuntimeClass admission controller is enabled, overhead must not be set in Pod create requests. The RuntimeClass admission controller will reject Pod create requests which have the overhead already set. If RuntimeClass is configured and selected in the PodSpec, Overhead will be set to the value defined in the corresponding RuntimeClass, otherwise it will remain unset and treated as zero. More info: https://git.k8s.io/enhancements/keps/sig-node/688-pod-overhead/README.md" },
      preemptionPolicy: { t: "string", d: "PreemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.\n\nPossible enum values:\n - `\"Never\"` means that pod never preempts other pods with lower priority.\n - `\"PreemptLowerPriority\"` means that pod can preempt other pods with lower priority.", e: ["Never","PreemptLowerPriority"] },
      priority: { t: "integer", d: "The priority value. Various system components use this field to find the priority of the pod. When Priority Admission Controller is enabled, it prevents users from setting this field. The admission controller populates this field from PriorityClassName. The higher the value, the higher the priority." },
      priorityClassName: { t: "string", d: "If specified, indicates the pod's priority. \"system-node-critical\" and \"system-cluster-critical\" are two special keywords which indicate the highest priorities with the former being the highest priority. Any other name must be defined by creating a PriorityClass object with that name. If not specified, the pod priority will be default or zero if there is no default." },
      readinessGates: { t: "[]PodReadinessGate", d: "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates" },
      resourceClaims: { t: "[]PodResourceClaim", d: "ResourceClaims defines which ResourceClaims must be allocated and reserved before the Pod is allowed to start. The resources will be made available to those containers which consume them by name.\n\nThis is an alpha field and requires enabling the DynamicResourceAllocation feature gate.\n\nThis field is immutable." },
      restartPolicy: { t: "string", d: "Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n\nPossible enum values:\n - `\"Always\"`\n - `\"Never\"`\n - `\"OnFailure\"`", e: ["Always","Never","OnFailure"] },
      runtimeClassName: { t: "string", d: "RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod.  If no RuntimeClass resource matches the named class, the pod will not be run. If unset or empty, the \"legacy\" RuntimeClass will be used, which is an implicit class with an empty definition that uses the default runtime handler. More info: https://git.k8s.io/enhancements/keps/sig-node/585-runtime-class" },
      schedulerName: { t: "string", d: "If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler." },
      schedulingGates: { t: "[]PodSchedulingGate", d: "SchedulingGates is an opaque list of values that if specified will block scheduling the pod. If schedulingGates is not empty, the pod will stay in the SchedulingGated state and the scheduler will not attempt to schedule the pod.\n\nSchedulingGates can only be set at pod creation time, and be removed only afterwards." },
      securityContext: { t: "PodSecurityContext", d: "SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty.  See type description for default values of each field." },
      serviceAccount: { t: "string", d: "DeprecatedServiceAccount is a deprecated alias for ServiceAccountName. Deprecated: Use serviceAccountName instead." },
      serviceAccountName: { t: "string", d: "ServiceAccountName is the name of the ServiceAccount to use to run this pod. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/" },
      setHostnameAsFQDN: { t: "boolean", d: "If true the pod's hostname will be configured as the pod's FQDN, rather than the leaf name (the default). In Linux containers, this means setting the FQDN in the hostname field of the kernel (the nodename field of struct utsname). In Windows containers, this means setting the registry value of hostname for the registry key HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters to FQDN. If a pod does not have FQDN, this has no effect. Default to false." },
      shareProcessNamespace: { t: "boolean", d: "Share a single process namespace between all of the containers in a pod. When this is set containers will be able to view and signal processes from other containers in the same pod, and the first process in each container will not be assigned PID 1. HostPID and ShareProcessNamespace cannot both be set. Optional: Default to false." },
      subdomain: { t: "string", d: "If specified, the fully qualified Pod hostname will be \"<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>\". If not specified, the pod will not have a domainname at all." },
      terminationGracePeriodSeconds: { t: "integer", d: "Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). If this value is nil, the default grace period will be used instead. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. Defaults to 30 seconds." },
      tolerations: { t: "[]Toleration", d: "If specified, the pod's tolerations." },
      topologySpreadConstraints: { t: "[]TopologySpreadConstraint", d: "TopologySpreadConstraints describes how a group of pods ought to spread across topology domains. Scheduler will schedule pods in a way which abides by the constraints. All topologySpreadConstraints are ANDed." },
      volumes: { t: "[]Volume", d: "List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes" },
    },
  },
  PodStatus: {
    d: "PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane.",
    f: {
      conditions: { t: "[]PodCondition", d: "Current service state of pod. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions" },
      containerStatuses: { t: "[]ContainerStatus", d: "The list has one entry per container in the manifest. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-and-container-status" },
      ephemeralContainerStatuses: { t: "[]ContainerStatus", d: "Status for any ephemeral containers that have run in this pod." },
      hostIP: { t: "string", d: "hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet. A pod can be assigned to a node that has a problem in kubelet which in turns mean that HostIP will not be updated even if there is a node is assigned to pod" },
      hostIPs: { t: "[]HostIP", d: "hostIPs holds the IP addresses allocated to the host. If this field is specified, the first entry must match the hostIP field. This list is empty if the pod has not started yet. A pod can be assigned to a node that has a problem in kubelet which in turns means that HostIPs will not be updated even if there is a node is assigned to this pod." },
      initContainerStatuses: { t: "[]ContainerStatus", d: "The list has one entry per init container in the manifest. The most recent successful init container will have ready = true, the most recently started container will have startTime set. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-and-container-status" },
      message: { t: "string", d: "A human readable message indicating details about why the pod is in this condition." },
      nominatedNodeName: { t: "string", d: "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled." },
      phase: { t: "string", d: "The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle. The conditions array, the reason and message fields, and the individual container status arrays contain more detail about the pod's status. There are five possible phase values:\n\nPending: The pod has been accepted by the Kubernetes system, but one or more of the container images has not been created. This includes time before being scheduled as well as time spent downloading images over the network, which could take a while. Running: The pod has been bound to a node, and all of the containers have been created. At least one container is still running, or is in the process of starting or restarting. Succeeded: All containers in the pod have terminated in success, and will not be restarted. Failed: All containers in the pod have terminated, and at least one container has terminated in failure. The container either exited with non-zero status or was terminated by the system. Unknown: For some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod.\n\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-phase\n\nPossible enum values:\n - `\"Failed\"` means that all containers in the pod have terminated, and at least one container has terminated in a failure (exited with a non-zero exit code or was stopped by the system).\n - `\"Pending\"` means the pod has been accepted by the system, but one or more of the containers has not been started. This includes time before being bound to a node, as well as time spent pulling images onto the host.\n - `\"Running\"` means the pod has been bound to a node and all of the containers have been started. At least one container is still running or is in the process of being restarted.\n - `\"Succeeded\"` means that all containers in the pod have voluntarily terminated with a container exit code of 0, and the system is not going to restart any of these containers.\n - `\"Unknown\"` means that for some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod. Deprecated: It isn't being set since 2015 (74da3b14b0c0f658b3bb8d2def5094686d0e9095)", e: ["Failed","Pending","Running","Succeeded","Unknown"] },
      podIP: { t: "string", d: "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated." },
      podIPs: { t: "[]PodIP", d: "podIPs holds the IP addresses allocated to the pod. If this field is specified, the 0th entry must match the podIP field. Pods may be allocated at most 1 value for each of IPv4 and IPv6. This list is empty if no IPs have been allocated yet." },
      qosClass: { t: "string", d: "The Quality of Service (QOS) classification assigned to the pod based on resource requirements See PodQOSClass type for available QOS classes More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#quality-of-service-classes\n\nPossible enum values:\n - `\"BestEffort\"` is the BestEffort qos class.\n - `\"Burstable\"` is the Burstable qos class.\n - `\"Guaranteed\"` is the Guaranteed qos class.", e: ["BestEffort","Burstable","Guaranteed"] },
      reason: { t: "string", d: "A brief CamelCase message indicating details about why the pod is in this state. e.g. 'Evicted'" },
      resize: { t: "string", d: "Status of resources resize desired for pod's containers. It is empty if no resources resize is pending. Any changes to container resources will automatically set this to \"Proposed\"" },
      resourceClaimStatuses: { t: "[]PodResourceClaimStatus", d: "Status of resource claims." },
      startTime: { t: "Time", d: "RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod." },
    },
  },
  PodTemplateSpec: {
    d: "PodTemplateSpec describes the data a pod should have when created from a template",
    f: {
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "PodSpec", d: "Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
    },
  },
  PortStatus: {
    d: "",
    f: {
      error: { t: "string", d: "Error is to record the problem with the service port The format of the error shall comply with the following rules: - built-in error values shall be specified in this file and those shall use\n  CamelCase names\n- cloud provider specific error values must have names that comply with the\n  format foo.example.com/CamelCase." },
      port: { t: "integer", d: "Port is the port number of the service port of which status is recorded here", r: 1 },
      protocol: { t: "string", d: "Protocol is the protocol of the service port of which status is recorded here The supported values are: \"TCP\", \"UDP\", \"SCTP\"", r: 1 },
    },
  },
  PreferredSchedulingTerm: {
    d: "An empty preferred scheduling term matches all objects with implicit weight 0 (i.e. it's a no-op). A null preferred scheduling term matches no objects (i.e. is also a no-op).",
    f: {
      preference: { t: "NodeSelectorTerm", d: "A node selector term, associated with the corresponding weight.", r: 1 },
      weight: { t: "integer", d: "Weight associated with matching the corresponding nodeSelectorTerm, in the range 1-100.", r: 1 },
    },
  },
  Probe: {
    d: "Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.",
    f: {
      exec: { t: "ExecAction", d: "Exec specifies the action to take." },
      failureThreshold: { t: "integer", d: "Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1." },
      grpc: { t: "GRPCAction", d: "GRPC specifies an action involving a GRPC port." },
      httpGet: { t: "HTTPGetAction", d: "HTTPGet specifies the http request to perform." },
      initialDelaySeconds: { t: "integer", d: "Number of seconds after the container has started before liveness probes are initiated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes" },
      periodSeconds: { t: "integer", d: "How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1." },
      successThreshold: { t: "integer", d: "Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1. Must be 1 for liveness and startup. Minimum value is 1." },
      tcpSocket: { t: "TCPSocketAction", d: "TCPSocket specifies an action involving a TCP port." },
      terminationGracePeriodSeconds: { t: "integer", d: "Optional duration in seconds the pod needs to terminate gracefully upon probe failure. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. If this value is nil, the pod's terminationGracePeriodSeconds will be used. Otherwise, this value overrides the value provided by the pod spec. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). This is a beta field and requires enabling ProbeTerminationGracePeriod feature gate. Minimum value is 1. spec.terminationGracePeriodSeconds is used if unset." },
      timeoutSeconds: { t: "integer", d: "Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes" },
    },
  },
  ProjectedVolumeSource: {
    d: "Represents a projected volume source",
    f: {
      defaultMode: { t: "integer", d: "defaultMode are the mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set." },
      sources: { t: "[]VolumeProjection", d: "sources is the list of volume projections" },
    },
  },
  ReplicaSet: {
    d: "ReplicaSet ensures that a specified number of pod replicas are running at any given time.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "If the Labels of a ReplicaSet are empty, they are defaulted to be the same as the Pod(s) that the ReplicaSet manages. Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "ReplicaSetSpec", d: "Spec defines the specification of the desired behavior of the ReplicaSet. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
      status: { t: "ReplicaSetStatus", d: "Status is the most recently observed status of the ReplicaSet. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
    },
  },
  ReplicaSetCondition: {
    d: "ReplicaSetCondition describes the state of a replica set at a certain point.",
    f: {
      lastTransitionTime: { t: "Time", d: "The last time the condition transitioned from one status to another." },
      message: { t: "string", d: "A human readable message indicating details about the transition." },
      reason: { t: "string", d: "The reason for the condition's last transition." },
      status: { t: "string", d: "Status of the condition, one of True, False, Unknown.", r: 1 },
      type: { t: "string", d: "Type of replica set condition.", r: 1 },
    },
  },
  ReplicaSetSpec: {
    d: "ReplicaSetSpec is the specification of a ReplicaSet.",
    f: {
      minReadySeconds: { t: "integer", d: "Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)" },
      replicas: { t: "integer", d: "Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller" },
      selector: { t: "LabelSelector", d: "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", r: 1 },
      template: { t: "PodTemplateSpec", d: "Template is the object that describes the pod that will be created if insufficient replicas are detected. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template" },
    },
  },
  ReplicaSetStatus: {
    d: "ReplicaSetStatus represents the current status of a ReplicaSet.",
    f: {
      availableReplicas: { t: "integer", d: "The number of available replicas (ready for at least minReadySeconds) for this replica set." },
      conditions: { t: "[]ReplicaSetCondition", d: "Represents the latest available observations of a replica set's current state." },
      fullyLabeledReplicas: { t: "integer", d: "The number of pods that have labels matching the labels of the pod template of the replicaset." },
      observedGeneration: { t: "integer", d: "ObservedGeneration reflects the generation of the most recently observed ReplicaSet." },
      readyReplicas: { t: "integer", d: "readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition." },
      replicas: { t: "integer", d: "Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller", r: 1 },
    },
  },
  ResourceFieldSelector: {
    d: "ResourceFieldSelector represents container resources (cpu, memory) and their output format",
    f: {
      containerName: { t: "string", d: "Container name: required for volumes, optional for env vars" },
      divisor: { t: "Quantity", d: "Specifies the output format of the exposed resources, defaults to \"1\"" },
      resource: { t: "string", d: "Required: resource to select", r: 1 },
    },
  },
  ResourceQuota: {
    d: "ResourceQuota sets aggregate quota restrictions enforced per namespace",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "ResourceQuotaSpec", d: "Spec defines the desired quota. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
      status: { t: "ResourceQuotaStatus", d: "Status defines the actual enforced quota and its current usage. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
    },
  },
  ResourceQuotaSpec: {
    d: "ResourceQuotaSpec defines the desired hard limits to enforce for Quota.",
    f: {
      hard: { t: "map[string]Quantity", d: "hard is the set of desired hard limits for each named resource. More info: https://kubernetes.io/docs/concepts/policy/resource-quotas/" },
      scopeSelector: { t: "ScopeSelector", d: "scopeSelector is also a collection of filters like scopes that must match each object tracked by a quota but expressed using ScopeSelectorOperator in combination with possible values. For a resource to match, both scopes AND scopeSelector (if specified in spec), must be matched." },
      scopes: { t: "[]string", d: "A collection of filters that must match each object tracked by a quota. If not specified, the quota matches all objects." },
    },
  },
  ResourceQuotaStatus: {
    d: "ResourceQuotaStatus defines the enforced hard limits and observed use.",
    f: {
      hard: { t: "map[string]Quantity", d: "Hard is the set of enforced hard limits for each named resource. More info: https://kubernetes.io/docs/concepts/policy/resource-quotas/" },
      used: { t: "map[string]Quantity", d: "Used is the current observed total usage of the resource in the namespace." },
    },
  },
  ResourceRequirements: {
    d: "ResourceRequirements describes the compute resource requirements.",
    f: {
      claims: { t: "[]ResourceClaim", d: "Claims lists the names of resources, defined in spec.resourceClaims, that are used by this container.\n\nThis is an alpha field and requires enabling the DynamicResourceAllocation feature gate.\n\nThis field is immutable. It can only be set for containers." },
      limits: { t: "map[string]Quantity", d: "Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/" },
      requests: { t: "map[string]Quantity", d: "Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/" },
    },
  },
  RollingUpdateDaemonSet: {
    d: "Spec to control the desired behavior of daemon set rolling update.",
    f: {
      maxSurge: { t: "IntOrString", d: "The maximum number of nodes with an existing available DaemonSet pod that can have an updated DaemonSet pod during during an update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up to a minimum of 1. Default value is 0. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their a new pod created before the old pod is marked as deleted. The update starts by launching new pods on 30% of nodes. Once an updated pod is available (Ready for at least minReadySeconds) the old DaemonSet pod on that node is marked deleted. If the old pod becomes unavailable for any reason (Ready transitions to false, is evicted, or is drained) an updated pod is immediatedly created on that node without considering surge limits. Allowing surge implies the possibility that the resources consumed by the daemonset on any given node can double if the readiness check fails, and so resource intensive daemonsets should take into account that they may cause evictions during disruption." },
      maxUnavailable: { t: "IntOrString", d: "The maximum number of DaemonSet pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of total number of DaemonSet pods at the start of the update (ex: 10%). Absolute number is calculated from percentage by rounding up. This cannot be 0 if MaxSurge is 0 Default value is 1. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their pods stopped for an update at any given time. The update starts by stopping at most 30% of those DaemonSet pods and then brings up new DaemonSet pods in their place. Once the new pods are available, it then proceeds onto other DaemonSet pods, thus ensuring that at least 70% of original number of DaemonSet pods are available at all times during the update." },
    },
  },
  RollingUpdateDeployment: {
    d: "Spec to control the desired behavior of rolling update.",
    f: {
      maxSurge: { t: "IntOrString", d: "The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up. Defaults to 25%. Example: when this is set to 30%, the new ReplicaSet can be scaled up immediately when the rolling update starts, such that the total number of old and new pods do not exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet can be scaled up further, ensuring that total number of pods running at any time during the update is at most 130% of desired pods." },
      maxUnavailable: { t: "IntOrString", d: "The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding down. This can not be 0 if MaxSurge is 0. Defaults to 25%. Example: when this is set to 30%, the old ReplicaSet can be scaled down to 70% of desired pods immediately when the rolling update starts. Once new pods are ready, old ReplicaSet can be scaled down further, followed by scaling up the new ReplicaSet, ensuring that the total number of pods available at all times during the update is at least 70% of desired pods." },
    },
  },
  SELinuxOptions: {
    d: "SELinuxOptions are the labels to be applied to the container",
    f: {
      level: { t: "string", d: "Level is SELinux level label that applies to the container." },
      role: { t: "string", d: "Role is a SELinux role label that applies to the container." },
      type: { t: "string", d: "Type is a SELinux type label that applies to the container." },
      user: { t: "string", d: "User is a SELinux user label that applies to the container." },
    },
  },
  ScopeSelector: {
    d: "A scope selector represents the AND of the selectors represented by the scoped-resource selector requirements.",
    f: {
      matchExpressions: { t: "[]ScopedResourceSelectorRequirement", d: "A list of scope selector requirements by scope of the resources." },
    },
  },
  ScopedResourceSelectorRequirement: {
    d: "A scoped-resource selector requirement is a selector that contains values, a scope name, and an operator that relates the scope name and values.",
    f: {
      operator: { t: "string", d: "Represents a scope's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist.", r: 1 },
      scopeName: { t: "string", d: "The name of the scope that the selector applies to.", r: 1 },
      values: { t: "[]string", d: "An array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch." },
    },
  },
  SeccompProfile: {
    d: "SeccompProfile defines a pod/container's seccomp profile settings. Only one profile source may be set.",
    f: {
      localhostProfile: { t: "string", d: "localhostProfile indicates a profile defined in a file on the node should be used. The profile must be preconfigured on the node to work. Must be a descending path, relative to the kubelet's configured seccomp profile location. Must be set if type is \"Localhost\". Must NOT be set for any other type." },
      type: { t: "string", d: "type indicates which kind of seccomp profile will be applied. Valid options are:\n\nLocalhost - a profile defined in a file on the node should be used. RuntimeDefault - the container runtime default profile should be used. Unconfined - no profile should be applied.", r: 1 },
    },
  },
  Secret: {
    d: "Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      data: { t: "map[string]string", d: "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4" },
      immutable: { t: "boolean", d: "Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified). If not set to true, the field can be modified at any time. Defaulted to nil." },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      stringData: { t: "map[string]string", d: "stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience. All keys and values are merged into the data field on write, overwriting any existing values. The stringData field is never output when reading from the API." },
      type: { t: "string", d: "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types" },
    },
  },
  SecretEnvSource: {
    d: "SecretEnvSource selects a Secret to populate the environment variables with.\n\nThe contents of the target Secret's Data field will represent the key-value pairs as environment variables.",
    f: {
      name: { t: "string", d: "Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names" },
      optional: { t: "boolean", d: "Specify whether the Secret must be defined" },
    },
  },
  SecretKeySelector: {
    d: "SecretKeySelector selects a key of a Secret.",
    f: {
      key: { t: "string", d: "The key of the secret to select from.  Must be a valid secret key.", r: 1 },
      name: { t: "string", d: "Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names" },
      optional: { t: "boolean", d: "Specify whether the Secret or its key must be defined" },
    },
  },
  SecretVolumeSource: {
    d: "Adapts a Secret into a volume.\n\nThe contents of the target Secret's Data field will be presented in a volume as files using the keys in the Data field as the file names. Secret volumes support ownership management and SELinux relabeling.",
    f: {
      defaultMode: { t: "integer", d: "defaultMode is Optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set." },
      items: { t: "[]KeyToPath", d: "items If unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the Secret, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'." },
      optional: { t: "boolean", d: "optional field specify whether the Secret or its keys must be defined" },
      secretName: { t: "string", d: "secretName is the name of the secret in the pod's namespace to use. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret" },
    },
  },
  SecurityContext: {
    d: "SecurityContext holds security configuration that will be applied to a container. Some fields are present in both SecurityContext and PodSecurityContext.  When both are set, the values in SecurityContext take precedence.",
    f: {
      allowPrivilegeEscalation: { t: "boolean", d: "AllowPrivilegeEscalation controls whether a process can gain more privileges than its parent process. This bool directly controls if the no_new_privs flag will be set on the container process. AllowPrivilegeEscalation is true always when the container is: 1) run as Privileged 2) has CAP_SYS_ADMIN Note that this field cannot be set when spec.os.name is windows." },
      appArmorProfile: { t: "AppArmorProfile", d: "appArmorProfile is the AppArmor options to use by this container. If set, this profile overrides the pod's appArmorProfile. Note that this field cannot be set when spec.os.name is windows." },
      capabilities: { t: "Capabilities", d: "The capabilities to add/drop when running containers. Defaults to the default set of capabilities granted by the container runtime. Note that this field cannot be set when spec.os.name is windows." },
      privileged: { t: "boolean", d: "Run container in privileged mode. Processes in privileged containers are essentially equivalent to root on the host. Defaults to false. Note that this field cannot be set when spec.os.name is windows." },
      procMount: { t: "string", d: "procMount denotes the type of proc mount to use for the containers. The default is DefaultProcMount which uses the container runtime defaults for readonly paths and masked paths. This requires the ProcMountType feature flag to be enabled. Note that this field cannot be set when spec.os.name is windows." },
      readOnlyRootFilesystem: { t: "boolean", d: "Whether this container has a read-only root filesystem. Default is false. Note that this field cannot be set when spec.os.name is windows." },
      runAsGroup: { t: "integer", d: "The GID to run the entrypoint of the container process. Uses runtime default if unset. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows." },
      runAsNonRoot: { t: "boolean", d: "Indicates that the container must run as a non-root user. If true, the Kubelet will validate the image at runtime to ensure that it does not run as UID 0 (root) and fail to start the container if it does. If unset or false, no such validation will be performed. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence." },
      runAsUser: { t: "integer", d: "The UID to run the entrypoint of the container process. Defaults to user specified in image metadata if unspecified. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows." },
      seLinuxOptions: { t: "SELinuxOptions", d: "The SELinux context to be applied to the container. If unspecified, the container runtime will allocate a random SELinux context for each container.  May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows." },
      seccompProfile: { t: "SeccompProfile", d: "The seccomp options to use by this container. If seccomp options are provided at both the pod & container level, the container options override the pod options. Note that this field cannot be set when spec.os.name is windows." },
      windowsOptions: { t: "WindowsSecurityContextOptions", d: "The Windows specific settings applied to all containers. If unspecified, the options from the PodSecurityContext will be used. If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is linux." },
    },
  },
  Service: {
    d: "Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      spec: { t: "ServiceSpec", d: "Spec defines the behavior of a service. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
      status: { t: "ServiceStatus", d: "Most recently observed status of the service. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status" },
    },
  },
  ServiceAccount: {
    d: "ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and authorized * a set of secrets",
    f: {
      apiVersion: { t: "string", d: "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources" },
      automountServiceAccountToken: { t: "boolean", d: "AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted. Can be overridden at the pod level." },
      imagePullSecrets: { t: "[]LocalObjectReference", d: "ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount. ImagePullSecrets are distinct from Secrets because Secrets can be mounted in the pod, but ImagePullSecrets are only accessed by the kubelet. More info: https://kubernetes.io/docs/concepts/containers/images/#specifying-imagepullsecrets-on-a-pod" },
      kind: { t: "string", d: "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds" },
      metadata: { t: "ObjectMeta", d: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" },
      secrets: { t: "[]ObjectReference", d: "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a \"kubernetes.io/enforce-mountable-secrets\" annotation set to \"true\". This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret" },
    },
  },
  ServicePort: {
    d: "ServicePort contains information on service's port.",
    f: {
      appProtocol: { t: "string", d: "The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax. Valid values are either:\n\n* Un-prefixed protocol names - reserved for IANA standard service names (as per RFC-6335 and https://www.iana.org/assignments/service-names).\n\n* Kubernetes-defined prefixed names:\n  * 'kubernetes.io/h2c' - HTTP/2 prior knowledge over cleartext as described in https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-\n  * 'kubernetes.io/ws'  - WebSocket over cleartext as described in https://www.rfc-editor.org/rfc/rfc6455\n  * 'kubernetes.io/wss' - WebSocket over TLS as described in https://www.rfc-editor.org/rfc/rfc6455\n\n* Other protocols should use implementation-defined prefixed names such as mycompany.com/my-custom-protocol." },
      name: { t: "string", d: "The name of this port within the service. This must be a DNS_LABEL. All ports within a ServiceSpec must have unique names. When considering the endpoints for a Service, this must match the 'name' field in the EndpointPort. Optional if only one ServicePort is defined on this service." },
      nodePort: { t: "integer", d: "The port on each node on which this service is exposed when type is NodePort or LoadBalancer.  Usually assigned by the system. If a value is specified, in-range, and not in use it will be used, otherwise the operation will fail.  If not specified, a port will be allocated if this Service requires one.  If this field is specified when creating a Service which does not need it, creation will fail. This field will be wiped when updating a Service to no longer need it (e.g. changing type from NodePort to ClusterIP). More info: https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport" },
      port: { t: "integer", d: "The port that will be exposed by this service.", r: 1 },
      protocol: { t: "string", d: "The IP protocol for this port. Supports \"TCP\", \"UDP\", and \"SCTP\". Default is TCP.\n\nPossible enum values:\n - `\"SCTP\"` is the SCTP protocol.\n - `\"TCP\"` is the TCP protocol.\n - `\"UDP\"` is the UDP protocol.", e: ["SCTP","TCP","UDP"] },
      targetPort: { t: "IntOrString", d: "Number or name of the port to access on the pods targeted by the service. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If this is a string, it will be looked up as a named port in the target Pod's container ports. If this is not specified, the value of the 'port' field is used (an identity map). This field is ignored for services with clusterIP=None, and should be omitted or set equal to the 'port' field. More info: https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service" },
    },
  },
  ServiceSpec: {
    d: "ServiceSpec describes the attributes that a user creates on a service.",
    f: {
      allocateLoadBalancerNodePorts: { t: "boolean", d: "allocateLoadBalancerNodePorts defines if NodePorts will be automatically allocated for services with type LoadBalancer.  Default is \"true\". It may be set to \"false\" if the cluster load-balancer does not rely on NodePorts.  If the caller requests specific NodePorts (by specifying a value), those requests will be respected, regardless of this field. This field may only be set for services with type LoadBalancer and will be cleared if the type is changed to any other type." },
      clusterIP: { t: "string", d: "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies" },
      clusterIPs: { t: "[]string", d: "ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly.  If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be empty) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address.  Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName.  If this field is not specified, it will be initialized from the clusterIP field.  If this field is specified, clients must ensure that clusterIPs[0] and clusterIP have the same value.\n\nThis field may hold a maximum of two entries (dual-stack IPs, in either order). These IPs must correspond to the values of the ipFamilies field. Both clusterIPs and ipFamilies are governed by the ipFamilyPolicy field. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies" },
      externalIPs: { t: "[]string", d: "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system." },
      externalName: { t: "string", d: "externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record). No proxying will be involved.  Must be a lowercase RFC-1123 hostname (https://tools.ietf.org/html/rfc1123) and requires `type` to be \"ExternalName\"." },
      externalTrafficPolicy: { t: "string", d: "externalTrafficPolicy describes how nodes distribute service traffic they receive on one of the Service's \"externally-facing\" addresses (NodePorts, ExternalIPs, and LoadBalancer IPs). If set to \"Local\", the proxy will configure the service in a way that assumes that external load balancers will take care of balancing the service traffic between nodes, and so each node will deliver traffic only to the node-local endpoints of the service, without masquerading the client source IP. (Traffic mistakenly sent to a node with no endpoints will be dropped.) The default value, \"Cluster\", uses the standard behavior of routing to all endpoints evenly (possibly modified by topology and other features). Note that traffic sent to an External IP or LoadBalancer IP from within the cluster will always get \"Cluster\" semantics, but clients sending to a NodePort from within the cluster may need to take traffic policy into account when picking a node.\n\nPossible enum values:\n - `\"Cluster\"` routes traffic to all endpoints.\n - `\"Local\"` preserves the source IP of the traffic by routing only to endpoints on the same node as the traffic was received on (dropping the traffic if there are no local endpoints).", e: ["Cluster","Local"] },
      healthCheckNodePort: { t: "integer", d: "healthCheckNodePort specifies the healthcheck nodePort for the service. This only applies when type is set to LoadBalancer and externalTrafficPolicy is set to Local. If a value is specified, is in-range, and is not in use, it will be used.  If not specified, a value will be automatically allocated.  External systems (e.g. load-balancers) can use this port to determine if a given node holds endpoints for this service or not.  If this field is specified when creating a Service which does not need it, creation will fail. This field will be wiped when updating a Service to no longer need it (e.g. changing type). This field cannot be updated once set." },
      internalTrafficPolicy: { t: "string", d: "InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP. If set to \"Local\", the proxy will assume that pods only want to talk to endpoints of the service on the same node as the pod, dropping the traffic if there are no local endpoints. The default value, \"Cluster\", uses the standard behavior of routing to all endpoints evenly (possibly modified by topology and other features).\n\nPossible enum values:\n - `\"Cluster\"` routes traffic to all endpoints.\n - `\"Local\"` routes traffic only to endpoints on the same node as the client pod (dropping the traffic if there are no local endpoints).", e: ["Cluster","Local"] },
      ipFamilies: { t: "[]string", d: "IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service. This field is usually assigned automatically based on cluster configuration and the ipFamilyPolicy field. If this field is specified manually, the requested family is available in the cluster, and ipFamilyPolicy allows it, it will be used; otherwise creation of the service will fail. This field is conditionally mutable: it allows for adding or removing a secondary IP family, but it does not allow changing the primary IP family of the Service. Valid values are \"IPv4\" and \"IPv6\".  This field only applies to Services of types ClusterIP, NodePort, and LoadBalancer, and does apply to \"headless\" services. This field will be wiped when updating a Service to type ExternalName.\n\nThis field may hold a maximum of two entries (dual-stack families, in either order).  These families must correspond to the values of the clusterIPs field, if specified. Both clusterIPs and ipFamilies are governed by the ipFamilyPolicy field." },
      ipFamilyPolicy: { t: "string", d: "IPFamilyPolicy represents the dual-stack-ness requested or required by this Service. If there is no value provided, then this field will be set to SingleStack. Services can be \"SingleStack\" (a single IP family), \"PreferDualStack\" (two IP families on dual-stack configured clusters or a single IP family on single-stack clusters), or \"RequireDualStack\" (two IP families on dual-stack configured clusters, otherwise fail). The ipFamilies and clusterIPs fields depend on the value of this field. This field will be wiped when updating a service to type ExternalName." },
      loadBalancerClass: { t: "string", d: "loadBalancerClass is the class of the load balancer implementation this Service belongs to. If specified, the value of this field must be a label-style identifier, with an optional prefix, e.g. \"internal-vip\" or \"example.com/internal-vip\". Unprefixed names are reserved for end-users. This field can only be set when the Service type is 'LoadBalancer'. If not set, the default load balancer implementation is used, today this is typically done through the cloud provider integration, but should apply for any default implementation. If set, it is assumed that a load balancer implementation is watching for Services with a matching class. Any default load balancer implementation (e.g. cloud providers) should ignore Services that set this field. This field can only be set when creating or updating a Service to type 'LoadBalancer'. Once set, it can not be changed. This field will be wiped when a service is updated to a non 'LoadBalancer' type." },
      loadBalancerIP: { t: "string", d: "Only applies to Service Type: LoadBalancer. This feature depends on whether the underlying cloud-provider supports specifying the loadBalancerIP when a load balancer is created. This field will be ignored if the cloud-provider does not support the feature. Deprecated: This field was under-specified and its meaning varies across implementations. Using it is non-portable and it may not support dual-stack. Users are encouraged to use implementation-specific annotations when available." },
      loadBalancerSourceRanges: { t: "[]string", d: "If specified and supported by the platform, this will restrict traffic through the cloud-provider load-balancer will be restricted to the specified client IPs. This field will be ignored if the cloud-provider does not support the feature.\" More info: https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/" },
      ports: { t: "[]ServicePort", d: "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies" },
      publishNotReadyAddresses: { t: "boolean", d: "publishNotReadyAddresses indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready. The primary use case for setting this field is for a StatefulSet's Headless Service to propagate SRV DNS records for its Pods for the purpose of peer discovery. The Kubernetes controllers that generate Endpoints and EndpointSlice resources for Services interpret this to mean that all endpoints are considered \"ready\" even if the Pods themselves are not. Agents which consume only Kubernetes generated endpoints through the Endpoints or EndpointSlice resources can safely assume this behavior." },
      selector: { t: "map[string]string", d: "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/" },
      sessionAffinity: { t: "string", d: "Supports \"ClientIP\" and \"None\". Used to maintain session affinity. Enable client IP based session affinity. Must be ClientIP or None. Defaults to None. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies\n\nPossible enum values:\n - `\"ClientIP\"` is the Client IP based.\n - `\"None\"` - no session affinity.", e: ["ClientIP","None"] },
      sessionAffinityConfig: { t: "SessionAffinityConfig", d: "sessionAffinityConfig contains the configurations of session affinity." },
      trafficDistribution: { t: "string", d: "TrafficDistribution offers a way to express preferences for how traffic is distributed to Service endpoints. Implementations can use this field as a hint, but are not required to guarantee strict adherence. If the field is not set, the implementation will apply its default routing strategy. If set to \"PreferClose\", implementations should prioritize endpoints that are topologically close (e.g., same zone)." },
      type: { t: "string", d: "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types\n\nPossible enum values:\n - `\"ClusterIP\"` means a service will only be accessible inside the cluster, via the cluster IP.\n - `\"ExternalName\"` means a service consists of only a reference to an external name that kubedns or equivalent will return as a CNAME record, with no exposing or proxying of any pods involved.\n - `\"LoadBalancer\"` means a service will be exposed via an external load balancer (if the cloud provider supports it), in addition to 'NodePort' type.\n - `\"NodePort\"` means a service will be exposed on one port of every node, in addition to 'ClusterIP' type.", e: ["ClusterIP","ExternalName","LoadBalancer","NodePort"] },
    },
  },
  ServiceStatus: {
    d: "ServiceStatus represents the current status of a service.",
    f: {
      conditions: { t: "[]Condition", d: "Current service state" },
      loadBalancer: { t: "LoadBalancerStatus", d: "LoadBalancer contains the current status of the load-balancer, if one is present." },
    },
  },
  SessionAffinityConfig: {
    d: "SessionAffinityConfig represents the configurations of session affinity.",
    f: {
      clientIP: { t: "ClientIPConfig", d: "clientIP contains the configurations of Client IP based session affinity." },
    },
  },
  SleepAction: {
    d: "SleepAction describes a \"sleep\" action.",
    f: {
      seconds: { t: "integer", d: "Seconds is the number of seconds to sleep.", r: 1 },
    },
  },
  SuccessPolicy: {
    d: "SuccessPolicy describes when a Job can be declared as succeeded based on the success of some indexes.",
    f: {
      rules: { t: "[]SuccessPolicyRule", d: "rules represents the list of alternative rules for the declaring the Jobs as successful before `.status.succeeded >= .spec.completions`. Once any of the rules are met, the \"SucceededCriteriaMet\" condition is added, and the lingering pods are removed. The terminal state for such a Job has the \"Complete\" condition. Additionally, these rules are evaluated in order; Once the Job meets one of the rules, other rules are ignored. At most 20 elements are allowed.", r: 1 },
    },
  },
  SuccessPolicyRule: {
    d: "SuccessPolicyRule describes rule for declaring a Job as succeeded. Each rule must have at least one of the \"succeededIndexes\" or \"succeededCount\" specified.",
    f: {
      succeededCount: { t: "integer", d: "succeededCount specifies the minimal required size of the actual set of the succeeded indexes for the Job. When succeededCount is used along with succeededIndexes, the check is constrained only to the set of indexes specified by succeededIndexes. For example, given that succeededIndexes is \"1-4\", succeededCount is \"3\", and completed indexes are \"1\", \"3\", and \"5\", the Job isn't declared as succeeded because only \"1\" and \"3\" indexes are considered in that rules. When this field is null, this doesn't default to any value and is never evaluated at any time. When specified it needs to be a positive integer." },
      succeededIndexes: { t: "string", d: "succeededIndexes specifies the set of indexes which need to be contained in the actual set of the succeeded indexes for the Job. The list of indexes must be within 0 to \".spec.completions-1\" and must not contain duplicates. At least one element is required. The indexes are represented as intervals separated by commas. The intervals can be a decimal integer or a pair of decimal integers separated by a hyphen. The number are listed in represented by the first and last element of the series, separated by a hyphen. For example, if the completed indexes are 1, 3, 4, 5 and 7, they are represented as \"1,3-5,7\". When this field is null, this field doesn't default to any value and is never evaluated at any time." },
    },
  },
  Sysctl: {
    d: "Sysctl defines a kernel parameter to be set",
    f: {
      name: { t: "string", d: "Name of a property to set", r: 1 },
      value: { t: "string", d: "Value of a property to set", r: 1 },
    },
  },
  TCPSocketAction: {
    d: "TCPSocketAction describes an action based on opening a socket",
    f: {
      host: { t: "string", d: "Optional: Host name to connect to, defaults to the pod IP." },
      port: { t: "IntOrString", d: "Number or name of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.", r: 1 },
    },
  },
  Taint: {
    d: "The node this Taint is attached to has the \"effect\" on any pod that does not tolerate the Taint.",
    f: {
      effect: { t: "string", d: "Required. The effect of the taint on pods that do not tolerate the taint. Valid effects are NoSchedule, PreferNoSchedule and NoExecute.\n\nPossible enum values:\n - `\"NoExecute\"` Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController.\n - `\"NoSchedule\"` Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler.\n - `\"PreferNoSchedule\"` Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler.", r: 1, e: ["NoExecute","NoSchedule","PreferNoSchedule"] },
      key: { t: "string", d: "Required. The taint key to be applied to a node.", r: 1 },
      timeAdded: { t: "Time", d: "TimeAdded represents the time at which the taint was added. It is only written for NoExecute taints." },
      value: { t: "string", d: "The taint value corresponding to the taint key." },
    },
  },
  Toleration: {
    d: "The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.",
    f: {
      effect: { t: "string", d: "Effect indicates the taint effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.\n\nPossible enum values:\n - `\"NoExecute\"` Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController.\n - `\"NoSchedule\"` Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler.\n - `\"PreferNoSchedule\"` Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler.", e: ["NoExecute","NoSchedule","PreferNoSchedule"] },
      key: { t: "string", d: "Key is the taint key that the toleration applies to. Empty means match all taint keys. If the key is empty, operator must be Exists; this combination means to match all values and all keys." },
      operator: { t: "string", d: "Operator represents a key's relationship to the value. Valid operators are Exists and Equal. Defaults to Equal. Exists is equivalent to wildcard for value, so that a pod can tolerate all taints of a particular category.\n\nPossible enum values:\n - `\"Equal\"`\n - `\"Exists\"`", e: ["Equal","Exists"] },
      tolerationSeconds: { t: "integer", d: "TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute, otherwise this field is ignored) tolerates the taint. By default, it is not set, which means tolerate the taint forever (do not evict). Zero and negative values will be treated as 0 (evict immediately) by the system." },
      value: { t: "string", d: "Value is the taint value the toleration matches to. If the operator is Exists, the value should be empty, otherwise just a regular string." },
    },
  },
  TopologySpreadConstraint: {
    d: "TopologySpreadConstraint specifies how to spread matching pods among the given topology.",
    f: {
      labelSelector: { t: "LabelSelector", d: "LabelSelector is used to find matching pods. Pods that match this label selector are counted to determine the number of pods in their corresponding topology domain." },
      matchLabelKeys: { t: "[]string", d: "MatchLabelKeys is a set of pod label keys to select the pods over which spreading will be calculated. The keys are used to lookup values from the incoming pod labels, those key-value labels are ANDed with labelSelector to select the group of existing pods over which spreading will be calculated for the incoming pod. The same key is forbidden to exist in both MatchLabelKeys and LabelSelector. MatchLabelKeys cannot be set when LabelSelector isn't set. Keys that don't exist in the incoming pod labels will be ignored. A null or empty list means only match against labelSelector.\n\nThis is a beta field and requires the MatchLabelKeysInPodTopologySpread feature gate to be enabled (enabled by default)." },
      maxSkew: { t: "integer", d: "MaxSkew describes the degree to which pods may be unevenly distributed. When `whenUnsatisfiable=DoNotSchedule`, it is the maximum permitted difference between the number of matching pods in the target topology and the global minimum. The global minimum is the minimum number of matching pods in an eligible domain or zero if the number of eligible domains is less than MinDomains. For example, in a 3-zone cluster, MaxSkew is set to 1, and pods with the same labelSelector spread as 2/2/1: In this case, the global minimum is 1. | zone1 | zone2 | zone3 | |  P P  |  P P  |   P   | - if MaxSkew is 1, incoming pod can only be scheduled to zone3 to become 2/2/2; scheduling it onto zone1(zone2) would make the ActualSkew(3-1) on zone1(zone2) violate MaxSkew(1). - if MaxSkew is 2, incoming pod can be scheduled onto any zone. When `whenUnsatisfiable=ScheduleAnyway`, it is used to give higher precedence to topologies that satisfy it. It's a required field. Default value is 1 and 0 is not allowed.", r: 1 },
      minDomains: { t: "integer", d: "MinDomains indicates a minimum number of eligible domains. When the number of eligible domains with matching topology keys is less than minDomains, Pod Topology Spread treats \"global minimum\" as 0, and then the calculation of Skew is performed. And when the number of eligible domains with matching topology keys equals or greater than minDomains, this value has no effect on scheduling. As a result, when the number of eligible domains is less than minDomains, scheduler won't schedule more than maxSkew Pods to those domains. If value is nil, the constraint behaves as if MinDomains is equal to 1. Valid values are integers greater than 0. When value is not nil, WhenUnsatisfiable must be DoNotSchedule.\n\nFor example, in a 3-zone cluster, MaxSkew is set to 2, MinDomains is set to 5 and pods with the same labelSelector spread as 2/2/2: | zone1 | zone2 | zone3 | |  P P  |  P P  |  P P  | The number of domains is less than 5(MinDomains), so \"global minimum\" is treated as 0. In this situation, new pod with the same labelSelector cannot be scheduled, because computed skew will be 3(3 - 0) if new Pod is scheduled to any of the three zones, it will violate MaxSkew." },
      nodeAffinityPolicy: { t: "string", d: "NodeAffinityPolicy indicates how we will treat Pod's nodeAffinity/nodeSelector when calculating pod topology spread skew. Options are: - Honor: only nodes matching nodeAffinity/nodeSelector are included in the calculations. - Ignore: nodeAffinity/nodeSelector are ignored. All nodes are included in the calculations.\n\nIf this value is nil, the behavior is equivalent to the Honor policy. This is a beta-level feature default enabled by the NodeInclusionPolicyInPodTopologySpread feature flag." },
      nodeTaintsPolicy: { t: "string", d: "NodeTaintsPolicy indicates how we will treat node taints when calculating pod topology spread skew. Options are: - Honor: nodes without taints, along with tainted nodes for which the incoming pod has a toleration, are included. - Ignore: node taints are ignored. All nodes are included.\n\nIf this value is nil, the behavior is equivalent to the Ignore policy. This is a beta-level feature default enabled by the NodeInclusionPolicyInPodTopologySpread feature flag." },
      topologyKey: { t: "string", d: "TopologyKey is the key of node labels. Nodes that have a label with this key and identical values are considered to be in the same topology. We consider each <key, value> as a \"bucket\", and try to put balanced number of pods into each bucket. We define a domain as a particular instance of a topology. Also, we define an eligible domain as a domain whose nodes meet the requirements of nodeAffinityPolicy and nodeTaintsPolicy. e.g. If TopologyKey is \"kubernetes.io/hostname\", each Node is a domain of that topology. And, if TopologyKey is \"topology.kubernetes.io/zone\", each zone is a domain of that topology. It's a required field.", r: 1 },
      whenUnsatisfiable: { t: "string", d: "WhenUnsatisfiable indicates how to deal with a pod if it doesn't satisfy the spread constraint. - DoNotSchedule (default) tells the scheduler not to schedule it. - ScheduleAnyway tells the scheduler to schedule the pod in any location,\n  but giving higher precedence to topologies that would help reduce the\n  skew.\nA constraint is considered \"Unsatisfiable\" for an incoming pod if and only if every possible node assignment for that pod would violate \"MaxSkew\" on some topology. For example, in a 3-zone cluster, MaxSkew is set to 1, and pods with the same labelSelector spread as 3/1/1: | zone1 | zone2 | zone3 | | P P P |   P   |   P   | If WhenUnsatisfiable is set to DoNotSchedule, incoming pod can only be scheduled to zone2(zone3) to become 3/2/1(3/1/2) as ActualSkew(2-1) on zone2(zone3) satisfies MaxSkew(1). In other words, the cluster can still be imbalanced, but scheduler won't make it *more* imbalanced. It's a required field.", r: 1 },
    },
  },
  UncountedTerminatedPods: {
    d: "UncountedTerminatedPods holds UIDs of Pods that have terminated but haven't been accounted in Job status counters.",
    f: {
      failed: { t: "[]string", d: "failed holds UIDs of failed Pods." },
      succeeded: { t: "[]string", d: "succeeded holds UIDs of succeeded Pods." },
    },
  },
  Volume: {
    d: "Volume represents a named volume in a pod that may be accessed by any container in the pod.",
    f: {
      awsElasticBlockStore: { t: "AWSElasticBlockStoreVolumeSource", d: "awsElasticBlockStore represents an AWS Disk resource that is attached to a kubelet's host machine and then exposed to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore" },
      azureDisk: { t: "AzureDiskVolumeSource", d: "azureDisk represents an Azure Data Disk mount on the host and bind mount to the pod." },
      azureFile: { t: "AzureFileVolumeSource", d: "azureFile represents an Azure File Service mount on the host and bind mount to the pod." },
      cephfs: { t: "CephFSVolumeSource", d: "cephFS represents a Ceph FS mount on the host that shares a pod's lifetime" },
      cinder: { t: "CinderVolumeSource", d: "cinder represents a cinder volume attached and mounted on kubelets host machine. More info: https://examples.k8s.io/mysql-cinder-pd/README.md" },
      configMap: { t: "ConfigMapVolumeSource", d: "configMap represents a configMap that should populate this volume" },
      csi: { t: "CSIVolumeSource", d: "csi (Container Storage Interface) represents ephemeral storage that is handled by certain external CSI drivers (Beta feature)." },
      downwardAPI: { t: "DownwardAPIVolumeSource", d: "downwardAPI represents downward API about the pod that should populate this volume" },
      emptyDir: { t: "EmptyDirVolumeSource", d: "emptyDir represents a temporary directory that shares a pod's lifetime. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir" },
      ephemeral: { t: "EphemeralVolumeSource", d: "ephemeral represents a volume that is handled by a cluster storage driver. The volume's lifecycle is tied to the pod that defines it - it will be created before the pod starts, and deleted when the pod is removed.\n\nUse this if: a) the volume is only needed while the pod runs, b) features of normal volumes like restoring from snapshot or capacity\n   tracking are needed,\nc) the storage driver is specified through a storage class, and d) the storage driver supports dynamic volume provisioning through\n   a PersistentVolumeClaim (see EphemeralVolumeSource for more\n   information on the connection between this volume type\n   and PersistentVolumeClaim).\n\nUse PersistentVolumeClaim or one of the vendor-specific APIs for volumes that persist for longer than the lifecycle of an individual pod.\n\nUse CSI for light-weight local ephemeral volumes if the CSI driver is meant to be used that way - see the documentation of the driver for more information.\n\nA pod can use both types of ephemeral volumes and persistent volumes at the same time." },
      fc: { t: "FCVolumeSource", d: "fc represents a Fibre Channel resource that is attached to a kubelet's host machine and then exposed to the pod." },
      flexVolume: { t: "FlexVolumeSource", d: "flexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin." },
      flocker: { t: "FlockerVolumeSource", d: "flocker represents a Flocker volume attached to a kubelet's host machine. This depends on the Flocker control service being running" },
      gcePersistentDisk: { t: "GCEPersistentDiskVolumeSource", d: "gcePersistentDisk represents a GCE Disk resource that is attached to a kubelet's host machine and then exposed to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk" },
      gitRepo: { t: "GitRepoVolumeSource", d: "gitRepo represents a git repository at a particular revision. DEPRECATED: GitRepo is deprecated. To provision a container with a git repo, mount an EmptyDir into an InitContainer that clones the repo using git, then mount the EmptyDir into the Pod's container." },
      glusterfs: { t: "GlusterfsVolumeSource", d: "glusterfs represents a Glusterfs mount on the host that shares a pod's lifetime. More info: https://examples.k8s.io/volumes/glusterfs/README.md" },
      hostPath: { t: "HostPathVolumeSource", d: "hostPath represents a pre-existing file or directory on the host machine that is directly exposed to the container. This is generally used for system agents or other privileged things that are allowed to see the host machine. Most containers will NOT need this. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath" },
      iscsi: { t: "ISCSIVolumeSource", d: "iscsi represents an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod. More info: https://examples.k8s.io/volumes/iscsi/README.md" },
      name: { t: "string", d: "name of the volume. Must be a DNS_LABEL and unique within the pod. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names", r: 1 },
      nfs: { t: "NFSVolumeSource", d: "nfs represents an NFS mount on the host that shares a pod's lifetime More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs" },
      persistentVolumeClaim: { t: "PersistentVolumeClaimVolumeSource", d: "persistentVolumeClaimVolumeSource represents a reference to a PersistentVolumeClaim in the same namespace. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims" },
      photonPersistentDisk: { t: "PhotonPersistentDiskVolumeSource", d: "photonPersistentDisk represents a PhotonController persistent disk attached and mounted on kubelets host machine" },
      portworxVolume: { t: "PortworxVolumeSource", d: "portworxVolume represents a portworx volume attached and mounted on kubelets host machine" },
      projected: { t: "ProjectedVolumeSource", d: "projected items for all in one resources secrets, configmaps, and downward API" },
      quobyte: { t: "QuobyteVolumeSource", d: "quobyte represents a Quobyte mount on the host that shares a pod's lifetime" },
      rbd: { t: "RBDVolumeSource", d: "rbd represents a Rados Block Device mount on the host that shares a pod's lifetime. More info: https://examples.k8s.io/volumes/rbd/README.md" },
      scaleIO: { t: "ScaleIOVolumeSource", d: "scaleIO represents a ScaleIO persistent volume attached and mounted on Kubernetes nodes." },
      secret: { t: "SecretVolumeSource", d: "secret represents a secret that should populate this volume. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret" },
      storageos: { t: "StorageOSVolumeSource", d: "storageOS represents a StorageOS volume attached and mounted on Kubernetes nodes." },
      vsphereVolume: { t: "VsphereVirtualDiskVolumeSource", d: "vsphereVolume represents a vSphere volume attached and mounted on kubelets host machine" },
    },
  },
  VolumeDevice: {
    d: "volumeDevice describes a mapping of a raw block device within a container.",
    f: {
      devicePath: { t: "string", d: "devicePath is the path inside of the container that the device will be mapped to.", r: 1 },
      name: { t: "string", d: "name must match the name of a persistentVolumeClaim in the pod", r: 1 },
    },
  },
  VolumeMount: {
    d: "VolumeMount describes a mounting of a Volume within a container.",
    f: {
      mountPath: { t: "string", d: "Path within the container at which the volume should be mounted.  Must not contain ':'.", r: 1 },
      mountPropagation: { t: "string", d: "mountPropagation determines how mounts are propagated from the host to container and the other way around. When not set, MountPropagationNone is used. This field is beta in 1.10. When RecursiveReadOnly is set to IfPossible or to Enabled, MountPropagation must be None or unspecified (which defaults to None)." },
      name: { t: "string", d: "This must match the Name of a Volume.", r: 1 },
      readOnly: { t: "boolean", d: "Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false." },
      recursiveReadOnly: { t: "string", d: "RecursiveReadOnly specifies whether read-only mounts should be handled recursively.\n\nIf ReadOnly is false, this field has no meaning and must be unspecified.\n\nIf ReadOnly is true, and this field is set to Disabled, the mount is not made recursively read-only.  If this field is set to IfPossible, the mount is made recursively read-only, if it is supported by the container runtime.  If this field is set to Enabled, the mount is made recursively read-only if it is supported by the container runtime, otherwise the pod will not be started and an error will be generated to indicate the reason.\n\nIf this field is set to IfPossible or Enabled, MountPropagation must be set to None (or be unspecified, which defaults to None).\n\nIf this field is not specified, it is treated as an equivalent of Disabled." },
      subPath: { t: "string", d: "Path within the volume from which the container's volume should be mounted. Defaults to \"\" (volume's root)." },
      subPathExpr: { t: "string", d: "Expanded path within the volume from which the container's volume should be mounted. Behaves similarly to SubPath but environment variable references $(VAR_NAME) are expanded using the container's environment. Defaults to \"\" (volume's root). SubPathExpr and SubPath are mutually exclusive." },
    },
  },
  VolumeMountStatus: {
    d: "VolumeMountStatus shows status of volume mounts.",
    f: {
      mountPath: { t: "string", d: "MountPath corresponds to the original VolumeMount.", r: 1 },
      name: { t: "string", d: "Name corresponds to the name of the original VolumeMount.", r: 1 },
      readOnly: { t: "boolean", d: "ReadOnly corresponds to the original VolumeMount." },
      recursiveReadOnly: { t: "string", d: "RecursiveReadOnly must be set to Disabled, Enabled, or unspecified (for non-readonly mounts). An IfPossible value in the original VolumeMount must be translated to Disabled or Enabled, depending on the mount result." },
    },
  },
  WeightedPodAffinityTerm: {
    d: "The weights of all of the matched WeightedPodAffinityTerm fields are added per-node to find the most preferred node(s)",
    f: {
      podAffinityTerm: { t: "PodAffinityTerm", d: "Required. A pod affinity term, associated with the corresponding weight.", r: 1 },
      weight: { t: "integer", d: "weight associated with matching the corresponding podAffinityTerm, in the range 1-100.", r: 1 },
    },
  },
};
