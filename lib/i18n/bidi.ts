// Plain text helpers for right-to-left pages, safe to import anywhere (server, client, tests).

const RTL_LETTERS = "\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF";
const RTL = new RegExp(`[${RTL_LETTERS}]`);
const RTL_RUN = new RegExp(`([${RTL_LETTERS}]+)`);
// Something that reads left to right: a Latin or Cyrillic letter, or a digit.
const LTR_CONTENT = /[A-Za-z0-9\u00C0-\u024F\u0400-\u04FF]/;

const PAIRS: Record<string, string> = { "(": ")", "[": "]", "{": "}", "«": "»", "“": "”", "‹": "›" };
const CLOSERS = new Set(Object.values(PAIRS));
const QUOTES = new Set(['"', "'", "`", "״"]);
const SPACE_OR_PUNCTUATION = /[\s.,;:!?\u200f]/;

const count = (text: string, ch: string) => text.split(ch).length - 1;

/**
 * Whether the character at an edge of a run belongs to the surrounding right-to-left sentence:
 * spaces, sentence punctuation, and brackets or quotes whose partner is not inside the run.
 */
function belongsOutside(run: string, ch: string, atStart: boolean): boolean {
  if (SPACE_OR_PUNCTUATION.test(ch)) return true;
  if (QUOTES.has(ch)) return count(run, ch) % 2 === 1;
  if (ch in PAIRS) return atStart ? !run.includes(PAIRS[ch]!) : true;
  if (CLOSERS.has(ch)) {
    const opener = Object.keys(PAIRS).find((o) => PAIRS[o] === ch)!;
    return atStart ? true : !run.includes(opener);
  }
  return false;
}

export type DirectionalRun = { text: string; ltr: boolean };

/**
 * Splits text for a right-to-left page into runs, marking the left-to-right ones (commands,
 * paths, flags, numbers with units) to be isolated. Without isolation the bidi algorithm moves
 * a leading "/" or "-" to the wrong end: "/registry/pods" would show as "registry/pods/".
 * Text without any right-to-left letter is one left-to-right run.
 */
export function directionalRuns(text: string): DirectionalRun[] {
  if (!RTL.test(text)) return [{ text, ltr: LTR_CONTENT.test(text) }];
  const runs: DirectionalRun[] = [];
  const push = (part: string, ltr: boolean) => {
    if (!part) return;
    const last = runs[runs.length - 1];
    if (last && !last.ltr && !ltr) last.text += part;
    else runs.push({ text: part, ltr });
  };
  const pushPiece = (piece: string) => {
    if (!LTR_CONTENT.test(piece)) return push(piece, false);
    let start = 0;
    let end = piece.length;
    // Peel edge characters that belong to the sentence around the run, re-checking as we go.
    for (;;) {
      const run = piece.slice(start, end);
      if (start < end && belongsOutside(run, run[0]!, true)) start++;
      else if (start < end && belongsOutside(run, run[run.length - 1]!, false)) end--;
      else break;
    }
    push(piece.slice(0, start), false);
    push(piece.slice(start, end), true);
    push(piece.slice(end), false);
  };
  text.split(RTL_RUN).forEach((piece, index) => {
    if (index % 2 === 1) return push(piece, false);
    // A hyphen right after a Hebrew letter joins a prefix to the word ("ל-root", "ה-Pod"):
    // it belongs to the Hebrew side, or it would show at the far end of the word.
    let segment = piece;
    if (index > 0 && /^[-־]/.test(segment)) {
      push(segment[0]!, false);
      segment = segment.slice(1);
    }
    // A bracket whose partner lies in the Hebrew text stays outside any isolate, so the pair
    // still mirrors as one.
    let from = 0;
    for (const at of unmatchedBrackets(segment)) {
      pushPiece(segment.slice(from, at));
      push(segment[at]!, false);
      from = at + 1;
    }
    pushPiece(segment.slice(from));
  });
  return runs;
}

/** Positions of brackets in `text` that have no partner within it. */
function unmatchedBrackets(text: string): number[] {
  const open: number[] = [];
  const lone: number[] = [];
  // UTF-16 indices, as slice() uses; every bracket is a single code unit.
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch in PAIRS) open.push(i);
    else if (CLOSERS.has(ch)) {
      const last = open[open.length - 1];
      if (last !== undefined && PAIRS[text[last]!] === ch) open.pop();
      else lone.push(i);
    }
  }
  return [...open, ...lone].sort((a, b) => a - b);
}

/**
 * The same, for places that take plain text only (<option>, aria-label): left-to-right runs are
 * wrapped in the Unicode isolate marks LRI…PDI.
 */
export function isolateLtrRuns(text: string): string {
  if (!RTL.test(text)) return text;
  return directionalRuns(text)
    .map((run) => (run.ltr ? `\u2066${run.text}\u2069` : run.text))
    .join("");
}

export function hasRtlLetters(text: string): boolean {
  return RTL.test(text);
}
