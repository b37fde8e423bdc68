import { NextResponse } from "next/server";
import { z } from "zod";
import { HttpError, jsonError, readJson } from "@/lib/http/json";
import { asHttpError, sandboxService } from "@/lib/sandboxes/instance";
import { userOrNew } from "@/lib/sandboxes/requests";

const body = z.object({ lab: z.string().regex(/^[a-z0-9-]{1,80}$/).nullish() }).strict();

/** POST /api/sandboxes {"lab"?} → 201 {"id"}: a fresh sandbox owned by the caller. */
export async function POST(request: Request) {
  try {
    const { lab } = await readJson(request, body, 1024);
    const { user, cookie } = await userOrNew(request);
    const { id } = await sandboxService().create(user.id, lab ?? null);
    const response = NextResponse.json({ id }, { status: 201 });
    if (cookie) response.cookies.set(cookie);
    return response;
  } catch (error) {
    return jsonError(asHttpError(error));
  }
}

export function GET() {
  return jsonError(new HttpError(405, "Use POST to create a sandbox."));
}
