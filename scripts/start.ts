import { prepareDatabase } from "./prepare-db";
import { buildIsCurrent, writeBuildStamp } from "./build-stamp";
import { bin, generateClients, run } from "./run";

// npm start: migrate, seed when empty, build when the sources changed, then serve on PORT.
process.env.NEXT_TELEMETRY_DISABLED = "1";

async function main() {
  await prepareDatabase();
  if (buildIsCurrent()) {
    console.log("Build is current; skipping next build.");
  } else {
    await generateClients();
    await run(bin("next"), ["build"]);
    writeBuildStamp();
  }
  const port = process.env.PORT || "3000";
  await run(bin("next"), ["start", "--port", port]);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
