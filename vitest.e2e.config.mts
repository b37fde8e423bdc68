import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// Browser tests: real Chromium against the built app, started once for the run.
export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    globalSetup: ["test/e2e/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: browsers in parallel files would fight the server for CPU.
    fileParallelism: false,
  },
});
