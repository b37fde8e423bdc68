import { execFileSync } from "node:child_process";
import fs from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => fs.existsSync(p));
}

/**
 * The path of a system Chromium. Browser downloads (`npx playwright install`) cannot work
 * offline, so the tests drive Debian's chromium package, installing it when we are root.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing; installing Debian's chromium package...");
    const apt = (args: string[]) => execFileSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    try {
      apt(["install", "-y", "--no-install-recommends", "chromium"]);
    } catch {
      apt(["update"]);
      apt(["install", "-y", "--no-install-recommends", "chromium"]);
    }
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error("Chromium not found. Install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH.");
}

/** Flags for a quiet, offline, headless Chromium in a container. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
