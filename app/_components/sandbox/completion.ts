// Tab completion in the terminal, as readline does it: the server finds what the word under the
// cursor can become (it knows the cluster, the files and the shell's state); this side decides
// what a Tab press does with that. One match completes with a space after it (none after a
// directory's "/" or a flag's "="), several complete their common prefix, and a second Tab in
// a row lists them under the prompt.

export interface CompletionReply {
  /** The word being completed is line[from, to). */
  from: number;
  to: number;
  /** Each candidate as it would be inserted (escaped or quoted as needed). */
  matches: string[];
  /** Each candidate as it is listed (file names without their directory). */
  display: string[];
}

export async function fetchCompletion(sandboxId: string, line: string, cursor: number): Promise<CompletionReply> {
  const query = new URLSearchParams({ line, cursor: String(cursor) });
  const res = await fetch(`/api/sandboxes/${encodeURIComponent(sandboxId)}/complete?${query}`, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`completion failed with ${res.status}`);
  return (await res.json()) as CompletionReply;
}

export function commonPrefix(words: string[]): string {
  if (words.length === 0) return "";
  let prefix = words[0]!;
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

export interface TabResult {
  line: string;
  cursor: number;
  /** Candidates to list under the prompt. */
  list?: string[];
}

/**
 * What one Tab press does. `again` is true when the previous key was also Tab and the line has
 * not changed since: that is when readline lists the candidates.
 */
export function applyCompletion(line: string, cursor: number, reply: CompletionReply, again: boolean): TabResult {
  const { from, to, matches } = reply;
  if (matches.length === 0 || from > to || to > line.length) return { line, cursor };
  const typed = line.slice(from, to);
  if (matches.length === 1) {
    const match = matches[0]!;
    const open = /[/=]$/.test(match);
    // A space that is already there is stepped over rather than doubled.
    const spaceFollows = line[to] === " ";
    const insert = open || spaceFollows ? match : `${match} `;
    const next = line.slice(0, from) + insert + line.slice(to);
    return { line: next, cursor: from + insert.length + (!open && spaceFollows ? 1 : 0) };
  }
  const prefix = commonPrefix(matches);
  if (prefix.length > typed.length) {
    return { line: line.slice(0, from) + prefix + line.slice(to), cursor: from + prefix.length };
  }
  if (again) return { line, cursor, list: reply.display.length === matches.length ? reply.display : matches };
  return { line, cursor };
}

/** Candidates in columns, top to bottom then left to right, as bash lists them. */
export function formatColumns(items: string[], width: number): string[] {
  if (items.length === 0) return [];
  const sorted = [...items];
  const column = Math.max(...sorted.map((s) => s.length)) + 2;
  const columns = Math.max(1, Math.floor((width + 2) / column));
  const rows = Math.ceil(sorted.length / columns);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let text = "";
    for (let c = 0; c < columns; c++) {
      const item = sorted[c * rows + r];
      if (item === undefined) continue;
      const last = (c + 1) * rows + r >= sorted.length;
      text += last ? item : item.padEnd(column);
    }
    lines.push(text);
  }
  return lines;
}
