import type { PrismaClient } from "@prisma/client";
import { hashPassword } from "@/lib/auth/password";

/** The demo accounts the first start creates; the README lists them. */
export const DEMO_PASSWORD = "kubeclass-demo";
export const DEMO_COURSE = "kubernetes-from-the-inside";
export const DEMO_INVITE_CODE = "DEMO-K8S";

export const demoAccounts = [
  { email: "instructor@example.com", name: "Grace Miller", role: "instructor", locale: "en" },
  { email: "ayse@example.com", name: "Ayşe Demir", role: "learner", locale: "tr" },
  { email: "dmitri@example.com", name: "Дмитрий Иванов", role: "learner", locale: "ru" },
  { email: "noa@example.com", name: "נועה לוי", role: "learner", locale: "he" },
] as const;

/**
 * Fills an empty database with one instructor, a cohort and three learners with some lab work
 * done. Does nothing when any user exists, so restarts never touch real data. Returns whether
 * it seeded.
 */
export async function seedDemoData(db: PrismaClient): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const users = [];
    for (const account of demoAccounts) {
      users.push(await tx.user.create({ data: { ...account, passwordHash } }));
    }
    const [instructor, ...learners] = users;
    await tx.cohort.create({
      data: {
        name: "Demo cohort",
        course: DEMO_COURSE,
        inviteCode: DEMO_INVITE_CODE,
        instructorId: instructor!.id,
        memberships: { create: learners.map((learner) => ({ userId: learner.id })) },
      },
    });
  });
  // Real lab attempts for the learners: commands typed through the sandbox service and recorded
  // as any learner's are (loaded here only: it brings the simulator and the labs along).
  const { seedDemoLabAttempts } = await import("@/lib/sandboxes/demo-attempts");
  await seedDemoLabAttempts(db);
  // Lessons read and quizzes answered, graded by the quiz grader (loaded here only, like the labs).
  const { seedDemoProgress } = await import("./demo-progress");
  await seedDemoProgress(db);
  return true;
}
