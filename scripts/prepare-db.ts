import "./server-modules";
import { databaseUrl } from "@/lib/db/url";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemoData } from "@/lib/db/demo";
import { bin, run } from "./run";

/** Applies pending migrations, then seeds the demo cohort when the database is empty. */
export async function prepareDatabase() {
  databaseUrl();
  await run(bin("prisma"), ["migrate", "deploy"]);
  const db = createPrismaClient();
  try {
    if (await seedDemoData(db)) console.log("Seeded the demo cohort (see README for the accounts).");
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
