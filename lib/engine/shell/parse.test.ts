import { describe, expect, it } from "vitest";
import { MAX_HEREDOC_BYTES, type List, type SimpleCommand, type WordPart, isComplete, parse } from "./parse";

function program(text: string): List {
  const r = parse(text);
  if (!r.ok) throw new Error(`parse failed: ${r.message}`);
  return r.program;
}

function simple(text: string, item = 0, cmd = 0): SimpleCommand {
  const c = program(text).items[item]!.head.commands[cmd]!;
  if (c.type !== "simple") throw new Error("not a simple command");
  return c;
}

const raws = (text: string) => simple(text).words.map((w) => w.raw);

function errorOf(text: string): string {
  const r = parse(text);
  if (r.ok || r.incomplete) throw new Error("expected a syntax error");
  return r.message;
}

describe("words and quoting", () => {
  it("splits words on blanks and keeps quotes in the raw text", () => {
    expect(raws(`echo  a 'b c'  "d e" f\\ g`)).toEqual(["echo", "a", "'b c'", '"d e"', "f\\ g"]);
  });

  it("separates literal, quoted and expansion parts", () => {
    const w = simple(`echo pre'sq'"dq $HOME ${"${X:-d}"}"\\$post`).words[1]!;
    expect(w.parts).toEqual<WordPart[]>([
      { type: "lit", text: "pre" },
      { type: "quoted", text: "sq" },
      {
        type: "dq",
        parts: [
          { type: "quoted", text: "dq " },
          { type: "param", name: "HOME", text: "$HOME" },
          { type: "quoted", text: " " },
          { type: "param", name: "X", op: ":-", arg: [{ type: "lit", text: "d" }], text: "${X:-d}" },
        ],
      },
      { type: "quoted", text: "$" },
      { type: "lit", text: "post" },
    ]);
  });

  it("handles backslashes inside double quotes as bash does", () => {
    const w = simple(`echo "a\\"b\\\\c\\$d\\e"`).words[1]!;
    expect(w.parts).toEqual([{ type: "dq", parts: [{ type: "quoted", text: 'a"b\\c$d\\e' }] }]);
  });

  it("reads $'...' with C escapes", () => {
    expect(simple("echo $'a\\tb\\x41\\n'").words[1]!.parts).toEqual([{ type: "quoted", text: "a\tbA\n" }]);
  });

  it("joins line continuations", () => {
    const words = simple("echo a\\\nb c").words;
    expect(words.map((w) => w.parts)).toEqual([[{ type: "lit", text: "echo" }], [{ type: "lit", text: "ab" }], [{ type: "lit", text: "c" }]]);
  });

  it("skips comments only at word starts", () => {
    expect(raws("echo a#b # comment")).toEqual(["echo", "a#b"]);
    expect(program("# only a comment").items).toEqual([]);
  });

  it("recognises tilde prefixes", () => {
    expect(simple("cd ~/x").words[1]!.parts[0]).toEqual({ type: "tilde", user: "" });
    expect(simple("cd ~bob").words[1]!.parts[0]).toEqual({ type: "tilde", user: "bob" });
    expect(simple("echo a~b").words[1]!.parts).toEqual([{ type: "lit", text: "a~b" }]);
  });

  it("parses special parameters, lengths and operators", () => {
    const parts = simple('echo $? $$ $# $1 ${#v} ${v%%.*} ${v/a/b} ${v:1:2}').words.slice(1).map((w) => w.parts[0]);
    expect(parts.map((p) => (p as { name: string }).name)).toEqual(["?", "$", "#", "1", "v", "v", "v", "v"]);
    expect(parts.map((p) => (p as { op?: string }).op)).toEqual([undefined, undefined, undefined, undefined, "length", "%%", "/", ":"]);
  });

  it("marks substitutions bash cannot do for a run-time error", () => {
    expect(simple("echo ${}").words[1]!.parts[0]).toEqual({ type: "bad", text: "${}" });
    expect(simple("echo ${a b}").words[1]!.parts[0]).toEqual({ type: "bad", text: "${a b}" });
  });

  it("parses command substitutions recursively, and backticks", () => {
    const p = simple("echo $(echo $(date)) `hostname`").words;
    expect(p[1]!.parts[0]!.type).toBe("cmd");
    expect(p[2]!.parts[0]).toMatchObject({ type: "cmd", text: "`hostname`" });
  });

  it("parses process substitution as a word and as a redirection target", () => {
    expect(simple("diff <(ls a) b").words[1]!.parts[0]).toMatchObject({ type: "procsubst", text: "<(ls a)" });
    expect(simple("wc -l < <(seq 3)").redirs[0]).toMatchObject({ op: "<", target: { raw: "<(seq 3)" } });
    expect(isComplete("cat <(echo")).toBe(false);
  });

  it("parses arithmetic expansion", () => {
    expect(simple("echo $((1 + $x))").words[1]!.parts[0]).toMatchObject({ type: "arith", text: "$((1 + $x))" });
  });
});

