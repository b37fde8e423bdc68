import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "data/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine is pure: no framework, database, file system, wall clock or randomness.
    files: ["lib/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["fs", "path", "child_process", "crypto", "os", "http", "https", "net"].map((name) => ({ name, message: "lib/engine is pure TypeScript." })),
          patterns: [
            { group: ["next", "next/*", "react", "react-dom", "@prisma/*", "node:*", "@/lib/db/*", "@/app/*"], message: "lib/engine is pure TypeScript." },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Use the sandbox's virtual clock." },
        { object: "Math", property: "random", message: "Use the sandbox's seeded PRNG." },
      ],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Use the sandbox's virtual clock." }],
    },
  },
]);
