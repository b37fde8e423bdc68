import { NextResponse } from "next/server";
import { jsonError } from "@/lib/http/json";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { attemptView, ownAttempt } from "@/lib/sandboxes/lab-attempts";
import { requireUser } from "@/lib/sandboxes/requests";

type Params = { params: Promise<{ id: string }> };

/** GET /api/lab-attempts/<id>?locale=xx → the attempt: totals, hints shown, the solution's state. */
export async function GET(request: Request, { params }: Params) {
  try {
    const { id } = await params;
    const user = await requireUser(request);
    const own = await ownAttempt(id, user.id);
    const locale = new URL(request.url).searchParams.get("locale");
    return NextResponse.json(await attemptView(own, isLocale(locale) ? locale : defaultLocale), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}
