import type { Prisma, PrismaClient } from "@prisma/client";

/** The client or a transaction: query modules take either, so callers can group writes. */
export type Db = PrismaClient | Prisma.TransactionClient;
