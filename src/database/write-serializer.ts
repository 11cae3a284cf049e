import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs a write transaction. TypeORM's sqlite driver shares one connection, so concurrent transactions would
 * interleave on it: on sqlite the writes queue behind each other. PostgreSQL runs them concurrently and the
 * optimistic-lock `UPDATE … WHERE version = ?` decides.
 */
@Injectable()
export class WriteSerializer {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const run = () => this.dataSource.transaction(work);
    if (this.dataSource.options.type !== 'sqlite') return run();
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
