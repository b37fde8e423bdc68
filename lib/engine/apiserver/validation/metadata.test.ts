import { describe, expect, it } from "vitest";
import { applyDefaults, prepareForCreate } from "../defaults";
import { decodeError, errorString, validateCreate, warningsFor } from "./index";
import type { Obj } from "./json";

const create = (o: Obj) => validateCreate(prepareForCreate(applyDefaults(o))).map(errorString);
const cm = (metadata: Obj): Obj => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "default", ...metadata } });

describe("object metadata", () => {
  it("requires a name", () => {
    expect(create(cm({}))).toEqual(["metadata.name: Required value: name or generateName is required"]);
  });

  it("checks generateName as a prefix (a trailing dash is fine)", () => {
    expect(create(cm({ generateName: "web-", name: "web-x7k2p" }))).toEqual([]);
    expect(create(cm({ generateName: "Web-", name: "Web-x7k2p" }))).toEqual([
      `metadata.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      `metadata.name: Invalid value: "Web-x7k2p": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });

  it("checks label keys and values", () => {
    expect(create(cm({ name: "c", labels: { "app.kubernetes.io/name": "web", tier: "" } }))).toEqual([]);
    expect(create(cm({ name: "c", labels: { version: "v".repeat(64) } }))).toEqual([
      `metadata.labels: Invalid value: "${"v".repeat(64)}": must be no more than 63 characters`,
    ]);
    expect(create(cm({ name: "c", labels: { "Example.com/app": "web" } }))).toEqual([
      `metadata.labels: Invalid value: "Example.com/app": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });

  it("checks annotation keys case-insensitively", () => {
    expect(create(cm({ name: "c", annotations: { "Example.com/Owner": "me" } }))).toEqual([]);
    expect(create(cm({ name: "c", annotations: { "owner name": "me" } }))).toEqual([
      `metadata.annotations: Invalid value: "owner name": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });

  it("forbids a namespace on cluster-scoped kinds and checks finalizers", () => {
    expect(create({ apiVersion: "v1", kind: "Node", metadata: { name: "n1", namespace: "default" } })).toEqual([
      "metadata.namespace: Forbidden: not allowed on this type",
    ]);
    expect(create(cm({ name: "c", finalizers: ["cleanup"] }))).toEqual([
      'metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });
});

describe("decode errors", () => {
  it("reports wrong JSON types like encoding/json", () => {
    expect(decodeError({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: "3" } })).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(
      decodeError({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "d" },
        spec: { template: { spec: { containers: [{ name: "c", image: "x", env: [{ name: "PORT", value: 8080 }] }] } } },
      }),
    ).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    );
    expect(decodeError({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "x", command: "sleep 10" }] } })).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string',
    );
    expect(decodeError({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "x", ports: [{ containerPort: 80.5 }] }] } })).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
  });

  it("reports a bad quantity with the resource.Quantity error", () => {
    expect(
      decodeError({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "x", resources: { limits: { cpu: "12x" } } }] } }),
    ).toBe(
      `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
    expect(decodeError({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "x" }] } })).toBeNull();
  });
});

describe("warnings", () => {
  it("prefixes template paths with spec.template", () => {
    const d = applyDefaults({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "d", namespace: "default" },
      spec: {
        selector: { matchLabels: { a: "b" } },
        template: {
          metadata: { labels: { a: "b" } },
          spec: {
            nodeSelector: { "beta.kubernetes.io/os": "linux" },
            containers: [
              {
                name: "c",
                image: "x",
                env: [
                  { name: "A", value: "1" },
                  { name: "A", value: "2" },
                ],
                resources: { requests: { memory: "0.5" } },
              },
            ],
          },
        },
      },
    });
    expect(warningsFor(d)).toEqual([
      'spec.template.spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead',
      'spec.template.spec.containers[0].resources.requests[memory]: fractional byte value "500m" is invalid, must be an integer',
      'spec.template.spec.containers[0].env[1]: hides previous definition of "A", which may be dropped when using apply',
    ]);
  });
});
