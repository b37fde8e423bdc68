import { describe, expect, it } from "vitest";
import { applyCompletion, commonPrefix, formatColumns, type CompletionReply } from "@/app/_components/sandbox/completion";

const reply = (from: number, to: number, matches: string[], display = matches): CompletionReply => ({ from, to, matches, display });

describe("what Tab does in the terminal", () => {
  it("completes a single match with a space after it", () => {
    const line = "kubectl describe pod ng";
    expect(applyCompletion(line, line.length, reply(21, 23, ["nginx-7c79c4bf97-x2k9p"]), false)).toEqual({ line: "kubectl describe pod nginx-7c79c4bf97-x2k9p ", cursor: 44 });
  });

  it("adds no space after a directory, a flag's = or a type/", () => {
    expect(applyCompletion("cd /etc/kube", 12, reply(3, 12, ["/etc/kubernetes/"]), false)).toEqual({ line: "cd /etc/kubernetes/", cursor: 19 });
    expect(applyCompletion("kubectl get -o js", 17, reply(15, 17, ["jsonpath="]), false).line).toBe("kubectl get -o jsonpath=");
  });

  it("completes in the middle of a line, stepping over a space that is already there", () => {
    const line = "kubectl desc pod web";
    const result = applyCompletion(line, 12, reply(8, 12, ["describe"]), false);
    expect(result).toEqual({ line: "kubectl describe pod web", cursor: 17 });
  });

  it("completes the common prefix of several matches, and lists them on the second Tab", () => {
    const line = "kubectl logs ng";
    const matches = ["nginx-7c79c4bf97-abcde", "nginx-7c79c4bf97-fghij"];
    const first = applyCompletion(line, line.length, reply(13, 15, matches), false);
    expect(first).toEqual({ line: "kubectl logs nginx-7c79c4bf97-", cursor: 30 });
    const answer = reply(13, 30, matches);
    // The prefix cannot grow: a first Tab does nothing, a second one lists.
    expect(applyCompletion(first.line, first.cursor, answer, false)).toEqual({ line: first.line, cursor: first.cursor });
    expect(applyCompletion(first.line, first.cursor, answer, true)).toEqual({ line: first.line, cursor: first.cursor, list: matches });
  });

  it("lists file names without their directory, and does nothing without matches", () => {
    const files = reply(4, 11, ["/etc/hostname", "/etc/hosts"], ["hostname", "hosts"]);
    expect(applyCompletion("cat /etc/ho", 11, files, false).line).toBe("cat /etc/host");
    expect(applyCompletion("cat /etc/host", 13, { ...files, to: 13 }, true).list).toEqual(["hostname", "hosts"]);
    expect(applyCompletion("frobnicate", 10, reply(0, 10, []), true)).toEqual({ line: "frobnicate", cursor: 10 });
  });

  it("finds common prefixes", () => {
    expect(commonPrefix(["deploy", "deployment", "deployments"])).toBe("deploy");
    expect(commonPrefix(["a"])).toBe("a");
    expect(commonPrefix([])).toBe("");
  });

  it("lays a listing out in columns, top to bottom, as bash does", () => {
    const items = ["annotate", "apply", "auth", "config", "cordon", "create", "delete"];
    expect(formatColumns(items, 40)).toEqual(["annotate  auth      cordon    delete", "apply     config    create"]);
    expect(formatColumns(items, 8)).toEqual(items);
  });
});
