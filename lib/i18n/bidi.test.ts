import { describe, expect, it } from "vitest";
import { directionalRuns, isolateLtrRuns } from "./bidi";

const ltr = (text: string) => directionalRuns(text).filter((r) => r.ltr).map((r) => r.text);

describe("directionalRuns", () => {
  it("isolates commands, paths and flags inside Hebrew, leaving the sentence's punctuation outside", () => {
    expect(ltr("מה kubectl get pods שולח לאשכול בפועל? (-v=6 מראה את זה.)")).toEqual(["kubectl get pods", "-v=6"]);
    expect(ltr("שאילתה ישירה ל־etcd על המפתחות תחת /registry/pods")).toEqual(["etcd", "/registry/pods"]);
    expect(ltr("‎-d (או ‎--driver) בוחר את ה־driver")).toEqual(["‎-d", "‎--driver", "driver"]);
    expect(ltr('kubectl עונה ב־"The connection to the server 172.30.1.2:6443 was refused". מה הלאה?')).toEqual([
      "kubectl",
      '"The connection to the server 172.30.1.2:6443 was refused"',
    ]);
    expect(ltr("שרת ה־DNS של Docker (‎127.0.0.11 בתוך הקונטיינר)")).toEqual(["DNS", "Docker", "‎127.0.0.11"]);
    expect(ltr("kube-scheduler (ב־Pod)")).toEqual(["kube-scheduler", "Pod"]);
  });

  it("keeps a hyphen that joins a Hebrew prefix to a word with the prefix, and a flag's dash with the flag", () => {
    expect(directionalRuns("התחברו ל-root ובדקו")).toEqual([
      { text: "התחברו ל-", ltr: false },
      { text: "root", ltr: true },
      { text: " ובדקו", ltr: false },
    ]);
    expect(ltr("הריצו עם -v=6 ו-kubectl")).toEqual(["-v=6", "kubectl"]);
  });

  it("keeps every character, in order", () => {
    const text = "ה־quorum הוא n/2 + 1 = 3 מתוך 4, ולכן (ראו etcdctl endpoint status).";
    expect(directionalRuns(text).map((r) => r.text).join("")).toBe(text);
    expect(ltr(text)).toEqual(["quorum", "n/2 + 1 = 3", "4", "etcdctl endpoint status"]);
  });

  it("treats text without Hebrew as one run", () => {
    expect(directionalRuns("error: You must be logged in (Unauthorized)")).toEqual([{ text: "error: You must be logged in (Unauthorized)", ltr: true }]);
    expect(directionalRuns("…")).toEqual([{ text: "…", ltr: false }]);
  });
});

describe("isolateLtrRuns", () => {
  it("wraps left-to-right runs in LRI…PDI for plain-text places, and leaves other text alone", () => {
    expect(isolateLtrRuns("קובץ ב־/etc/kubernetes/manifests")).toBe("קובץ ב־\u2066/etc/kubernetes/manifests\u2069");
    expect(isolateLtrRuns("A counter for the whole store")).toBe("A counter for the whole store");
  });
});
