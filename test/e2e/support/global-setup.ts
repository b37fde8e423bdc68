import type { TestProject } from "vitest/node";
import { ensureChromium } from "./chromium";
import { startAppServer } from "./app-server";

export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium();
  const server = await startAppServer();
  project.provide("baseURL", server.baseURL);
  project.provide("chromiumPath", chromiumPath);
  project.provide("databaseUrl", server.databaseUrl);
  return server.stop;
}

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromiumPath: string;
    databaseUrl: string;
  }
}
