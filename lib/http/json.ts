import "server-only";
import { NextResponse } from "next/server";
import type { ZodType } from "zod";

/** Machine-readable codes for the statuses the API answers with. */
const CODES: Record<number, string> = {
  400: "invalid_body",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/**
 * An error a route handler answers with the given status and a JSON body `{ error, message }`:
 * a stable code for programs and a sentence for people (the same shape on every route).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** An HTTP answer as data: what a route handler or the app process's direct path sends. */
export interface JsonAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The answer for an HttpError; anything else is not ours to word and is thrown again. */
export function errorAnswer(error: unknown): JsonAnswer {
  if (error instanceof HttpError) {
    return { status: error.status, headers: { "Cache-Control": "no-store", ...error.headers }, body: { error: CODES[error.status] ?? "error", message: error.message } };
  }
  throw error;
}

export function jsonError(error: unknown): NextResponse {
  const answer = errorAnswer(error);
  return NextResponse.json(answer.body, { status: answer.status, headers: answer.headers });
}

/** 413 for a body over `maxBytes`. */
export function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `The request body may be at most ${Math.floor(maxBytes / 1024)} kB.`);
}

/**
 * Reads a JSON body no bigger than `maxBytes` and validates it: 413 when too big, 400 when it
 * is not JSON or not of the expected shape.
 */
export async function readJson<T>(request: Request, schema: ZodType<T>, maxBytes: number): Promise<T> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  return parseJson(await request.text(), schema, maxBytes);
}

/** The same checks on a body already read as text. */
export function parseJson<T>(text: string, schema: ZodType<T>, maxBytes: number): T {
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw tooLarge(maxBytes);
  let data: unknown;
  try {
    data = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new HttpError(400, `Invalid request: ${first ? `${first.path.join(".") || "body"}: ${first.message}` : "bad shape"}.`);
  }
  return parsed.data;
}
