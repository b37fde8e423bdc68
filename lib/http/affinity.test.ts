import { describe, expect, it } from "vitest";
import { learnerKey, processFor } from "./affinity";

const token = (c: string) => c.repeat(43);

describe("which process serves a learner", () => {
  it("keys a request by the account's session, else the anonymous learner's cookie", () => {
    expect(learnerKey(`kubeclass_anon=${token("a")}`)).toBe(token("a"));
    expect(learnerKey(`kubeclass_anon=${token("a")}; kubeclass_session=${token("b")}`)).toBe(token("b"));
    expect(learnerKey(`theme=dark; kubeclass_session=${token("b")}`)).toBe(token("b"));
  });

  it("has no key for a first visit or for cookies that are not ours", () => {
    expect(learnerKey(undefined)).toBeNull();
    expect(learnerKey("")).toBeNull();
    expect(learnerKey("theme=dark")).toBeNull();
    expect(learnerKey("kubeclass_anon=short")).toBeNull();
    expect(learnerKey(`kubeclass_session=${token("!")}`)).toBeNull();
  });

  it("sends a learner to the same process every time, and spreads learners evenly", () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) {
      const key = `${i}`.padStart(43, "x");
      const chosen = processFor(key, 3);
      expect(processFor(key, 3)).toBe(chosen);
      counts[chosen]!++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(processFor(token("z"), 1)).toBe(0);
  });
});
