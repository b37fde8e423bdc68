import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

// Redirects `/` and unprefixed paths to a locale (cookie, then Accept-Language, then `en`).
export default createMiddleware(routing);

export const config = {
  // Everything except API routes, Next.js internals and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
