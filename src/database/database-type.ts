/**
 * Both embedded drivers (TypeORM's `sqlite` over sqlite3, and `better-sqlite3`) share one connection and sqlite's
 * SQL dialect: every check for "are we on sqlite" must accept either.
 */
export function isSqliteType(type: string): boolean {
  return type === 'sqlite' || type === 'better-sqlite3';
}
