/** "Unique constraint failed": another writer got there first. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, name, cause } = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
    name?: string;
    cause?: { kind?: string };
  };
  // P2002 from the query builder; a raw statement reports the driver's error under P2010; a
  // plain statement (lib/db/plain-sql.ts) gets the driver adapter's own error.
  if (code === "P2002") return true;
  if (code === "P2010") return meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
  return name === "DriverAdapterError" && cause?.kind === "UniqueConstraintViolation";
}
