import { describe, expect, it } from "vitest";
import { fieldErrors, normalizeEmail, safeNextPath, signUpSchema } from "./forms";

describe("account forms", () => {
  it("normalise addresses so one person has one account", () => {
    expect(normalizeEmail("  Ada@Example.COM ")).toBe("ada@example.com");
  });

  it("report the first problem of each field", () => {
    const parsed = signUpSchema.safeParse({ name: "", email: "x", password: "123", role: "root", locale: "en" });
    expect(parsed.success).toBe(false);
    expect(fieldErrors(parsed.error!.issues)).toEqual({ name: "nameRequired", email: "emailInvalid", password: "passwordTooShort", role: "roleInvalid" });
    expect(signUpSchema.safeParse({ name: " Ada  Lovelace ", email: "ADA@example.com", password: "0123456789", role: "learner", locale: "he" }).data).toEqual({
      name: "Ada Lovelace",
      email: "ada@example.com",
      password: "0123456789",
      role: "learner",
      locale: "he",
    });
  });

  it("only follow `next` to a path on this site", () => {
    expect(safeNextPath("/he/join/ABCD-2345")).toBe("/he/join/ABCD-2345");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "", "/a\nb", 42, undefined]) expect(safeNextPath(bad)).toBeNull();
  });
});
