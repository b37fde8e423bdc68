import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/anonymous";

export const dynamic = "force-dynamic";

/** GET /api/me → who this browser is: an account, an anonymous learner, or nobody yet. */
export async function GET(request: Request) {
  const user = await currentUser(request);
  const body = !user
    ? { signedIn: false, anonymous: false }
    : user.email === null
      ? { signedIn: false, anonymous: true }
      : { signedIn: true, anonymous: false, name: user.name, email: user.email, role: user.role, locale: user.locale };
  return NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
}
