import { NextResponse } from "next/server";
import { z } from "zod";
import { jsonError, readJson } from "@/lib/http/json";
import { defaultLocale, locales } from "@/lib/i18n/locales";
import { ownAttempt, showHint } from "@/lib/sandboxes/lab-attempts";
import { requireUser } from "@/lib/sandboxes/requests";

const body = z
  .object({
    taskId: z.string().regex(/^[a-z0-9-]{1,80}$/),
    index: z.number().int().min(0).max(99),
    locale: z.enum(locales).default(defaultLocale),
  })
  .strict();

/** POST /api/lab-attempts/<id>/hints {"taskId","index","locale"} → the hint's text; recorded the first time. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const user = await requireUser(request);
    const input = await readJson(request, body, 1024);
    const own = await ownAttempt(id, user.id);
    return NextResponse.json(await showHint(own, input), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}
