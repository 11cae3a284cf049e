import { QueryFailedError } from 'typeorm';

/**
 * A unique index refused the row: PostgreSQL's 23505, sqlite's UNIQUE constraint. Where a write checks first and
 * then inserts, two instances (or two transactions on PostgreSQL) can both pass the check; the index decides, and
 * this tells the loser's error from a real failure.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string };
  return driverError?.code === '23505' || /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(driverError?.message ?? error.message);
}

/** Runs `insert`; a unique violation becomes `refusal()` (thrown inside the transaction, which rolls back). */
export async function insertOrRefuse<T>(insert: () => Promise<T>, refusal: () => Error): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw refusal();
    throw error;
  }
}
