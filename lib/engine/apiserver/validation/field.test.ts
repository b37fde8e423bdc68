import { describe, expect, it } from "vitest";
import {
  aggregate,
  duplicate,
  errorBody,
  errorString,
  forbidden,
  invalid,
  invalidStatus,
  kubectlInvalidMessage,
  notFound,
  notSupported,
  path,
  required,
  tooLong,
  tooMany,
} from "./field";
import { GoValue, goQuote, goSlice, goStringMap } from "./go-format";

describe("Path", () => {
  it("joins fields with dots and subscripts with brackets", () => {
    expect(path("spec").child("containers").index(0).child("image").toString()).toBe("spec.containers[0].image");
    expect(path("spec", "hard").key("pods").toString()).toBe("spec.hard[pods]");
    expect(path("metadata").child("annotations").key("kubernetes.io/config.mirror").toString()).toBe(
      "metadata.annotations[kubernetes.io/config.mirror]",
    );
  });

  it("prints an empty root as [] like field.NewPath(\"\")", () => {
    expect(path("").toString()).toBe("[]");
  });
});

describe("error formatting", () => {
  it("omits the value for Required, Forbidden and TooLong", () => {
    expect(errorString(required(path("spec", "containers").index(0).child("image")))).toBe("spec.containers[0].image: Required value");
    expect(errorString(required(path("metadata", "name"), "name or generateName is required"))).toBe(
      "metadata.name: Required value: name or generateName is required",
    );
    expect(errorString(forbidden(path("spec", "ports").index(0).child("nodePort"), "may not be used when `type` is 'ClusterIP'"))).toBe(
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
    expect(errorString(tooLong(path("metadata", "annotations"), 262144))).toBe("metadata.annotations: Too long: must have at most 262144 bytes");
  });

  it("quotes strings and prints numbers and Go literals as %#v does", () => {
    expect(errorBody(invalid(path("x"), "My_App", "bad"))).toBe('Invalid value: "My_App": bad');
    expect(errorBody(invalid(path("x"), 70000, "must be between 1 and 65535, inclusive"))).toBe(
      "Invalid value: 70000: must be between 1 and 65535, inclusive",
    );
    expect(errorBody(invalid(path("x"), null, "oops"))).toBe("Invalid value: null: oops");
    expect(errorBody(invalid(path("x"), goStringMap({ b: "2", app: "nginx" }), "d"))).toBe(
      'Invalid value: map[string]string{"app":"nginx", "b":"2"}: d',
    );
    expect(errorBody(invalid(path("x"), goStringMap(null), "d"))).toBe("Invalid value: map[string]string(nil): d");
    expect(errorBody(invalid(path("x"), goSlice(["a", "b"], "[]string"), "d"))).toBe('Invalid value: []string{"a", "b"}: d');
    expect(errorBody(duplicate(path("x"), new GoValue("core.Foo{}")))).toBe("Duplicate value: core.Foo{}");
    expect(errorBody(notFound(path("x"), "data"))).toBe('Not found: "data"');
    expect(errorBody(tooMany(path("x"), 25, 20))).toBe("Too many: 25: must have at most 20 items");
  });

  it("escapes like strconv.Quote", () => {
    expect(goQuote('a"b\\c\n\t')).toBe('"a\\"b\\\\c\\n\\t"');
    expect(goQuote("\x01")).toBe('"\\x01"');
    expect(goQuote("héllo")).toBe('"héllo"');
  });

  it("lists supported values quoted, in the order given", () => {
    const e = notSupported(path("spec", "restartPolicy"), "Sometimes", ["Always", "OnFailure", "Never"]);
    expect(errorString(e)).toBe('spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"');
  });
});

describe("aggregate and status", () => {
  const a = required(path("spec", "selector"));
  const b = invalid(path("spec", "template", "metadata", "labels"), goStringMap({ app: "nginx" }), "`selector` does not match template `labels`");

  it("prints one error bare and several in brackets, dropping duplicates", () => {
    expect(aggregate([a])).toBe("spec.selector: Required value");
    expect(aggregate([a, b, a])).toBe(
      '[spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`]',
    );
  });

  it("builds the 422 Status with one cause per error", () => {
    const st = invalidStatus("Deployment", "apps", "nginx", [a, b]);
    expect(st.code).toBe(422);
    expect(st.reason).toBe("Invalid");
    expect(st.message).toBe(
      'Deployment.apps "nginx" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`]',
    );
    expect(st.details).toEqual({
      name: "nginx",
      group: "apps",
      kind: "Deployment",
      causes: [
        { reason: "FieldValueRequired", message: "Required value", field: "spec.selector" },
        {
          reason: "FieldValueInvalid",
          message: 'Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
          field: "spec.template.metadata.labels",
        },
      ],
    });
    expect(invalidStatus("Pod", "", "p", [a]).message).toBe('Pod "p" is invalid: spec.selector: Required value');
  });

  it("renders what kubectl prints for an Invalid status", () => {
    expect(kubectlInvalidMessage(invalidStatus("Deployment", "apps", "nginx", [b]))).toBe(
      'The Deployment "nginx" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`\n',
    );
    expect(kubectlInvalidMessage(invalidStatus("Deployment", "apps", "nginx", [a, b]))).toBe(
      'The Deployment "nginx" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`\n',
    );
  });
});
