/**
 * The transaction manager our module services run their own SQL through
 * (`@InjectTransactionManager()` → `sharedContext.transactionManager`), with
 * knex-style `?` bindings. Only ever on the module's own tables.
 */
export type SqlManager = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }

/** `?, ?, ?` for an `IN (…)` list of these values. */
export const placeholders = (values: unknown[]) => values.map(() => "?").join(", ")
