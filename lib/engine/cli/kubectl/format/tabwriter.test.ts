import { describe, expect, it } from "vitest";
import { KUBECTL_DESCRIBE, KUBECTL_TABLE, TabWriter, tabulate } from "./tabwriter";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("tabwriter with kubectl's table settings", () => {
  it("pads every column but the last by the widest cell plus 3", () => {
    expect(tabulate("NAME\tREADY\tSTATUS\nweb-1\t1/1\tRunning\n", KUBECTL_TABLE)).toBe(
      lines("NAME    READY   STATUS", "web-1   1/1     Running"),
    );
  });

  it("never pads the trailing cell", () => {
    const out = tabulate("A\tB\nlonger-value\tx\n", KUBECTL_TABLE);
    for (const line of out.split("\n")) expect(line).not.toMatch(/ $/);
  });

  it("applies the minimum cell width of 6 (plus nothing: width includes padding)", () => {
    // "A" + padding 3 = 4 < minwidth 6, so the column is 6 wide.
    expect(tabulate("A\tB\n", KUBECTL_TABLE)).toBe("A     B\n");
  });

  it("pads empty cells to the column width", () => {
    expect(tabulate("NAME\tHOLDER\tAGE\nx\t\t5m\n", KUBECTL_TABLE)).toBe(
      lines("NAME   HOLDER   AGE", "x               5m"),
    );
  });

  it("counts width in runes, not bytes", () => {
    expect(tabulate("ü\tb\nab\tc\n", { ...KUBECTL_TABLE, minWidth: 0 })).toBe(lines("ü    b", "ab   c"));
  });

  it("prints text without a final newline as is", () => {
    expect(tabulate("a\tb", KUBECTL_TABLE)).toBe("a     b");
  });
});

describe("tabwriter with describe's settings", () => {
  it("aligns consecutive lines and lets a tab-less line end the block", () => {
    const input = lines(
      "Name:\tweb",
      "Labels:\tapp=web",
      "\tpod-template-hash=abc",
      "IPs:",
      "  IP:\t10.244.1.5",
      "Controlled By:\tReplicaSet/web-abc",
    );
    expect(tabulate(input, KUBECTL_DESCRIBE)).toBe(
      lines(
        "Name:    web",
        "Labels:  app=web",
        "         pod-template-hash=abc",
        "IPs:",
        "  IP:           10.244.1.5",
        "Controlled By:  ReplicaSet/web-abc",
      ),
    );
  });

  it("sizes nested column blocks independently", () => {
    // Column 1 only spans the two lines that have three cells.
    const input = lines("a\tbb\tc", "aaa\tb\tc", "a\tbbbbbb");
    expect(tabulate(input, KUBECTL_DESCRIBE)).toBe(lines("a    bb  c", "aaa  b   c", "a    bbbbbb"));
  });

  it("gives an all-empty column the padding width", () => {
    expect(tabulate("x\t\ty\n", KUBECTL_DESCRIBE)).toBe("x    y\n");
  });
});

describe("TabWriter", () => {
  it("remembers widths across flushes when asked", () => {
    const w = new TabWriter(KUBECTL_TABLE);
    w.write("aaaaaaaaaa\tb\n");
    const first = w.flush();
    w.write("a\tb\n");
    expect(w.flush()).toBe(`${first}a${" ".repeat(12)}b\n`);
    w.resetRememberedWidths();
    w.write("a\tb\n");
    expect(w.flush().endsWith("a     b\n")).toBe(true);
  });
});
