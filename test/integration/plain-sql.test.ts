import { afterEach, describe, expect, it, vi } from "vitest";
import { plainSql } from "@/lib/db/plain-sql";
import { isUniqueViolation } from "@/lib/db/errors";
import { appendCommand, commandsAfter } from "@/lib/sandboxes/store";
import { freshDatabase } from "@/test/support/db";

let dispose: (() => Promise<void>) | undefined;
afterEach(async () => {
  await dispose?.();
  dispose = undefined;
});

async function setup() {
  const db = freshDatabase();
  dispose = db.dispose;
  const user = await db.client.user.create({ data: { name: "Ada" } });
  await db.client.sandboxSession.create({ data: { id: "sb1", ownerId: user.id, seed: 7, startTime: BigInt(1_800_000_000_000) } });
  return { client: db.client, user };
}

describe("plain statements on the client's own connection", () => {
  it("read and write what the query builder reads and writes, without going through the client", async () => {
    const { client, user } = await setup();
    const queryRaw = vi.spyOn(client, "$queryRaw");
    const executeRaw = vi.spyOn(client, "$executeRaw");
    const at = new Date("2026-11-22T08:00:00.123Z");
    await appendCommand(client, "sb1", { seq: 1, command: "kubectl get nodes", output: "NAME\n", exitCode: 0, virtualTime: 1_800_000_123_456 }, at);
    const rows = await plainSql(client).query<{ name: string }>`SELECT "name" FROM "User" WHERE "id" = ${user.id}`;
    expect(rows).toEqual([{ name: "Ada" }]);
    expect(queryRaw).not.toHaveBeenCalled();
    expect(executeRaw).not.toHaveBeenCalled();
    // The query builder reads the row back with its types: the text, the big integer, the time.
    const stored = await client.sandboxCommand.findUniqueOrThrow({ where: { sandboxId_seq: { sandboxId: "sb1", seq: 1 } } });
    expect(stored).toMatchObject({ command: "kubectl get nodes", exitCode: 0, virtualTime: BigInt(1_800_000_123_456), createdAt: at });
    expect(await commandsAfter(client, "sb1", 0)).toEqual([{ seq: 1, command: "kubectl get nodes", output: "NAME\n", exitCode: 0, virtualTime: 1_800_000_123_456 }]);
  });

  it("report a second writer of the same key as a unique violation", async () => {
    const { client } = await setup();
    const entry = { seq: 1, command: "ls", output: "", exitCode: 0, virtualTime: 1 };
    await appendCommand(client, "sb1", entry, new Date());
    const error = await appendCommand(client, "sb1", entry, new Date()).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("something else"))).toBe(false);
  });

  it("run inside a transaction through the transaction's client", async () => {
    const { client, user } = await setup();
    const names = await client.$transaction(async (tx) => plainSql(tx).query<{ name: string }>`SELECT "name" FROM "User" WHERE "id" = ${user.id}`);
    expect(names).toEqual([{ name: "Ada" }]);
  });
});
