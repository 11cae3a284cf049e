import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, type EntityManager } from 'typeorm';

const SQLITE_BUSY_RETRIES = 8;

function isSqliteBusy(error: unknown): boolean {
  return /SQLITE_BUSY|database is locked/i.test((error as Error)?.message ?? '');
}

/**
 * Runs a write transaction. TypeORM's sqlite driver shares one connection, so concurrent transactions would
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
    if (this.dataSource.options.type !== 'sqlite') return this.dataSource.transaction(work);
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
