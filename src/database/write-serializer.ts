import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, type EntityManager } from 'typeorm';
import { isSqliteType } from './database-type';

const SQLITE_BUSY_RETRIES = 8;

/**
 * sqlite3 reports `SQLITE_BUSY: database is locked` in the message; better-sqlite3 throws a `SqliteError` whose
 * `code` is `SQLITE_BUSY` (or an extended `SQLITE_BUSY_SNAPSHOT`, …) and whose message is `database is locked`.
 * TypeORM wraps either in a QueryFailedError that keeps the original as `driverError`.
 */
export function isSqliteBusy(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown })?.driverError];
  return candidates.some((candidate) => {
    const { code, message } = (candidate ?? {}) as { code?: unknown; message?: unknown };
    return (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) || /SQLITE_BUSY|database is locked/i.test(typeof message === 'string' ? message : '');
  });
}

/**
 * Runs a write transaction. TypeORM's sqlite drivers (sqlite3 and better-sqlite3) share one connection, so concurrent transactions would
 * interleave on it: on sqlite the writes queue behind each other. PostgreSQL runs them concurrently and the
 * optimistic-lock `UPDATE … WHERE version = ?` decides.
 *
 * A second process on the same sqlite file (two instances, a CLI beside the server) can make sqlite refuse a lock
 * upgrade at once instead of waiting (SQLITE_BUSY, to avoid a deadlock): the whole transaction, rolled back, is
 * then tried again after a short random pause.
 */
@Injectable()
export class WriteSerializer {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!isSqliteType(this.dataSource.options.type)) return this.dataSource.transaction(work);
    const run = () => this.retryingWhenBusy(work);
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async retryingWhenBusy<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (!isSqliteBusy(error) || attempt >= SQLITE_BUSY_RETRIES) throw error;
        await sleep(20 * attempt + Math.random() * 50);
      }
    }
  }
}
