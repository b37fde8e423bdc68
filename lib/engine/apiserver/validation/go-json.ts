// Syntax errors worded like Go's encoding/json scanner ("invalid character 'x' looking for beginning
// of value", "unexpected end of JSON input"), for content the server parses as JSON (docker config
// Secrets).

class SyntaxError extends Error {}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const code = c.charCodeAt(0);
  if (c === "\n") return "'\\n'";
  if (c === "\t") return "'\\t'";
  if (c === "\r") return "'\\r'";
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, "0")}'`;
  return `'${c}'`;
}

class Scanner {
  private i = 0;
  constructor(private readonly s: string) {}

  private eof(): never {
    throw new SyntaxError("unexpected end of JSON input");
  }

  private bad(context: string): never {
    throw new SyntaxError(`invalid character ${quoteChar(this.s[this.i]!)} ${context}`);
  }

  private ws(): void {
    while (this.i < this.s.length && " \t\r\n".includes(this.s[this.i]!)) this.i++;
  }

  private peek(): string {
    if (this.i >= this.s.length) this.eof();
    return this.s[this.i]!;
  }

  /** Returns the kind of the value read. */
  value(): "object" | "array" | "string" | "number" | "bool" | "null" {
    this.ws();
    const c = this.peek();
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') {
      this.string();
      return "string";
    }
    if (c === "-" || (c >= "0" && c <= "9")) {
      this.number();
      return "number";
    }
    if (c === "t") return this.literal("true", "bool");
    if (c === "f") return this.literal("false", "bool");
    if (c === "n") return this.literal("null", "null");
    this.bad("looking for beginning of value");
  }

  private object(): "object" {
    this.i++;
    this.ws();
    if (this.peek() === "}") {
      this.i++;
      return "object";
    }
    for (;;) {
      this.ws();
      if (this.peek() !== '"') this.bad("looking for beginning of object key string");
      this.string();
      this.ws();
      if (this.peek() !== ":") this.bad("after object key");
      this.i++;
      this.value();
      this.ws();
      const c = this.peek();
      this.i++;
      if (c === "}") return "object";
      if (c !== ",") {
        this.i--;
        this.bad("after object key:value pair");
      }
    }
  }

  private array(): "array" {
    this.i++;
    this.ws();
    if (this.peek() === "]") {
      this.i++;
      return "array";
    }
    for (;;) {
      this.value();
      this.ws();
      const c = this.peek();
      this.i++;
      if (c === "]") return "array";
      if (c !== ",") {
        this.i--;
        this.bad("after array element");
      }
    }
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.peek();
      if (c === '"') {
        this.i++;
        return;
      }
      if (c.charCodeAt(0) < 0x20) this.bad("in string literal");
      if (c === "\\") {
        this.i++;
        const e = this.peek();
        if (e === "u") {
          for (let k = 0; k < 4; k++) {
            this.i++;
            if (!/[0-9a-fA-F]/.test(this.peek())) this.bad("in \\u hexadecimal character escape");
          }
        } else if (!'"\\/bfnrt'.includes(e)) {
          this.bad("in string escape code");
        }
      }
      this.i++;
    }
  }

  private digits(): void {
    while (this.i < this.s.length && this.s[this.i]! >= "0" && this.s[this.i]! <= "9") this.i++;
  }

  private number(): void {
    if (this.s[this.i] === "-") {
      this.i++;
      const c = this.peek();
      if (c < "0" || c > "9") this.bad("in numeric literal");
    }
    if (this.s[this.i] === "0") this.i++;
    else this.digits();
    if (this.s[this.i] === ".") {
      this.i++;
      const c = this.peek();
      if (c < "0" || c > "9") this.bad("after decimal point in numeric literal");
      this.digits();
    }
    if (this.s[this.i] === "e" || this.s[this.i] === "E") {
      this.i++;
      if (this.s[this.i] === "+" || this.s[this.i] === "-") this.i++;
      const c = this.peek();
      if (c < "0" || c > "9") this.bad("in exponent of numeric literal");
      this.digits();
    }
  }

  private literal<K extends "bool" | "null">(word: string, kind: K): K {
    for (let k = 0; k < word.length; k++) {
      const c = this.peek();
      if (c !== word[k]) this.bad(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
      this.i++;
    }
    return kind;
  }

  end(): void {
    this.ws();
    if (this.i < this.s.length) this.bad("after top-level value");
  }
}

/** The error json.Unmarshal(text, &map[string]interface{}{}) returns, or null. */
export function goUnmarshalMapError(text: string): string | null {
  let kind: string;
  try {
    const sc = new Scanner(text);
    kind = sc.value();
    sc.end();
  } catch (e) {
    if (e instanceof SyntaxError) return e.message;
    throw e;
  }
  if (kind === "object" || kind === "null") return null;
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}
