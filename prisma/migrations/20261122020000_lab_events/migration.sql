-- CreateTable
CREATE TABLE "LabEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attemptId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "taskId" TEXT,
    "commandSeq" INTEGER,
    "detail" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "LabEvent_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "LabAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LabEvent_attemptId_id_idx" ON "LabEvent"("attemptId", "id");

