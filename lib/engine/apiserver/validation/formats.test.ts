import { describe, expect, it } from "vitest";
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isRelaxedEnvVarName,
  isEnvVarName,
  isValidLabelValue,
  isValidPortName,
  parseIP,
} from "./formats";

describe("DNS names", () => {
  it("explains an invalid subdomain", () => {
    expect(isDNS1123Subdomain("My_App")).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isDNS1123Subdomain("web.example.com")).toEqual([]);
    expect(isDNS1123Subdomain("a".repeat(254))[0]).toBe("must be no more than 253 characters");
  });

  it("explains an invalid label (with upstream's double space before 'or')", () => {
    expect(isDNS1123Label("my.app")).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1035Label("1web")).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1123Label("a".repeat(64))).toEqual([
      "must be no more than 63 characters",
    ]);
  });
});

describe("labels and keys", () => {
  it("checks qualified names part by part", () => {
    expect(isQualifiedName("app.kubernetes.io/name")).toEqual([]);
    expect(isQualifiedName("my app")).toEqual([
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
    expect(isQualifiedName("/x")).toEqual(["prefix part must be non-empty"]);
    expect(isQualifiedName("a/b/c")).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });

  it("checks label values", () => {
    expect(isValidLabelValue("")).toEqual([]);
    expect(isValidLabelValue("v1.0_beta")).toEqual([]);
    expect(isValidLabelValue("-bad")).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it("checks config keys", () => {
    expect(isConfigMapKey("app.properties")).toEqual([]);
    expect(isConfigMapKey("..data")).toEqual(["must not start with '..'"]);
    expect(isConfigMapKey("a b")[0]).toBe(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  });

  it("checks port names and env names", () => {
    expect(isValidPortName("http")).toEqual([]);
    expect(isValidPortName("HTTP-web-server-port")).toEqual([
      "must be no more than 15 characters",
      "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
    ]);
    expect(isValidPortName("8080")).toEqual(["must contain at least one letter (a-z)"]);
    expect(isRelaxedEnvVarName("MY VAR")).toEqual([]);
    expect(isRelaxedEnvVarName("A=B")).toEqual(["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
    expect(isEnvVarName("1A")).toHaveLength(1);
  });

  it("parses IP addresses like ParseIPSloppy", () => {
    expect(parseIP("10.0.0.1")).toEqual({ v4: [10, 0, 0, 1] });
    expect(parseIP("010.0.0.1")).toEqual({ v4: [10, 0, 0, 1] });
    expect(parseIP("256.0.0.1")).toBeNull();
    expect(parseIP("fd00::1")).not.toBeNull();
    expect(parseIP("::ffff:10.0.0.1")).not.toBeNull();
    expect(parseIP("fd00:::1")).toBeNull();
  });
});
