import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests are trusted server code.
      "server-only": path.join(root, "test/support/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "test/unit/**/*.test.{ts,tsx}", "test/integration/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
