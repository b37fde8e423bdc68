import { describe, expect, it } from "vitest";
import { kubernetesService, webDeployment, webPods } from "./__fixtures__/cluster";
import { formatFloatG, goSharpV, goSprint, marshalJSON } from "./gofmt";
import { evaluateJsonPath, relaxedJsonPathExpression } from "./jsonpath";
import { formatName, printObjects } from "./object-output";
import type { JsonValue, KubeObject } from "./types";
import { toYaml, yamlSortKeys } from "./yaml";

const lines = (...l: string[]) => `${l.join("\n")}\n`;
const pod = webPods[0]!;

describe("-o yaml", () => {
  it("prints a pod the way kubectl does", () => {
    const p: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: "web",
        namespace: "default",
        resourceVersion: "1234",
        creationTimestamp: "2024-01-15T11:30:00Z",
        labels: { app: "web" },
      },
      spec: {
        containers: [
          {
            name: "nginx",
            image: "nginx:1.27",
            ports: [{ containerPort: 80, protocol: "TCP" }],
            resources: {},
            args: ["--port", "80"],
          },
        ],
        dnsPolicy: "ClusterFirst",
        securityContext: {},
        tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }],
      },
      status: {
        conditions: [{ type: "Ready", status: "True", lastProbeTime: null, lastTransitionTime: "2024-01-15T11:30:02Z" }],
        phase: "Running",
      },
    };
    expect(printObjects([p], "yaml").stdout).toBe(
      lines(
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        '  creationTimestamp: "2024-01-15T11:30:00Z"',
        "  labels:",
        "    app: web",
        "  name: web",
        "  namespace: default",
        '  resourceVersion: "1234"',
        "spec:",
        "  containers:",
        "  - args:",
        "    - --port",
        '    - "80"',
        "    image: nginx:1.27",
        "    name: nginx",
        "    ports:",
        "    - containerPort: 80",
        "      protocol: TCP",
        "    resources: {}",
        "  dnsPolicy: ClusterFirst",
        "  securityContext: {}",
        "  tolerations:",
        "  - effect: NoExecute",
        "    key: node.kubernetes.io/not-ready",
        "    operator: Exists",
        "    tolerationSeconds: 300",
        "status:",
        "  conditions:",
        "  - lastProbeTime: null",
        '    lastTransitionTime: "2024-01-15T11:30:02Z"',
        '    status: "True"',
        "    type: Ready",
        "  phase: Running",
      ),
    );
  });

  it("wraps several objects (or a collection) in a v1 List", () => {
    const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1" } };
    const out = lines("apiVersion: v1", "items:", "- apiVersion: v1", "  data:", '    a: "1"', "  kind: ConfigMap", "  metadata:", "    name: c", "kind: List", "metadata:", '  resourceVersion: ""');
    expect(printObjects([cm], "yaml", { asList: true }).stdout).toBe(out);
    expect(printObjects([], "yaml").stdout).toBe(lines("apiVersion: v1", "items: []", "kind: List", "metadata:", '  resourceVersion: ""'));
  });

  it("separates documents with --- when objects are printed one by one", () => {
    const a: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "a" } };
    const b: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "b" } };
    expect(printObjects([a, b], "yaml", { separateDocuments: true }).stdout).toBe(
      lines("apiVersion: v1", "kind: Namespace", "metadata:", "  name: a", "---", "apiVersion: v1", "kind: Namespace", "metadata:", "  name: b"),
    );
  });

  it("quotes strings only when they would read back as something else", () => {
    expect(
      toYaml({
        port: "80",
        flag: "true",
        yes: "yes",
        empty: "",
        nul: "null",
        octal: "0755",
        float: "1.5",
        time: "2024-01-15T10:00:00Z",
        sexagesimal: "10:30",
        ip: "10.96.0.1",
        image: "nginx:1.27",
        url: "https://example.com/x?a=b",
        star: "*",
        colon: "a: b",
        hash: "a #b",
        quote: "It's",
        both: "a'b: c",
        tab: "a\tb",
        trailing: "a ",
        emoji: "😀",
      }),
    ).toBe(
      lines(
        "both: 'a''b: c'",
        "colon: 'a: b'",
        'emoji: "\\U0001F600"',
        'empty: ""',
        'flag: "true"',
        'float: "1.5"',
        "hash: 'a #b'",
        "image: nginx:1.27",
        "ip: 10.96.0.1",
        'nul: "null"',
        'octal: "0755"',
        'port: "80"',
        "quote: It's",
        'sexagesimal: "10:30"',
        "star: '*'",
        'tab: "a\\tb"',
        'time: "2024-01-15T10:00:00Z"',
        "trailing: 'a '",
        "url: https://example.com/x?a=b",
        '"yes": "yes"',
      ),
    );
  });

  it("quotes keys like values (y and n are booleans in YAML 1.1)", () => {
    expect(toYaml({ y: 1, n: 2, "80": 3, x: 4 })).toBe(lines('"80": 3', '"n": 2', "x: 4", '"y": 1'));
  });

  it("prints multi-line strings as literal blocks with chomping indicators", () => {
    expect(toYaml({ a: "line1\nline2\n", b: "line1\nline2", c: "a\n\n", d: "  indented\n", e: "trailing \nspace" })).toBe(
      lines("a: |", "  line1", "  line2", "b: |-", "  line1", "  line2", "c: |+", "  a", "", "d: |2", "    indented", 'e: "trailing \\nspace"'),
    );
  });

  it("folds long scalars after column 80, as in scheduler messages", () => {
    const message =
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";
    expect(toYaml({ status: { conditions: [{ message, reason: "Unschedulable" }] } })).toBe(
      lines(
        "status:",
        "  conditions:",
        "  - message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:",
        "      }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is",
        "      not helpful for scheduling, 2 No preemption victims found for incoming pod.'",
        "    reason: Unschedulable",
      ),
    );
    expect(toYaml({ x: "this is a long plain scalar without any special characters that goes well beyond eighty columns" })).toBe(
      lines("x: this is a long plain scalar without any special characters that goes well beyond", "  eighty columns"),
    );
  });

  it("prints empty maps and lists in flow style and nested lists indented", () => {
    expect(toYaml({ a: {}, b: [], c: [[1, 2], { x: 1 }], d: 0.5, e: null, f: false })).toBe(
      lines("a: {}", "b: []", "c:", "- - 1", "  - 2", "- x: 1", "d: 0.5", "e: null", "f: false"),
    );
  });

  it("orders keys like go-yaml: non-letters before letters, digit runs by value", () => {
    expect(yamlSortKeys(["a10", "a9", "_x", "A", "a", "b-c", "b1", "B", "a.b", "a0", "a01"])).toEqual([
      "_x",
      "A",
      "B",
      "a",
      "a.b",
      "a0",
      "a01",
      "a9",
      "a10",
      "b-c",
      "b1",
    ]);
  });
});

