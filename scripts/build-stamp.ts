import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// `npm start` rebuilds only when something that goes into the build changed since the last one.
const INPUTS = [
  "app",
  "lib",
  "content",
  "proxy.ts",
  "global.d.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const STAMP = path.join(".next", "kubeclass-build-hash");

function addTree(hash: ReturnType<typeof createHash>, entry: string) {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    for (const child of fs.readdirSync(entry).sort()) addTree(hash, path.join(entry, child));
  } else if (!/\.test\.tsx?$/.test(entry)) {
    hash.update(entry).update("\0").update(fs.readFileSync(entry)).update("\0");
  }
}

export function sourceHash(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) addTree(hash, path.join(root, input));
  return hash.digest("hex");
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = path.join(root, STAMP);
  return (
    fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === sourceHash(root)
  );
}

export function writeBuildStamp(root = process.cwd()) {
  fs.writeFileSync(path.join(root, STAMP), sourceHash(root));
}
