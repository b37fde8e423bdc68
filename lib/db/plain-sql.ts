import type { PrismaClient } from "@prisma/client";
import type { Db } from "./types";

// Plain SQL on a Prisma client's own connection, for the few statements every terminal command
// runs (the session lookup, the command insert, the snapshot). Going through the client, even
// with $queryRaw, costs its query compiler, interpreter and promise chain: several times the
// database's own work. These statements go straight to the driver adapter the client uses, so
// they share its connection (and, on SQLite, its transactions) exactly as the client's do.

export type SqlValue = string | number | bigint | Date | null;

/** What a driver adapter answers (the part used here). */
interface ResultSet {
  columnNames: string[];
  rows: unknown[][];
}

interface ArgType {
  scalarType: "string" | "int" | "bigint" | "float" | "datetime" | "unknown";
  arity: "scalar";
}

interface SqlQuery {
  sql: string;
  args: unknown[];
  argTypes: ArgType[];
}

/** The connected driver adapter of a client (the part used here). */
export interface DriverConnection {
  readonly provider: string;
  queryRaw(query: SqlQuery): Promise<ResultSet>;
  executeRaw(query: SqlQuery): Promise<number>;
  dispose(): Promise<void>;
}

/** An adapter factory as Prisma takes it. */
export interface DriverFactory {
  readonly provider: string;
  readonly adapterName: string;
  connect(): Promise<DriverConnection>;
}

/**
 * Where a client keeps its connection for plain statements. A property under a global symbol
 * rather than a module-level map: the app's bundles each carry their own copy of this module,
 * and all of them must find the one client of the process.
 */
const CONNECTION = Symbol.for("kubeclass.driverConnection");

type WithConnection = { [CONNECTION]?: () => Promise<DriverConnection> };

/**
 * The factory to give a PrismaClient, handing out one connection to both the client and the
 * plain statements of `plainSql(client)` (call `attach` once the client exists). A connection
 * disposed by `$disconnect` is forgotten, so a later query connects again as the client would.
 */
export function sharedConnection(factory: DriverFactory): { factory: DriverFactory; attach: (client: PrismaClient) => void } {
  let connected: Promise<DriverConnection> | undefined;
  const connect = () =>
    (connected ??= factory.connect().then((connection) => {
      const dispose = connection.dispose.bind(connection);
      connection.dispose = () => {
        connected = undefined;
        return dispose();
      };
      return connection;
    }));
  return {
    factory: { provider: factory.provider, adapterName: factory.adapterName, connect },
    attach: (client) => Object.defineProperty(client, CONNECTION, { value: connect }),
  };
}

function argType(value: SqlValue): ArgType {
  if (value === null) return { scalarType: "unknown", arity: "scalar" };
  if (typeof value === "string") return { scalarType: "string", arity: "scalar" };
  if (typeof value === "bigint") return { scalarType: "bigint", arity: "scalar" };
  if (value instanceof Date) return { scalarType: "datetime", arity: "scalar" };
  return { scalarType: Number.isInteger(value) ? "int" : "float", arity: "scalar" };
}

/** A statement from a template: placeholders as the database writes them, values as the adapter takes them. */
function statement(provider: string, strings: TemplateStringsArray, values: SqlValue[]): SqlQuery {
  let sql = strings[0]!;
  for (let i = 0; i < values.length; i++) sql += (provider === "postgres" ? `$${i + 1}` : "?") + strings[i + 1]!;
  // Both adapters read a bigint given as its decimal text (the form Prisma itself sends).
  const args = values.map((v) => (typeof v === "bigint" ? v.toString() : v));
  return { sql, args, argTypes: values.map(argType) };
}

export interface PlainSql {
  /** Rows as objects, column name → value (integers as numbers or decimal text, times as ISO text). */
  query<T = Record<string, unknown>>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<T[]>;
  /** The number of rows changed. */
  execute(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<number>;
}

/**
 * Plain statements for `db`: on its own connection when it was made by createPrismaClient,
 * else (a transaction, a client from elsewhere) through its $queryRaw, which gives the same rows.
 */
export function plainSql(db: Db): PlainSql {
  const connect = (db as WithConnection)[CONNECTION];
  if (!connect) {
    return {
      query: <T>(strings: TemplateStringsArray, ...values: SqlValue[]) => db.$queryRaw<T[]>(strings, ...values),
      execute: (strings, ...values) => db.$executeRaw(strings, ...values),
    };
  }
  return {
    async query<T>(strings: TemplateStringsArray, ...values: SqlValue[]) {
      const connection = await connect();
      const result = await connection.queryRaw(statement(connection.provider, strings, values));
      return result.rows.map((row) => {
        const out: Record<string, unknown> = {};
        result.columnNames.forEach((name, i) => (out[name] = row[i]));
        return out as T;
      });
    },
    async execute(strings, ...values) {
      const connection = await connect();
      return connection.executeRaw(statement(connection.provider, strings, values));
    },
  };
}
