// `npm run db:generate` (also run after `npm install`): both database clients.
import { generateClients } from "./run";

generateClients().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
