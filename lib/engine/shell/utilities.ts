// Every utility program the shell implements, by name.
import { AWK_UTILITIES } from "./awk";
import { FILE_UTILITIES } from "./coreutils";
import { DIFF_UTILITIES } from "./diff";
import { echoBuiltin, printfBuiltin } from "./printf";
import type { Utility } from "./proc";
import { SYS_UTILITIES } from "./sysutils";
import { testBuiltin } from "./test-expr";
import { TEXT_UTILITIES } from "./textutils";

export const UTILITIES: Record<string, Utility> = {
  ...FILE_UTILITIES,
  ...TEXT_UTILITIES,
  ...SYS_UTILITIES,
  ...AWK_UTILITIES,
  ...DIFF_UTILITIES,
  // bash builtins that also exist as programs (for sudo, xargs, find -exec, env).
  echo: echoBuiltin,
  printf: (p) => printfBuiltin(p),
  test: testBuiltin,
  "[": testBuiltin,
  true: () => 0,
  false: () => 1,
  pwd: (p) => (p.out(p.cwd + "\n"), 0),
};
// Lookups by typed name: "toString" or "__proto__" must not find Object.prototype.
Object.setPrototypeOf(UTILITIES, null);
