import { createTranslator } from "next-intl";
import { requireOwnCohort } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/anonymous";
import { HttpError, jsonError } from "@/lib/http/json";
import { isLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { cohortAttempts, cohortReport } from "@/lib/reports/cohort";
import { labAttemptsCsv, matrixCsv, quizAttemptsCsv, type Translate } from "@/lib/reports/exports";
import { allLabs } from "@/lib/reports/outline";

export const dynamic = "force-dynamic";

const KINDS = ["matrix.csv", "quiz-attempts.csv", "lab-attempts.csv"] as const;
type Kind = (typeof KINDS)[number];

/** A file name from the cohort's name: ASCII for old clients, UTF-8 (RFC 5987) for the rest. */
function disposition(cohortName: string, kind: Kind): string {
  const base = `${cohortName}-${kind}`.replace(/[\\/:*?"<>|\u0000-\u001f\s]+/g, "-");
  const ascii = base.normalize("NFKD").replace(/[^\x21-\x7e]/g, "") || kind;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(base).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * GET /api/cohorts/<id>/exports/<matrix|quiz-attempts|lab-attempts>.csv[?locale=xx] → text/csv,
 * for the cohort's own instructor only (404 for anyone else, 401 when signed out).
 */
export async function GET(request: Request, { params }: { params: Promise<{ cohort: string; kind: string }> }) {
  try {
    const { cohort: cohortId, kind } = await params;
    const { instructor, cohort } = await requireOwnCohort(await currentUser(request), cohortId);
    if (!(KINDS as readonly string[]).includes(kind)) throw new HttpError(404, "No such export.");
    const asked = new URL(request.url).searchParams.get("locale");
    const locale = isLocale(asked) ? asked : isLocale(instructor.locale) ? instructor.locale : "en";
    const t: Translate = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Exports" });

    let csv: string;
    if (kind === "matrix.csv") {
      const report = await cohortReport(cohort);
      csv = matrixCsv(report.outline, report.rows, t);
    } else {
      const { members, quizzes, labs } = await cohortAttempts(cohort);
      if (kind === "quiz-attempts.csv") {
        csv = quizAttemptsCsv(quizzes, members, t);
      } else {
        const tasks = new Map(allLabs().map((lab) => [lab.id, lab.tasks.length]));
        csv = labAttemptsCsv(labs, members, (id) => tasks.get(id) ?? null, t);
      }
    }
    // A byte-order mark: spreadsheet programs then read the names (Ayşe, Дмитрий, נועה) as UTF-8.
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": disposition(cohort.name, kind as Kind),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
