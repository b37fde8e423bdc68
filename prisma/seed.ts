import "../scripts/server-modules";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemoData } from "@/lib/db/demo";

// `prisma db seed` and `npm start` both land here; seeding is a no-op on a non-empty database.
const db = createPrismaClient();
seedDemoData(db)
  .then((seeded) => console.log(seeded ? "Seeded the demo cohort." : "Database already has data; not seeding."))
  .finally(() => db.$disconnect());