describe("assignments", () => {
  it("treats leading NAME=value words as assignments", () => {
    const c = simple("A=1 B+=x C=~/bin cmd D=2");
    expect(c.assigns.map((a) => [a.name, a.append])).toEqual([
      ["A", false],
      ["B", true],
      ["C", false],
    ]);
    expect(c.assigns[2]!.value[0]).toEqual({ type: "tilde", user: "" });
    expect(c.words.map((w) => w.raw)).toEqual(["cmd", "D=2"]);
  });

  it("takes standalone assignments and arrays", () => {
    expect(simple("x=5").assigns[0]).toMatchObject({ name: "x", value: [{ type: "lit", text: "5" }] });
    expect(simple("a=(one two)").assigns[0]!.array!.map((w) => w.raw)).toEqual(["one", "two"]);
  });
});

describe("operators", () => {
  it("builds lists, and-or chains and pipelines", () => {
    const p = program("a | b |& c && d || e; f & g");
    expect(p.items.length).toBe(3);
    const first = p.items[0]!;
    expect(first.head.commands.length).toBe(3);
    expect(first.head.pipeStderr).toEqual([false, true, false]);
    expect(first.tail.map((t) => t.op)).toEqual(["&&", "||"]);
    expect(p.items[1]!.background).toBe(true);
  });

  it("negates pipelines with !", () => {
    expect(program("! grep x f").items[0]!.head.negate).toBe(true);
  });

  it("parses every redirection form", () => {
    const r = simple("cmd <in >out 2>err >>app 2>&1 &>both &>>both2 >&2 3<&0 <>rw >|clob 2>/dev/null").redirs;
    expect(r.map((x) => [x.fd, x.op, x.target?.raw])).toEqual([
      [undefined, "<", "in"],
      [undefined, ">", "out"],
      [2, ">", "err"],
      [undefined, ">>", "app"],
      [2, ">&", "1"],
      [undefined, "&>", "both"],
      [undefined, "&>>", "both2"],
      [undefined, ">&", "2"],
      [3, "<&", "0"],
      [undefined, "<>", "rw"],
      [undefined, ">|", "clob"],
      [2, ">", "/dev/null"],
    ]);
    expect(simple("echo 2 >f").words.map((w) => w.raw)).toEqual(["echo", "2"]);
  });

  it("parses compound commands", () => {
    const types = (t: string) => program(t).items.map((i) => i.head.commands[0]!.type);
    expect(types("if true; then a; elif b; then c; else d; fi")).toEqual(["if"]);
    expect(types("for i in 1 2; do echo $i; done; while false; do :; done; until true; do :; done")).toEqual(["for", "while", "while"]);
    expect(types("for ((i=0;i<3;i++)); do :; done")).toEqual(["arithfor"]);
    expect(types("case $x in a|b) echo 1;; *) echo 2;; esac")).toEqual(["case"]);
    expect(types("{ a; b; } > f; (c; d)")).toEqual(["group", "subshell"]);
    expect(types("f() { echo hi; }; function g { :; }")).toEqual(["funcdef", "funcdef"]);
    expect(types("(( x > 1 )); [[ -f x && $a == b* ]]")).toEqual(["arith", "cond"]);
  });

  it("keeps keywords as plain words outside command position", () => {
    expect(raws("echo if then fi done }")).toEqual(["echo", "if", "then", "fi", "done", "}"]);
  });

  it("keeps function sources for storage", () => {
    const c = program("greet() { echo hi $1; }").items[0]!.head.commands[0]!;
    expect(c).toMatchObject({ type: "funcdef", name: "greet", source: "greet() { echo hi $1; }" });
  });
});

describe("here-documents", () => {
  it("reads bodies after the line, expanding unless the delimiter is quoted", () => {
    const r = simple("cat <<EOF\nhi $USER\n`date`\nEOF").redirs[0]!;
    expect(r.heredoc).toMatchObject({ delimiter: "EOF", quoted: false, body: "hi $USER\n`date`\n" });
    expect(r.heredoc!.parts!.map((p) => p.type)).toEqual(["quoted", "param", "quoted", "cmd", "quoted"]);
    const q = simple("cat <<'EOF'\nhi $USER\nEOF").redirs[0]!;
    expect(q.heredoc).toMatchObject({ quoted: true, body: "hi $USER\n" });
    expect(q.heredoc!.parts).toBeUndefined();
  });

  it("strips leading tabs with <<-", () => {
    expect(simple("cat <<-END\n\t\tindented\n\tEND").redirs[0]!.heredoc!.body).toBe("indented\n");
  });

  it("handles a pasted here-document piped into a command", () => {
    const text = "cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nEOF\necho done";
    const p = program(text);
    expect(p.items.length).toBe(2);
    const pipe = p.items[0]!.head.commands;
    expect(pipe.length).toBe(2);
    expect((pipe[0] as SimpleCommand).redirs[0]!.heredoc!.body).toBe("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n");
    expect((pipe[1] as SimpleCommand).words.map((w) => w.raw)).toEqual(["kubectl", "apply", "-f", "-"]);
  });

  it("reads several here-documents of one line in order", () => {
    const c = simple("paste <<A /dev/stdin <<B\n1\nA\n2\nB");
    expect(c.redirs.map((r) => r.heredoc!.body)).toEqual(["1\n", "2\n"]);
  });

  it("parses here-strings", () => {
    expect(simple("cat <<< 'hi there'").redirs[0]).toMatchObject({ op: "<<<", target: { raw: "'hi there'" } });
  });

  it("refuses bodies over 1 MB", () => {
    const r = parse(`cat <<EOF\n${"x".repeat(MAX_HEREDOC_BYTES)}\nEOF`);
    expect(r).toMatchObject({ ok: false, incomplete: false, limit: true });
  });

  it("accepts end of file as the delimiter only at end of input, with bash's warning", () => {
    expect(parse("cat <<EOF\nabc")).toMatchObject({ ok: false, incomplete: true });
    const r = parse("cat <<EOF\nabc", { atEof: true });
    expect(r.ok && r.warnings).toEqual(["bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')"]);
  });
});

