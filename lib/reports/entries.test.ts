import { describe, expect, it } from "vitest";
import { controlEntry } from "@/lib/engine/sandbox";
import { MASKED, normalizeCommand, showEntry } from "./entries";

describe("log entries as people read them", () => {
  it("names the terminal's control actions, Ctrl-D included, and hides nothing else", () => {
    expect(showEntry(controlEntry({ action: "interrupt" }))).toEqual({ kind: "interrupt", text: "" });
    expect(showEntry(controlEntry({ action: "eof" }))).toEqual({ kind: "eof", text: "" });
    expect(showEntry(controlEntry({ action: "close" }))).toEqual({ kind: "close", text: "" });
    expect(showEntry(controlEntry({ action: "save", content: "apiVersion: v1" }))).toEqual({ kind: "save", text: "" });
    expect(showEntry("\u0000not json")).toEqual({ kind: "command", text: "" });
    expect(showEntry("kubectl get pods")).toEqual({ kind: "command", text: "kubectl get pods" });
    expect(showEntry("Ir0nM@n", true)).toEqual({ kind: "password", text: MASKED });
  });

  it("counts commands by their words", () => {
    expect(normalizeCommand("  kubectl   get\tpods ")).toBe("kubectl get pods");
  });
});
