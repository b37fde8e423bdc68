import { NextRequest } from "next/server";

// A pretend browser for route handlers and server actions in integration tests: a cookie jar that
// takes Set-Cookie from responses (and cookies().set() from actions) and sends the cookies back.
// Test files mock next/headers with `nextHeadersMock` (see below) and pick the active browser.

type Cookie = { value: string; httpOnly: boolean; sameSite: string | undefined; secure: boolean; path: string | undefined; expires: Date | undefined };

export class TestBrowser {
  readonly jar = new Map<string, Cookie>();
  constructor(readonly ip = "203.0.113.7") {}

  cookieHeader(): string {
    return [...this.jar].map(([name, c]) => `${name}=${c.value}`).join("; ");
  }

  /** Stores a cookie the way a browser does: an expiry in the past removes it. */
  store(name: string, cookie: Cookie) {
    if ((cookie.expires && cookie.expires.getTime() <= Date.now()) || cookie.value === "") this.jar.delete(name);
    else this.jar.set(name, cookie);
  }

  absorb(response: Response): Response {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";").map((s) => s.trim());
      const eq = pair!.indexOf("=");
      const attr = (name: string) => attributes.find((a) => a.toLowerCase().startsWith(`${name.toLowerCase()}=`))?.split("=")[1];
      const has = (name: string) => attributes.some((a) => a.toLowerCase() === name.toLowerCase());
      const expires = attr("Expires");
      this.store(pair!.slice(0, eq), {
        value: pair!.slice(eq + 1),
        httpOnly: has("HttpOnly"),
        sameSite: attr("SameSite"),
        secure: has("Secure"),
        path: attr("Path"),
        expires: expires ? new Date(expires) : attr("Max-Age") === "0" ? new Date(0) : undefined,
      });
    }
    return response;
  }

  request(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): NextRequest {
    const headers: Record<string, string> = { "x-forwarded-for": this.ip, ...(init.headers ?? {}) };
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    if (init.body !== undefined) headers["content-type"] ??= "application/json";
    return new NextRequest(`http://localhost${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      ...(init.body !== undefined ? { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) } : {}),
    });
  }
}

// On globalThis: a test that resets its modules still drives the same browser.
const holder = globalThis as unknown as { kubeclassTestBrowser?: TestBrowser };
const current = () => (holder.kubeclassTestBrowser ??= new TestBrowser());

/** The browser whose cookies server actions see. */
export function actAs(browser: TestBrowser): TestBrowser {
  holder.kubeclassTestBrowser = browser;
  return browser;
}

/** For `vi.mock("next/headers", ...)`: cookies() and headers() of the active browser. */
export const nextHeadersMock = {
  cookies: async () => {
    const active = current();
    return {
    get: (name: string) => {
      const c = active.jar.get(name);
      return c ? { name, value: c.value } : undefined;
    },
    getAll: () => [...active.jar].map(([name, c]) => ({ name, value: c.value })),
    set: (cookie: { name: string; value: string; httpOnly?: boolean; sameSite?: string; secure?: boolean; path?: string; expires?: Date; maxAge?: number }) => {
      const expires = cookie.expires ?? (cookie.maxAge !== undefined ? new Date(Date.now() + cookie.maxAge * 1000) : undefined);
      active.store(cookie.name, { value: cookie.value, httpOnly: Boolean(cookie.httpOnly), sameSite: cookie.sameSite, secure: Boolean(cookie.secure), path: cookie.path, expires });
    },
    delete: (name: string) => active.jar.delete(name),
    };
  },
  headers: async () => new Headers({ "x-forwarded-for": current().ip, host: "localhost", cookie: current().cookieHeader() }),
};

/** Runs a server action that should redirect; returns where to (or fails). */
export async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    const result = await run();
    throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2]!;
  }
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
