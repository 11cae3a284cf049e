import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { WriteSerializer } from '../database/write-serializer';
import type { JobLease } from './scheduled-job';
import { ScheduledJobEntity } from './scheduled-job.entity';

/**
 * Leases on background jobs, one row per job in `scheduled_jobs`. A claim is one conditional update —
 * `UPDATE … WHERE name = ? AND (locked_until IS NULL OR locked_until < now)` — and only the instance whose update
 * changed the row holds the job; the same statement works on sqlite and PostgreSQL.
 */
@Injectable()
export class JobLeases {
  /** This instance, as it signs its leases (two instances in one process still differ). */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(private readonly writes: WriteSerializer) {}

  /**
   * Claims `name` for `leaseSeconds` unless another holder's lease is still running, or the job last started less
   * than `minGapSeconds` ago (so instances ticking on their own clocks run it about once per interval between them).
   */
  async claim(name: string, leaseSeconds: number, minGapSeconds = 0, now = new Date()): Promise<JobLease | null> {
    const at = now.toISOString();
    const until = new Date(now.getTime() + leaseSeconds * 1000);
    const startedBefore = new Date(now.getTime() - minGapSeconds * 1000).toISOString();
    const claimed = await this.writes.transaction(async (manager) => {
      // The first write of the transaction, so sqlite takes its write lock before reading anything.
      await manager.createQueryBuilder().insert().into(ScheduledJobEntity).values({ name }).orIgnore().execute();
      const result = await manager
        .createQueryBuilder()
        .update(ScheduledJobEntity)
        .set({ lockedUntil: until.toISOString(), lockedBy: this.owner, lastRunAt: at })
        .where('name = :name', { name })
        .andWhere('(locked_until IS NULL OR locked_until < :now)', { now: at })
        .andWhere('(last_run_at IS NULL OR last_run_at <= :startedBefore)', { startedBefore })
        .execute();
      return result.affected === 1;
    });
    if (!claimed) return null;
    return {
      job: name,
      owner: this.owner,
      until,
      expiresWithin: (marginSeconds) => Date.now() + marginSeconds * 1000 >= until.getTime(),
    };
  }

  /** Gives the job back (only if this instance still holds it) and records how the run ended. */
  async release(lease: JobLease, error: string | null): Promise<void> {
    await this.writes.transaction((manager) =>
      manager
        .createQueryBuilder()
        .update(ScheduledJobEntity)
        .set({ lockedUntil: null, lockedBy: null, lastFinishedAt: new Date().toISOString(), lastError: error?.slice(0, 2000) ?? null })
        .where('name = :name AND locked_by = :owner', { name: lease.job, owner: lease.owner })
        .execute(),
    );
  }
}
