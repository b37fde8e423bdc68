import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIsCurrent, sourceHash, writeBuildStamp } from "./build-stamp";

describe("the build stamp", () => {
  it("is current after a build and stale after a source change, not after a test change", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-stamp-"));
    fs.mkdirSync(path.join(root, "app"));
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, "app", "page.tsx"), "one");
    expect(buildIsCurrent(root)).toBe(false);

    fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    writeBuildStamp(root);
    expect(buildIsCurrent(root)).toBe(true);

    fs.writeFileSync(path.join(root, "app", "page.test.tsx"), "tests do not go into the build");
    expect(buildIsCurrent(root)).toBe(true);

    const before = sourceHash(root);
    fs.writeFileSync(path.join(root, "app", "page.tsx"), "two");
    expect(sourceHash(root)).not.toBe(before);
    expect(buildIsCurrent(root)).toBe(false);
    fs.rmSync(root, { recursive: true });
  });
});
