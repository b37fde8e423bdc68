// Helpers for tests that type into a whole sandbox's terminal, line by line, as a learner does.
import { expect } from "vitest";
import type { Sandbox } from "../sandbox";
import type { ExecResult } from "../shell";

/** Types each line in turn; every line but the last must leave the command waiting for more. */
export function typeLines(sb: Sandbox, lines: string[]): ExecResult {
  let last: ExecResult | undefined;
  lines.forEach((line, i) => {
    last = sb.exec(line);
    if (i < lines.length - 1) expect(last, `line ${i + 1}: ${line}`).toMatchObject({ output: "", waitingFor: "more", prompt: "> " });
  });
  return last!;
}

/** Colour and bold escapes, as a terminal would render them away. */
export const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

/**
 * Splits a kubectl table by its header and checks kubectl's tabwriter layout: every column
 * starts where its header starts, and is as wide as its widest cell plus three spaces.
 */
export function table(text: string, headers: string[]): Record<string, string>[] {
  const lines = text.replace(/\n$/, "").split("\n");
  const head = lines[0]!;
  const starts: number[] = [];
  let from = 0;
  for (const h of headers) {
    const at = head.indexOf(h, from);
    expect(at, `header ${h} in ${JSON.stringify(head)}`).toBeGreaterThanOrEqual(0);
    starts.push(at);
    from = at + h.length;
  }
  expect(starts[0]).toBe(0);
  const rows = lines.slice(1).map((line) =>
    Object.fromEntries(
      headers.map((h, i) => {
        const end = i + 1 < starts.length ? starts[i + 1]! : line.length;
        const cell = line.slice(starts[i], end);
        // A cell never runs into the next column: it is followed by padding.
        if (i + 1 < starts.length) expect(cell, `${h} in ${JSON.stringify(line)}`).toMatch(/^\S(.*\S)? {3,}$/);
        return [h, cell.trimEnd()];
      }),
    ),
  );
  for (let i = 0; i + 1 < headers.length; i++) {
    const widest = Math.max(headers[i]!.length, ...rows.map((r) => r[headers[i]!]!.length));
    expect(starts[i + 1]! - starts[i]!, `width of ${headers[i]}`).toBe(widest + 3);
  }
  for (const line of lines) expect(line, "no trailing blanks").toBe(line.trimEnd());
  return rows;
}
