// A password goes from the form to the hash and nowhere else: not into the database file, not
// into anything printed while signing up and in.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { signInAction, signUpAction } from "@/app/_actions/account";
import { storedBytes, withAppDatabase } from "@/test/support/db";
import { TestBrowser, form, redirectOf, actAs } from "@/test/support/test-browser";

vi.mock("next/headers", async () => (await import("@/test/support/test-browser")).nextHeadersMock);

const database = withAppDatabase();
// Unusual enough never to occur by chance, with non-ASCII so every encoding is searched.
const PASSWORD = "Ünïque-pässwörd-7f3a9c-ключ";

let printed: string[] = [];
let spies: MockInstance[] = [];

beforeEach(() => {
  printed = [];
  const capture = (...args: unknown[]) => void printed.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a, Object.getOwnPropertyNames(a ?? {})))).join(" "));
  spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((method) => vi.spyOn(console, method).mockImplementation(capture));
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    spies.push(
      vi.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
        printed.push(String(chunk));
        return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write),
    );
  }
});

afterEach(() => {
  for (const spy of spies) spy.mockRestore();
});

function occurrences(bytes: Buffer, text: string): number {
  let count = 0;
  for (const encoding of ["utf8", "utf16le", "latin1"] as const) {
    const needle = Buffer.from(text, encoding);
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) count++;
  }
  return count;
}

describe("passwords", () => {
  it("are stored only as scrypt hashes and never printed, through sign-up, sign-in and their failures", async () => {
    actAs(new TestBrowser());
    await redirectOf(() => signUpAction(null, form({ name: "Ada", email: "ada@example.com", password: PASSWORD, role: "learner", locale: "ru" })));
    // The failures too: a taken address, a wrong password, a right one.
    actAs(new TestBrowser());
    expect((await signUpAction(null, form({ name: "Ada", email: "ada@example.com", password: PASSWORD, role: "learner", locale: "ru" })))?.errors).toEqual({ email: "emailTaken" });
    expect((await signInAction(null, form({ email: "ada@example.com", password: `${PASSWORD}x` })))?.errors).toEqual({ form: "invalidCredentials" });
    expect(await redirectOf(() => signInAction(null, form({ email: "ada@example.com", password: PASSWORD })))).toBe("/ru/dashboard");

    const db = database();
    const user = await db.client.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(user.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    // Everything stored: the SQLite file with any journal or write-ahead log next to it, or a
    // full dump of the PostgreSQL database.
    const bytes = await storedBytes(db);
    // The scan works: the account's email and hash are there to be found.
    expect(occurrences(bytes, "ada@example.com")).toBeGreaterThan(0);
    expect(occurrences(bytes, user.passwordHash!)).toBeGreaterThan(0);
    expect(occurrences(bytes, PASSWORD)).toBe(0);
    expect(occurrences(bytes, PASSWORD.normalize("NFKC"))).toBe(0);
    expect(occurrences(bytes, "pässwörd")).toBe(0);

    expect(printed.join("\n")).not.toContain("pässwörd");
    expect(printed.join("\n")).not.toContain(PASSWORD);
  });
});