describe("-o json", () => {
  it("indents by four spaces with sorted keys", () => {
    const cm: KubeObject = { kind: "ConfigMap", apiVersion: "v1", metadata: { name: "c", labels: {} }, data: { b: "<2>", a: "x&y" } };
    expect(printObjects([cm], "json").stdout).toBe(
      lines(
        "{",
        '    "apiVersion": "v1",',
        '    "data": {',
        '        "a": "x\\u0026y",',
        '        "b": "\\u003c2\\u003e"',
        "    },",
        '    "kind": "ConfigMap",',
        '    "metadata": {',
        '        "labels": {},',
        '        "name": "c"',
        "    }",
        "}",
      ),
    );
  });

  it("prints a List for collections", () => {
    expect(printObjects([], "json").stdout).toBe(
      lines("{", '    "apiVersion": "v1",', '    "items": [],', '    "kind": "List",', '    "metadata": {', '        "resourceVersion": ""', "    }", "}"),
    );
  });
});

describe("-o name", () => {
  it("prints kind.group/name", () => {
    expect(printObjects([pod, kubernetesService, webDeployment], "name").stdout).toBe(
      lines("pod/web-5d8f7c9b4-2jxkq", "service/kubernetes", "deployment.apps/web"),
    );
    expect(formatName(webDeployment, "scaled")).toBe("deployment.apps/web scaled");
    expect(formatName({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "pi" } }, "created")).toBe("job.batch/pi created");
  });
});

