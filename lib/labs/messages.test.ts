import { describe, expect, it } from "vitest";
import { checkMessage } from "@/lib/i18n/message-check";
import { locales } from "@/lib/i18n/locales";
import { formatIcu, formatMessage, MESSAGES } from "./messages";

describe("the check message catalogue", () => {
  it("has the same keys in every locale", () => {
    const keys = Object.keys(MESSAGES.en).sort();
    for (const locale of locales) expect(Object.keys(MESSAGES[locale]).sort(), locale).toEqual(keys);
  });

  it.each(locales.filter((l) => l !== "en"))("%s: valid ICU with the English arguments and the locale's plural categories", (locale) => {
    const problems: string[] = [];
    for (const [key, original] of Object.entries(MESSAGES.en)) {
      for (const p of checkMessage(locale, MESSAGES[locale][key as keyof typeof MESSAGES.en], original)) problems.push(`${key}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it("English is valid ICU too", () => {
    const problems = Object.entries(MESSAGES.en).flatMap(([key, m]) => checkMessage("en", m, m).map((p) => `${key}: ${p}`));
    expect(problems).toEqual([]);
  });
});

describe("formatIcu", () => {
  it("inserts arguments and picks plural forms", () => {
    const values = { kind: "Deployment", ref: "name-space/nginx-deployment", ready: 3, desired: 5 };
    expect(formatMessage({ key: "replicasShort", values }, "en")).toBe("Deployment name-space/nginx-deployment: 3 of 5 replicas ready.");
    expect(formatMessage({ key: "replicasShort", values: { ...values, ready: 0, desired: 1 } }, "en")).toBe("Deployment name-space/nginx-deployment: 0 of 1 replica ready.");
    expect(formatMessage({ key: "replicasShort", values }, "ru")).toBe("Deployment name-space/nginx-deployment: готово 3 из 5 реплик.");
    expect(formatMessage({ key: "replicasShort", values: { ...values, desired: 21 } }, "ru")).toBe("Deployment name-space/nginx-deployment: готово 3 из 21 реплики.");
  });

  it("handles =N branches and select", () => {
    expect(formatMessage({ key: "endpoints", values: { ref: "default/web", actual: 0, expected: 3 } }, "en")).toBe("Service default/web: no ready endpoints, expected 3.");
    expect(formatMessage({ key: "etcdMember", values: { member: "etcd-3", actual: "started", expected: "stopped" } }, "en")).toBe("etcd member etcd-3 is started, expected stopped.");
    expect(formatMessage({ key: "etcdMember", values: { member: "etcd-3", actual: "stopped", expected: "started" } }, "ru")).toBe("Участник etcd etcd-3 остановлен, а должен быть запущен.");
  });

  it("leaves values alone, even when they look like ICU", () => {
    expect(formatIcu("{a} and {b}", { a: "{x}", b: "#1" }, "en")).toBe("{x} and #1");
  });

  it("formats the Docker example of the course", () => {
    expect(formatMessage({ key: "networkField", values: { host: "stapp01", name: "news", field: "driver", actual: "bridge", expected: "macvlan" } }, "en")).toBe(
      "Docker network news on stapp01: driver is bridge, expected macvlan.",
    );
  });
});
