// Output formatting of the simulated kubectl: tables (`kubectl get`), object formats (-o yaml,
// json, name, jsonpath, custom-columns) and `kubectl describe`, byte for byte as kubectl prints
// them. Pure functions of plain API objects and the sandbox clock.

export type { Millis } from "../../../clock";
export type * from "./types";

// Durations and times
export { humanDuration, shortHumanDuration, translateTimestampSince, translateTimestampUntil } from "./duration";
export { formatRFC1123Z, formatRFC3339, parseTime } from "./time";

// Alignment
export { KUBECTL_DESCRIBE, KUBECTL_TABLE, TabWriter, tabulate, type TabWriterSettings } from "./tabwriter";

// kubectl get tables
export { noResourcesFound, printGet, printTable, TableStream, type GetOptions, type PrintResult, type TableOptions } from "./tables";
export { jobStatus, nodeRoles, nodeStatus, podSummary, servicePorts, type PodSummary } from "./table-rows";

// Object formats
export {
  ALLOWED_FORMATS,
  asListObject,
  formatName,
  printCustomColumns,
  printObjects,
  toJsonValue,
  unknownFormatError,
  type ObjectOutputOptions,
  type OutputResult,
} from "./object-output";
export { toYaml } from "./yaml";
export { marshalJSON } from "./gofmt";
export { JsonPath, JsonPathError, evaluateJsonPath, relaxedJsonPathExpression, type JsonPathOptions } from "./jsonpath";

// Describe
export { describe, describeProbe, joinDescriptions, podQOSClass, type DescribeOptions, type DescribeRelated } from "./describe";

// Helpers the command layer needs for the same rules
export { formatLabels, formatLabelSelector, selectorString } from "./labels";
export { groupKindString, kindInfo, qualifiedKind, type KindInfo } from "./kinds";
export { canonicalQuantity, formatQuantity, parseQuantity, type Quantity } from "./quantity";