describe("-o jsonpath", () => {
  const list = { asList: true };

  it("prints names of a list, space-separated and without a newline", () => {
    expect(printObjects(webPods, "jsonpath={.items[*].metadata.name}", list).stdout).toBe(
      "web-5d8f7c9b4-2jxkq web-5d8f7c9b4-9tqvn",
    );
  });

  it("ranges, with quoted text for newlines", () => {
    expect(printObjects(webPods, 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}', list).stdout).toBe(
      "web-5d8f7c9b4-2jxkq\t10.244.1.2\nweb-5d8f7c9b4-9tqvn\t10.244.1.3\n",
    );
    expect(printObjects(webPods, "jsonpath={range .items[*]}{.metadata.name}{'\\n'}{end}", list).stdout).toBe(
      "web-5d8f7c9b4-2jxkq\nweb-5d8f7c9b4-9tqvn\n",
    );
  });

  it("filters, indexes, slices and recursive descent", () => {
    expect(printObjects([pod], 'jsonpath={.status.conditions[?(@.type=="Ready")].status}').stdout).toBe("True");
    expect(printObjects(webPods, "jsonpath={.items[0].metadata.name}", list).stdout).toBe("web-5d8f7c9b4-2jxkq");
    expect(printObjects(webPods, "jsonpath={.items[-1:].metadata.name}", list).stdout).toBe("web-5d8f7c9b4-9tqvn");
    expect(printObjects([pod], "jsonpath={..image}").stdout).toBe("nginx:1.27 docker.io/library/nginx:1.27");
    expect(printObjects([pod], "jsonpath={.spec.containers[*]['name','image']}").stdout).toBe("nginx nginx:1.27");
    expect(printObjects([pod], "jsonpath={.spec.tolerations[?(@.tolerationSeconds>=300)].key}").stdout).toBe(
      "node.kubernetes.io/not-ready node.kubernetes.io/unreachable",
    );
  });

  it("prints literal text, and maps and lists as JSON", () => {
    expect(printObjects([pod], "jsonpath=name: {.metadata.name}").stdout).toBe("name: web-5d8f7c9b4-2jxkq");
    expect(printObjects([pod], "jsonpath={.metadata.labels}").stdout).toBe('{"app":"web","pod-template-hash":"5d8f7c9b4"}');
    expect(printObjects([pod], "jsonpath={.spec.containers[0].ports}").stdout).toBe('[{"containerPort":80,"protocol":"TCP"}]');
    expect(printObjects([pod], "jsonpath={.status.containerStatuses[0].ready} {.spec.priority}").stdout).toBe("true 0");
  });

  it("prints nothing for missing keys", () => {
    expect(printObjects([pod], "jsonpath={.spec.nope}").stdout).toBe("");
    expect(printObjects([pod], "jsonpath={.status.conditions[?(@.nope==\"x\")].type}").stdout).toBe("");
  });

  it("reports parse errors like kubectl", () => {
    expect(printObjects([pod], "jsonpath={.metadata.name")).toEqual({
      stdout: "",
      stderr: "error: error parsing jsonpath {.metadata.name, unclosed action\n",
      exitCode: 1,
    });
    expect(printObjects([pod], "jsonpath={.items[x]}").stderr).toBe("error: error parsing jsonpath {.items[x]}, invalid array index x\n");
    expect(printObjects([pod], "jsonpath={#}").stderr).toBe("error: error parsing jsonpath {#}, unrecognized character in action: U+0023 '#'\n");
    expect(printObjects([pod], "jsonpath=").stderr).toBe("error: template format specified but no template given\n");
  });

  it("reports execution errors with the template and the object", () => {
    const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } };
    const r = printObjects([ns], "jsonpath={.items[5].metadata.name}", list);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'error: error executing jsonpath "{.items[5].metadata.name}": Error executing template: array index out of bounds: index 5, length 1. Printing more information for debugging the template:\n' +
        "\ttemplate was:\n" +
        "\t\t{.items[5].metadata.name}\n" +
        "\tobject given to jsonpath engine was:\n" +
        '\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{map[string]interface {}{"apiVersion":"v1", "kind":"Namespace", "metadata":map[string]interface {}{"name":"dev"}}}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}\n' +
        "\n\n",
    );
  });

  it("jsonpath-as-json prints each result group as an indented JSON array", () => {
    expect(printObjects(webPods, "jsonpath-as-json={.items[*].metadata.name}", list).stdout).toBe(
      lines("[", '    "web-5d8f7c9b4-2jxkq",', '    "web-5d8f7c9b4-9tqvn"', "]"),
    );
  });

  it("rejects unknown formats with the allowed list", () => {
    expect(printObjects([pod], "xml").stderr).toBe(
      'error: unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });
});

describe("-o custom-columns", () => {
  it("prints one row per object and <none> for missing values", () => {
    const pending: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "pending" }, spec: { containers: [{ name: "a", image: "busybox" }, { name: "b", image: "redis:7" }] } };
    expect(printObjects([pod, pending], "custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IMAGES:.spec.containers[*].image").stdout).toBe(
      lines("NAME                  NODE     IMAGES", "web-5d8f7c9b4-2jxkq   node01   nginx:1.27", "pending               <none>   busybox,redis:7"),
    );
  });

  it("accepts relaxed paths, prints maps Go-style and honours --no-headers", () => {
    expect(printObjects([pod], "custom-columns=N:metadata.name,L:{.metadata.labels}", { noHeaders: true }).stdout).toBe(
      "web-5d8f7c9b4-2jxkq   map[app:web pod-template-hash:5d8f7c9b4]\n",
    );
  });

  it("rejects malformed specs", () => {
    expect(printObjects([pod], "custom-columns=NAME").stderr).toBe(
      "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n",
    );
    expect(printObjects([pod], "custom-columns=").stderr).toBe("error: custom-columns format specified but no custom columns given\n");
  });
});