describe("incomplete input", () => {
  it.each([
    ["echo 'open", "bash: unexpected EOF while looking for matching `''\nbash: syntax error: unexpected end of file"],
    ['echo "open', 'bash: unexpected EOF while looking for matching `"\'\nbash: syntax error: unexpected end of file'],
    ["echo `date", "bash: unexpected EOF while looking for matching ``'\nbash: syntax error: unexpected end of file"],
    ["echo $(date", "bash: unexpected EOF while looking for matching `)'\nbash: syntax error: unexpected end of file"],
    ["echo ${x", "bash: unexpected EOF while looking for matching `}'\nbash: syntax error: unexpected end of file"],
    ["ls |", "bash: syntax error: unexpected end of file"],
    ["ls &&", "bash: syntax error: unexpected end of file"],
    ["ls ||", "bash: syntax error: unexpected end of file"],
    ["echo a\\", "bash: syntax error: unexpected end of file"],
    ["cat <<EOF", "bash: syntax error: unexpected end of file"],
    ["cat <<EOF\nline", "bash: syntax error: unexpected end of file"],
    ["if true; then", "bash: syntax error: unexpected end of file"],
    ["for i in 1 2", "bash: syntax error: unexpected end of file"],
    ["while true; do", "bash: syntax error: unexpected end of file"],
    ["f() {", "bash: syntax error: unexpected end of file"],
    ["(", "bash: syntax error: unexpected end of file"],
    ["case x in", "bash: syntax error: unexpected end of file"],
  ])("%j needs more lines", (text, message) => {
    expect(parse(text)).toMatchObject({ ok: false, incomplete: true, message });
    expect(isComplete(text)).toBe(false);
  });

  it("says which delimiter a here-document body waits for", () => {
    expect(parse("cat <<-END | wc -l\nline")).toMatchObject({ incomplete: true, awaiting: { delimiter: "END", stripTabs: true } });
    expect(parse("echo 'open")).not.toHaveProperty("awaiting");
  });

  it("is complete once the rest arrives", () => {
    expect(isComplete("echo 'open\nclosed'")).toBe(true);
    expect(isComplete("ls |\nwc -l")).toBe(true);
    expect(isComplete("cat <<EOF\nbody\nEOF")).toBe(true);
    expect(isComplete("if true; then\necho y\nfi")).toBe(true);
    expect(isComplete("")).toBe(true);
    expect(isComplete("echo )")).toBe(true);
  });
});

describe("syntax errors", () => {
  it.each([
    ["| ls", "`|'"],
    ["ls | | wc", "`|'"],
    ["ls ;;", "`;;'"],
    ["; ls", "`;'"],
    ["echo )", "`)'"],
    ["echo (", "`newline'"],
    ["echo >", "`newline'"],
    ["echo <", "`newline'"],
    ["ls 2>&", "`newline'"],
    ["ls & & x", "`&'"],
    ["ls && || x", "`||'"],
    ["then", "`then'"],
    ["fi", "`fi'"],
    ["done", "`done'"],
    [")", "`)'"],
    ["}", "`}'"],
    ["for", "`newline'"],
    ["case", "`newline'"],
    ["if then", "`then'"],
    ["echo a > > b", "`>'"],
  ])("%j is rejected with bash's message", (text, token) => {
    expect(errorOf(text)).toBe(`bash: syntax error near unexpected token ${token}`);
  });

  it("rejects bad loop variables", () => {
    expect(errorOf("for 1x in a; do :; done")).toBe("bash: `1x': not a valid identifier");
  });

  it("limits nesting instead of overflowing the stack", () => {
    const deep = "$(".repeat(500) + ")".repeat(500);
    expect(errorOf(`echo ${deep}`)).toBe("bash: maximum nesting level exceeded");
    expect(parse("(".repeat(5000))).toMatchObject({ ok: false });
  });
});
