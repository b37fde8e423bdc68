-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SandboxSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "labId" TEXT,
    "seed" INTEGER NOT NULL,
    "startTime" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    CONSTRAINT "SandboxSession_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SandboxSession" ("closedAt", "createdAt", "id", "labId", "lastUsedAt", "ownerId", "seed") SELECT "closedAt", "createdAt", "id", "labId", "lastUsedAt", "ownerId", "seed" FROM "SandboxSession";
DROP TABLE "SandboxSession";
ALTER TABLE "new_SandboxSession" RENAME TO "SandboxSession";
CREATE INDEX "SandboxSession_ownerId_idx" ON "SandboxSession"("ownerId");
CREATE TABLE "new_SandboxCommand" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sandboxId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "command" TEXT NOT NULL,
    "output" TEXT NOT NULL,
    "exitCode" INTEGER NOT NULL,
    "virtualTime" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SandboxCommand_sandboxId_fkey" FOREIGN KEY ("sandboxId") REFERENCES "SandboxSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SandboxCommand" ("command", "createdAt", "exitCode", "id", "output", "sandboxId", "seq", "virtualTime") SELECT "command", "createdAt", "exitCode", "id", "output", "sandboxId", "seq", "virtualTime" FROM "SandboxCommand";
DROP TABLE "SandboxCommand";
ALTER TABLE "new_SandboxCommand" RENAME TO "SandboxCommand";
CREATE UNIQUE INDEX "SandboxCommand_sandboxId_seq_key" ON "SandboxCommand"("sandboxId", "seq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