describe("jsonpath engine", () => {
  const data = { a: [{ n: 1 }, { n: 2 }, { n: 3 }], s: "x", nested: { b: { n: 9 } } } as JsonValue;

  it("steps through slices", () => {
    expect(evaluateJsonPath("{.a[0:3:2].n}", data)).toBe("1 3");
    expect(evaluateJsonPath("{.a[1:].n}", data)).toBe("2 3");
    expect(evaluateJsonPath("{.a[-2].n}", data)).toBe("2");
  });

  it("handles nested ranges and empty ranges", () => {
    expect(evaluateJsonPath("{range .a[*]}[{.n}]{end}|", data)).toBe("[1][2][3]|");
    expect(evaluateJsonPath("{range .missing[*]}[{.n}]{end}done", data)).toBe("done");
  });

  it("reports out-of-range indexes and bad comparisons", () => {
    expect(() => evaluateJsonPath("{.a[3]}", data)).toThrow("array index out of bounds: index 3, length 3");
    expect(() => evaluateJsonPath("{.s[0]}", data)).toThrow("string is not array or slice");
    expect(() => evaluateJsonPath('{.a[?(@.n=="1")]}', data)).toThrow("incompatible types for comparison");
    expect(() => evaluateJsonPath("{end}", data)).toThrow("not in range, nothing to end");
  });

  it("relaxes custom-columns paths", () => {
    expect(relaxedJsonPathExpression("metadata.name")).toBe("{.metadata.name}");
    expect(relaxedJsonPathExpression("{.metadata.name}")).toBe("{.metadata.name}");
  });
});

describe("Go value formatting", () => {
  it("formats floats like strconv 'g'", () => {
    expect(formatFloatG(0.5)).toBe("0.5");
    expect(formatFloatG(1234567.5)).toBe("1.2345675e+06");
    expect(formatFloatG(0.00001)).toBe("1e-05");
  });

  it("prints %v and %#v of decoded JSON", () => {
    expect(goSprint({ b: [1, "x"], a: null })).toBe("map[a:<nil> b:[1 x]]");
    expect(goSharpV({ k: [true, 1.5, "q\""] })).toBe('map[string]interface {}{"k":[]interface {}{true, 1.5, "q\\""}}');
  });

  it("marshals JSON compactly", () => {
    expect(marshalJSON({ b: 1, a: [true, null] })).toBe('{"a":[true,null],"b":1}');
  });
});
