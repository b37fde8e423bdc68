// Go's text/tabwriter, for the settings kubectl uses. Text is split into tab-terminated cells; a
// "column block" is a run of adjacent lines that all have a cell in that column, and its width is
// the widest cell plus padding. The text after a line's last tab is not part of any column, so it
// is never padded (no trailing spaces). A line without tabs ends every block, and flushes.

export interface TabWriterSettings {
  minWidth: number;
  tabWidth: number;
  padding: number;
  padChar: string;
  /** Every cell is padded, even empty columns (DiscardEmptyColumns off). */
  discardEmptyColumns?: boolean;
  /** liggitt/tabwriter's RememberWidths: column widths survive flushes (only grow). */
  rememberWidths?: boolean;
}

/** cli-runtime's printers.GetNewTabWriter: tables of `kubectl get`. */
export const KUBECTL_TABLE: TabWriterSettings = {
  minWidth: 6,
  tabWidth: 4,
  padding: 3,
  padChar: " ",
  rememberWidths: true,
};

/** describe's tabbedString: `kubectl describe` output. */
export const KUBECTL_DESCRIBE: TabWriterSettings = { minWidth: 0, tabWidth: 8, padding: 2, padChar: " " };

interface Cell {
  text: string;
  width: number;
}

/** Display width as Go counts it: one per rune (code point). */
function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class TabWriter {
  private out = "";
  private lines: Cell[][] = [[]];
  private cell = "";
  private widths: number[] = [];
  private remembered: number[] = [];
  private partialLast = false;

  constructor(private readonly settings: TabWriterSettings) {}

  write(text: string): this {
    for (const ch of text) {
      if (ch === "\t") {
        this.terminateCell();
      } else if (ch === "\n" || ch === "\f") {
        const cells = this.terminateCell();
        this.lines.push([]);
        // A line with a single cell (or a form feed) cannot extend any column block.
        if (cells === 1 || ch === "\f") this.flushLines();
      } else {
        this.cell += ch;
      }
    }
    return this;
  }

  /** Formats everything buffered and returns all output so far. */
  flush(): string {
    if (this.cell.length > 0) this.terminateCell();
    this.flushLines(true);
    return this.out;
  }

  /** What was formatted so far, without flushing pending lines. */
  output(): string {
    return this.out;
  }

  /** get.go resets remembered widths when a new kind of table starts. */
  resetRememberedWidths(): void {
    this.remembered = [];
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cell, width: runeCount(this.cell) });
    this.cell = "";
    return line.length;
  }

  private flushLines(final = false): void {
    // The last entry is the line being written: empty after a newline, or (on a final flush)
    // text without a newline, which is printed as is.
    const last = this.lines[this.lines.length - 1]!;
    const lines = last.length === 0 ? this.lines.slice(0, -1) : this.lines;
    this.partialLast = final && last.length > 0;
    this.format(lines, 0, lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private format(lines: Cell[][], line0: number, line1: number): void {
    const column = this.widths.length;
    for (let i = line0; i < line1; i++) {
      const line = lines[i]!;
      if (column >= line.length - 1) continue;
      // This line has a cell in this column: print the lines above, then size the block.
      this.writeLines(lines, line0, i);
      line0 = i;
      let width = this.settings.minWidth;
      let discardable = true;
      for (; i < line1; i++) {
        const l = lines[i]!;
        if (column >= l.length - 1) break;
        const c = l[column]!;
        width = Math.max(width, c.width + this.settings.padding);
        if (c.width > 0) discardable = false;
      }
      if (discardable && this.settings.discardEmptyColumns) width = 0;
      if (this.settings.rememberWidths) {
        const r = this.remembered[column] ?? 0;
        if (width < r) width = r;
        else this.remembered[column] = width;
      }
      this.widths.push(width);
      this.format(lines, line0, i);
      this.widths.pop();
      line0 = i;
      i--; // the outer loop's i++ revisits line i
    }
    this.writeLines(lines, line0, line1);
  }

  private writeLines(lines: Cell[][], line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]!;
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += this.settings.padChar.repeat(this.widths[j]! - c.width);
      });
      if (!(this.partialLast && i === lines.length - 1)) this.out += "\n";
    }
  }
}

/** Runs text through a fresh tab writer and returns the aligned result. */
export function tabulate(text: string, settings: TabWriterSettings): string {
  return new TabWriter(settings).write(text).flush();
}
