/**
 * The transaction manager our module services run their own SQL through
 * (`@InjectTransactionManager()` → `sharedContext.transactionManager`), with
 * knex-style `?` bindings. Only ever on the module's own tables.
 */
export type SqlManager = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }

/** `?, ?, ?` for an `IN (…)` list of these values. */
export const placeholders = (values: unknown[]) => values.map(() => "?").join(", ")

/**
 * The manager as our repositories use it: one statement in, typed rows out.
 * Each caller names the row it selects (`sql.execute<{ units: number }>(…)`).
 */
export type Sql = { execute<Row extends object>(sql: string, params?: unknown[]): Promise<Row[]> }

/**
 * A module method's manager as Sql: the transaction of an `@InjectTransactionManager()`
 * method (the default), or the `manager` of an `@InjectManager()` one. The one place
 * the MikroORM manager is seen as a plain statement runner.
 */
export function sqlOf(
  context: { transactionManager?: unknown; manager?: unknown },
  use: "transactionManager" | "manager" = "transactionManager"
): Sql {
  const manager = context[use]
  if (!manager) throw new Error(`sqlOf: the context has no ${use} (decorate the method with @Inject${use === "manager" ? "Manager" : "TransactionManager"}())`)
  return manager as Sql
}
